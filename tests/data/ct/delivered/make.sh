#!/usr/bin/env bash
# Makes tests/data/ct/delivered: make.py's certificate, test logs, SCTs and OCSP response, then
# a real TLS 1.2 connection between OpenSSL's s_server (sending the SCTs in the
# signed_certificate_timestamp extension and stapling the OCSP response) and s_client -ct, which
# checks every SCT against the test logs (s_client-ct.txt: OpenSSL's verdicts, the oracle of
# the ct tests), captured with tcpdump on the loopback. Needs root, openssl, tcpdump and
# Python's cryptography. Written for certscope (MIT OR Apache-2.0).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/make.py" "$here"
cd "$here"
openssl ocsp -respin ocsp.der -resp_text -CAfile root.pem -issuer root.pem -cert leaf.pem > ocsp-openssl.txt 2>&1
tcpdump -q -i lo -U -w tls12-scts.pcap "tcp port 44310" >/dev/null 2>&1 & cap=$!
sleep 1.5
openssl s_server -accept 127.0.0.1:44310 -cert leaf.pem -key leaf.key -serverinfo serverinfo.pem \
  -status_file ocsp.der -www -tls1_2 >/dev/null 2>&1 & srv=$!
sleep 0.7
openssl s_client -connect 127.0.0.1:44310 -servername localhost -tls1_2 -status -ct \
  -ctlogfile ctlogs.cnf -CAfile root.pem </dev/null > s_client-ct.txt 2>&1 || true
sleep 0.7; kill $srv; wait $srv 2>/dev/null || true
sleep 0.5; kill -INT $cap; wait $cap 2>/dev/null || true
rm -f root.key leaf.key
grep -c "SCT validation status: valid" s_client-ct.txt
