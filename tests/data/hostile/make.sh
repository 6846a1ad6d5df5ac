#!/usr/bin/env bash
# Certificates whose fields attack whatever displays them: HTML/script injection, bidi
# overrides, zero-width characters, terminal escapes, look-alike (homoglyph) names, and very
# long values. Self-signed, P-256, valid for ten years from when this runs.
set -euo pipefail
cd "$(dirname "$0")"
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$t/k" 2>/dev/null
mk() { # mk <file> <subject> <san>
  openssl req -x509 -new -key "$t/k" -days 3650 -utf8 -subj "$2" -addext "subjectAltName=$3" -out "$1"
}
mk html-injection.pem '/O=<script>alert("O")<\/script>/CN=<img src=x onerror=alert(1)>' \
  'DNS:"><svg onload=alert(2)>,URI:javascript:alert(3),email:a@b.c<b>bold</b>,DNS:&lt;b&gt;.example'
# U+202E RIGHT-TO-LEFT OVERRIDE makes "www.example.com<RLO>gpj.exe" read differently.
mk bidi.pem "/CN=www.example.com$(printf '\xe2\x80\xae')moc.elgoog" "DNS:www.example.com"
# U+200B ZERO WIDTH SPACE inside a name.
mk zero-width.pem "/CN=pay$(printf '\xe2\x80\x8b')pal.com" "DNS:paypal.example"
# ESC [31m ...: a terminal escape sequence, and a newline, in the organisation.
mk terminal-escape.pem "/O=$(printf '\x1b[31mRED\x1b[0m')/CN=term.example" "DNS:term.example"
# "pаypal.com" with U+0430 CYRILLIC SMALL LETTER A: looks like Latin "a".
mk homoglyph.pem "/CN=p$(printf '\xd0\xb0')ypal.com" "DNS:xn--pypal-4ve.com"
# A 4,000-character URI (names themselves are capped at 64 characters by OpenSSL).
mk long.pem "/CN=long.example" "DNS:long.example,URI:https://long.example/$(head -c 4000 /dev/zero | tr '\0' 'A')"
