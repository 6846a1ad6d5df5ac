#!/usr/bin/env python3
"""A legacy-encrypted PKCS#12 written by Python `cryptography` (its PBESv1 3DES option, as
older Windows and Java exports use), for certscope's legacy decryption tests. Run from
tests/data/formats/ after make.sh: python3 make-legacy-p12.py"""
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12

key = serialization.load_pem_private_key(open("leaf-rsa.key", "rb").read(), password=None)
leaf = x509.load_pem_x509_certificate(open("leaf-rsa.pem", "rb").read())
root = x509.load_pem_x509_certificate(open("root.pem", "rb").read())
encryption = (
    serialization.PrivateFormat.PKCS12.encryption_builder()
    .kdf_rounds(2048)
    .key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC)
    .hmac_hash(hashes.SHA1())
    .build(b"certscope")
)
data = pkcs12.serialize_key_and_certificates(b"certscope leaf", key, leaf, [root], encryption)
open("bundle-3des-cryptography.p12", "wb").write(data)
