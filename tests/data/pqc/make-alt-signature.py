#!/usr/bin/env python3
"""Makes hybrid certificates with alternative signatures (ITU-T X.509 (10/2019) §7.2.2, §9.8):
a root and a leaf for www.certscope.test, each signed with ECDSA P-256 and again, in the
altSignatureValue extension, with ML-DSA over the PreTBSCertificate (the TBSCertificate without
its signature field and without altSignatureValue). The root's alternative key is ML-DSA-65,
the leaf's ML-DSA-44. Also a leaf whose alternative signature was changed after signing (its
ECDSA signature, made afterwards, is good), followed by the root. The signatures are OpenSSL's, through Python's
`cryptography` (48+); the DER is written here.

Run `python3 make-alt-signature.py` to make alt-chain.pem, alt-root.pem and
alt-leaf-bad-alt.pem again; `python3 make-alt-signature.py --check FILE...` checks the
alternative signature of every certificate in the files with the alternative key of the
certificate that issued it (found among them by name) and prints 1 or 0 for each, so that
tests/pqc.rs can ask this independent implementation of the PreTBSCertificate every run."""
import base64, datetime, re, sys
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, mldsa

from der import tlv, seq, oid, integer, utf8, bitstring, octets, boolean, time, name
def ext(o, critical, value): return seq(oid(o), *([boolean(True)] if critical else []), octets(value))
def spki(key): return key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
def pem(der):
    b = base64.b64encode(der).decode()
    return '-----BEGIN CERTIFICATE-----\n' + '\n'.join(b[i:i+64] for i in range(0, len(b), 64)) + '\n-----END CERTIFICATE-----\n'
ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'))
ML_DSA = {'MLDSA44': '2.16.840.1.101.3.4.3.17', 'MLDSA65': '2.16.840.1.101.3.4.3.18'}
ALT_KEY, ALT_ALG, ALT_VALUE = '2.5.29.72', '2.5.29.73', '2.5.29.74'
START = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)

def make(serial, issuer_cn, issuer_key, issuer_alt, issuer_alt_kind, cn, key, alt_key, days, ca, tamper=False):
    exts = [ext('2.5.29.15', True, tlv(0x03, b'\x01\x06') if ca else tlv(0x03, b'\x07\x80')),
            ext('2.5.29.19', True, seq(boolean(True)) if ca else seq())]
    if not ca:
        exts.append(ext('2.5.29.17', False, seq(tlv(0x82, b'www.certscope.test'))))
    exts += [ext(ALT_KEY, False, spki(alt_key)), ext(ALT_ALG, False, seq(oid(ML_DSA[issuer_alt_kind])))]
    head = [tlv(0xa0, integer(2)), integer(serial)]
    rest = [name(issuer_cn), seq(time(START), time(START + datetime.timedelta(days=days))), name(cn), spki(key)]
    # The PreTBSCertificate: no signature field, no altSignatureValue.
    pre_tbs = seq(*head, *rest, tlv(0xa3, seq(*exts)))
    alt = issuer_alt.sign(pre_tbs)
    if tamper: alt = bytes([alt[0] ^ 1]) + alt[1:]
    tbs = seq(*head, ECDSA_SHA256, *rest, tlv(0xa3, seq(*exts, ext(ALT_VALUE, False, bitstring(alt)))))
    return seq(tbs, ECDSA_SHA256, bitstring(issuer_key.sign(tbs, ec.ECDSA(hashes.SHA256()))))

# --- the check: an implementation of the PreTBSCertificate apart from certscope's ---
def read(der, i=0):
    tag = der[i]; n = der[i + 1]; j = i + 2
    if n & 0x80: k = n & 0x7f; n = int.from_bytes(der[j:j + k], 'big'); j += k
    return tag, der[j:j + n], der[i:j + n], j + n
def children(body):
    out, i = [], 0
    while i < len(body):
        tag, content, whole, i = read(body, i); out.append((tag, content, whole))
    return out
def extensions(tbs_fields):
    found = {}
    for tag, content, _ in tbs_fields:
        if tag == 0xa3:
            for _, e, whole in children(children(content)[0][1]):
                parts = children(e)
                found[parts[0][2]] = (parts[-1][1], whole)
    return found
def check(der):
    _, cert, _, _ = read(der)
    tbs_tag, tbs, _, _ = read(cert)
    fields = children(tbs)
    exts = extensions(fields)
    value = exts.get(oid(ALT_VALUE))
    if value is None: return None
    kept = []
    for k, (tag, content, whole) in enumerate(fields):
        if k == 2: continue  # signature (v3: version is field 0)
        if tag == 0xa3:
            keep = [w for o, (_, w) in exts.items() if o != oid(ALT_VALUE)]
            kept.append(tlv(0xa3, seq(*keep)))
        else: kept.append(whole)
    signature = read(value[0])[1][1:]
    return seq(*kept), signature, fields
def subject_issuer(fields): return fields[5][2], fields[3][2]

if len(sys.argv) > 1 and sys.argv[1] == '--check':
    certs = []
    for path in sys.argv[2:]:
        text = open(path).read()
        for b in re.findall(r'-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----', text, re.S):
            certs.append(base64.b64decode(''.join(b.split())))
    parsed = [check(d) for d in certs]
    out = []
    for c in parsed:
        if c is None: continue
        message, signature, fields = c
        subject, issuer = subject_issuer(fields)
        ok = 0
        for other in parsed:
            if other is None or subject_issuer(other[2])[0] != issuer: continue
            key = serialization.load_der_public_key(extensions(other[2])[oid(ALT_KEY)][0])
            try: key.verify(signature, message); ok = 1
            except Exception: pass
        out.append(str(ok))
    print(' '.join(out))
    sys.exit(0)

root_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
root_alt, leaf_alt = mldsa.MLDSA65PrivateKey.generate(), mldsa.MLDSA44PrivateKey.generate()
root = make(1, 'Hybrid root', root_key, root_alt, 'MLDSA65', 'Hybrid root', root_key, root_alt, 3650, True)
leaf = make(2, 'Hybrid root', root_key, root_alt, 'MLDSA65', 'www.certscope.test', leaf_key, leaf_alt, 90, False)
bad = make(3, 'Hybrid root', root_key, root_alt, 'MLDSA65', 'www.certscope.test', leaf_key, leaf_alt, 90, False, tamper=True)
open('alt-chain.pem', 'w').write(pem(leaf) + pem(root))
open('alt-root.pem', 'w').write(pem(root))
open('alt-leaf-bad-alt.pem', 'w').write(pem(bad) + pem(root))
