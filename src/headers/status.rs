//! Status codes in plain words ([RFC 9110 §15]).
//!
//! [RFC 9110 §15]: https://www.rfc-editor.org/rfc/rfc9110#section-15

/// What a status code tells the person who pasted it.
pub(crate) fn meaning(code: u16) -> String {
    let text = match code {
        100 => "Continue: the server accepted the request headers; the real response follows.",
        101 => "Switching Protocols: the connection changes protocol (e.g. to WebSocket).",
        103 => "Early Hints: headers sent ahead of the final response so the browser can preload.",
        200 => "OK: the page was served. This is the response whose headers protect it.",
        201 => "Created: the request made a new resource.",
        204 => "No Content: success, with nothing to show.",
        206 => "Partial Content: one range of the resource was served.",
        301 => "Moved Permanently: the browser goes to Location and may remember it; search engines move their index. Browsers may turn a POST into a GET.",
        302 => "Found (temporary redirect): the browser goes to Location this time only. Browsers may turn a POST into a GET.",
        303 => "See Other: go to Location with a GET (used after a form POST).",
        304 => "Not Modified: the browser's cached copy is still good.",
        307 => "Temporary Redirect: go to Location this time, keeping the method and body.",
        308 => "Permanent Redirect: go to Location from now on, keeping the method and body. The best code for http→https.",
        400 => "Bad Request: the server could not understand the request.",
        401 => "Unauthorized: you must log in (WWW-Authenticate says how).",
        403 => "Forbidden: the server understood and refuses. Logging in may not help.",
        404 => "Not Found: nothing at this URL. Security headers still matter on error pages.",
        405 => "Method Not Allowed: this URL does not accept that method (Allow lists those it does).",
        408 => "Request Timeout: the server gave up waiting for the request.",
        410 => "Gone: this resource was removed on purpose.",
        418 => "I'm a teapot: a joke code; some servers use it to refuse bots.",
        421 => "Misdirected Request: this server is not configured for that host name (often a TLS/SNI mix-up with a shared certificate).",
        425 => "Too Early: the server will not act on a request that might be replayed (TLS 1.3 early data).",
        429 => "Too Many Requests: rate limited; Retry-After says when to try again.",
        451 => "Unavailable For Legal Reasons.",
        500 => "Internal Server Error: the application failed. Check the server's error log.",
        501 => "Not Implemented: the server does not support this method.",
        502 => "Bad Gateway: a proxy or load balancer got a bad answer from the application behind it.",
        503 => "Service Unavailable: overloaded or in maintenance; Retry-After may say when.",
        504 => "Gateway Timeout: a proxy or load balancer got no answer in time from the application behind it.",
        505 => "HTTP Version Not Supported.",
        _ => "",
    };
    if !text.is_empty() {
        return text.to_owned();
    }
    match code {
        100..=199 => format!("{code}: an informational response; the real one follows."),
        200..=299 => format!("{code}: success."),
        300..=399 => format!("{code}: a redirection."),
        400..=499 => format!("{code}: the request was refused (a client error)."),
        500..=599 => format!("{code}: the server failed (a server error)."),
        _ => format!("{code} is not a standard status code."),
    }
}
