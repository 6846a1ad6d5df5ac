#!/usr/bin/env bash
# Makes the file-format fixtures in this folder with OpenSSL 3: a small CA (root, intermediate,
# two leaves) with its keys, PKCS#7 bundles, CSRs, a CRL that revokes one leaf, private keys in
# every common format (plain and encrypted), and PKCS#12 bundles. These keys are test data
# only. Run from anywhere: tests/data/formats/make.sh
set -euo pipefail
cd "$(dirname "$0")"
rm -f ./*.pem ./*.der ./*.p7b ./*.p7c ./*.csr ./*.crl ./*.key ./*.p12 ./*.pfx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/ca.cnf" <<'CNF'
[ ca ]
default_ca = CA_default
[ CA_default ]
dir = WORK
database = WORK/index.txt
serial = WORK/serial
crlnumber = WORK/crlnumber
new_certs_dir = WORK/new
policy = policy_any
unique_subject = no
copy_extensions = copy
default_md = sha256
default_crl_days = 3650
[ policy_any ]
commonName = supplied
organizationName = optional
[ v3_ca ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_leaf ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
sed -i "s#WORK#$work#g" "$work/ca.cnf"
mkdir "$work/new"; touch "$work/index.txt"; echo 1000 > "$work/serial"; echo 01 > "$work/crlnumber"
cnf="$work/ca.cnf"

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out root.key 2>/dev/null
openssl req -x509 -new -key root.key -subj "/O=certscope formats/CN=certscope formats Root" -days 7300 \
  -set_serial 1 -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -not_before 20250101000000Z -not_after 20450101000000Z -out root.pem 2>/dev/null || \
openssl req -x509 -new -key root.key -subj "/O=certscope formats/CN=certscope formats Root" -days 7300 \
  -set_serial 1 -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" -out root.pem
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out leaf-rsa.key 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out leaf-ec.key 2>/dev/null
openssl req -new -key leaf-rsa.key -subj "/CN=www.certscope.test" \
  -addext "subjectAltName=DNS:www.certscope.test,DNS:certscope.test" -out leaf-rsa.csr
openssl req -new -key leaf-ec.key -subj "/CN=revoked.certscope.test" \
  -addext "subjectAltName=DNS:revoked.certscope.test" -out leaf-ec.csr
for leaf in leaf-rsa leaf-ec; do
  openssl ca -batch -config "$cnf" -cert root.pem -keyfile root.key -extensions v3_leaf -days 365 \
    -startdate 20260101000000Z -enddate 20270101000000Z -in $leaf.csr -out $leaf.pem 2>/dev/null
  openssl x509 -in $leaf.pem -out $leaf.pem   # drop the text dump
done
openssl ca -config "$cnf" -cert root.pem -keyfile root.key -revoke leaf-ec.pem -crl_reason keyCompromise 2>/dev/null
openssl ca -config "$cnf" -cert root.pem -keyfile root.key -gencrl -out root.crl 2>/dev/null
openssl crl -in root.crl -outform DER -out root-crl.der

# PKCS#7: PEM and DER, leaf first.
cat leaf-rsa.pem root.pem > chain.pem
openssl crl2pkcs7 -nocrl -certfile chain.pem -out chain.p7b
openssl crl2pkcs7 -nocrl -certfile chain.pem -outform DER -out chain-der.p7c
openssl crl2pkcs7 -in root.crl -certfile chain.pem -out chain-with-crl.p7b

# CSRs with problems.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out weak.key 2>/dev/null
openssl req -new -key weak.key -subj "/CN=weak.certscope.test" -out weak-key.csr
openssl req -new -key leaf-ec.key -subj "/CN=nosan.certscope.test" -out no-san.csr
openssl req -new -key leaf-ec.key -subj "/CN=other.certscope.test" -addext "subjectAltName=DNS:www.certscope.test" -out cn-not-in-san.csr
openssl req -new -key leaf-rsa.key -subj "/CN=www.certscope.test" -outform DER -out leaf-rsa-der.csr

# Private keys in every common format (all for leaf-rsa / leaf-ec, plus Ed25519).
openssl pkey -in leaf-rsa.key -out key-pkcs8-rsa.pem
openssl rsa -in leaf-rsa.key -traditional -out key-pkcs1-rsa.pem 2>/dev/null
openssl ec -in leaf-ec.key -out key-sec1-ec.pem 2>/dev/null
openssl pkey -in leaf-ec.key -out key-pkcs8-ec.pem
openssl genpkey -algorithm ED25519 -out key-ed25519.pem
openssl pkcs8 -topk8 -in leaf-rsa.key -v2 aes-256-cbc -v2prf hmacWithSHA256 -iter 2048 -passout pass:certscope -out key-pkcs8-encrypted.pem
openssl rsa -in leaf-rsa.key -aes256 -traditional -passout pass:certscope -out key-legacy-encrypted.pem 2>/dev/null
openssl pkey -in leaf-ec.key -outform DER -out key-pkcs8-ec.der
# Public keys: SPKI (PEM and DER), PKCS#1, and one that belongs to no certificate here.
openssl pkey -in leaf-rsa.key -pubout -out pub-spki-rsa.pem
openssl rsa -in leaf-rsa.key -RSAPublicKey_out -out pub-pkcs1-rsa.pem 2>/dev/null
openssl pkey -in leaf-ec.key -pubout -outform DER -out pub-ec.der
openssl pkey -in weak.key -pubout -out pub-weak.pem

# PKCS#12: modern (PBES2/AES) and legacy (3DES) encryption.
openssl pkcs12 -export -inkey leaf-rsa.key -in leaf-rsa.pem -certfile root.pem -passout pass:certscope -out bundle-aes.p12
openssl pkcs12 -export -inkey leaf-rsa.key -in leaf-rsa.pem -certfile root.pem -passout pass:certscope \
  -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1 -out bundle-3des.p12
# Legacy PKCS#12 encryption (OpenSSL 3's legacy provider): OpenSSL 1.1's default (RC2-40 for
# the certificates, 3DES for the key), RC4 and two-key 3DES with 128-bit RC2: all six PKCS#12
# PBE schemes of RFC 7292 appendix C. And 3DES as Python cryptography writes it.
openssl pkcs12 -export -legacy -inkey leaf-rsa.key -in leaf-rsa.pem -certfile root.pem -passout pass:certscope -out bundle-legacy.p12
openssl pkcs12 -export -legacy -inkey leaf-rsa.key -in leaf-rsa.pem -certfile root.pem -passout pass:certscope \
  -keypbe PBE-SHA1-RC4-128 -certpbe PBE-SHA1-RC4-40 -out bundle-rc4.p12
openssl pkcs12 -export -legacy -inkey leaf-rsa.key -in leaf-rsa.pem -certfile root.pem -passout pass:certscope \
  -keypbe PBE-SHA1-2DES -certpbe PBE-SHA1-RC2-128 -out bundle-2des-rc2.p12
python3 make-legacy-p12.py
# Beyond certscope's key-derivation bound (2,000,000 iterations): reported, not run.
openssl pkcs12 -export -inkey leaf-rsa.key -in leaf-rsa.pem -passout pass:certscope -iter 3000000 -maciter -out bundle-slow.p12
rm -f ./*.csr.tmp
# The same bundles in BER, and a streamed (BER) CMS SignedData.
python3 make-ber.py
echo "made: $(ls | grep -v make.sh | tr '\n' ' ')"
