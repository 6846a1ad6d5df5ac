#!/usr/bin/env bash
# Records real curl transcripts against nginx (Debian's nginx-light) on 127.0.0.1: a page whose
# policies are in <meta> elements and whose scripts are loaded with and without SRI, and the
# answer of a TLS-only port to a plain-HTTP request, without and with nginx's documented
# `error_page 497` redirect. Re-run to refresh; the tests only read the recorded .txt files.
set -euo pipefail
cd "$(dirname "$0")"
command -v nginx >/dev/null || { echo "needs nginx (apt-get install nginx-light)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'kill "$(cat "$tmp/nginx.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$tmp"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj "/CN=www.certscope.test" \
  -addext "subjectAltName=DNS:www.certscope.test" -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null
mkdir "$tmp/www" && cp page.html "$tmp/www/index.html"
cat > "$tmp/nginx.conf" <<CONF
daemon on;
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events {}
http {
  access_log off;
  types { text/html html; }
  client_body_temp_path $tmp; proxy_temp_path $tmp; fastcgi_temp_path $tmp; uwsgi_temp_path $tmp; scgi_temp_path $tmp;
  ssl_certificate $tmp/cert.pem; ssl_certificate_key $tmp/key.pem;
  server {
    listen 127.0.0.1:8443 ssl;
    root $tmp/www;
    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
    add_header X-Content-Type-Options nosniff always;
  }
  server {
    listen 127.0.0.1:9443 ssl;
    root $tmp/www;
    error_page 497 =301 https://\$host:\$server_port\$request_uri;
  }
}
CONF
nginx -c "$tmp/nginx.conf"
resolve=(--resolve www.certscope.test:8443:127.0.0.1 --resolve www.certscope.test:9443:127.0.0.1)
record() { # file, curl arguments...
  local out=$1; shift
  { printf '$ curl'; printf " %q" "$@"; printf '\n'; curl "${resolve[@]}" -k "$@" 2>&1; } > "$out"
}
record page-meta-sri.txt -si https://www.certscope.test:8443/
record http-on-https-port.txt -si http://www.certscope.test:8443/
record http-on-https-port-497.txt -siL http://www.certscope.test:9443/
echo "recorded with $(nginx -v 2>&1): page-meta-sri.txt http-on-https-port.txt http-on-https-port-497.txt"
