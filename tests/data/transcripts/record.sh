#!/usr/bin/env bash
# Records real `openssl s_client -showcerts` output against `openssl s_server` on 127.0.0.1,
# serving a throwaway P-256 chain (root, intermediate, leaf for www.certscope.test) made here.
set -euo pipefail
cd "$(dirname "$0")"
t=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$t"; }
trap cleanup EXIT
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
key "$t/root.key"; key "$t/int.key"; key "$t/leaf.key"
openssl req -x509 -new -key "$t/root.key" -subj "/O=certscope tests/CN=certscope transcript Root" -days 3650 \
  -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$t/root.pem"
openssl req -new -key "$t/int.key" -subj "/O=certscope tests/CN=certscope transcript Intermediate" -out "$t/int.csr"
openssl x509 -req -in "$t/int.csr" -CA "$t/root.pem" -CAkey "$t/root.key" -set_serial 2 -days 1825 \
  -extfile <(printf 'basicConstraints=critical,CA:true,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n') \
  -out "$t/int.pem" 2>/dev/null
openssl req -new -key "$t/leaf.key" -subj "/CN=www.certscope.test" -out "$t/leaf.csr"
openssl x509 -req -in "$t/leaf.csr" -CA "$t/int.pem" -CAkey "$t/int.key" -set_serial 3 -days 90 \
  -extfile <(printf 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:www.certscope.test\nauthorityKeyIdentifier=keyid\n') \
  -out "$t/leaf.pem" 2>/dev/null
cp "$t/root.pem" s_client-root.pem
port=$((20000 + RANDOM % 20000))
openssl s_server -accept "127.0.0.1:$port" -cert "$t/leaf.pem" -key "$t/leaf.key" -cert_chain "$t/int.pem" -quiet -www >/dev/null 2>&1 &
server=$!
sleep 1
openssl s_client -connect "127.0.0.1:$port" -servername www.certscope.test -showcerts -CAfile "$t/root.pem" </dev/null \
  > s_client-showcerts.txt 2>&1 || true
