//! Fix snippets: the header line to send and how to send it from nginx, Apache and Caddy.

use crate::Snippets;

/// Quotes a header value for a server config line.
fn quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Always send `name: value` (on every response, errors and redirects included).
pub(crate) fn set(name: &str, value: &str) -> Snippets {
    let q = quoted(value);
    Snippets {
        header: Some(format!("{name}: {value}")),
        nginx: format!("add_header {name} {q} always;"),
        apache: format!("Header always set {name} {q}"),
        caddy: format!("header {name} {q}"),
    }
}

/// Stop sending `name`.
pub(crate) fn remove(name: &str) -> Snippets {
    let lower = name.to_ascii_lowercase();
    let (nginx, apache) = if lower == "server" {
        (
            "server_tokens off;  # hides the version; removing the header needs headers-more: more_clear_headers Server;".to_owned(),
            "ServerTokens Prod\nServerSignature Off".to_owned(),
        )
    } else {
        (
            format!("proxy_hide_header {name};  # or fastcgi_hide_header {name}; for PHP-FPM"),
            format!("Header always unset {name}"),
        )
    };
    Snippets {
        header: None,
        nginx,
        apache,
        caddy: format!("header -{name}"),
    }
}

/// Redirect every plain-HTTP request to the same URL over HTTPS, permanently.
pub(crate) fn https_redirect() -> Snippets {
    Snippets {
        header: Some("HTTP/1.1 301 Moved Permanently + Location: https://<same host><same path>".to_owned()),
        nginx: "server { listen 80; server_name example.com; return 301 https://$host$request_uri; }".to_owned(),
        apache: "<VirtualHost *:80>\n  ServerName example.com\n  Redirect permanent / https://example.com/\n</VirtualHost>".to_owned(),
        caddy: "# Caddy redirects HTTP to HTTPS by itself for every site with a host name".to_owned(),
    }
}

/// Set-Cookie attributes: the application sets cookies, so the config can only patch them.
pub(crate) fn cookie(attributes: &str) -> Snippets {
    Snippets {
        header: Some(format!("Set-Cookie: name=value; {attributes}")),
        nginx: format!(
            "proxy_cookie_flags ~ {};  # nginx ≥ 1.19.3; better: set them in the application",
            attributes
                .to_ascii_lowercase()
                .replace("; ", " ")
                .replace("path=/", "")
        ),
        apache: format!("Header always edit Set-Cookie ^(.*)$ \"$1; {attributes}\""),
        caddy: format!("header >Set-Cookie (.*) \"$1; {attributes}\""),
    }
}
