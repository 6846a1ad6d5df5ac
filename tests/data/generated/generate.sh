#!/usr/bin/env bash
# Generates the test chains in this folder with OpenSSL (3.0 or later). Deterministic in
# everything but keys and signatures: names, serials, dates and extensions are fixed, so
# tests can assert them. Run from anywhere: tests/data/generated/generate.sh
#
# For each key type (rsa2048 rsa4096 p256 p384 ed25519): <type>-root.pem,
# <type>-intermediate.pem, <type>-leaf.pem and <type>-chain.pem (leaf, intermediate, root),
# plus flawed leaves under the rsa2048 intermediate: flawed-*.pem.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

cat > ca.cnf <<'CNF'
[ ca ]
default_ca = CA_default
[ CA_default ]
dir = .
database = ./index.txt
serial = ./serial
new_certs_dir = ./new
policy = policy_any
unique_subject = no
email_in_dn = no
copy_extensions = none
[ policy_any ]
countryName = optional
organizationName = optional
commonName = supplied
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = placeholder
[ root_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ intermediate_ext ]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, digitalSignature, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
certificatePolicies = 2.23.140.1.2.1
authorityInfoAccess = caIssuers;URI:http://ca.certscope.test/root.crt
crlDistributionPoints = URI:http://crl.certscope.test/root.crl
[ leaf_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth, clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = @alt
certificatePolicies = 2.23.140.1.2.1
authorityInfoAccess = OCSP;URI:http://ocsp.certscope.test, caIssuers;URI:http://ca.certscope.test/intermediate.crt
crlDistributionPoints = URI:http://crl.certscope.test/intermediate.crl
tlsfeature = status_request
[ alt ]
DNS.1 = www.certscope.test
DNS.2 = certscope.test
DNS.3 = *.api.certscope.test
IP.1 = 192.0.2.10
IP.2 = 2001:db8::10
email.1 = admin@certscope.test
URI.1 = https://certscope.test/
otherName.1 = 1.3.6.1.4.1.311.20.2.3;UTF8:admin@certscope.test
dirName.1 = dir_sect
RID.1 = 1.2.3.4
[ dir_sect ]
O = certscope tests
CN = Directory Name
[ plain_leaf_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
authorityKeyIdentifier = keyid
subjectAltName = DNS:flawed.certscope.test
[ wildcard_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:www.*.certscope.test, DNS:*.certscope.test
[ unknown_critical_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:flawed.certscope.test
1.3.6.1.4.1.55555.1 = critical, ASN1:UTF8String:must be understood
[ self_signed_leaf_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost
[ ca_false_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[ nc_intermediate_ext ]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, digitalSignature, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
nameConstraints = critical, permitted;DNS:allowed.test
[ no_eku_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
authorityKeyIdentifier = keyid
subjectAltName = DNS:flawed.certscope.test
[ idn_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
authorityKeyIdentifier = keyid
subjectAltName = DNS:xn--bcher-kva.example, DNS:*.xn--r8jz45g.jp
[ no_san_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
CNF

fresh_db() { rm -rf new index.txt serial; mkdir new; : > index.txt; echo "$1" > serial; }

key() { # key <type> <file>
  case "$1" in
    rsa1024) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$2" ;;
    rsa2048) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$2" ;;
    rsa4096) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096 -out "$2" ;;
    secp256k1) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1 -out "$2" ;;
    p256) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$2" ;;
    p384) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out "$2" ;;
    ed25519) openssl genpkey -algorithm ED25519 -out "$2" ;;
  esac 2>/dev/null
}

md() { case "$1" in ed25519) echo default ;; p384) echo sha384 ;; *) echo sha256 ;; esac; }

# issue <subject> <key> <ca-cert|self> <ca-key> <ext> <start> <end> <serial> <md> <out>
issue() {
  openssl req -new -config ca.cnf -key "$2" -subj "$1" -out req.csr
  fresh_db "$8"
  local selfsign=()
  [ "$3" = self ] && selfsign=(-selfsign) || selfsign=(-cert "$3")
  openssl ca -batch -config ca.cnf -notext -in req.csr -keyfile "$4" "${selfsign[@]}" \
    -extensions "$5" -startdate "$6" -enddate "$7" -md "$9" -out "${10}" 2>/dev/null
}

