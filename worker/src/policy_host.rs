//! Serving `https://mta-sts.<domain>/.well-known/mta-sts.txt` (RFC 8461 §3.2–3.3).
//!
//! 200 with `text/plain; charset=utf-8` and consistent CRLF line ends; never a redirect (senders must not follow
//! one), no cookies, `Cache-Control: max-age=60` as RFC 8461 §8.2 suggests for proxies in front of the policy.
//! The policy is linted by core again before serving: an invalid one is never served (503, logged).

use crate::{host_of, http, store};
use mtasts_core::i18n::Catalog;
use mtasts_core::{policy, Code};
use worker::{Env, Headers, Request, Response, Result};

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
    let kv = env.kv(store::BINDING)?;
    let Some(text) = kv
        .get(&store::policy_key(domain))
        .text()
        .await
        .map_err(|e| worker::Error::RustError(e.to_string()))?
    else {
        return http::refuse(
            &cat(),
            404,
            http::diag(Code::PolicyUnknownDomain).arg("domain", domain),
        );
    };
    let lint = policy::lint(&text);
    if !lint.is_valid() {
        let codes: Vec<&str> = lint
            .diagnostics
            .iter()
            .filter(|d| d.severity() == mtasts_core::Severity::Error)
            .map(|d| d.code.name())
            .collect();
        worker::console_error!("refusing to serve the invalid policy of {domain}: {codes:?}");
        // fail closed: an invalid policy is never served (RFC 8461 §3.2)
        return http::refuse(
            &cat(),
            503,
            http::diag(Code::PolicyInvalidStored).arg("domain", domain),
        );
    }
    let body = to_crlf(&text);
    let headers = Headers::new();
    headers.set("Content-Type", "text/plain; charset=utf-8")?;
    headers.set("Cache-Control", "max-age=60")?;
    headers.set("X-Content-Type-Options", "nosniff")?;
    headers.set("Content-Length", &body.len().to_string())?;
    let resp = if head {
        Response::empty()?
    } else {
        Response::from_bytes(body.into_bytes())?
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
