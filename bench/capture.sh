#!/usr/bin/env bash
# Capture reading speed (issue 18): a 100 MB pcap of 500 TLS 1.2 connections with
# application data (bench/make-capture.py), read by certscope natively (the CLI, release) and
# in WebAssembly (the npm package's Node build), each against tshark reading the same file
# with -Y tls.handshake, paired run by run with farm-bench. Needs scripts/build.sh first
# (pkg/node) and Debian's tshark.  Usage: bench/capture.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
file=target/bench-capture.pcap
python3 bench/make-capture.py "$file" "$mb" 500
cargo build --release --quiet --bin certscope
echo "== native certscope vs tshark ($mb MB)"
farm-bench -n 5 --timeout 600 --vs "sh -c 'exec tshark -r $file -Y tls.handshake -T fields -e frame.number >/dev/null 2>&1'" -- \
  sh -c "exec target/release/certscope inspect $file --json --no-roots >/dev/null"
echo "== WebAssembly certscope (Node) vs tshark ($mb MB)"
farm-bench -n 5 --timeout 600 --vs "sh -c 'exec tshark -r $file -Y tls.handshake -T fields -e frame.number >/dev/null 2>&1'" -- \
  node bench/capture-wasm.mjs "$file"
echo "== WebAssembly vs native certscope"
farm-bench -n 5 --timeout 600 --vs "sh -c 'exec target/release/certscope inspect $file --json --no-roots >/dev/null'" -- \
  node bench/capture-wasm.mjs "$file"
