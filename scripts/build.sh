#!/usr/bin/env bash
# Builds the npm package into pkg/ with wasm-pack and assembles the page in www/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh "$@"
# npm's binaryen first: Debian's wasm-opt (v108) writes modules that fail to instantiate.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

wasm-pack build --release --target web --out-dir pkg 2>&1 | grep -vE '^\[INFO\]: (Checking|Compiling|Installing)' || true
[ -f pkg/certscope_bg.wasm ] || { echo "build: wasm-pack produced no pkg/certscope_bg.wasm" >&2; exit 1; }

# The page and the element import the glue as ./certscope.js from www/lib/; the package ships
# the element and renderer beside the glue, so the same relative imports work in both.
rm -rf www/pkg www/examples
mkdir -p www/examples
cp pkg/certscope.js pkg/certscope.d.ts pkg/certscope_bg.wasm www/lib/
cp www/lib/render.js www/lib/render-http.js www/lib/render-files.js www/lib/report-style.js www/lib/certscope-view.js www/lib/certscope-view-define.js \
  www/lib/certscope-view.d.ts www/lib/certscope-view-define.d.ts pkg/
cp LICENSE pkg/
node scripts/package.mjs
cp tests/data/generated/example-chain.pem www/examples/good-chain.pem
cp tests/data/generated/p256-root.pem www/examples/good-chain-root.pem
head -n "$(grep -n 'END CERTIFICATE' tests/data/generated/example-chain.pem | head -1 | cut -d: -f1)" \
  tests/data/generated/example-chain.pem > www/examples/missing-intermediate.pem
cat tests/data/generated/flawed-expired.pem tests/data/generated/flawed-no-san.pem \
  tests/data/generated/flawed-sha1.pem tests/data/generated/flawed-rsa1024.pem > www/examples/broken.pem
cat tests/data/roots/*.pem > www/examples/roots.pem
cp tests/data/transcripts/s_client-showcerts.txt www/examples/s_client.txt
cp tests/data/transcripts/s_client-root.pem www/examples/s_client-root.pem
cp tests/data/http/shop-sIL.txt www/examples/curl-headers.txt
cp tests/data/transcripts/curl-v.txt www/examples/curl-v.txt
cp tests/data/formats/chain.p7b www/examples/bundle.p7b
cat tests/data/formats/leaf-ec.pem tests/data/formats/root.pem tests/data/formats/root.crl tests/data/formats/leaf-rsa.csr > www/examples/csr-crl.txt

raw=$(wc -c < pkg/certscope_bg.wasm)
gz=$(gzip -9c pkg/certscope_bg.wasm | wc -c)
echo "build: pkg/certscope_bg.wasm is $raw bytes ($gz gzipped); page assembled in www/"
# Size guard. The goal (issue 7) is 300 KB gzipped for the .wasm plus its JS glue; the build is
# far above it today (see README, Performance), so this budget only stops it growing further
# unnoticed. Lower it as the size comes down.
budget=${CERTSCOPE_GZ_BUDGET:-630000}
glue=$(gzip -9c pkg/certscope.js | wc -c)
total=$((gz + glue))
if [ "$total" -gt "$budget" ]; then
  echo "build: .wasm + glue is $total bytes gzipped, over the $budget-byte budget" >&2
  exit 1
fi
echo "build: .wasm + glue $total bytes gzipped (budget $budget; goal 300000)"
