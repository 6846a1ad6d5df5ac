#!/usr/bin/env bash
# Records what OpenSSL reports for every root here, for tests/roots.rs to compare with.
# Recorded with OpenSSL 3.0.19 (Debian 12). Run from this folder: ./make-fixture.sh
set -euo pipefail
cd "$(dirname "$0")"
for f in *.pem; do
  echo "file=$f"
  openssl x509 -in "$f" -noout -subject -issuer -serial -dates -fingerprint -sha256 \
    -nameopt RFC2253,-esc_msb
done > openssl-x509.txt
