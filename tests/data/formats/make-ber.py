#!/usr/bin/env python3
"""Makes BER fixtures: PKCS #12 bundles as macOS Keychain and Java write them, and a CMS
SignedData as `openssl cms -sign -stream` writes it.

RFC 7292 allows BER. bundle-aes.p12 and bundle-3des.p12 (OpenSSL, DER) are re-encoded with
indefinite lengths on every constructed element, at every layer (the PFX, the
AuthenticatedSafe inside its OCTET STRING, the SafeContents inside each data ContentInfo),
with every OCTET STRING over 64 bytes split into a constructed string of 100-byte segments and
each EncryptedData's [0] IMPLICIT encryptedContent in the constructed form. Certificates keep
their DER (they sit inside OCTET STRINGs, which are split but never re-encoded). The MAC is
recomputed over the new AuthenticatedSafe (RFC 7292 appendix B.2 key derivation, HMAC), so
the bundles verify with the password "certscope". signed-ber.p7s and signed-ber-cms.pem are
OpenSSL's own streamed (indefinite-length) output, signed by leaf-rsa with root.pem attached.
Standard library and the openssl command only.

Run from anywhere: tests/data/formats/make-ber.py
"""
import hashlib
import hmac
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PASSWORD = "certscope"
SEGMENT = 100
DATA = bytes.fromhex("06092a864886f70d010701")  # OID 1.2.840.113549.1.7.1 as a TLV


def tlv(b, i=0):
    """(tag byte, content start, content end, element end) of the DER element at i."""
    tag = b[i]
    n = b[i + 1]
    if n < 0x80:
        start, length = i + 2, n
    else:
        k = n & 0x7F
        start, length = i + 2 + k, int.from_bytes(b[i + 2:i + 2 + k], "big")
    return tag, start, start + length, start + length


def children(b):
    out, i = [], 0
    while i < len(b):
        _, _, _, end = tlv(b, i)
        out.append(b[i:end])
        i = end
    return out


def der_len(n):
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def segmented(tag_primitive, value):
    """A constructed string of 100-byte primitive segments, indefinite length."""
    parts = [value[i:i + SEGMENT] for i in range(0, len(value), SEGMENT)] or [b""]
    return bytes([tag_primitive | 0x20, 0x80]) + b"".join(
        b"\x04" + der_len(len(p)) + p for p in parts) + b"\x00\x00"


def ber(element, inner=None):
    """Re-encodes a DER element as BER. `inner(value)` may re-encode an OCTET STRING's value."""
    tag, start, end, _ = tlv(element)
    content = element[start:end]
    if tag & 0x20:  # constructed: indefinite length
        return bytes([tag, 0x80]) + b"".join(ber(c, inner) for c in children(content)) + b"\x00\x00"
    if tag == 0x04:
        value = inner(content) if inner else content
        return segmented(0x04, value) if len(value) > 64 else b"\x04" + der_len(len(value)) + value
    if tag == 0x80 and len(content) > 64:  # EncryptedContentInfo's [0] IMPLICIT OCTET STRING
        return segmented(0x80, content)
    return element


def content_info_ber(ci):
    """A ContentInfo; for id-data, the SafeContents inside its OCTET STRING becomes BER too."""
    _, start, end, _ = tlv(ci)
    oid, wrapped = children(ci[start:end])
    if oid != DATA:
        return ber(ci)
    _, s, e, _ = tlv(wrapped)
    (octets,) = children(wrapped[s:e])
    _, os_, oe, _ = tlv(octets)
    inner = ber(octets[os_:oe])  # the SafeContents
    return (b"\x30\x80" + oid + b"\xa0\x80" + segmented(0x04, inner) + b"\x00\x00" + b"\x00\x00")


