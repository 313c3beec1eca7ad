//! Serving `https://mta-sts.<domain>/.well-known/mta-sts.txt` (RFC 8461 §3.2–3.3).
//!
//! 200 with `text/plain; charset=utf-8` and consistent CRLF line ends; never a redirect (senders must not follow
//! one), no cookies, `Cache-Control: max-age=60` as RFC 8461 §8.2 suggests for proxies in front of the policy.
//! The policy is linted by core again before serving: an invalid one is never served (503, logged).
//!
//! Every MTA that sends to the domain fetches this file, so it is the product's hottest path. Each isolate keeps
//! the answer per domain for [`FRESH_MS`] (half the `Cache-Control` max-age we send, so no cache in front of us
//! holds it longer than a proxy would anyway): within that time a request costs no KV read and no lint. After
//! it, KV is read again; the same text is served from the kept answer without linting it again, another text is
//! linted and kept. The admin API drops an isolate's kept answer when it changes a policy ([`forget`]), so the
//! isolate that took the change serves it at once; the others within [`FRESH_MS`] (KV itself takes up to 60 s
//! to carry a change to every location). Fail closed holds: the kept answer of an invalid policy is the 503.

use crate::{host_of, http, store};
use mtasts_core::i18n::Catalog;
use mtasts_core::{policy, Code};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use worker::{Env, Headers, Request, Response, Result};

/// How long an isolate serves its kept answer without reading KV (ms): half of `Cache-Control: max-age=60`.
/// `POLICY_FRESH_SECONDS` (0–60) sets another (the tests use 2 s to see a kept answer expire).
pub const FRESH_MS: f64 = 30_000.0;

/// The most domains one isolate keeps answers for (each at most 64 KB, RFC 8461 §3.2's size for a policy).
const MAX_KEPT: usize = 256;

/// A domain's answer as last read from KV.
struct Kept {
    /// The stored text, to tell a changed policy from the same one.
    text: String,
    /// The body served (CRLF), or `None` for an invalid policy (served as 503).
    body: Option<Rc<[u8]>>,
    /// When KV was last read (ms since the epoch).
    read_at: f64,
}

thread_local! {
    static KEPT: RefCell<HashMap<String, Kept>> = RefCell::new(HashMap::new());
    /// [`FRESH_MS`] or `POLICY_FRESH_SECONDS`, read once per isolate.
    static FRESH: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
}

/// This isolate's freshness window (ms).
fn fresh_ms(env: &Env) -> f64 {
    FRESH.with(|f| match f.get() {
        Some(ms) => ms,
        None => {
            let ms = env
                .var("POLICY_FRESH_SECONDS")
                .ok()
                .and_then(|v| v.to_string().trim().parse::<f64>().ok())
                .filter(|s| (0.0..=60.0).contains(s))
                .map_or(FRESH_MS, |s| s * 1000.0);
            f.set(Some(ms));
            ms
        }
    })
}

/// Drops the answer this isolate keeps for `domain` (the admin API changed or removed its policy).
pub fn forget(domain: &str) {
    KEPT.with(|k| k.borrow_mut().remove(domain));
}

/// The kept answer for `domain` if it was read less than `window` ms before `now`.
fn fresh(domain: &str, now: f64, window: f64) -> Option<Option<Rc<[u8]>>> {
    KEPT.with(|k| {
        k.borrow()
            .get(domain)
            .filter(|e| now - e.read_at < window && now >= e.read_at)
            .map(|e| e.body.clone())
    })
}

