//! Small HTTP helpers: JSON bodies, errors with stable codes, and CORS limited to the site's own origin.

use futures_util::StreamExt;
use serde::Serialize;
use worker::{ByteStream, Headers, Request, Response, Result};

/// A JSON response with `status`.
pub fn json<T: Serialize>(value: &T, status: u16) -> Result<Response> {
    let mut r = Response::from_json(value)?.with_status(status);
    r.headers_mut().set("Cache-Control", "no-store")?;
    Ok(r)
}

/// An error response: `{"error": {"code": ..., "message": ...}}`. Codes are stable so the web app can translate.
pub fn error(status: u16, code: &str, message: impl Into<String>) -> Result<Response> {
    json(
        &serde_json::json!({"error": {"code": code, "message": message.into()}}),
        status,
    )
}

/// An error carrying core diagnostics (e.g. a policy refused with 422).
pub fn error_with(
    status: u16,
    code: &str,
    message: &str,
    extra: serde_json::Value,
) -> Result<Response> {
    json(
        &serde_json::json!({"error": {"code": code, "message": message, "details": extra}}),
        status,
    )
}

/// An [`error`] with one more header (`Allow`, `Retry-After`, `WWW-Authenticate`…).
pub fn error_with_header(
    status: u16,
    code: &str,
    message: impl Into<String>,
    (name, value): (&str, &str),
) -> Result<Response> {
    let mut r = error(status, code, message)?;
    r.headers_mut().set(name, value)?;
    Ok(r)
}

/// 405 with `Allow`.
pub fn method_not_allowed(allow: &str) -> Result<Response> {
    error_with_header(
        405,
        "http/method-not-allowed",
        format!("use {allow}"),
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
