//! Small HTTP helpers: JSON bodies, errors with stable codes, and CORS limited to the site's own origin.

use futures_util::StreamExt;
use mtasts_core::i18n::Catalog;
use mtasts_core::output::ErrorAnswer;
use mtasts_core::{Code, Diagnostic};
use serde::Serialize;
use worker::{ByteStream, Headers, Request, Response, Result};

/// A JSON response with `status`.
pub fn json<T: Serialize>(value: &T, status: u16) -> Result<Response> {
    let mut r = Response::from_json(value)?.with_status(status);
    r.headers_mut().set("Cache-Control", "no-store")?;
    r.headers_mut().set("X-Content-Type-Options", "nosniff")?;
    Ok(r)
}

/// A refusal: `status` with `{"error": <diagnostic>}` in the asker's language (the one wire format of
/// `mtasts_core::output`), `X-Content-Type-Options: nosniff` like every JSON answer.
pub fn refuse(cat: &Catalog, status: u16, d: Diagnostic) -> Result<Response> {
    refuse_with(cat, status, d, None, &[])
}

/// A refusal with the findings behind it (e.g. a policy refused with 422), lines pointing into `text`.
pub fn refuse_with(
    cat: &Catalog,
    status: u16,
    d: Diagnostic,
    text: Option<&str>,
    details: &[Diagnostic],
) -> Result<Response> {
    json(&ErrorAnswer::new(&d, text, details, cat), status)
}

/// A [`refuse`] with one more header (`Allow`, `Retry-After`, `WWW-Authenticate`…).
pub fn refuse_with_header(
    cat: &Catalog,
    status: u16,
    d: Diagnostic,
    (name, value): (&str, &str),
) -> Result<Response> {
    let mut r = refuse(cat, status, d)?;
    r.headers_mut().set(name, value)?;
    Ok(r)
}

/// A diagnostic for a refusal (no span: it is about the request).
pub fn diag(code: Code) -> Diagnostic {
    Diagnostic::new(code, Default::default())
}

/// 405 with `Allow` (RFC 9110 §15.5.6); `method` as the client wrote it (also one workers-rs does not know).
pub fn method_not_allowed(cat: &Catalog, method: &str, allow: &str) -> Result<Response> {
    refuse_with_header(
        cat,
        405,
        diag(Code::HttpMethodNotAllowed)
            .arg("method", mtasts_core::diag::snippet(method, 40))
            .arg("allow", allow),
        ("Allow", allow),
    )
}

/// A body longer than the cap: its first `cap + 1` bytes, and how many bytes had arrived when reading stopped.
pub struct TooLong {
    /// The first `cap + 1` bytes.
    pub head: Vec<u8>,
    /// Bytes received when the cap was passed.
    pub seen: usize,
}

/// Reads a body stream, never buffering more than `cap + 1` bytes: the body when it fits, else [`TooLong`] (the
/// rest is not read).
pub async fn read_capped(
    mut stream: ByteStream,
    cap: usize,
) -> Result<std::result::Result<Vec<u8>, TooLong>> {
    let mut buf = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        if buf.len() + chunk.len() > cap {
            let seen = buf.len() + chunk.len();
            let take = cap + 1 - buf.len();
            buf.extend_from_slice(&chunk[..take]);
            return Ok(Err(TooLong { head: buf, seen }));
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(Ok(buf))
}

/// Adds CORS headers when the request's `Origin` is the configured site origin (and only then).
pub fn cors(req: &Request, site_origin: Option<&str>, mut resp: Response) -> Result<Response> {
    let origin = req.headers().get("Origin")?;
    if let (Some(o), Some(site)) = (origin, site_origin) {
        if o == site {
            let h: &mut Headers = resp.headers_mut();
            h.set("Access-Control-Allow-Origin", &o)?;
            h.set(
                "Access-Control-Allow-Headers",
                "Authorization, Content-Type",
            )?;
            h.set(
                "Access-Control-Allow-Methods",
                "GET, PUT, POST, DELETE, OPTIONS",
            )?;
            h.set("Access-Control-Max-Age", "600")?;
            h.set("Vary", "Origin")?;
        }
    }
    Ok(resp)
}
