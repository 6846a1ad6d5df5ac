#!/usr/bin/env bash
# Records real curl transcripts against server.py (needs root for ports 80 and 443 on
# 127.0.0.1). Re-run to refresh; the tests only read the recorded .txt files.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj "/CN=certscope.test" \
  -addext "subjectAltName=DNS:*.certscope.test,DNS:*.legacy.certscope.test" \
  -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null
python3 server.py "$tmp/cert.pem" "$tmp/key.pem" > "$tmp/log" &
until grep -q ready "$tmp/log" 2>/dev/null; do sleep 0.1; done
resolve=()
for h in shop strict legacy www.legacy api; do
  resolve+=(--resolve "$h.certscope.test:80:127.0.0.1" --resolve "$h.certscope.test:443:127.0.0.1")
done
record() { # file, curl arguments...
  local out=$1; shift
  { printf '$ curl'; printf " %q" "$@"; printf '\n'; curl "${resolve[@]}" -k "$@" 2>&1; } > "$out"
}
record shop-sIL.txt -sIL http://shop.certscope.test/
record strict-sIL.txt -sIL http://strict.certscope.test/
record legacy-sIL.txt -sIL http://legacy.certscope.test/
record legacy-www-sI.txt -sI https://legacy.certscope.test/ -L
record api-v.txt -sv -o /dev/null -H "Origin: https://attacker.example" https://api.certscope.test/
# The same shop response as headers only, without the command line (as often pasted).
sed -n '2,$p' shop-sIL.txt > shop-no-command.txt
echo "recorded: $(ls ./*.txt | tr '\n' ' ')"
