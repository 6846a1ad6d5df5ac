#!/usr/bin/env bash
# Installs what is missing, builds everything and serves the page on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
port="${PORT:-8080}"
echo "serve: certscope is at http://127.0.0.1:$port/ (Ctrl-C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
