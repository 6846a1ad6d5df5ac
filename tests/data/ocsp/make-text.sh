#!/usr/bin/env bash
# Makes the OCSP text fixtures of tests/ocsp.rs with OpenSSL itself: `openssl ocsp -resp_text`
# of two responses made by make-ocsp.sh (pasted with the certificates, as a person would), and a
# real `openssl s_client -status` transcript of an `openssl s_server` on 127.0.0.1 that staples
# an OCSP response from OpenSSL's own responder. Written for certscope (MIT OR Apache-2.0).
# Usage: tests/data/ocsp/make-text.sh   (rewrites revoked-resp-text.txt,
# delegated-resp-text.txt, stapled-s_client.txt and stapled-root.pem in this folder)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
server=
cd "$work"
quiet() { "$@" >/dev/null 2>&1; }

{ cat "$here/revoked.pem" "$here/inter.pem"; openssl ocsp -respin "$here/revoked.der" -resp_text -noverify 2>/dev/null; } > "$here/revoked-resp-text.txt"
{ cat "$here/good.pem" "$here/inter.pem"; openssl ocsp -respin "$here/delegated.der" -resp_text -noverify 2>/dev/null; } > "$here/delegated-resp-text.txt"

# A server that staples: its own root, CA-signed certificate and the CA's OCSP answer.
quiet openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout root.key -out root.pem \
  -subj "/CN=certscope stapling test root" -days 3650 -addext basicConstraints=critical,CA:true -addext keyUsage=critical,keyCertSign,cRLSign
quiet openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout server.key -out server.csr -subj "/CN=stapled.example"
printf 'subjectAltName=DNS:stapled.example\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\nauthorityInfoAccess=OCSP;URI:http://127.0.0.1:1/\n' > server.ext
quiet openssl x509 -req -in server.csr -CA root.pem -CAkey root.key -set_serial 0x4001 -out server.pem -days 3650 -extfile server.ext
printf 'V\t361201000000Z\t\t4001\tunknown\t/CN=stapled.example\n' > index.txt
quiet openssl ocsp -issuer root.pem -cert server.pem -reqout req.der -no_nonce
quiet openssl ocsp -index index.txt -CA root.pem -rsigner root.pem -rkey root.key -reqin req.der -respout resp.der -ndays 7 -resp_no_certs
port=$((20000 + RANDOM % 20000))
openssl s_server -accept "$port" -cert server.pem -key server.key -status_file resp.der -quiet >/dev/null 2>&1 &
server=$!
sleep 1
printf 'Q\n' | openssl s_client -connect "127.0.0.1:$port" -servername stapled.example -status -showcerts 2>&1 \
  | sed "s/127.0.0.1:$port/127.0.0.1:4433/g" > "$here/stapled-s_client.txt"
cp root.pem "$here/stapled-root.pem"