/// The answer for `text` just read from KV: the kept one when the text did not change (no lint), else linted
/// and kept.
fn answer(domain: &str, text: String, now: f64) -> Option<Rc<[u8]>> {
    let same = KEPT.with(|k| {
        let mut k = k.borrow_mut();
        let e = k.get_mut(domain).filter(|e| e.text == text)?;
        e.read_at = now;
        Some(e.body.clone())
    });
    if let Some(body) = same {
        return body;
    }
    let lint = policy::lint(&text);
    let body = if lint.is_valid() {
        Some(Rc::from(to_crlf(&text).into_bytes()))
    } else {
        let codes: Vec<&str> = lint
            .diagnostics
            .iter()
            .filter(|d| d.severity() == mtasts_core::Severity::Error)
            .map(|d| d.code.name())
            .collect();
        worker::console_error!("refusing to serve the invalid policy of {domain}: {codes:?}");
        None
    };
    KEPT.with(|k| {
        let mut k = k.borrow_mut();
        if k.len() >= MAX_KEPT && !k.contains_key(domain) {
            // the oldest read goes (an isolate serving this many domains reads KV for the rest)
            let oldest = k
                .iter()
                .min_by(|a, b| a.1.read_at.total_cmp(&b.1.read_at))
                .map(|(d, _)| d.clone());
            if let Some(d) = oldest {
                k.remove(&d);
            }
        }
        k.insert(
            domain.to_owned(),
            Kept {
                text,
                body: body.clone(),
                read_at: now,
            },
        );
    });
    body
}

/// The policy's path (RFC 8461 §3.3), from core's plan.
pub const PATH: &str = mtasts_core::check::plan::POLICY_PATH;

/// The policy domain of a `mta-sts.<domain>` host.
pub fn policy_domain(host: &str) -> Option<&str> {
    host.strip_prefix("mta-sts.")
        .filter(|d| d.contains('.') && mtasts_core::policy::mx::check_domain(d).is_ok())
}

/// Normalizes line ends to CRLF (the form RFC 8461 §3.2 describes).
pub fn to_crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        let body = line
            .strip_suffix('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l));
        match body {
            Some(b) => {
                out.push_str(b);
                out.push_str("\r\n");
            }
            None => out.push_str(line),
        }
    }
    out
}

/// Handles the policy path.
/// Serves a GET (or, with `head`, a HEAD; other methods are refused by the router); the catalog for a refusal
/// is looked up only when refusing (this path is hot).
pub async fn serve(req: &Request, env: &Env, head: bool) -> Result<Response> {
    let cat = &|| Catalog::get(crate::lang_of(req));
    let host = host_of(req);
    let Some(domain) = policy_domain(&host) else {
        return http::refuse(
            &cat(),
            404,
            http::diag(Code::PolicyUnknownHost).arg("host", mtasts_core::diag::snippet(&host, 80)),
        );
    };
    let now = worker::Date::now().as_millis() as f64;
    let body = match fresh(domain, now, fresh_ms(env)) {
        Some(body) => body,
        None => {
            let kv = env.kv(store::BINDING)?;
            let Some(text) = kv
                .get(&store::policy_key(domain))
                .text()
                .await
                .map_err(|e| worker::Error::RustError(e.to_string()))?
            else {
                forget(domain);
                return http::refuse(
                    &cat(),
                    404,
                    http::diag(Code::PolicyUnknownDomain).arg("domain", domain),
                );
            };
            answer(domain, text, now)
        }
    };
    // fail closed: an invalid policy is never served (RFC 8461 §3.2)
    let Some(body) = body else {
        return http::refuse(
            &cat(),
            503,
            http::diag(Code::PolicyInvalidStored).arg("domain", domain),
        );
    };
    let headers = Headers::new();
    headers.set("Content-Type", "text/plain; charset=utf-8")?;
    headers.set("Cache-Control", "max-age=60")?;
    headers.set("X-Content-Type-Options", "nosniff")?;
    headers.set("Content-Length", &body.len().to_string())?;
    let resp = if head {
        Response::empty()?
    } else {
        Response::from_bytes(body.to_vec())?
    };
    Ok(resp.with_headers(headers).with_status(200))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_table() {
        for (host, want) in [
            ("mta-sts.example.com", Some("example.com")),
            ("mta-sts.com", None),
            ("example.com", None),
            ("mta-sts.exa_mple.com", None),
        ] {
            assert_eq!(policy_domain(host), want, "{host}");
        }
    }

    #[test]
    fn crlf_table() {
        for (input, want) in [
            ("a\nb", "a\r\nb"),
            ("a\r\nb\n", "a\r\nb\r\n"),
            ("a", "a"),
            ("a\n\n", "a\r\n\r\n"),
        ] {
            assert_eq!(to_crlf(input), want, "{input:?}");
        }
    }
}
