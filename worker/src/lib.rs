//! mtasts-worker: the edge shell over `mtasts-core`, on Cloudflare Workers (workerd locally via `wrangler dev`).
//!
//! - `GET|HEAD https://mta-sts.<domain>/.well-known/mta-sts.txt` serves the domain's policy (RFC 8461 §3.3),
//!   linted by core before it is stored and again before it is served (fail closed: 503, never a bad policy).
//! - `POST /v1/tlsrpt` takes RFC 8460 §5.4 reports, idempotently ([`ingest`]): the bytes into KV ([`store`]), the
//!   rows and daily rollups into D1 ([`index`]); report e-mail (§5.3) arrives through Cloudflare Email Routing
//!   at the `email` handler ([`mail`]), through the same pipeline. An hourly cron runs the watch (digests and
//!   alerts per domain, [`watch`] and [`notify`]) and retention.
//! - `GET /api/check?domain=D` is the public, rate-limited live check ([`live_check`]).
//! - The rest of `/api/*` is the token-protected admin API over policies and stored reports ([`api`]).
//! - `GET /rules[/<code>]` are the rule pages, rendered from core's registry in the reader's language
//!   ([`rule_pages`]).
//! - `GET|POST /watch` is the watch's page: a domain's alerts, settings and notices sent ([`watch_page`]).
//! - Everything else is the web app: the assets-only worker `mtasts-site`, through the `SITE` binding ([`site`]).

mod api;
mod http;
mod index;
mod ingest;
mod js_names;
mod listing;
mod live_check;
mod mail;
mod notify;
mod policy_host;
mod reindex;
mod retention;
mod rule_pages;
mod site;
mod store;
mod summary;
mod watch;
mod watch_page;

use mtasts_core::i18n::{Catalog, Lang};
use mtasts_core::Code;
use policy_host::{Lookup, PolicyFetch};
use wasm_bindgen::prelude::{wasm_bindgen, JsValue};
use worker::wasm_bindgen_futures::future_to_promise;
use worker::{
    event, web_sys, Context, Env, ForwardableEmailMessage, Method, Request, Response, Result,
    ScheduleContext, ScheduledEvent,
};

/// The worker's configuration, from `wrangler.toml` vars and secrets.
#[derive(Clone)]
pub(crate) struct Config {
    /// `ADMIN_TOKEN` secret (in `.dev.vars` locally); `None` disables the admin API.
    pub admin_token: Option<String>,
    /// `SITE_ORIGIN`: the one origin allowed by CORS.
    pub site_origin: Option<String>,
    /// `MAX_REPORT_BYTES`: the largest upload accepted.
    pub max_report_bytes: usize,
    /// `MAX_INFLATED_BYTES`: what a gzip upload may inflate to.
    pub max_inflated_bytes: usize,
    /// `DOH_URL`: the DNS-over-HTTPS resolver of the live check (RFC 8484; a `{?dns}` template is fine).
    pub doh_url: String,
    /// `CHECK_TIMEOUT_SECONDS`: how long the live check waits for a policy host (RFC 8461 §3.3 suggests 60).
    pub check_timeout_secs: u64,
    /// `DNS_TIMEOUT_SECONDS`: how long it waits for each DNS answer.
    pub dns_timeout_secs: u64,
    /// `REQUIRE_DKIM` (default true): mailed reports without a valid DKIM signature by the reporting domain are
    /// refused (RFC 8460 §3). Only a local setup, where test mail is not signed, turns it off.
    pub require_dkim: bool,
    /// `FORWARD_TO`: an Email Routing verified address that gets a copy of every accepted report e-mail.
    pub forward_to: Option<String>,
    /// `FORWARD_OTHER_TO`: where mail that is not a report goes, instead of being refused.
    pub forward_other_to: Option<String>,
    /// `REPORT_MAILTO`: the address this deployment receives reports at (Email Routing → this worker), proposed
    /// first in the `rua` of `/api/records` (RFC 8460 §3; Microsoft mails only the first address).
    pub report_mailto: Option<String>,
    /// `RETENTION_DAYS` (default 400): reports older than this are removed by the daily cron.
    pub retention_days: u64,
    /// `NOTIFY_FROM`: the sender address of the watch's e-mail notices (a verified address of the domain the
    /// `send_email` binding sends from); unset: e-mail notices fail, logged with this reason.
    pub notify_from: Option<String>,
    /// `WEBHOOK_TIMEOUT_SECONDS` (default 10): how long one webhook attempt may take.
    pub webhook_timeout_secs: u64,
    /// `WATCH_BUDGET_SECONDS` (default 120): no delivery attempt starts later than this into a cron run.
    pub watch_budget_secs: u64,
}