def kdf(hash_name, password, salt, ident, iterations, size):
    """RFC 7292 appendix B.2, with the password as BMPString plus two zero bytes."""
    h = hashlib.new(hash_name)
    u, v = h.digest_size, h.block_size
    pw = password.encode("utf-16-be") + b"\x00\x00"

    def fill(s):  # s repeated to a whole number of v-byte blocks
        n = v * ((len(s) + v - 1) // v)
        return (s * (n // len(s) + 1))[:n] if s else b""

    i_block = bytearray(fill(salt) + fill(pw))
    out = b""
    while len(out) < size:
        a = hashlib.new(hash_name, bytes([ident]) * v + bytes(i_block)).digest()
        for _ in range(iterations - 1):
            a = hashlib.new(hash_name, a).digest()
        out += a
        b = int.from_bytes((a * (v // u + 1))[:v], "big")
        for j in range(0, len(i_block), v):
            block = (int.from_bytes(i_block[j:j + v], "big") + b + 1) % (1 << (8 * v))
            i_block[j:j + v] = block.to_bytes(v, "big")
    return out[:size]


HASHES = {
    bytes.fromhex("06052b0e03021a"): "sha1",
    bytes.fromhex("0609608648016503040201"): "sha256",
}


def convert(name, out):
    der = open(os.path.join(HERE, name), "rb").read()
    _, start, end, _ = tlv(der)
    version, auth_safe, mac_data = children(der[start:end])
    # The AuthenticatedSafe: ContentInfo { id-data, [0] { OCTET STRING } }.
    _, s, e, _ = tlv(auth_safe)
    oid, wrapped = children(auth_safe[s:e])
    _, ws, we, _ = tlv(wrapped)
    (octets,) = children(wrapped[ws:we])
    _, os_, oe, _ = tlv(octets)
    _, as_, ae, _ = tlv(octets[os_:oe])
    safes = b"\x30\x80" + b"".join(content_info_ber(ci) for ci in children(octets[os_:oe][as_:ae])) + b"\x00\x00"
    new_auth = b"\x30\x80" + oid + b"\xa0\x80" + segmented(0x04, safes) + b"\x00\x00" + b"\x00\x00"
    # MacData { DigestInfo { algorithm, digest }, macSalt, iterations }: a new digest.
    _, ms, me, _ = tlv(mac_data)
    digest_info, salt, iterations = children(mac_data[ms:me])
    _, ds, de, _ = tlv(digest_info)
    algorithm, _old = children(digest_info[ds:de])
    _, als, ale, _ = tlv(algorithm)
    hash_name = HASHES[children(algorithm[als:ale])[0]]
    _, ss, se, _ = tlv(salt)
    _, is_, ie, _ = tlv(iterations)
    count = int.from_bytes(iterations[is_:ie], "big")
    key = kdf(hash_name, PASSWORD, salt[ss:se], 3, count, hashlib.new(hash_name).digest_size)
    digest = hmac.new(key, safes, hash_name).digest()
    new_digest_info = b"\x30\x80" + ber(algorithm) + b"\x04" + der_len(len(digest)) + digest + b"\x00\x00"
    new_mac = b"\x30\x80" + new_digest_info + salt + iterations + b"\x00\x00"
    pfx = b"\x30\x80" + version + new_auth + new_mac + b"\x00\x00"
    open(os.path.join(HERE, out), "wb").write(pfx)
    # Self-check: the old MAC must verify under the same derivation over the DER contents.
    old_key = kdf(hash_name, PASSWORD, salt[ss:se], 3, count, len(key))
    _, ods, ode, _ = tlv(_old)
    assert hmac.new(old_key, octets[os_:oe], hash_name).digest() == _old[ods:ode], name


convert("bundle-aes.p12", "bundle-aes-ber.p12")
convert("bundle-3des.p12", "bundle-3des-ber.p12")
with tempfile.NamedTemporaryFile("w", suffix=".txt") as message:
    message.write("certscope BER fixture\n")
    message.flush()
    for form, out in (("DER", "signed-ber.p7s"), ("PEM", "signed-ber-cms.pem")):
        subprocess.run(["openssl", "cms", "-sign", "-in", message.name, "-signer", "leaf-rsa.pem",
                        "-inkey", "leaf-rsa.key", "-certfile", "root.pem", "-outform", form,
                        "-stream", "-out", out], cwd=HERE, check=True)
print("made: bundle-aes-ber.p12 bundle-3des-ber.p12 signed-ber.p7s signed-ber-cms.pem")
