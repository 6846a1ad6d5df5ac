#!/usr/bin/env bash
# A CA with 1,000 excluded DNS subtrees and a leaf it issued with 10,000 DNS names: ten million
# name-constraint comparisons if nothing bounded the work.
set -euo pipefail
cd "$(dirname "$0")"
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
cd "$t"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out leaf.key 2>/dev/null
{
  echo "[ca]"
  echo "basicConstraints = critical, CA:true"
  echo "keyUsage = critical, keyCertSign, cRLSign"
  echo "subjectKeyIdentifier = hash"
  echo "nameConstraints = critical, @nc"
  echo "[nc]"
  for i in $(seq 0 999); do echo "excluded;DNS.$i = blocked$i.example"; done
} > ca.cnf
{
  echo "[leaf]"
  echo "basicConstraints = critical, CA:false"
  echo "extendedKeyUsage = serverAuth"
  echo "subjectAltName = @alt"
  echo "[alt]"
  for i in $(seq 0 9999); do echo "DNS.$i = host$i.many.example"; done
} > leaf.cnf
openssl req -x509 -new -key ca.key -subj "/CN=certscope bounds CA" -days 3650 -extensions ca -config <(echo "[req]"; echo "distinguished_name=dn"; echo "[dn]"; cat ca.cnf) -out ca.pem
openssl req -new -key leaf.key -subj "/CN=host0.many.example" -out leaf.csr
openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -set_serial 7 -days 365 -extfile leaf.cnf -extensions leaf -out leaf.pem 2>/dev/null
cd - >/dev/null
cp "$t/ca.pem" nc-1000-ca.pem
cp "$t/leaf.pem" san-10000-leaf.pem
