#!/usr/bin/env python3
"""Makes pastes that carry PEM inside other formats, from the fixtures in ../formats: a
Kubernetes TLS Secret (`kubectl get secret -o yaml`: base64 of PEM), Vault's `pki/issue`
output and `aws acm get-certificate` output (JSON strings with \\n escapes), and `base64`
output wrapped at 76 columns. The shapes follow each tool's documented output; the key is the
throwaway test key of ../formats. Run from anywhere: tests/data/input/make-embedded.py
"""
import base64
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FORMATS = os.path.join(HERE, "..", "formats")


def read(name):
    return open(os.path.join(FORMATS, name)).read()


leaf, root, key = read("leaf-rsa.pem"), read("root.pem"), read("leaf-rsa.key")
b64 = lambda s: base64.b64encode(s.encode()).decode()

with open(os.path.join(HERE, "k8s-secret.yaml"), "w") as f:
    f.write(f"""apiVersion: v1
data:
  tls.crt: {b64(leaf + root)}
  tls.key: {b64(key)}
kind: Secret
metadata:
  name: www-certscope-test-tls
  namespace: default
type: kubernetes.io/tls
""")

vault = {
    "request_id": "8b3d2a8e-6f0e-4c8e-9b1a-0c1f2e3d4a5b",
    "lease_id": "",
    "lease_duration": 0,
    "renewable": False,
    "data": {
        "ca_chain": [root.strip()],
        "certificate": leaf.strip(),
        "expiration": 1798761600,
        "issuing_ca": root.strip(),
        "private_key": key.strip(),
        "private_key_type": "rsa",
        "serial_number": "10:00",
    },
    "warnings": None,
}
with open(os.path.join(HERE, "vault-pki-issue.json"), "w") as f:
    json.dump(vault, f, indent=2)
    f.write("\n")

with open(os.path.join(HERE, "acm-get-certificate.json"), "w") as f:
    json.dump({"Certificate": leaf, "CertificateChain": root}, f, indent=4)
    f.write("\n")

encoded = b64(leaf + root)
with open(os.path.join(HERE, "base64-wrapped.txt"), "w") as f:
    f.write("\n".join(encoded[i:i + 76] for i in range(0, len(encoded), 76)) + "\n")
print("made: k8s-secret.yaml vault-pki-issue.json acm-get-certificate.json base64-wrapped.txt")
