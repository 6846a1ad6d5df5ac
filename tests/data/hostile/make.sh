#!/usr/bin/env bash
# Certificates whose fields are attacks on a page that would render them as HTML.
set -euo pipefail
cd "$(dirname "$0")"
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$t/k" 2>/dev/null
openssl req -x509 -new -key "$t/k" -days 3650 -utf8 \
  -subj '/O=<script>alert("O")<\/script>/CN=<img src=x onerror=alert(1)>' \
  -addext 'subjectAltName=DNS:"><svg onload=alert(2)>,URI:javascript:alert(3),email:a@b.c<b>bold</b>,DNS:pаypal.com,DNS:evil‮moc.elgoog' \
  -out html-injection.pem
