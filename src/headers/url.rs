//! The little of URL handling redirect chains need: absolute `http:`/`https:` URLs ([RFC 3986
//! §3]) and resolving a `Location` against the URL it came from (§5.2, with dot-segment
//! removal, §5.2.4).
//!
//! Not the `url` crate: its host parsing carries the UTS #46 IDNA tables (≈ 300 KB of
//! WebAssembly, measured), while a redirect chain only needs scheme, host and path compared.
//! Hosts are lower-cased and kept as written (no IDNA mapping); other schemes are refused.
//!
//! [RFC 3986 §3]: https://www.rfc-editor.org/rfc/rfc3986#section-3

use core::fmt;

/// An absolute http(s) URL, normalised: lower-case scheme and host, default port dropped,
/// path at least `/`, fragment dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Url {
    scheme: String,
    host: String,
    port: Option<u16>,
    /// Path and query.
    path: String,
}

impl Url {
    /// Parses an absolute `http://` or `https://` URL.
    pub(crate) fn parse(s: &str) -> Result<Url, ()> {
        let s = s.trim();
        let (scheme, rest) = s.split_once("://").ok_or(())?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(());
        }
        let rest = rest.split('#').next().unwrap_or("");
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, path) = rest.split_at(end);
        let authority = authority.rsplit('@').next().unwrap_or(authority);
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) if !h.is_empty() && !p.contains(']') => {
                let port: Option<u16> = if p.is_empty() {
                    None
                } else {
                    Some(p.parse().map_err(|_| ())?)
                };
                (h, port)
            }
            _ => (authority, None),
        };
        if host.is_empty() || host.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(());
        }
        let default = if scheme == "https" { 443 } else { 80 };
        let path = match path {
            "" => "/".to_owned(),
            p if p.starts_with('?') => format!("/{p}"),
            p => p.to_owned(),
        };
        Ok(Url {
            host: host.to_ascii_lowercase(),
            port: port.filter(|p| *p != default),
            path: remove_dot_segments(&path),
            scheme,
        })
    }

    /// Resolves `reference` (a Location value) against this URL (RFC 3986 §5.2).
    pub(crate) fn join(&self, reference: &str) -> Result<Url, ()> {
        let r = reference.trim();
        let has_scheme = r.split_once(':').is_some_and(|(s, _)| {
            s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
        if has_scheme {
            return Url::parse(r);
        }
        if let Some(rest) = r.strip_prefix("//") {
            return Url::parse(&format!("{}://{rest}", self.scheme));
        }
        let r = r.split('#').next().unwrap_or("");
        let path = if r.is_empty() {
            self.path.clone()
        } else if r.starts_with('/') {
            r.to_owned()
        } else if r.starts_with('?') {
            format!("{}{r}", self.path.split('?').next().unwrap_or("/"))
        } else {
            let base = self.path.split('?').next().unwrap_or("/");
            let dir = base.rfind('/').and_then(|i| base.get(..=i)).unwrap_or("/");
            format!("{dir}{r}")
        };
        Ok(Url {
            path: remove_dot_segments(&path),
            ..self.clone()
        })
    }

    pub(crate) fn scheme(&self) -> &str {
        &self.scheme
    }

    pub(crate) fn host_str(&self) -> Option<&str> {
        Some(&self.host)
    }

    /// The port when it is not the scheme's default.
    pub(crate) fn port(&self) -> Option<u16> {
        self.port
    }
}

/// RFC 3986 §5.2.4 on the path part (the query is kept as it is).
fn remove_dot_segments(path: &str) -> String {
    let (p, query) = path
        .split_once('?')
        .map_or((path, None), |(p, q)| (p, Some(q)));
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = p.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate().skip(1) {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let mut s = format!("/{}", out.join("/"));
    if let Some(q) = query {
        s.push('?');
        s.push_str(q);
    }
    s
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}", self.scheme, self.host)?;
        if let Some(p) = self.port {
            write!(f, ":{p}")?;
        }
        f.write_str(&self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(base: &str, r: &str) -> String {
        Url::parse(base).unwrap().join(r).unwrap().to_string()
    }

    #[test]
    fn parses_and_resolves_like_rfc_3986() {
        assert_eq!(
            Url::parse("HTTPS://Example.COM:443").unwrap().to_string(),
            "https://example.com/"
        );
        assert_eq!(
            Url::parse("http://example.com:8080/a?b#c")
                .unwrap()
                .to_string(),
            "http://example.com:8080/a?b"
        );
        assert!(Url::parse("ftp://example.com/").is_err());
        assert!(Url::parse("https:///nohost").is_err());
        // RFC 3986 §5.4.1 examples, base http://a/b/c/d;p?q
        let base = "http://a/b/c/d;p?q";
        for (r, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g/"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("https://b/x", "https://b/x"),
        ] {
            assert_eq!(j(base, r), want, "{r}");
        }
    }
}
