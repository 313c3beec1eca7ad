//! The web app's paths: everything this worker does not answer itself is the site, served by the assets-only
//! worker `mtasts-site` (`web/wrangler.toml`) through the `SITE` service binding.
//!
//! Why two workers: a worker with static assets has every request pass the assets router before its code runs,
//! the policy host's requests too; measured on workerd, that hop cost a constant JavaScript worker ~14 % of its
//! requests per second. Without assets here, only the site's requests take one extra hop (a service binding, in the same
//! thread), and those are a person's page loads, not every sending MTA's policy fetch (RFC 8461 §3.3).

use wasm_bindgen::{JsCast, JsValue};
use worker::wasm_bindgen_futures::JsFuture;
use worker::{web_sys, worker_sys, Env, Result};

/// The binding of the site worker (`[[services]]` in `wrangler.toml`).
pub const BINDING: &str = "SITE";

/// Whether `path` belongs to this worker (its routes, and the odd spellings of its paths, which get this
/// worker's 404 rather than the assets layer's redirect or page): `/api`, `/v1/…`, `/rules`, `/watch`,
/// `/.well-known/…`, paths starting `//`, and `/%2ewell-known/…` in any case. The rest is the site's.
pub fn is_worker_path(path: &str) -> bool {
    let under = |prefix: &str| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    under("/api")
        || path.starts_with("/v1/")
        || under("/rules")
        || path == "/watch"
        || path.starts_with("/.well-known/")
        || path.starts_with("//")
        || path
            .get(..15)
            .is_some_and(|p| p.eq_ignore_ascii_case("/%2ewell-known/"))
}

/// Hands `req` to the site worker as it came (any method: the assets layer answers 405 to what it does not
/// take, 307 to its own canonical paths, and the app's page to unknown ones), and its answer back untouched
/// (status, headers, body stream: not rebuilt as a `worker::Response`).
pub async fn serve(req: &web_sys::Request, env: &Env) -> Result<web_sys::Response> {
    let site: worker_sys::Fetcher = JsValue::from(env.service(BINDING)?).unchecked_into();
    let answer = JsFuture::from(site.fetch(req)?).await?;
    Ok(answer.dyn_into()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worker_paths_table() {
        for (path, ours) in [
            ("/api", true),
            ("/api/reports", true),
            ("/apiary", false),
            ("/v1/tlsrpt", true),
            ("/v1", false),
            ("/rules", true),
            ("/rules/policy/bad-mode", true),
            ("/rulesets", false),
            ("/watch", true),
            ("/watch/x", false),
            ("/.well-known/mta-sts.txt", true),
            ("/.well-known/other", true),
            ("//.well-known/mta-sts.txt", true),
            ("//evil.example", true),
            ("/%2ewell-known/mta-sts.txt", true),
            ("/%2Ewell-known/mta-sts.txt", true),
            ("/%2E%77ell-known/", false),
            ("/", false),
            ("/validate", false),
            ("/check", false),
            ("/index.html", false),
            ("/assets/app.js", false),
            ("", false),
        ] {
            assert_eq!(is_worker_path(path), ours, "{path:?}");
        }
    }
}
