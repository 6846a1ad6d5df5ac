#!/usr/bin/env bash
# Makes the OCSP fixtures of tests/ocsp.rs with OpenSSL's own responder (`openssl ocsp
# -index`): a root, an intermediate CA and its certificates, and responses from the CA itself,
# from a delegated responder, from a responder the CA never authorised, by key hash, with a
# nonce, with SHA-256 CertIDs, for a revoked and an unknown certificate, one tampered with, and
# one "tryLater". Written for certscope (MIT OR Apache-2.0). The tests compare certscope with
# `openssl ocsp` itself on these files (tests/ocsp.rs), so they need not be made again.
# Usage: tests/data/ocsp/make-ocsp.sh   (rewrites the files in this folder)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
quiet() { "$@" >/dev/null 2>&1; }

ec() { quiet openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$2"; }
quiet openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout root.key -out root.pem \
  -subj "/CN=certscope OCSP test root" -days 3650 -addext basicConstraints=critical,CA:true -addext keyUsage=critical,keyCertSign,cRLSign
ec inter "certscope OCSP test CA"
printf 'basicConstraints=critical,CA:true,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n' > ca.ext
quiet openssl x509 -req -in inter.csr -CA root.pem -CAkey root.key -set_serial 0x1001 -out inter.pem -days 3650 -extfile ca.ext
sign() { quiet openssl x509 -req -in "$1.csr" -CA inter.pem -CAkey inter.key -set_serial "$2" -out "$1.pem" -days 3650 -extfile "$3"; }
printf 'subjectAltName=DNS:%s\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n' good.example > good.ext
printf 'subjectAltName=DNS:%s\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n' revoked.example > revoked.ext
printf 'extendedKeyUsage=OCSPSigning\nkeyUsage=critical,digitalSignature\nnoCheck=ignored\n' > responder.ext
printf 'keyUsage=critical,digitalSignature\n' > plain.ext
ec good good.example; sign good 0x2001 good.ext
ec revoked revoked.example; sign revoked 0x2002 revoked.ext
ec unknown unknown.example; sign unknown 0x2003 good.ext
ec responder "certscope OCSP test responder"; sign responder 0x3001 responder.ext
ec rogue "certscope OCSP test signer without OCSPSigning"; sign rogue 0x3002 plain.ext

# The CA's database: good.example valid, revoked.example revoked for keyCompromise;
# unknown.example is not in it.
printf 'V\t361201000000Z\t\t2001\tunknown\t/CN=good.example\n' > index.txt
printf 'R\t361201000000Z\t261201120000Z,keyCompromise\t2002\tunknown\t/CN=revoked.example\n' >> index.txt

# (A digest option applies to the -cert options after it.)
req() { quiet openssl ocsp "${@:3}" -issuer inter.pem -cert "$1.pem" -reqout "$2"; }
req good req-good.der -no_nonce
req revoked req-revoked.der -no_nonce
req unknown req-unknown.der -no_nonce
req good req-nonce.der
req good req-sha256.der -no_nonce -sha256
respond() { quiet openssl ocsp -index index.txt -CA inter.pem -reqin "$1" -respout "$here/$2" -ndays 7 "${@:3}"; }
respond req-good.der good.der -rsigner inter.pem -rkey inter.key -resp_no_certs
respond req-revoked.der revoked.der -rsigner inter.pem -rkey inter.key -resp_no_certs
respond req-unknown.der unknown.der -rsigner inter.pem -rkey inter.key -resp_no_certs
respond req-good.der delegated.der -rsigner responder.pem -rkey responder.key
respond req-good.der unauthorised.der -rsigner rogue.pem -rkey rogue.key
respond req-good.der by-key.der -rsigner inter.pem -rkey inter.key -resp_no_certs -resp_key_id
respond req-nonce.der nonce.der -rsigner inter.pem -rkey inter.key -resp_no_certs
respond req-sha256.der sha256.der -rsigner inter.pem -rkey inter.key -resp_no_certs
# The last byte of the signature changed: the response no longer verifies.
python3 - "$here/good.der" "$here/tampered.der" <<'PY'
import sys
data = bytearray(open(sys.argv[1], 'rb').read())
data[-1] ^= 0x01
open(sys.argv[2], 'wb').write(data)
PY
# responseStatus tryLater (3), no responseBytes.
printf '\x30\x03\x0a\x01\x03' > "$here/try-later.der"
base64 -w 64 "$here/revoked.der" > "$here/revoked.b64"
# Requests as a client sends them: one certificate; two with OpenSSL's nonce; SHA-256 CertID.
quiet openssl ocsp -issuer inter.pem -cert good.pem -reqout "$here/req-good.der" -no_nonce
quiet openssl ocsp -issuer inter.pem -cert good.pem -cert revoked.pem -reqout "$here/req-two.der"
quiet openssl ocsp -sha256 -issuer inter.pem -cert unknown.pem -reqout "$here/req-sha256.der" -no_nonce
# A signed request (its requestorName is the signer's subject).
quiet openssl ocsp -issuer inter.pem -cert good.pem -signer responder.pem -signkey responder.key -reqout "$here/req-signed.der" -no_nonce

cp root.pem inter.pem good.pem revoked.pem unknown.pem "$here/"
# A paste as a person would make it: the certificate, its CA, and the CA's answer about it.
{ cat revoked.pem inter.pem; printf -- '-----BEGIN OCSP RESPONSE-----\n'; base64 -w 64 "$here/revoked.der"; printf -- '-----END OCSP RESPONSE-----\n'; } > "$here/revoked-with-chain.pem"
openssl version > "$here/openssl-version.txt"
