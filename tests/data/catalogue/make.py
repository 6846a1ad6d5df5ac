#!/usr/bin/env python3
"""Certificates and keys for findings the rest of the corpus never produces (see PROVENANCE).

Run from this folder: python3 make.py (needs the `cryptography` package). Keys are new on each
run; the committed files are one run's output.
"""
import datetime as dt

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ca_key = ec.generate_private_key(ec.SECP256R1())
ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "certscope catalogue CA")])


def leaf(path, not_before, days, eku=ExtendedKeyUsageOID.SERVER_AUTH, key=None):
    key = key or ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "www.certscope.test")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_before + dt.timedelta(days=days))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("www.certscope.test")]), False)
        .add_extension(x509.ExtendedKeyUsage([eku]), False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
        .sign(ca_key, hashes.SHA256())
    )
    with open(path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))


utc = dt.timezone.utc
# Maximum lifetimes of the CA/Browser Forum's ballot SC-081 schedule, each just exceeded.
leaf("validity-over-398.pem", dt.datetime(2025, 6, 1, tzinfo=utc), 400)
leaf("validity-over-200.pem", dt.datetime(2026, 4, 1, tzinfo=utc), 210)
leaf("validity-over-100.pem", dt.datetime(2027, 4, 1, tzinfo=utc), 110)
leaf("validity-over-47.pem", dt.datetime(2029, 4, 1, tzinfo=utc), 60)
leaf("eku-client-only.pem", dt.datetime(2026, 10, 1, tzinfo=utc), 90, ExtendedKeyUsageOID.CLIENT_AUTH)