impl Config {
    fn from_env(env: &Env) -> Config {
        let var = |k: &str| {
            env.var(k)
                .ok()
                .map(|v| v.to_string())
                .filter(|v| !v.is_empty())
        };
        let num = |k: &str, d: usize| var(k).and_then(|v| v.parse().ok()).unwrap_or(d);
        Config {
            admin_token: env
                .secret("ADMIN_TOKEN")
                .ok()
                .map(|s| s.to_string())
                .filter(|s| !s.is_empty()),
            site_origin: var("SITE_ORIGIN"),
            max_report_bytes: num("MAX_REPORT_BYTES", 8 << 20),
            max_inflated_bytes: num("MAX_INFLATED_BYTES", 24 << 20),
            doh_url: var("DOH_URL")
                .unwrap_or_else(|| "https://cloudflare-dns.com/dns-query".into()),
            check_timeout_secs: num("CHECK_TIMEOUT_SECONDS", 60) as u64,
            dns_timeout_secs: num("DNS_TIMEOUT_SECONDS", 10) as u64,
            require_dkim: !var("REQUIRE_DKIM").is_some_and(|v| {
                matches!(
                    v.trim().to_ascii_lowercase().as_str(),
                    "false" | "0" | "no" | "off"
                )
            }),
            forward_to: var("FORWARD_TO"),
            forward_other_to: var("FORWARD_OTHER_TO"),
            report_mailto: var("REPORT_MAILTO"),
            retention_days: num("RETENTION_DAYS", retention::DEFAULT_DAYS as usize) as u64,
            notify_from: var("NOTIFY_FROM"),
            webhook_timeout_secs: num("WEBHOOK_TIMEOUT_SECONDS", 10) as u64,
            watch_budget_secs: num("WATCH_BUDGET_SECONDS", 120) as u64,
        }
    }
}

impl Config {
    /// Limits for re-reading stored reports: they were size-checked at ingest, only inflation stays capped.
    pub(crate) fn stored_limits(&self) -> mtasts_core::report::Limits {
        mtasts_core::report::Limits {
            max_input: usize::MAX,
            max_inflated: self.max_inflated_bytes,
        }
    }
}

/// The request's host name, lower-case, without port (from `Host`, else the URL). It takes the runtime's own
/// request object: the policy host's fast path reads no more of a request than this and its method and URL.
pub(crate) fn host_of(req: &web_sys::Request) -> String {
    let h = js_names::host(&req.headers()).or_else(|| {
        url::Url::parse(&req.url())
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
    });
    let h = h.unwrap_or_default().to_ascii_lowercase();
    let h = if h.starts_with('[') {
        h
    } else {
        h.split(':').next().unwrap_or("").to_owned()
    };
    h.trim_end_matches('.').to_owned()
}

/// The language of the answer to `req`: `lang=` in the query, else `Accept-Language`, else English.
pub(crate) fn lang_of(req: &Request) -> Lang {
    let url = req.url().ok();
    let asked = url.as_ref().and_then(|u| {
        u.query_pairs()
            .find(|(k, _)| k == "lang")
            .map(|(_, v)| v.into_owned())
    });
    let header = req.headers().get("Accept-Language").ok().flatten();
    Lang::negotiate(asked.as_deref(), header.as_deref())
}

/// The methods each family of routes takes (for `Allow` on a 405).
fn allowed_methods(path: &str) -> &'static str {
    match path {
        policy_host::PATH => "GET, HEAD",
        "/v1/tlsrpt" => "POST",
        "/api/check" => "GET, HEAD",
        p if p == rule_pages::PREFIX || p.starts_with("/rules/") => "GET, HEAD",
        watch_page::PATH => "GET, HEAD, POST",
        _ => "GET, PUT, DELETE, OPTIONS",
    }
}

