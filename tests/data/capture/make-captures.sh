#!/usr/bin/env bash
# Makes the capture fixtures of tests/capture.rs: real TLS connections between OpenSSL's
# s_server and s_client (and curl) on 127.0.0.1, captured with tcpdump (pcap) and dumpcap
# (pcapng) on the loopback interface. Needs root (capturing), openssl, curl, tcpdump, tshark.
# Written for certscope (MIT OR Apache-2.0); the captures hold only these test connections.
# Usage: tests/data/capture/make-captures.sh [FILE...]   (rewrites the files in this folder, or
# only the captures named; root.pem, the root of the first five, only when all are made)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'pkill -f "s_server -accept 127.0.0.1:443" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"

# A small PKI: root → intermediate → leaf for localhost (ECDSA P-256), and an RSA leaf.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout root.key -out root.pem \
  -subj "/CN=certscope capture test root" -days 3650 -addext basicConstraints=critical,CA:true -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout inter.key -out inter.csr -subj "/CN=certscope capture test intermediate" 2>/dev/null
printf 'basicConstraints=critical,CA:true,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n' > ca.ext
openssl x509 -req -in inter.csr -CA root.pem -CAkey root.key -CAcreateserial -out inter.pem -days 3650 -extfile ca.ext 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout leaf.key -out leaf.csr -subj "/CN=localhost" 2>/dev/null
printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n' > leaf.ext
openssl x509 -req -in leaf.csr -CA inter.pem -CAkey inter.key -CAcreateserial -out leaf.pem -days 90 -extfile leaf.ext 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout rsa.key -out rsa.pem -subj "/CN=rsa.localhost" -addext subjectAltName=DNS:rsa.localhost -days 90 2>/dev/null

only=" $* "
want() { [ "$only" = "  " ] || [[ "$only" == *" $1 "* ]]; }

# capture <file> <tool: tcpdump|dumpcap> <port> <server args> -- <client command>
capture() {
  local file=$1 tool=$2 port=$3; shift 3
  want "$file" || return 0
  local server=() client=()
  while [ "$1" != "--" ]; do server+=("$1"); shift; done; shift
  client=("$@")
  if [ "$tool" = dumpcap ]; then
    dumpcap -q -i lo -f "tcp port $port" -w "$work/$file" >/dev/null 2>&1 & local cap=$!
  else
    tcpdump -q -i lo -U -w "$work/$file" "tcp port $port" >/dev/null 2>&1 & local cap=$!
  fi
  sleep 1.5
  openssl s_server -accept 127.0.0.1:$port "${server[@]}" >/dev/null 2>&1 & local srv=$!
  sleep 0.7
  "${client[@]}" </dev/null >/dev/null 2>&1 || true
  sleep 0.7
  kill $srv 2>/dev/null || true; wait $srv 2>/dev/null || true
  sleep 0.5
  kill -INT $cap 2>/dev/null || true; wait $cap 2>/dev/null || true
  cp "$work/$file" "$here/$file"
}

if want all; then cp root.pem "$here/root.pem"; fi
cat inter.pem > chain.pem
# 1. TLS 1.2, ECDSA chain of two, SNI, OCSP asked for (none stapled).
capture tls12-ecdsa.pcap tcpdump 44301 -cert leaf.pem -key leaf.key -cert_chain chain.pem -www -tls1_2 -- \
  openssl s_client -connect 127.0.0.1:44301 -servername localhost -tls1_2 -status
# 2. TLS 1.2 with RSA; the client does not trust the self-signed certificate and says so
#    (alert 48, unknown_ca, in the clear).
capture tls12-rsa-alert.pcap tcpdump 44302 -cert rsa.pem -key rsa.key -www -tls1_2 -- \
  openssl s_client -connect 127.0.0.1:44302 -servername rsa.localhost -tls1_2 -verify_return_error -CAfile root.pem -cipher ECDHE-RSA-AES128-GCM-SHA256
# 3. TLS 1.3 from curl with ALPN, as pcapng.
capture tls13-curl.pcapng dumpcap 44303 -cert leaf.pem -key leaf.key -cert_chain chain.pem -www -alpn http/1.1 -- \
  curl -sk --http1.1 --resolve localhost:44303:127.0.0.1 https://localhost:44303/
# 4. TLS 1.3 HelloRetryRequest: the client's only key share is X25519, the server wants P-256.
capture tls13-hrr.pcap tcpdump 44304 -cert leaf.pem -key leaf.key -www -groups P-256 -- \
  openssl s_client -connect 127.0.0.1:44304 -servername localhost -groups X25519:P-256
