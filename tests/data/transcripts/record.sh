#!/usr/bin/env bash
# Records real `openssl s_client` and `curl -v` transcripts against `openssl s_server` on
# 127.0.0.1, serving throwaway chains made here (P-256 root and intermediate; ECDSA and RSA
# leaves for www.certscope.test, one expired). Port 443 when run as root (transcripts then look
# like the real thing), a random port otherwise. Recorded files:
#   s_client-showcerts.txt   complete chain, TLS 1.3, ECDSA                (verify 0)
#   s_client-missing.txt     leaf only, TLS 1.3                             (verify 20)
#   s_client-expired.txt     expired leaf                                   (verify 10)
#   s_client-wrong-name.txt  asked for other.certscope.test                 (verify 62)
#   s_client-tls12-rsa.txt   TLS 1.2, RSA leaf, ECDHE-RSA-AES128-GCM, -status (no staple)
#   curl-v.txt               curl -v to the complete chain (headers included)
#   curl-v-missing.txt       curl -v to the leaf-only server (curl: (60))
#   s_client-root.pem        the root to trust for them
set -euo pipefail
cd "$(dirname "$0")"
t=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$t"; }
trap cleanup EXIT
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
key "$t/root.key"; key "$t/int.key"; key "$t/leaf.key"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$t/rsa.key" 2>/dev/null
openssl req -x509 -new -key "$t/root.key" -subj "/O=certscope tests/CN=certscope transcript Root" -days 3650 \
  -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$t/root.pem"
openssl req -new -key "$t/int.key" -subj "/O=certscope tests/CN=certscope transcript Intermediate" -out "$t/int.csr"
openssl x509 -req -in "$t/int.csr" -CA "$t/root.pem" -CAkey "$t/root.key" -set_serial 2 -days 1825 \
  -extfile <(printf 'basicConstraints=critical,CA:true,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n') \
  -out "$t/int.pem" 2>/dev/null
leafext='basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:www.certscope.test\nauthorityKeyIdentifier=keyid\n'
openssl req -new -key "$t/leaf.key" -subj "/CN=www.certscope.test" -out "$t/leaf.csr"
openssl x509 -req -in "$t/leaf.csr" -CA "$t/int.pem" -CAkey "$t/int.key" -set_serial 3 -days 90 \
  -extfile <(printf "$leafext") -out "$t/leaf.pem" 2>/dev/null
openssl req -new -key "$t/rsa.key" -subj "/CN=www.certscope.test" -out "$t/rsa.csr"
openssl x509 -req -in "$t/rsa.csr" -CA "$t/int.pem" -CAkey "$t/int.key" -set_serial 4 -days 90 \
  -extfile <(printf "$leafext") -out "$t/rsa.pem" 2>/dev/null
# An expired leaf: signed with a CA database so the dates can lie in the past.
mkdir "$t/new"; touch "$t/index.txt"; echo 05 > "$t/serial"
printf '[ca]\ndefault_ca=d\n[d]\ndatabase=%s/index.txt\nserial=%s/serial\nnew_certs_dir=%s/new\npolicy=p\ndefault_md=sha256\ncopy_extensions=copy\n[p]\ncommonName=supplied\n' "$t" "$t" "$t" > "$t/ca.cnf"
openssl req -new -key "$t/leaf.key" -subj "/CN=www.certscope.test" -addext "subjectAltName=DNS:www.certscope.test" -out "$t/old.csr"
openssl ca -batch -config "$t/ca.cnf" -cert "$t/int.pem" -keyfile "$t/int.key" -startdate 20240101000000Z \
  -enddate 20250101000000Z -in "$t/old.csr" -out "$t/old.pem" 2>/dev/null
openssl x509 -in "$t/old.pem" -out "$t/old.pem"
cp "$t/root.pem" s_client-root.pem

if [ "$(id -u)" = 0 ]; then port=443; else port=$((20000 + RANDOM % 20000)); fi
serve() { # cert key [extra s_server args]
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  openssl s_server -accept "127.0.0.1:$port" -cert "$1" -key "$2" "${@:3}" -quiet -www >/dev/null 2>&1 &
  server=$!
  sleep 1
}
client() { # output file, s_client args…
  local out=$1; shift
  { printf '$ openssl s_client'; printf ' %q' "$@"; printf '\n'; openssl s_client "$@" </dev/null 2>&1 || true; } > "$out"
}
full=(-connect "127.0.0.1:$port" -servername www.certscope.test -showcerts -CAfile "$t/root.pem")
serve "$t/leaf.pem" "$t/leaf.key" -cert_chain "$t/int.pem"
client s_client-showcerts.txt "${full[@]}"
client s_client-wrong-name.txt -connect "127.0.0.1:$port" -servername other.certscope.test -verify_hostname other.certscope.test -showcerts -CAfile "$t/root.pem"
curlargs=(-sv -o /dev/null --cacert "$t/root.pem" --resolve "www.certscope.test:$port:127.0.0.1" "https://www.certscope.test:$port/")
{ printf '$ curl -sv -o /dev/null https://www.certscope.test/\n'; curl "${curlargs[@]}" 2>&1 || true; } > curl-v.txt
serve "$t/leaf.pem" "$t/leaf.key"
client s_client-missing.txt "${full[@]}"
{ printf '$ curl -sv -o /dev/null https://www.certscope.test/\n'; curl "${curlargs[@]}" 2>&1 || true; } > curl-v-missing.txt
serve "$t/old.pem" "$t/leaf.key" -cert_chain "$t/int.pem"
client s_client-expired.txt "${full[@]}"
serve "$t/rsa.pem" "$t/rsa.key" -cert_chain "$t/int.pem"
client s_client-tls12-rsa.txt "${full[@]}" -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 -status
# The page's example: the complete chain, served by the first server.
echo "recorded on port $port: $(ls ./*.txt | tr '\n' ' ')"