/// The fetch handler, exported by hand where `#[event(fetch)]` would generate it (the same arguments, which
/// `worker-build`'s entry and ours, `worker/entry.mjs`, pass): a policy answer this isolate keeps
/// ([`policy_host::serve_kept`]) is returned as the `Response` itself (a module worker's `fetch` may return a
/// `Response` or a promise of one), reading no more of the request than its method, URL and `Host` (not its
/// `cf`, which workerd builds on first use), without starting a future or building a `worker::Response`; every
/// other request runs [`respond`] as a future, a policy fetch with what `serve_kept` found. The policy host is
/// the hottest path: every MTA sending to a domain fetches it, and the entry answers most of those fetches from
/// what `serve_kept` offers it, without calling in here.
#[wasm_bindgen]
pub fn fetch(raw: web_sys::Request, env: Env, ctx: worker::worker_sys::Context) -> JsValue {
    let (policy, trap) = match policy_host::serve_kept(&raw, &env, &ctx) {
        Lookup::Served(resp) => return resp.into(),
        Lookup::Fetch(fetch) => (Some(fetch), None),
        Lookup::Other => (None, trap_asked(&raw, &env)),
    };
    if let Some(Trap { later: false, kind }) = trap {
        kind.trap();
    }
    future_to_promise(async move {
        if let Some(Trap { later: true, kind }) = trap {
            kind.trap();
        }
        Ok(respond(Request::from(raw), env, policy).await.into())
    })
    .into()
}

/// A trap the tests asked for ([`trap_asked`]).
#[derive(Clone, Copy)]
struct Trap {
    /// In the future that answers the request, after `fetch` returned its promise; else in `fetch` itself.
    later: bool,
    /// How the instance traps.
    kind: TrapKind,
}

/// How a trap the tests asked for happens.
#[derive(Clone, Copy)]
enum TrapKind {
    /// A Rust panic, as a bug would cause: the panic hook marks the instance for a rebuild, then it traps.
    Panic,
    /// Wasm's `unreachable`, with no panic hook run (as a stack overflow would be): the `worker` crate's abort
    /// handler asks wasm-bindgen's glue to rebuild the instance at its next call, and the entry sees the trap.
    Unreachable,
}

impl TrapKind {
    fn trap(self) -> ! {
        match self {
            TrapKind::Panic => panic!("a trap asked for by TRAP_PATH (tests only)"),
            #[cfg(target_arch = "wasm32")]
            TrapKind::Unreachable => core::arch::wasm32::unreachable(),
            #[cfg(not(target_arch = "wasm32"))]
            TrapKind::Unreachable => std::process::abort(),
        }
    }
}

/// For the tests only: a request for `TRAP_PATH/{panic,unreachable}/{now,later}`, with the path in the
/// `TRAP_PATH` var, traps the Wasm instance that way ([`TrapKind`]), in `fetch` itself or in its future, so the
/// e2e tests can see the instance rebuilt after each (`worker/entry.mjs`). `scripts/e2e.sh` sets the var;
/// `wrangler.toml` never does, and unset or empty, nothing traps. Read for router and site requests only, never
/// on the policy host's path.
fn trap_asked(req: &web_sys::Request, env: &Env) -> Option<Trap> {
    let at = env.var("TRAP_PATH").ok()?.to_string();
    if at.is_empty() {
        return None;
    }
    let url = req.url();
    let rest = policy_host::url_path(&url).strip_prefix(at.as_str())?;
    let (kind, when) = rest.strip_prefix('/')?.split_once('/')?;
    let kind = match kind {
        "panic" => TrapKind::Panic,
        "unreachable" => TrapKind::Unreachable,
        _ => return None,
    };
    match when {
        "now" => Some(Trap { later: false, kind }),
        "later" => Some(Trap { later: true, kind }),
        _ => None,
    }
}

/// Answers one request (`policy`: a policy fetch [`policy_host::serve_kept`] did not answer); anything
/// unexpected is the 503 of [`unavailable`]. A catalog is looked up only for the router or to refuse.
async fn respond(req: Request, env: Env, policy: Option<PolicyFetch>) -> web_sys::Response {
    let path = req.path();
    let lang = lang_of(&req);
    let answer = match policy {
        Some(fetch) => policy_host::serve(fetch, &env, lang).await,
        None if !site::is_worker_path(&path) => site::serve(req.inner(), &env).await,
        None => {
            let (cfg, method) = (Config::from_env(&env), req.inner().method());
            route(req, &env, &cfg, &Catalog::get(lang), &path, &method)
                .await
                .map(Into::into)
        }
    };
    answer
        .or_else(|e| unavailable(&Catalog::get(lang), &path, e).map(Into::into))
        .unwrap_or_else(|e| {
            // building even the refusal failed: a bare 503, still never a 5xx of another kind
            worker::console_error!("{path}: {e}");
            let init = web_sys::ResponseInit::new();
            init.set_status(503);
            web_sys::Response::new_with_opt_str_and_init(None, &init)
                .unwrap_or_else(|_| web_sys::Response::error())
        })
}