# 5. TLS 1.2 resumption: a full handshake, then a second connection resuming it.
if want tls12-resume.pcap; then
openssl s_server -accept 127.0.0.1:44305 -cert leaf.pem -key leaf.key -www -tls1_2 >/dev/null 2>&1 & srv=$!
tcpdump -q -i lo -U -w "$work/tls12-resume.pcap" "tcp port 44305" >/dev/null 2>&1 & cap=$!
sleep 1.5
openssl s_client -connect 127.0.0.1:44305 -servername localhost -tls1_2 -sess_out sess.pem </dev/null >/dev/null 2>&1 || true
sleep 0.3
openssl s_client -connect 127.0.0.1:44305 -servername localhost -tls1_2 -sess_in sess.pem </dev/null >/dev/null 2>&1 || true
sleep 0.7; kill $srv; wait $srv 2>/dev/null || true; kill -INT $cap; wait $cap 2>/dev/null || true
cp tls12-resume.pcap "$here/"
fi
# 6. Plain HTTP, no TLS.
if want http.pcap; then
python3 -m http.server 44306 --bind 127.0.0.1 >/dev/null 2>&1 & web=$!
tcpdump -q -i lo -U -w "$work/http.pcap" "tcp port 44306" >/dev/null 2>&1 & cap=$!
sleep 1.5; curl -s http://127.0.0.1:44306/ >/dev/null || true; sleep 0.5
kill $web; kill -INT $cap; wait $cap 2>/dev/null || true
cp http.pcap "$here/"
fi
# 7. TLS 1.2 with a stapled OCSP response (CertificateStatus), signed by the root itself;
#    ocsp-root.pem is that root.
serial=$(openssl x509 -in leaf.pem -noout -serial | cut -d= -f2)
printf 'V\t301231000000Z\t\t%s\tunknown\t/CN=localhost\n' "$serial" > index.txt
openssl ocsp -index index.txt -rsigner root.pem -rkey root.key -CA root.pem -issuer inter.pem -cert leaf.pem -respout ocsp.der -ndays 30 >/dev/null 2>&1
if want tls12-ocsp.pcap; then cp root.pem "$here/ocsp-root.pem"; fi
capture tls12-ocsp.pcap tcpdump 44307 -cert leaf.pem -key leaf.key -cert_chain chain.pem -www -tls1_2 -status_file ocsp.der -- \
  openssl s_client -connect 127.0.0.1:44307 -servername localhost -tls1_2 -status
# 8. TLS 1.3 from curl asking for HTTP/2: ALPN h2 (encrypted in EncryptedExtensions), as pcapng.
capture tls13-h2.pcapng dumpcap 44308 -cert leaf.pem -key leaf.key -cert_chain chain.pem -www -alpn h2 -- \
  curl -sk -m 3 --http2 --resolve localhost:44308:127.0.0.1 https://localhost:44308/

# Derived files: the same TLS 1.2 capture with its packets out of order and one sent twice,
# and cut short; the ClientHello as Wireshark's "Copy as Hex Stream".
if want all; then
  python3 "$here/reorder.py" "$here/tls12-ecdsa.pcap" "$here/tls12-reordered.pcap" "$here/tls12-truncated.pcap"
  tshark -r "$here/tls12-ecdsa.pcap" -Y "tls.handshake.type == 1" -T fields -e tcp.payload > "$here/client-hello.hex"
fi
# tshark's reading of every hello, the oracle of tests/capture.rs when tshark is not installed.
for f in "$here"/*.pcap "$here"/*.pcapng; do
  tshark -r "$f" -Y "tls.handshake.type == 1 or tls.handshake.type == 2" -T json $(cat "$here/tshark-fields.txt" | sed 's/^/-e /') 2>/dev/null > "$f.tshark.json"
done
tshark --version | head -1 > "$here/tshark-version.txt"
# ja4plus's JA4 of every ClientHello (PyPI ja4plus 1.4.0), the JA4 oracle's recording.
python3 - "$here" <<'PY'
import json, subprocess, sys
here = sys.argv[1]
files = ["tls12-ecdsa.pcap", "tls12-reordered.pcap", "tls12-resume.pcap", "tls12-rsa-alert.pcap", "tls13-curl.pcapng", "tls13-hrr.pcap", "tls12-ocsp.pcap", "tls13-h2.pcapng"]
out = {}
for f in files:
    p = subprocess.run(["ja4plus", "--format", "json", "--types", "ja4", "analyze", f"{here}/{f}"], capture_output=True, text=True, check=True)
    out[f] = sorted(json.loads(l)["fingerprint"] for l in p.stdout.splitlines() if l.strip())
json.dump(out, open(f"{here}/ja4plus.json", "w"), indent=1)
PY
echo "wrote $(ls "$here" | wc -l) files to $here"
