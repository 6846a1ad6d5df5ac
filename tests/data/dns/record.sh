#!/usr/bin/env bash
# Records DNS answers for certscope's tests: makes a CA ("Let's Encrypt"-named, for the CAA
# check) and a server certificate with openssl, a zone with CAA, HTTPS (with an ECH
# configuration) and TLSA records (one computed from the certificate by openssl, one wrong),
# serves it with Knot DNS on 127.0.0.1, and writes what dig, kdig and nslookup print.
# Usage: record.sh OUT-DIR   (tests/dns.rs runs it into a fresh directory; the files in
# tests/data/dns/ were written by it, see PROVENANCE). Needs knotd, dig, kdig, nslookup,
# openssl and python3.
set -euo pipefail
out=$(realpath "$1")
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill "$(cat "$work/knotd.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"

# The certificates: a CA named like Let's Encrypt's, and a leaf for the zone's names.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem \
  -days 3650 -subj "/C=US/O=Let's Encrypt/CN=Test R10" -addext "basicConstraints=critical,CA:TRUE" 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout leaf.key -out leaf.csr -subj "/CN=certscope.test" 2>/dev/null
printf 'subjectAltName=DNS:certscope.test,DNS:www.certscope.test,DNS:*.certscope.test\nbasicConstraints=CA:FALSE\n' > leaf.ext
openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 90 -extfile leaf.ext -out leaf.pem 2>/dev/null
cat leaf.pem ca.pem > "$out/chain.pem"
# TLSA 3 1 1: SHA-256 of the leaf's SubjectPublicKeyInfo, as openssl computes it.
spki=$(openssl x509 -in leaf.pem -pubkey -noout | openssl pkey -pubin -outform DER | openssl dgst -sha256 -hex | awk '{print $NF}')
# TLSA 2 0 1: SHA-256 of the whole CA certificate.
ca_hash=$(openssl x509 -in ca.pem -outform DER | openssl dgst -sha256 -hex | awk '{print $NF}')
echo "$spki" > "$out/tlsa-3-1-1.hex"

# An ECHConfigList (draft-ietf-tls-esni §4): version 0xfe0d, config_id 7, DHKEM(X25519, HKDF-SHA256),
# a 32-byte key, HKDF-SHA256 with AES-128-GCM and with ChaCha20Poly1305, public name
# public.certscope.test.
ech=$(python3 -c '
import base64, struct
pk = bytes(range(32))
hpke = struct.pack(">BH", 7, 0x20) + struct.pack(">H", len(pk)) + pk + struct.pack(">HHHHH", 8, 1, 1, 1, 3)
name = b"public.certscope.test"
c = hpke + bytes([0, len(name)]) + name + struct.pack(">H", 0)
cfg = struct.pack(">HH", 0xfe0d, len(c)) + c
print(base64.b64encode(struct.pack(">H", len(cfg)) + cfg).decode())')

cat > zone <<ZONE
\$ORIGIN certscope.test.
\$TTL 3600
@ SOA ns1 hostmaster 1 7200 3600 1209600 3600
@ NS ns1
ns1 A 127.0.0.1
@ A 192.0.2.10
www A 192.0.2.10
@ CAA 0 issue "letsencrypt.org; validationmethods=dns-01"
@ CAA 0 issuewild ";"
@ CAA 0 iodef "mailto:security@certscope.test"
@ HTTPS 1 . alpn="h3,h2" port=8443 ipv4hint=192.0.2.11 ech=$ech
www HTTPS 0 certscope.test.
_443._tcp TLSA 3 1 1 $spki
_443._tcp TLSA 2 0 1 $ca_hash
_443._tcp.old TLSA 3 1 1 0000000000000000000000000000000000000000000000000000000000000000
ZONE
# A free port on 127.0.0.1.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
cat > knot.conf <<CONF
server:
    listen: 127.0.0.1@$port
    rundir: $work
    pidfile: $work/knotd.pid
database:
    storage: $work/db
zone:
  - domain: certscope.test
    file: $work/zone
log:
  - target: stderr
    any: error
CONF
knotd -c knot.conf -d
for _ in $(seq 50); do
  dig @127.0.0.1 -p "$port" +time=1 +tries=1 certscope.test SOA >/dev/null 2>&1 && break
  sleep 0.1
done
# The command lines as a user types them (the port and server are the only additions).
norm() { sed -e "s/-p $port/-p 53/" -e "s/@$port/@53/g" -e "s/#$port/#53/g" -e "s/port=$port/port=53/"; }
{
  for t in CAA HTTPS A; do dig @127.0.0.1 -p "$port" certscope.test "$t"; done
  dig @127.0.0.1 -p "$port" _443._tcp.certscope.test TLSA
} | norm > "$out/dig.txt"
{
  for t in CAA HTTPS; do kdig @127.0.0.1 -p "$port" certscope.test "$t"; done
  kdig @127.0.0.1 -p "$port" _443._tcp.certscope.test TLSA
  kdig @127.0.0.1 -p "$port" _443._tcp.old.certscope.test TLSA
} | norm > "$out/kdig.txt"
{
  nslookup -port="$port" -type=CAA certscope.test 127.0.0.1
  nslookup -port="$port" -type=TLSA _443._tcp.certscope.test 127.0.0.1
} | norm > "$out/nslookup.txt"
# The same HTTPS record in the generic form (RFC 3597) that some resolvers' JSON APIs return.
dig @127.0.0.1 -p "$port" +unknownformat certscope.test HTTPS | norm > "$out/dig-generic.txt"
# The same answers in the JSON shape of DNS-over-HTTPS APIs (application/dns-json, as Google's
# and Cloudflare's resolvers answer), written from dig's answer lines; HTTPS in the generic
# form, as Cloudflare returns it.
{
  dig @127.0.0.1 -p "$port" +noall +answer certscope.test CAA
  dig @127.0.0.1 -p "$port" +noall +answer +unknownformat certscope.test HTTPS
  dig @127.0.0.1 -p "$port" +noall +answer _443._tcp.certscope.test TLSA
} | python3 -c '
import json, sys
types = {"CAA": 257, "TYPE65": 65, "TLSA": 52}
answer = []
for line in sys.stdin:
    name, ttl, cls, kind, data = line.split(None, 4)
    answer.append({"name": name, "type": types[kind], "TTL": int(ttl), "data": data.strip()})
print(json.dumps({"Status": 0, "TC": False, "RD": True, "RA": True, "AD": False, "CD": False,
    "Question": [{"name": "certscope.test.", "type": 257}], "Answer": answer}, indent=1))' > "$out/doh.json"
# A paste with the chain and the answers together (the page's example).
cat "$out/chain.pem" "$out/kdig.txt" > "$out/chain-and-kdig.txt"
