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
//! linted and kept. A busy domain's answer is renewed before it expires ([`RENEW_AFTER`]): one request starts a
//! KV read in the background and is served the kept answer, so no request waits on KV while the answer is in its
//! window, and the requests that arrive together at its end do not all read KV at once. The admin API drops an
//! isolate's kept answer when it changes a policy ([`forget`]), so the isolate that took the change serves it at
//! once; the others within [`FRESH_MS`] (KV itself takes up to 60 s to carry a change to every location). Fail
//! closed holds: the kept answer of an invalid policy is the 503, and no answer is served past its window.
//!
//! A kept 200 served before it is due for renewal is also offered to the worker's entry (`worker/entry.mjs`),
//! which answers the same request (method, `Host`, URL) from it without calling into Wasm until that point
//! ([`offer_replay`]); [`forget`] drops every offer with the kept answer. The entry decides nothing: what is
//! offered and until when is decided here, and no offer outlives the point where this module would renew.

use crate::{host_of, http, js_names, store};
use mtasts_core::i18n::{Catalog, Lang};
use mtasts_core::{policy, Code};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use worker::js_sys::Uint8Array;
use worker::wasm_bindgen_futures::future_to_promise;
use worker::web_sys::{self, ResponseInit};
use worker::{Env, Result};

/// How long an isolate serves its kept answer without reading KV (ms): half of `Cache-Control: max-age=60`.
/// `POLICY_FRESH_SECONDS` (0–60) sets another (the tests use 5 s to see a kept answer renewed and expire).
pub const FRESH_MS: f64 = 30_000.0;

/// The part of the window after which the next request that uses a kept answer also renews it from KV, in the
/// background: three quarters, so a renewal has the last quarter (7.5 s in production) to land before the answer
/// expires, and a busy domain costs an isolate one KV read per 22.5 s.
pub const RENEW_AFTER: f64 = 0.75;

/// The most domains one isolate keeps answers for (each at most 64 KB, RFC 8461 §3.2's size for a policy).
const MAX_KEPT: usize = 256;

/// A domain's answer as last read from KV.
struct Kept {
    /// The stored text, to tell a changed policy from the same one.
    text: String,
    /// The answer served, or `None` for an invalid policy (served as 503).
    answer: Option<Answer>,
    /// When KV was last read (ms since the epoch).
    read_at: f64,
    /// A renewal from KV is under way (one at a time per domain).
    renewing: bool,
}

/// A valid policy's 200, built once on the JavaScript side: the body (CRLF) and the status and headers, so
/// serving it again copies nothing out of wasm memory and sets no header one by one. The `Response`
/// constructor copies both (Fetch: "extract a body" copies a buffer source; headers are filled from the init),
/// so one answer serves any number of requests.
#[derive(Clone)]
struct Answer {
    body: Uint8Array,
    /// A GET's status and headers (the runtime sets `Content-Length` from the body).
    get: ResponseInit,
    /// A HEAD's: a GET's and the body's `Content-Length`, as a GET would have it.
    head: ResponseInit,
}

impl Answer {
    /// The answer serving `body`: `text/plain; charset=utf-8` (RFC 8461 §3.2), `Cache-Control: max-age=60`
    /// (RFC 8461 §8.2's suggestion for proxies), `nosniff`, and its length (on a HEAD too).
    fn new(body: &[u8]) -> Result<Answer> {
        let init = |length: Option<usize>| -> Result<ResponseInit> {
            let headers = web_sys::Headers::new()?;
            headers.set("Content-Type", "text/plain; charset=utf-8")?;
            headers.set("Cache-Control", "max-age=60")?;
            headers.set("X-Content-Type-Options", "nosniff")?;
            if let Some(length) = length {
                headers.set("Content-Length", &length.to_string())?;
            }
            let init = ResponseInit::new();
            init.set_status(200);
            init.set_headers(&headers);
            Ok(init)
        };
        Ok(Answer {
            body: Uint8Array::from(body),
            get: init(None)?,
            head: init(Some(body.len()))?,
        })
    }

