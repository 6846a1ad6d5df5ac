#!/usr/bin/env bash
# Seeds each fuzz target's corpus from tests/data (certificates, chains, CRLs, malformed files).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/inspect corpus/chain corpus/time corpus/headers corpus/csp corpus/pkcs12 corpus/documents corpus/har
cp ../tests/data/http/*.har corpus/har/
cp ../tests/data/documents/*.xml ../tests/data/documents/*.json ../tests/data/ssh/*.pub ../tests/data/ssh/authorized_keys corpus/documents/
find ../tests/data -type f \( -name '*.pem' -o -name '*.der' -o -name '*.crt' -o -name '*.crl' -o -name '*.csr' \
  -o -name '*.p7b' -o -name '*.p7c' -o -name '*.p7s' -o -name '*.p12' -o -name '*.key' -o -name 's_client-*.txt' -o -name 'curl-*.txt' -o -name '*.jks' -o -name '*.jceks' -o -name '*.pub' \) \
  -size -64k -exec cp {} corpus/inspect/ \;
g=../tests/data/generated
i=0
for t in rsa2048 p256 ed25519; do
  { cat "$g/$t-root.pem"; printf '\xff'; cat "$g/$t-chain.pem"; printf '\xff'; } > corpus/chain/seed-$t
done
{ cat $g/rsa2048-root.pem; printf '\xff'; cat $g/broken-name-constraints.pem; } > corpus/chain/seed-nc
printf '2026-03-01' > corpus/time/date; printf '2026-03-01T12:00:00.5+01:30' > corpus/time/full
cp ../tests/data/input/*.yaml ../tests/data/input/*.json ../tests/data/input/base64-wrapped.txt ../tests/data/other-formats/*.pub corpus/inspect/
for f in ../tests/data/http/*.txt ../tests/data/hostile/headers.txt; do
  cp "$f" "corpus/inspect/$(basename "$f")"
  sed -n '2,$p' "$f" > "corpus/headers/$(basename "$f")"
done
grep -hi '^content-security-policy: ' ../tests/data/http/*.txt ../tests/data/hostile/headers.txt | cut -d' ' -f2- | \
  while read -r policy; do printf '%s' "$policy" > "corpus/csp/$(printf '%s' "$policy" | sha1sum | cut -c1-12)"; done
for f in ../tests/data/formats/*.p12 ../tests/data/formats/*.p7c ../tests/data/formats/*.p7s ../tests/data/formats/*.der ../tests/data/formats/leaf-rsa-der.csr; do
  { printf '\x00'; cat "$f"; } > "corpus/pkcs12/$(basename "$f")"
done
