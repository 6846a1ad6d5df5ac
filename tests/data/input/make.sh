#!/usr/bin/env bash
# Makes the input-format fixtures in this folder from ../generated with OpenSSL.
set -euo pipefail
cd "$(dirname "$0")"
g=../generated
openssl x509 -in $g/p256-root.pem -trustout -addtrust serverAuth -out trusted.pem
openssl x509 -in $g/rsa2048-leaf.pem -outform DER -out leaf.der
openssl x509 -in $g/rsa2048-intermediate.pem -outform DER -out intermediate.der
cat leaf.der intermediate.der > two.der
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem 2>/dev/null
openssl req -new -key key.pem -subj /CN=csr.certscope.test -out request.csr