    /// The body (none for a HEAD) and the status and headers of this answer to a GET or a HEAD.
    fn parts(&self, head: bool) -> (Option<&Uint8Array>, &ResponseInit) {
        if head {
            (None, &self.head)
        } else {
            (Some(&self.body), &self.get)
        }
    }

    /// Offers this answer to the entry for the request being answered, until `until` ([`offer_replay`]).
    fn offer(&self, head: bool, until: f64) {
        let (body, init) = self.parts(head);
        let _ = offer_replay(body, init, until);
    }

    /// A fresh response of this answer (no body for a HEAD).
    fn response(&self, head: bool) -> Result<web_sys::Response> {
        let (body, init) = self.parts(head);
        Ok(web_sys::Response::new_with_opt_buffer_source_and_init(
            body.map(AsRef::as_ref),
            init,
        )?)
    }
}

#[wasm_bindgen]
extern "C" {
    /// `__mtastsReplay.offer(body, init, until)`, defined by `worker/entry.mjs`: the entry answers the request
    /// being answered again, with `body` (`null` for a HEAD) and `init`, until `until` (ms since the epoch).
    /// An error (no such entry: the unit tests, or worker-build's own entry) leaves nothing offered.
    #[wasm_bindgen(js_namespace = __mtastsReplay, js_name = offer, catch)]
    fn offer_replay(
        body: Option<&Uint8Array>,
        init: &ResponseInit,
        until: f64,
    ) -> std::result::Result<(), JsValue>;
    /// `__mtastsReplay.forget()`: the entry drops every answer offered.
    #[wasm_bindgen(js_namespace = __mtastsReplay, js_name = forget, catch)]
    fn forget_replays() -> std::result::Result<(), JsValue>;
}

thread_local! {
    static KEPT: RefCell<HashMap<String, Kept>> = RefCell::new(HashMap::new());
    /// Counts [`forget`]s: a KV read that started before one may carry the text the admin API just replaced, so
    /// what it read is served to its own request but not kept.
    static GENERATION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
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

/// Drops the answer this isolate keeps for `domain` because the admin API changed or removed its policy: a KV
/// read under way may predate the write, so what it reads is not kept.
pub fn forget(domain: &str) {
    GENERATION.with(|g| g.set(g.get().wrapping_add(1)));
    drop_kept(domain);
    // the entry's offers carry no domain: all go, and each is offered again at its next request (a write through
    // the admin API is rare)
    let _ = forget_replays();
}

/// Drops the answer this isolate keeps for `domain` (KV holds no policy for it any more).
fn drop_kept(domain: &str) {
    KEPT.with(|k| k.borrow_mut().remove(domain));
}

/// This isolate's count of [`forget`]s, taken before a KV read.
fn generation() -> u64 {
    GENERATION.with(|g| g.get())
}

/// A kept answer [`fresh`] found within its window.
struct Fresh {
    /// The answer (`None`: the policy is invalid).
    answer: Option<Answer>,
    /// The caller is to renew it: it is past [`RENEW_AFTER`] of its window and no renewal was under way (now
    /// one is).
    renew: bool,
    /// Until when it may be served again without asking (ms since the epoch; the point it is due for renewal),
    /// if that is still ahead.
    replay_until: Option<f64>,
}

/// The kept answer for `domain` if it was read less than `window` ms before `now`.
fn fresh(domain: &str, now: f64, window: f64) -> Option<Fresh> {
    KEPT.with(|k| {
        let mut k = k.borrow_mut();
        let e = k
            .get_mut(domain)
            .filter(|e| now - e.read_at < window && now >= e.read_at)?;
        let renew_at = e.read_at + window * RENEW_AFTER;
        let renew = !e.renewing && now >= renew_at;
        e.renewing |= renew;
        Some(Fresh {
            answer: e.answer.clone(),
            renew,
            replay_until: (now < renew_at).then_some(renew_at),
        })
    })
}

/// The answer for `text`, read from KV from `now` on: the kept one when the text did not change (no lint), else
/// linted, and kept unless a [`forget`] came after `generation` (then the admin API wrote since the read began).
fn answer(domain: &str, text: String, now: f64, generation: u64) -> Result<Option<Answer>> {
    let current = generation == self::generation();
    let same = KEPT.with(|k| {
        let mut k = k.borrow_mut();
        let e = k.get_mut(domain).filter(|e| e.text == text)?;
        if current {
            e.read_at = now;
            e.renewing = false;
        }
        Some(e.answer.clone())
    });
    if let Some(answer) = same {
        return Ok(answer);
    }
    let lint = policy::lint(&text);
    let answer = if lint.is_valid() {
        Some(Answer::new(to_crlf(&text).as_bytes())?)
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
    if !current {
        return Ok(answer);
    }
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
                answer: answer.clone(),
                read_at: now,
                renewing: false,
            },
        );
    });
    Ok(answer)
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