/// Report e-mail from Email Routing (RFC 8460 §5.3). Never an `Err`: the generated glue would panic; every
/// outcome is an acceptance, a forward, or a rejection with its reason ([`mail::receive`]).
#[event(email)]
async fn email(message: ForwardableEmailMessage, env: Env, _ctx: Context) -> Result<()> {
    mail::receive(message, &env).await;
    Ok(())
}

/// The hourly cron trigger (`[triggers] crons`): the watch ([`watch::run`]: alerts every run, each domain's
/// digest once a day), then retention. Logged, never an `Err` (what a failed run left is done by the next).
#[event(scheduled)]
async fn scheduled(event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    let cfg = Config::from_env(&env);
    let now = (event.schedule() / 1000.0) as u64;
    match watch::run(&env, &cfg, now as i64).await {
        Ok(done) => worker::console_log!("watch: {done}"),
        Err(e) => worker::console_error!("watch: {e}"),
    }
    match retention::run(&env, now, cfg.retention_days).await {
        Ok(done) => worker::console_log!("retention: {done}"),
        Err(e) => worker::console_error!("retention: {e}"),
    }
}

/// Anything unexpected (a KV outage) is logged and answered 503 without leaking internals, with `Retry-After`:
/// a report sender retries what is not 2xx (RFC 8460 §5.4), and this is our failure, not its.
fn unavailable(cat: &Catalog, path: &str, e: worker::Error) -> Result<Response> {
    worker::console_error!("{path}: {e}");
    http::refuse_with_header(
        cat,
        503,
        http::diag(Code::ServerUnavailable),
        ("Retry-After", "60"),
    )
}

async fn route(
    req: Request,
    env: &Env,
    cfg: &Config,
    cat: &Catalog,
    path: &str,
    method: &str,
) -> Result<Response> {
    // workers-rs reads a method it does not know (PROPFIND, …) as GET: refuse those before routing
    if !Method::from(method.to_owned())
        .as_ref()
        .eq_ignore_ascii_case(method)
    {
        return http::method_not_allowed(cat, method, allowed_methods(path));
    }
    if path == policy_host::PATH {
        // GET and HEAD were served in `fetch`
        return http::method_not_allowed(cat, method, allowed_methods(path));
    }
    if path == "/v1/tlsrpt" {
        return match req.method() {
            Method::Post => ingest::handle(req, env, cfg, cat).await,
            _ => http::method_not_allowed(cat, method, allowed_methods(path)),
        };
    }
    if path == rule_pages::PREFIX || path.starts_with("/rules/") {
        return match req.method() {
            Method::Get | Method::Head => rule_pages::handle(&req, path, lang_of(&req)),
            _ => http::method_not_allowed(cat, method, allowed_methods(path)),
        };
    }
    if path == watch_page::PATH {
        return match req.method() {
            Method::Get | Method::Head | Method::Post => {
                let lang = lang_of(&req);
                watch_page::handle(req, env, cfg, lang).await
            }
            _ => http::method_not_allowed(cat, method, allowed_methods(path)),
        };
    }
    if path == "/api/check" {
        // public: any page may call it (no credentials involved)
        let mut resp = live_check::handle(&req, env, cfg, cat).await?;
        resp.headers_mut().set("Access-Control-Allow-Origin", "*")?;
        return Ok(resp);
    }
    if path == "/api" || path.starts_with("/api/") {
        let origin = cfg.site_origin.clone();
        let probe = req.clone()?;
        let resp = api::handle(req, env, cfg.clone(), cat, path).await?;
        return http::cors(&probe, origin.as_deref(), resp);
    }
    http::refuse(
        cat,
        404,
        http::diag(Code::HttpNotFound).arg("path", mtasts_core::diag::snippet(path, 80)),
    )
}
