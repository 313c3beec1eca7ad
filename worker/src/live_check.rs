//! `GET /api/check?domain=D[&lang=xx]`: the live check from the edge (RFC 8461 §3–§5). Public, rate-limited per
//! client address. The worker only gathers facts — TXT and MX answers through DNS over HTTPS (RFC 8484, endpoint
//! `DOH_URL`), the policy through `fetch` with redirects off, a 64 KB cap and a timeout — and core's
//! `check::judge` gives the verdict, the same one `mtasts check` gives. Workers cannot open port 25, so STARTTLS
//! on the MX hosts is left to the CLI, and the answer says so (`check/smtp-not-tested`). The last id and policy
//! hash seen per domain are kept in KV, so a policy changed without a new id is caught between checks.

use crate::{http, store, Config};
use futures_util::future::{join_all, select, Either};
use mtasts_core::check::plan::{self, Answer, Question};
use mtasts_core::check::{self, Facts, Fetch as PolicyFetch};
use mtasts_core::doh::{self, Kind};
use mtasts_core::i18n::Catalog;
use mtasts_core::Code;
use std::collections::HashMap;
use std::time::Duration;
use worker::{
    AbortController, Delay, Env, Fetch, Headers, Method, Request, RequestInit, RequestRedirect,
    Response, Result, SecureTransport, Socket,
};

/// Largest DNS answer read.
const DNS_CAP: usize = 64 * 1024;
/// The rate limiter binding (`[[ratelimits]]` in wrangler.toml).
const LIMITER: &str = "CHECK_LIMITER";

/// Handles the request.
pub async fn handle(req: &Request, env: &Env, cfg: &Config, cat: &Catalog) -> Result<Response> {
    if !matches!(req.method(), Method::Get | Method::Head) {
        return http::method_not_allowed(cat, req.method().as_ref(), "GET, HEAD");
    }
    let url = req.url()?;
    let q: HashMap<String, String> = url.query_pairs().into_owned().collect();
    let Some(input) = q.get("domain").filter(|d| !d.trim().is_empty()) else {
        return http::refuse(cat, 400, http::diag(Code::CheckMissingDomain));
    };
    let domain = match mtasts_core::generate::normalize_domain(input) {
        Ok(d) => d,
        Err(e) => {
            return http::refuse(
                cat,
                400,
                e.on(http::diag(Code::CheckBadDomain)
                    .arg("value", mtasts_core::diag::snippet(input, 80))),
            )
        }
    };
    if let Some(r) = rate_limited(req, env, cat).await? {
        return Ok(r);
    }
    let (facts, verdict) = run(env, cfg, &domain).await?;
    http::json(
        &mtasts_core::output::CheckAnswer::new(&facts, &verdict, cat),
        200,
    )
}

/// The live check of `domain`: the facts gathered, judged by core against what was seen last time (kept in KV,
/// so a policy changed without a new id is caught between checks, RFC 8461 §3.1). The watch's self-check runs
/// this same check.
pub(crate) async fn run(env: &Env, cfg: &Config, domain: &str) -> Result<(Facts, check::Verdict)> {
    let mut facts = gather(cfg, domain).await;
    let kv = env.kv(store::BINDING)?;
    let seen_key = store::check_seen_key(domain);
    let seen = kv
        .get(&seen_key)
        .json::<store::Seen>()
        .await
        .unwrap_or_default();
    facts.previous = seen.as_ref().map(|s| (s.id.clone(), s.policy_hash.clone()));
    let verdict = check::judge(&facts);
    remember(&kv, &seen_key, seen, &verdict).await;
    Ok((facts, verdict))
}

/// Remembers what [`check::Verdict::to_remember`] says, unless it is already what was stored (no write).
async fn remember(
    kv: &worker::kv::KvStore,
    key: &str,
    seen: Option<store::Seen>,
    v: &check::Verdict,
) {
    let Some((id, policy_hash)) = v.to_remember() else {
        return;
    };
    let now = store::Seen { id, policy_hash };
    if seen.as_ref() == Some(&now) {
        return;
    }
    let put = match kv.put(key, &now) {
        Ok(p) => p.expiration_ttl(SEEN_TTL_SECS).execute().await,
        Err(e) => Err(e),
    };
    if let Err(e) = put {
        // the verdict is still right; only the next check loses its memory
        worker::console_error!("remember {key}: {e}");
    }
}

