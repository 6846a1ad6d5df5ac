#!/usr/bin/env python3
"""Self-signed SLH-DSA certificates, one per FIPS 205 parameter set, with their private keys
(RFC 9909 §6, `.priv`), for tests/pqc.rs.

Signed by PyPI's `slh-dsa` 0.2.5 (a FIPS 205 implementation independent of RustCrypto's, which
certscope verifies with): pure SLH-DSA with an empty context over the TBSCertificate, the same
OID for the key and the signature and no parameters (draft-ietf-lamps-x509-slhdsa). The
DER is written here by hand, as no X.509 library in Python signs with SLH-DSA.

  python3 -m venv /tmp/slh && /tmp/slh/bin/pip install slh-dsa==0.2.5
  /tmp/slh/bin/python tests/data/pqc/make-slh-dsa.py
"""
import base64
import os

import slhdsa

SETS = [
    ("sha2_128s", 20), ("sha2_128f", 21), ("sha2_192s", 22), ("sha2_192f", 23),
    ("sha2_256s", 24), ("sha2_256f", 25), ("shake_128s", 26), ("shake_128f", 27),
    ("shake_192s", 28), ("shake_192f", 29), ("shake_256s", 30), ("shake_256f", 31),
]


def tlv(tag, body):
    n = len(body)
    if n < 0x80:
        length = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(raw)]) + raw
    return bytes([tag]) + length + body


def seq(*items):
    return tlv(0x30, b"".join(items))


def oid(dotted):
    parts = [int(p) for p in dotted.split(".")]
    out = bytes([40 * parts[0] + parts[1]])
    for p in parts[2:]:
        chunk = [p & 0x7F]
        p >>= 7
        while p:
            chunk.append(0x80 | (p & 0x7F))
            p >>= 7
        out += bytes(reversed(chunk))
    return tlv(0x06, out)


def name(cn):
    return seq(tlv(0x31, seq(oid("2.5.4.3"), tlv(0x0C, cn.encode()))))


def certificate(label, number):
    pair = slhdsa.KeyPair.gen(getattr(slhdsa, label))
    public = b"".join(pair.pub.key)
    alg = seq(oid(f"2.16.840.1.101.3.4.3.{number}"))
    subject = name(f"certscope {fips_name(label)} test root")
    extensions = tlv(0xA3, seq(
        seq(oid("2.5.29.19"), tlv(0x01, b"\xff"), tlv(0x04, seq(tlv(0x01, b"\xff")))),
        seq(oid("2.5.29.15"), tlv(0x01, b"\xff"), tlv(0x04, tlv(0x03, b"\x01\x06"))),
    ))
    tbs = seq(
        tlv(0xA0, tlv(0x02, b"\x02")),
        tlv(0x02, (0x5100 + number).to_bytes(2, "big")),
        alg,
        subject,
        seq(tlv(0x17, b"260101000000Z"), tlv(0x17, b"360101000000Z")),
        subject,
        seq(alg, tlv(0x03, b"\x00" + public)),
        extensions,
    )
    signature = pair.sign_pure(tbs)
    assert pair.pub.verify_pure(tbs, signature)
    # RFC 9909 §6: a OneAsymmetricKey whose privateKey holds the 4n raw bytes
    # SK.seed || SK.prf || PK.seed || PK.root.
    private = seq(tlv(0x02, b"\x00"), alg, tlv(0x04, b"".join(pair.sec.key)))
    return seq(tbs, alg, tlv(0x03, b"\x00" + signature)), private


def fips_name(label):
    """sha2_128s -> SLH-DSA-SHA2-128s, FIPS 205's spelling."""
    family, size = label.split("_")
    return f"SLH-DSA-{family.upper()}-{size}"


def pem(der, label="CERTIFICATE"):
    body = base64.encodebytes(der).decode().replace("\n", "")
    lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN {label}-----\n{lines}\n-----END {label}-----\n"


here = os.path.dirname(os.path.abspath(__file__))
for label, number in SETS:
    name_ = fips_name(label)
    cert, private = certificate(label, number)
    with open(os.path.join(here, f"{name_}.crt"), "w") as f:
        f.write(pem(cert))
    with open(os.path.join(here, f"{name_}.priv"), "w") as f:
        f.write(pem(private, "PRIVATE KEY"))
    print(name_)
