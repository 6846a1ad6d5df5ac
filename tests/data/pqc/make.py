#!/usr/bin/env python3
"""Makes an ML-DSA chain (root ML-DSA-87, intermediate ML-DSA-65, leaf ML-DSA-44 for
www.certscope.test), a CSR and a CRL, signed by OpenSSL's ML-DSA through the Python package
`cryptography` (48+, whose wheels carry OpenSSL with ML-DSA; its X.509 builders do not take
ML-DSA keys yet, so the DER around the signatures is written here, per RFC 5280 and RFC 9881).
Re-run to refresh: python3 make.py (writes chain.pem, root.pem, leaf-tampered.pem, leaf.csr,
intermediate.crl)."""
import datetime, hashlib, os
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import mldsa

from der import tlv, seq, oid, integer, utf8, bitstring, octets, boolean, time, name
ALG = {'MLDSA44': '2.16.840.1.101.3.4.3.17', 'MLDSA65': '2.16.840.1.101.3.4.3.18', 'MLDSA87': '2.16.840.1.101.3.4.3.19'}
def alg(kind): return seq(oid(ALG[kind]))  # RFC 9881 §2: parameters absent
def ext(o, critical, value): return seq(oid(o), *( [boolean(True)] if critical else []), octets(value))
def spki(key): return key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
def key_id(key): return hashlib.sha1(key.public_key().public_bytes_raw()).digest()
def pem(der, label): 
    import base64; b = base64.b64encode(der).decode()
    return f'-----BEGIN {label}-----\n' + '\n'.join(b[i:i+64] for i in range(0, len(b), 64)) + f'\n-----END {label}-----\n'

START = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)
def cert(serial, kind, issuer_key, issuer_kind, issuer_cn, key, cn, days, ca, san=None):
    exts = [ext('2.5.29.15', True, tlv(0x03, b'\x01\x06') if ca else tlv(0x03, b'\x07\x80')),
            ext('2.5.29.19', True, seq(boolean(True)) if ca else seq()),
            ext('2.5.29.14', False, octets(key_id(key))),
            ext('2.5.29.35', False, seq(tlv(0x80, key_id(issuer_key))))]
    if san: exts += [ext('2.5.29.17', False, seq(tlv(0x82, san.encode()))), ext('2.5.29.37', False, seq(oid('1.3.6.1.5.5.7.3.1')))]
    tbs = seq(tlv(0xa0, integer(2)), integer(serial), alg(issuer_kind), name(issuer_cn),
              seq(time(START), time(START + datetime.timedelta(days=days))), name(cn), spki(key),
              tlv(0xa3, seq(*exts)))
    return seq(tbs, alg(issuer_kind), bitstring(issuer_key.sign(tbs)))

keys = {k: getattr(mldsa, k + 'PrivateKey').generate() for k in ALG}
root = cert(1, 'MLDSA87', keys['MLDSA87'], 'MLDSA87', 'ML-DSA-87 root', keys['MLDSA87'], 'ML-DSA-87 root', 3650, True)
inter = cert(2, 'MLDSA65', keys['MLDSA87'], 'MLDSA87', 'ML-DSA-87 root', keys['MLDSA65'], 'ML-DSA-65 intermediate', 1825, True)
leaf = cert(3, 'MLDSA44', keys['MLDSA65'], 'MLDSA65', 'ML-DSA-65 intermediate', keys['MLDSA44'], 'www.certscope.test', 90, False, 'www.certscope.test')
open('chain.pem', 'w').write(pem(leaf, 'CERTIFICATE') + pem(inter, 'CERTIFICATE') + pem(root, 'CERTIFICATE'))
open('root.pem', 'w').write(pem(root, 'CERTIFICATE'))
# The leaf with one byte of its subject changed after signing: the signature no longer matches.
i = leaf.find(b'www.certscope.test'); bad = leaf[:i] + b'W' + leaf[i + 1:]
open('leaf-tampered.pem', 'w').write(pem(bad, 'CERTIFICATE') + pem(inter, 'CERTIFICATE'))
# A CSR for the leaf's key (RFC 2986), and the intermediate's empty CRL (RFC 5280 §5).
info = seq(integer(0), name('www.certscope.test'), spki(keys['MLDSA44']), tlv(0xa0, b''))
open('leaf.csr', 'w').write(pem(seq(info, alg('MLDSA44'), bitstring(keys['MLDSA44'].sign(info))), 'CERTIFICATE REQUEST'))
tbs = seq(integer(1), alg('MLDSA65'), name('ML-DSA-65 intermediate'), time(START), time(START + datetime.timedelta(days=7)))
open('intermediate.crl', 'w').write(pem(seq(tbs, alg('MLDSA65'), bitstring(keys['MLDSA65'].sign(tbs))), 'X509 CRL'))
print('ML-DSA chain, CSR and CRL written')
