"""A local HTTP + HTTPS server whose responses reproduce typical site configurations.

Used only by record.sh to make real curl transcripts; nothing in the tests runs it.
Sites are chosen by the Host header; every site answers on plain HTTP (port 80) and HTTPS (443).
"""
import http.server
import ssl
import sys
import threading

SITES = {
    # A typical shop: redirect to HTTPS, HSTS below the preload bar, a CSP with unsafe-inline
    # and an analytics host, one session cookie without Secure, one CSRF cookie without SameSite.
    "shop.certscope.test": {
        "http": (301, [("Location", "https://shop.certscope.test/")]),
        "https": (200, [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Strict-Transport-Security", "max-age=15768000"),
            ("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline' https://www.google-analytics.com; object-src 'none'"),
            ("X-Frame-Options", "SAMEORIGIN"),
            ("X-Content-Type-Options", "nosniff"),
            ("Set-Cookie", "sessionid=8f2b1c9d0e; Path=/; HttpOnly"),
            ("Set-Cookie", "csrftoken=Zq81; Path=/; Secure"),
            ("X-Powered-By", "PHP/7.4.3"),
        ]),
    },
    # A hardened site: everything the Observatory rewards.
    "strict.certscope.test": {
        "http": (308, [("Location", "https://strict.certscope.test/")]),
        "https": (200, [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload"),
            ("Content-Security-Policy", "default-src 'none'; script-src 'nonce-r4nd0mN0nc3Valu3' 'strict-dynamic'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; report-uri https://strict.certscope.test/csp-report"),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
            ("X-Content-Type-Options", "nosniff"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
            ("Cache-Control", "private, no-store"),
            ("Set-Cookie", "__Host-session=c0ffee; Path=/; Secure; HttpOnly; SameSite=Lax"),
        ]),
    },
    # An old set-up: no redirect, a cookie over HTTP, and headers browsers no longer honour.
    "legacy.certscope.test": {
        "http": (200, [
            ("Content-Type", "text/html"),
            ("Set-Cookie", "PHPSESSID=abc; path=/"),
            ("Strict-Transport-Security", "max-age=31536000"),
        ]),
        "https": (302, [("Location", "https://www.legacy.certscope.test/")]),
    },
    "www.legacy.certscope.test": {
        "http": (200, [("Content-Type", "text/html")]),
        "https": (200, [
            ("Content-Type", "text/html"),
            ("Strict-Transport-Security", "max-age=300; includeSubDomains"),
            ("Strict-Transport-Security", "max-age=300"),
            ("Public-Key-Pins", "pin-sha256=\"d6qzRu9zOECb90Uez27xWltNsj0e1Md7GkYYkVoZWmM=\"; max-age=5184000"),
            ("Expect-CT", "max-age=86400, enforce"),
            ("X-XSS-Protection", "1; mode=block"),
            ("X-Frame-Options", "ALLOW-FROM https://partner.example"),
            ("Content-Security-Policy-Report-Only", "default-src 'self'; report-uri /csp"),
            ("Set-Cookie", "SameSiteTest=1; SameSite=None"),
            ("Allow", "GET, POST, TRACE"),
            ("X-AspNet-Version", "4.0.30319"),
        ]),
    },
    # An API that reflects any Origin and allows credentials.
    "api.certscope.test": {
        "http": (301, [("Location", "https://api.certscope.test/")]),
        "https": (200, [
            ("Content-Type", "application/json"),
            ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
            ("X-Content-Type-Options", "nosniff"),
            ("Access-Control-Allow-Credentials", "true"),
        ]),
    },
}

# The page the shop serves at / (record-har.mjs loads it in Chromium): a script, an API call
# that sets a cookie, and an image over plain HTTP (mixed content). curl reads only headers.
PAGES = {
    "shop.certscope.test": b"""<!doctype html><title>certscope shop</title>
<script src="/app.js"></script>
<img src="http://shop.certscope.test/pixel.gif" alt="">
""",
}

RESOURCES = {
    ("shop.certscope.test", "https", "/app.js"): (200, [
        ("Content-Type", "text/javascript"),
        ("Cache-Control", "max-age=3600"),
    ], b"fetch('/api/cart', {credentials: 'same-origin'});\n"),
    ("shop.certscope.test", "https", "/api/cart"): (200, [
        ("Content-Type", "application/json"),
        ("Set-Cookie", "cart=a41f; Path=/"),
    ], b"{}\n"),
    ("shop.certscope.test", "http", "/pixel.gif"): (200, [("Content-Type", "image/gif")],
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
    ("shop.certscope.test", "https", "/pixel.gif"): (200, [("Content-Type", "image/gif")],
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
}


def handler(scheme):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_HEAD(self):
            self.answer(body=False)

        def do_GET(self):
            self.answer(body=True)

        def answer(self, body):
            host = (self.headers.get("Host") or "").split(":")[0]
            path = self.path.split("?")[0]
            status, fields = SITES.get(host, {}).get(scheme, (404, [("Content-Type", "text/plain")]))
            page = PAGES.get(host, b"<!doctype html><title>certscope test</title>\n")
            if path != "/":
                status, fields, page = RESOURCES.get((host, scheme, path), (404, [("Content-Type", "text/plain")], b"not found\n"))
            self.send_response(status)
            for name, value in fields:
                self.send_header(name, value)
            origin = self.headers.get("Origin")
            if host == "api.certscope.test" and origin:
                self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            if body:
                self.wfile.write(page)

        def log_message(self, *args):
            pass

    return Handler


def main():
    cert, key = sys.argv[1], sys.argv[2]
    plain = http.server.ThreadingHTTPServer(("127.0.0.1", 80), handler("http"))
    tls = http.server.ThreadingHTTPServer(("127.0.0.1", 443), handler("https"))
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    tls.socket = ctx.wrap_socket(tls.socket, server_side=True)
    for s in (plain, tls):
        threading.Thread(target=s.serve_forever, daemon=True).start()
    print("ready", flush=True)
    threading.Event().wait()


main()
