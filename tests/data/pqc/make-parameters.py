#!/usr/bin/env python3
"""Makes ML-DSA-44-with-parameters.crt: a self-signed ML-DSA-44 certificate whose key and
signature AlgorithmIdentifiers carry a NULL parameter, which RFC 9881 §2 forbids (parameters
MUST be absent), for the `key.pq-parameters` lint. Signed by OpenSSL's ML-DSA through Python's
`cryptography` (48+); the DER is written by hand (der.py). Run: python3 make-parameters.py"""
import datetime
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import mldsa
from der import tlv, seq, oid, integer, bitstring, octets, boolean, time, name

ML_DSA_44 = '2.16.840.1.101.3.4.3.17'
NULL = b'\x05\x00'
alg = seq(oid(ML_DSA_44), NULL)
key = mldsa.MLDSA44PrivateKey.generate()
raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
start = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)
ext = lambda o, v: seq(oid(o), boolean(True), octets(v))
tbs = seq(tlv(0xa0, integer(2)), integer(0x44), alg, name('ML-DSA-44 with parameters'),
          seq(time(start), time(start + datetime.timedelta(days=3650))), name('ML-DSA-44 with parameters'),
          seq(alg, bitstring(raw)),
          tlv(0xa3, seq(ext('2.5.29.19', seq(boolean(True))), ext('2.5.29.15', tlv(0x03, b'\x01\x06')))))
der = seq(tbs, alg, bitstring(key.sign(tbs)))
import base64
b = base64.b64encode(der).decode()
open('ML-DSA-44-with-parameters.crt', 'w').write(
    '-----BEGIN CERTIFICATE-----\n' + '\n'.join(b[i:i+64] for i in range(0, len(b), 64)) + '\n-----END CERTIFICATE-----\n')