/// A GET or HEAD of the policy path, the requests [`serve_kept`] and [`serve`] answer (other methods are refused
/// by the router).
struct PolicyRequest {
    /// A HEAD (no body).
    head: bool,
    /// The URL has no query or fragment, as an MTA asks (RFC 8461 §3.2 gives the URL without either): only such
    /// a request's answer is offered for replay, so a sender varying a query cannot make the entry keep long URLs.
    plain: bool,
}

/// What `req` is, if it is a GET or HEAD of the policy path.
fn policy_fetch(req: &web_sys::Request) -> Option<PolicyRequest> {
    let head = js_names::head_or_get(req)?;
    let url = req.url();
    (url_path(&url) == PATH).then(|| PolicyRequest {
        head,
        plain: !url.contains(['?', '#']),
    })
}

/// The path of a serialized absolute URL, as the runtime gives `Request.url`: WHATWG serialization puts the
/// path at the first `/` after `scheme://` and the authority, and percent-encodes `?` and `#` inside it.
pub(crate) fn url_path(url: &str) -> &str {
    let rest = url.find("://").map_or(url, |i| &url[i + 3..]);
    let path = rest.find('/').map_or("/", |i| &rest[i..]);
    path.split(['?', '#']).next().unwrap_or(path)
}

/// The milliseconds since the epoch, the clock of the kept answers.
fn now_ms() -> f64 {
    worker::js_sys::Date::now()
}

/// What [`serve_kept`] made of a request.
pub enum Lookup {
    /// The answer this isolate keeps, served.
    Served(web_sys::Response),
    /// A GET or HEAD of the policy path that no kept 200 answered, for [`serve`].
    Fetch(PolicyFetch),
    /// Not a GET or HEAD of the policy path: the router's.
    Other,
}

/// A GET or HEAD of the policy path as [`serve_kept`] read it, so [`serve`] reads the request no more.
pub struct PolicyFetch {
    /// A HEAD (no body).
    head: bool,
    /// The request's host, lower-case, without a port.
    host: String,
    /// What this isolate keeps for the host's domain and is fresh: `Some(None)` for an invalid policy.
    kept: Option<Option<Answer>>,
}

/// For a GET or HEAD of the policy path, the 200 this isolate keeps for the request's domain if it is fresh:
/// no KV read, no lint, no future; offered to the entry for the same request until it is due for renewal
/// ([`offer_replay`]) when its URL has no query or fragment. Anything else is handed on: a policy fetch with
/// nothing kept, kept too long, an invalid policy or a host that is not `mta-sts.<domain>` to [`serve`], with
/// what was found; another path or method to the router. When the kept answer (valid or not) is due for
/// renewal, the read from KV runs after the response, in `ctx`.
pub fn serve_kept(req: &web_sys::Request, env: &Env, ctx: &worker::worker_sys::Context) -> Lookup {
    let Some(PolicyRequest { head, plain }) = policy_fetch(req) else {
        return Lookup::Other;
    };
    let host = host_of(req);
    let found = policy_domain(&host).and_then(|domain| {
        let found = fresh(domain, now_ms(), fresh_ms(env))?;
        if found.renew {
            start_renewal(domain, env, ctx);
        }
        Some(found)
    });
    if let Some(Fresh {
        answer: Some(answer),
        replay_until,
        ..
    }) = &found
    {
        if let Ok(resp) = answer.response(head) {
            if let Some(until) = replay_until.filter(|_| plain) {
                answer.offer(head, until);
            }
            return Lookup::Served(resp);
        }
    }
    let kept = found.map(|f| f.answer);
    Lookup::Fetch(PolicyFetch { head, host, kept })
}