/// How long the check remembers a domain (a year: longer than the longest max_age, RFC 8461 §3.2).
const SEEN_TTL_SECS: u64 = 400 * 24 * 3600;

/// 429 when the client (its `CF-Connecting-IP`) went over the limit; no limit when the binding is absent.
async fn rate_limited(req: &Request, env: &Env, cat: &Catalog) -> Result<Option<Response>> {
    let Ok(limiter) = env.rate_limiter(LIMITER) else {
        return Ok(None);
    };
    let client = req
        .headers()
        .get("CF-Connecting-IP")?
        .unwrap_or_else(|| "unknown".into());
    match limiter.limit(format!("check:{client}")).await {
        Ok(o) if !o.success => Ok(Some(http::refuse_with_header(
            cat,
            429,
            http::diag(Code::CheckRateLimited).arg("seconds", 60),
            ("Retry-After", "60"),
        )?)),
        Ok(_) => Ok(None),
        // a limiter outage must not take the check down
        Err(e) => {
            worker::console_error!("rate limiter: {e}");
            Ok(None)
        }
    }
}

/// Runs `fut` for at most `secs` seconds.
pub(crate) async fn within<T>(secs: u64, fut: impl std::future::Future<Output = T>) -> Option<T> {
    let fut = std::pin::pin!(fut);
    match select(fut, Delay::from(Duration::from_secs(secs))).await {
        Either::Left((v, _)) => Some(v),
        Either::Right(_) => None,
    }
}

/// One DNS question through DNS over HTTPS (GET, RFC 8484 §4.1).
pub(crate) async fn resolve(cfg: &Config, name: &str, kind: Kind) -> doh::Answer {
    // the resolver not answering is the checker's problem: no verdict on the domain from it
    let failed = Answer::unanswered;
    let url = match doh::get_url(&cfg.doh_url, name, kind) {
        Ok(u) => u,
        Err(e) => return failed(e),
    };
    let ask = async {
        let headers = Headers::new();
        headers.set("Accept", "application/dns-message")?;
        let mut init = RequestInit::new();
        init.with_method(Method::Get).with_headers(headers);
        let mut resp = Fetch::Request(Request::new_with_init(&url, &init)?)
            .send()
            .await?;
        if resp.status_code() != 200 {
            return Ok(Err(format!(
                "the DNS-over-HTTPS resolver answered HTTP {}",
                resp.status_code()
            )));
        }
        // an answer over the cap is read up to it (and then fails to parse as a message)
        let body = match resp.stream() {
            Ok(stream) => http::read_capped(stream, DNS_CAP).await,
            Err(e) => Err(e),
        };
        Ok::<_, worker::Error>(
            body.map(|b| b.unwrap_or_else(|t| t.head))
                .map_err(|e| e.to_string()),
        )
    };
    match within(cfg.dns_timeout_secs, ask).await {
        None => failed(format!(
            "no answer from the resolver within {} s",
            cfg.dns_timeout_secs
        )),
        Some(Err(e)) => failed(format!("DNS-over-HTTPS request failed: {e}")),
        Some(Ok(Err(e))) => failed(e),
        Some(Ok(Ok(wire))) => doh::answer(name, kind, &wire),
    }
}