for t in rsa2048 rsa4096 p256 p384 ed25519; do
  m=$(md "$t")
  key "$t" root.key; key "$t" int.key; key "$t" leaf.key
  issue "/C=NZ/O=certscope tests/CN=certscope $t Root" root.key self root.key root_ext \
    20250101000000Z 20350101000000Z 01 "$m" root.pem
  issue "/C=NZ/O=certscope tests/CN=certscope $t Intermediate" int.key root.pem root.key intermediate_ext \
    20250101000000Z 20300101000000Z 1000 "$m" int.pem
  issue "/C=NZ/O=certscope tests/CN=www.certscope.test" leaf.key int.pem int.key leaf_ext \
    20260101000000Z 20260401000000Z 2A3B4C5D6E7F8091 "$m" leaf.pem
  cp root.pem "$here/$t-root.pem"; cp int.pem "$here/$t-intermediate.pem"; cp leaf.pem "$here/$t-leaf.pem"
  cat leaf.pem int.pem root.pem > "$here/$t-chain.pem"
  if [ "$t" = rsa2048 ]; then
    cp int.pem ca-int.pem; cp int.key ca-int.key
    # Broken chains under the rsa2048 root, each leaf + intermediate (the root is trusted separately).
    broken() { # broken <name> <intermediate-ext> <int-start> <int-end>
      key rsa2048 b-int.key; key rsa2048 b-leaf.key
      issue "/C=NZ/O=certscope tests/CN=certscope $1 Intermediate" b-int.key root.pem root.key "$2" "$3" "$4" 2000 sha256 b-int.pem
      issue "/C=NZ/O=certscope tests/CN=www.certscope.test" b-leaf.key b-int.pem b-int.key leaf_ext \
        20260101000000Z 20260401000000Z 3000 sha256 b-leaf.pem
      cat b-leaf.pem b-int.pem > "$here/broken-$1.pem"
    }
    broken expired-intermediate intermediate_ext 20240101000000Z 20251231000000Z
    broken ca-false-issuer ca_false_ext 20250101000000Z 20300101000000Z
    broken name-constraints nc_intermediate_ext 20250101000000Z 20300101000000Z
  fi
  if [ "$t" = rsa4096 ]; then
    # A cross-sign: the rsa2048 intermediate's name and key, issued again by the rsa4096 root,
    # sent alongside the normal rsa2048 chain.
    openssl req -new -config ca.cnf -key ca-int.key -subj "/C=NZ/O=certscope tests/CN=certscope rsa2048 Intermediate" -out cross.csr
    fresh_db 5555
    openssl ca -batch -config ca.cnf -notext -in cross.csr -keyfile root.key -cert root.pem \
      -extensions intermediate_ext -startdate 20250101000000Z -enddate 20300101000000Z -md sha256 -out cross.pem 2>/dev/null
    cat "$here/rsa2048-leaf.pem" "$here/rsa2048-intermediate.pem" cross.pem > "$here/cross-signed-chain.pem"
  fi
  if [ "$t" = p256 ]; then
    # The page's "valid chain" example: a leaf valid for 200 days from 2026-10-01.
    key p256 example.key
    issue "/C=NZ/O=certscope tests/CN=www.certscope.test" example.key int.pem int.key leaf_ext \
      20261001000000Z 20270418235959Z 5EC0DE "$m" example.pem
    cat example.pem int.pem root.pem > "$here/example-chain.pem"
  fi
done

# Flawed leaves, all issued by the rsa2048 intermediate.
flawed() { # flawed <name> <cn> <keytype> <ext> <start> <end> <md>
  key "$3" flawed.key
  issue "/C=NZ/O=certscope tests/CN=$2" flawed.key ca-int.pem ca-int.key "$4" "$5" "$6" 7777 "$7" "$here/flawed-$1.pem"
}
flawed expired flawed.certscope.test rsa2048 plain_leaf_ext 20240101000000Z 20240401000000Z sha256
flawed no-san flawed.certscope.test rsa2048 no_san_ext 20260101000000Z 20260401000000Z sha256
flawed cn-not-in-san other.certscope.test rsa2048 plain_leaf_ext 20260101000000Z 20260401000000Z sha256
flawed sha1 flawed.certscope.test rsa2048 plain_leaf_ext 20260101000000Z 20260401000000Z sha1
flawed rsa1024 flawed.certscope.test rsa1024 plain_leaf_ext 20260101000000Z 20260401000000Z sha256
flawed long-lifetime flawed.certscope.test rsa2048 plain_leaf_ext 20250101000000Z 20270401000000Z sha256
flawed expiring flawed.certscope.test rsa2048 plain_leaf_ext 20260101000000Z 20260315000000Z sha256
flawed no-eku flawed.certscope.test rsa2048 no_eku_ext 20260101000000Z 20260401000000Z sha256
flawed wildcard flawed.certscope.test p256 wildcard_ext 20260101000000Z 20260401000000Z sha256
flawed unknown-critical flawed.certscope.test p256 unknown_critical_ext 20260101000000Z 20260401000000Z sha256
flawed secp256k1 flawed.certscope.test secp256k1 plain_leaf_ext 20260101000000Z 20260401000000Z sha256

# A leaf for internationalised names (bücher.example, *.例え.jp), under the rsa2048 intermediate.
key p256 idn.key
issue "/CN=xn--bcher-kva.example" idn.key ca-int.pem ca-int.key idn_ext 20260101000000Z 20260401000000Z 4242 sha256 idn.pem
cat idn.pem ca-int.pem > "$here/idn-chain.pem"

# A self-signed server certificate, as `openssl req -x509` users make for localhost.
key p256 self.key
issue "/CN=localhost" self.key self self.key self_signed_leaf_ext 20260101000000Z 20260401000000Z 42 sha256 "$here/flawed-self-signed-leaf.pem"

# A version 1 certificate (no extensions at all) issued by the rsa2048 intermediate.
key rsa2048 v1.key
openssl req -new -key v1.key -subj "/CN=v1.certscope.test" -out v1.csr
openssl x509 -req -in v1.csr -CA ca-int.pem -CAkey ca-int.key -set_serial 0x1111 -days 30 \
  -not_before 20260101000000Z -not_after 20260131000000Z -out "$here/flawed-v1.pem" 2>/dev/null \
  || openssl ca -batch -config ca.cnf -notext -in v1.csr -keyfile ca-int.key -cert ca-int.pem \
       -startdate 20260101000000Z -enddate 20260131000000Z -md sha256 -out "$here/flawed-v1.pem" 2>/dev/null