/// Starts renewing `domain`'s kept answer from KV, kept alive past the response by `ctx`.
fn start_renewal(domain: &str, env: &Env, ctx: &worker::worker_sys::Context) {
    let (owned, env) = (domain.to_owned(), env.clone());
    let renewal = future_to_promise(async move {
        renew(&owned, &env).await;
        Ok(JsValue::UNDEFINED)
    });
    if ctx.wait_until(&renewal).is_err() {
        // not kept alive past the response: another request in the window may try again; else the kept
        // answer simply expires and the next request reads KV
        end_renewal(domain);
    }
}

/// Renews `domain`'s kept answer from KV (in the background of a request served from it). A failed read leaves
/// the kept answer to expire at its time.
async fn renew(domain: &str, env: &Env) {
    if let Err(e) = reread(domain, env).await {
        worker::console_error!("renewing the policy of {domain}: {e}");
    }
    end_renewal(domain);
}

/// Marks no renewal under way for `domain`, so a later request in the window may start one.
fn end_renewal(domain: &str) {
    KEPT.with(|k| {
        if let Some(e) = k.borrow_mut().get_mut(domain) {
            e.renewing = false;
        }
    });
}

/// Reads `domain`'s policy from KV and keeps its answer ([`answer`]); `None` when KV holds no policy for it, and
/// then what this isolate kept for it is dropped, unless the admin API wrote since the read began.
async fn reread(domain: &str, env: &Env) -> Result<Option<Option<Answer>>> {
    let (now, generation) = (now_ms(), generation());
    let text = env
        .kv(store::BINDING)?
        .get(&store::policy_key(domain))
        .text()
        .await
        .map_err(|e| worker::Error::RustError(e.to_string()))?;
    match text {
        Some(text) => answer(domain, text, now, generation).map(Some),
        None => {
            if generation == self::generation() {
                drop_kept(domain);
            }
            Ok(None)
        }
    }
}

/// Serves a policy fetch [`serve_kept`] did not answer: reads KV when this isolate keeps no fresh answer, and
/// refuses an unknown host or domain and an invalid policy; the catalog for `lang` is looked up only to refuse.
pub async fn serve(fetch: PolicyFetch, env: &Env, lang: Lang) -> Result<web_sys::Response> {
    let PolicyFetch { head, host, kept } = fetch;
    let Some(domain) = policy_domain(&host) else {
        return http::refuse(
            &Catalog::get(lang),
            404,
            http::diag(Code::PolicyUnknownHost).arg("host", mtasts_core::diag::snippet(&host, 80)),
        )
        .map(Into::into);
    };
    let answer = match kept {
        Some(answer) => answer,
        None => match reread(domain, env).await? {
            Some(answer) => answer,
            None => {
                return http::refuse(
                    &Catalog::get(lang),
                    404,
                    http::diag(Code::PolicyUnknownDomain).arg("domain", domain),
                )
                .map(Into::into)
            }
        },
    };
    // fail closed: an invalid policy is never served (RFC 8461 §3.2)
    match answer {
        Some(answer) => answer.response(head),
        None => http::refuse(
            &Catalog::get(lang),
            503,
            http::diag(Code::PolicyInvalidStored).arg("domain", domain),
        )
        .map(Into::into),
    }
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

    #[test]
    fn url_path_table() {
        for (url, want) in [
            ("https://mta-sts.example.com/.well-known/mta-sts.txt", PATH),
            ("http://127.0.0.1:8787/.well-known/mta-sts.txt?x=1", PATH),
            ("https://h.example/.well-known/mta-sts.txt#f", PATH),
            ("https://user:pw@h.example:443/a/b?c/d", "/a/b"),
            ("https://h.example", "/"),
            ("https://h.example/", "/"),
            (
                "https://h.example//.well-known/mta-sts.txt",
                "//.well-known/mta-sts.txt",
            ),
            (
                "https://h.example/%2ewell-known/mta-sts.txt",
                "/%2ewell-known/mta-sts.txt",
            ),
        ] {
            assert_eq!(url_path(url), want, "{url}");
        }
    }
}