/// Fetches `https://mta-sts.<domain>/.well-known/mta-sts.txt` as a sender would (RFC 8461 §3.3): no redirect
/// followed, at most 64 KB read, within the timeout (headers and body together).
async fn fetch_policy(cfg: &Config, domain: &str) -> PolicyFetch {
    let url = plan::policy_url(domain);
    let abort = AbortController::default();
    let signal = abort.signal();
    let get = async {
        let headers = Headers::new();
        headers.set("Accept", "text/plain")?;
        headers.set("User-Agent", "mtasts-check (+RFC 8461)")?;
        let mut init = RequestInit::new();
        init.with_method(Method::Get)
            .with_headers(headers)
            .with_redirect(RequestRedirect::Manual);
        let mut resp = Fetch::Request(Request::new_with_init(&url, &init)?)
            .send_with_signal(&signal)
            .await?;
        let header = |h: &str| resp.headers().get(h).ok().flatten();
        let (content_type, location) = (header("Content-Type"), header("Location"));
        // a body over 64 KB is kept up to 64 KB + 1, so the lint says it is too large
        let body = http::read_capped(resp.stream()?, plan::POLICY_CAP)
            .await?
            .unwrap_or_else(|t| t.head);
        Ok::<_, worker::Error>(PolicyFetch::Response {
            status: resp.status_code(),
            content_type,
            location,
            body,
        })
    };
    match within(cfg.check_timeout_secs, get).await {
        None => {
            abort.abort();
            PolicyFetch::Timeout {
                seconds: cfg.check_timeout_secs,
            }
        }
        Some(Ok(f)) => f,
        Some(Err(e)) => {
            let host = plan::policy_host(domain);
            let port_open = within(cfg.dns_timeout_secs, port_443_open(&host)).await == Some(true);
            fetch_error(e.to_string(), port_open)
        }
    }
}

/// Whether `host` accepts TCP connections on 443: when it does, a failed HTTPS fetch failed in TLS.
async fn port_443_open(host: &str) -> bool {
    let Ok(mut socket) = Socket::builder()
        .secure_transport(SecureTransport::Off)
        .connect(host, 443)
    else {
        return false;
    };
    let open = socket.opened().await.is_ok();
    let _ = socket.close().await;
    open
}

/// Sorts a `fetch` failure into a TLS problem or an unreachable host. workerd often reports a failed handshake
/// only as "internal error" (the reason goes to its log), so a host that takes TCP connections on 443 but gives
/// no HTTPS answer counts as a TLS failure.
fn fetch_error(reason: String, port_open: bool) -> PolicyFetch {
    let r = reason.to_ascii_lowercase();
    let says_tls = ["certificate", "tls", "ssl", "handshake"]
        .iter()
        .any(|w| r.contains(w));
    if says_tls {
        PolicyFetch::Tls { reason }
    } else if port_open {
        PolicyFetch::Tls {
            reason: format!("no valid HTTPS on port 443, though it accepts connections (is the certificate valid for this name?): {reason}"),
        }
    } else {
        PolicyFetch::Unreachable { reason }
    }
}

/// Executes core's plan: the five DNS questions at once, then the policy when the `_mta-sts` answer justifies it.
async fn gather(cfg: &Config, domain: &str) -> Facts {
    let names: Vec<(String, _)> = Question::ALL
        .iter()
        .map(|q| (q.name(domain), q.kind()))
        .collect();
    let answers: Vec<Answer> = join_all(names.iter().map(|(n, k)| resolve(cfg, n, *k))).await;
    let dnssec = plan::dnssec_of(&answers);
    let policy = if plan::answers_want_policy(&answers) {
        Some(fetch_policy(cfg, domain).await)
    } else {
        None
    };
    // workers cannot open port 25: STARTTLS is not tested here (the answer says so)
    plan::facts(domain, answers, policy, None, dnssec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fetch_failures_are_sorted() {
        for (msg, port_open, tls) in [
            ("TLS peer's certificate is not trusted; reason = unable to get local issuer certificate", false, true),
            ("internal error: SSL handshake failed", false, true),
            ("Error: internal error; reference = 4kni628h8c1a4lmq0ubd6gqv.", true, true),
            ("Error: internal error; reference = 4kni628h8c1a4lmq0ubd6gqv.", false, false),
            ("Network connection lost.", false, false),
            ("DNS lookup failed", false, false),
        ] {
            let got = fetch_error(msg.into(), port_open);
            assert_eq!(matches!(got, PolicyFetch::Tls { .. }), tls, "{msg} {port_open}");
        }
    }
}
