//! The admin API (`Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time):
//!
//! - `GET /api/reports?domain=&from=&to=&org=&result=&limit=&cursor=` — stored reports, newest day first, paged
//!   from the D1 index ([`listing`](crate::listing))
//! - `GET /api/reports/<key>` — one report, parsed (with validation warnings); `?raw=1` gives the original bytes
//! - `GET /api/summary?domain=&from=&to=&org=&limit=` — the aggregation core gives the viewer, from the D1
//!   rollups, exact at any size ([`summary`](crate::summary))
//! - `GET /api/failures?domain=&from=&to=&org=&result=&limit=&cursor=` — every failure detail, paged
//! - `POST /api/reindex?cursor=&limit=` — rebuilds the index from the report bytes in KV, one bounded batch per
//!   call ([`reindex`](crate::reindex))
//! - `GET|PUT|DELETE /api/policies/<domain>` — a domain's policy (linted before it is stored: 422 if invalid)
//! - `GET /api/policies` — the domains served
//! - `GET /api/records?domain=D` — the `_mta-sts` and `_smtp._tls` records to publish for the served policy
//! - `GET|PUT|DELETE /api/watch/<domain>` — a domain's watch settings (checked by core: 400 if not valid) and its
//!   open alerts; `GET /api/watch` — the watched domains
//! - `GET /api/watch/<domain>/history?limit=&before=` — the notices sent (digests, alerts, resolutions), newest
//!   first, each with its delivery attempts and the listing of its day's reports

use crate::ingest::kv_err;
use crate::{http, index, listing, reindex, store, summary, Config};
use mtasts_core::generate::normalize_domain;
use mtasts_core::generate::{self, IdSource, Request as GenRequest};
use mtasts_core::i18n::Catalog;
use mtasts_core::output::json_diagnostics;
use mtasts_core::report;
use mtasts_core::watch::Settings as WatchSettings;
use mtasts_core::{policy, Code, Diagnostic, Severity};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::rc::Rc;
use worker::{Env, Method, Request, Response, Result, RouteContext, Router};

/// Compares two secrets in time independent of where they differ (hashing first fixes the length).
pub fn token_matches(given: &str, expected: &str) -> bool {
    let a = Sha256::digest(given.as_bytes());
    let b = Sha256::digest(expected.as_bytes());
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

fn authorized(req: &Request, cfg: &Config) -> Result<bool> {
    let Some(expected) = cfg.admin_token.as_deref() else {
        return Ok(false);
    };
    let header = req.headers().get("Authorization")?.unwrap_or_default();
    let given = header.strip_prefix("Bearer ").unwrap_or("");
    Ok(!given.is_empty() && token_matches(given.trim(), expected))
}

fn is_day(s: &str) -> bool {
    s.len() == 10 && report::time::parse(&format!("{s}T00:00:00Z")).is_some()
}

/// What every admin handler needs: the configuration and the catalog of the answer's language.
#[derive(Clone)]
pub struct Ctx {
    cfg: Rc<Config>,
    cat: Catalog,
}

/// The methods each admin route takes, for the `Allow` of a 405.
fn allowed(path: &str) -> &'static str {
    match path.trim_start_matches("/api/").split_once('/') {
        None if path.ends_with("/policies") => "GET",
        Some(("policies", _)) => "GET, PUT, DELETE",
        None if path.ends_with("/reindex") => "POST",
        Some(("watch", rest)) if !rest.contains('/') => "GET, PUT, DELETE",
        _ => "GET",
    }
}

/// Answers `/api/...` (the live check aside): CORS preflight, then the token, then one handler per route.
pub async fn handle(
    req: Request,
    env: &Env,
    cfg: Config,
    cat: &Catalog,
    path: &str,
) -> Result<Response> {
    if req.method() == Method::Options {
        return Ok(Response::empty()?.with_status(204));
    }
    if cfg.admin_token.is_none() {
        return http::refuse(cat, 401, http::diag(Code::AuthNotConfigured));
    }
    if !authorized(&req, &cfg)? {
        // RFC 6750 §3: a missing or wrong token gets a challenge
        return http::refuse_with_header(
            cat,
            401,
            http::diag(Code::AuthInvalidToken),
            ("WWW-Authenticate", "Bearer"),
        );
    }
    let method = req.method();
    let ctx = Ctx {
        cfg: Rc::new(cfg),
        cat: cat.clone(),
    };
    let resp = Router::with_data(ctx)
        .get_async("/api/reports", list_reports)
        .get_async("/api/reports/*key", get_report)
        .get_async("/api/summary", summary)
        .get_async("/api/failures", failures)
        .post_async("/api/reindex", reindex)
        .get_async("/api/policies", list_policies)
        .get_async("/api/policies/:domain", get_policy)
        .put_async("/api/policies/:domain", put_policy)
        .delete_async("/api/policies/:domain", delete_policy)
        .get_async("/api/records", records)
        .get_async("/api/watch", list_watched)
        .get_async("/api/watch/:domain", get_watch)
        .put_async("/api/watch/:domain", put_watch)
        .delete_async("/api/watch/:domain", delete_watch)
        .get_async("/api/watch/:domain/history", watch_history)
        .or_else_any_method("/api/*rest", |req, ctx| {
            http::refuse(&ctx.data.cat, 404, not_found(&req.path()))
        })
        .or_else_any_method("/api", |req, ctx| {
            http::refuse(&ctx.data.cat, 404, not_found(&req.path()))
        })
        .run(req, env.clone())
        .await?;
    // the router's own 405 is bare text: answer it as every refusal is answered, with `Allow`
    if resp.status_code() == 405 {
        return http::method_not_allowed(cat, method.as_ref(), allowed(path));
    }
    Ok(resp)
}

/// The query's parameters.
fn query(req: &Request) -> Result<HashMap<String, String>> {
    Ok(req.url()?.query_pairs().into_owned().collect())
}

/// `GET /api/reports`: one page of stored reports (the D1 index), newest day first.
async fn list_reports(req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let q = match Query::parse(&req, listing::DEFAULT_PAGE, listing::MAX_PAGE) {
        Ok(q) => q,
        Err(d) => return http::refuse(&ctx.data.cat, 400, d),
    };
    let db = index::db(&ctx.env)?;
    let page = listing::reports(&db, &q.filters, q.limit, q.cursor.as_ref()).await?;
    http::json(&page, 200)
}

/// `GET /api/failures`: one page of failure details, newest day first (the viewer's failure table for months
/// of data).
async fn failures(req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let q = match Query::parse(&req, listing::DEFAULT_PAGE, listing::MAX_PAGE) {
        Ok(q) => q,
        Err(d) => return http::refuse(&ctx.data.cat, 400, d),
    };
    let db = index::db(&ctx.env)?;
    let page = listing::failures(&db, &q.filters, q.limit, q.cursor.as_ref()).await?;
    http::json(&page, 200)
}

/// `POST /api/reindex?cursor=&limit=`: indexes the next batch of report bytes in KV that the index lacks (safe
/// to re-run: a report indexed already is counted once); answers with the `cursor` of the next batch.
async fn reindex(req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let Ctx { cfg, cat } = &ctx.data;
    let q = query(&req)?;
    let cursor = q.get("cursor").filter(|c| !c.is_empty()).cloned();
    let limit = clamp_limit(q.get("limit"), reindex::DEFAULT_BATCH, reindex::MAX_BATCH);
    let given = cursor.clone().unwrap_or_default();
    match reindex::batch(&ctx.env, cfg, cat, cursor, limit).await? {
        Some(done) => http::json(&done, 200),
        None => http::refuse(
            cat,
            400,
            http::diag(Code::ApiBadCursor).arg("value", mtasts_core::diag::snippet(&given, 80)),
        ),
    }
}

/// `GET /api/reports/<key>`: one report, parsed (RFC 8460 §4.4 shape, with validation warnings); `?raw=1`
/// gives the bytes as received.
async fn get_report(req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let Ctx { cfg, cat } = &ctx.data;
    let key = urlencoding_decode(ctx.param("key").map(String::as_str).unwrap_or(""));
    // ours start with `report:` and fit KV's key limit: anything else was never stored
    if !key.starts_with("report:") || key.len() > store::MAX_KEY_BYTES {
        return http::refuse(
            cat,
            400,
            http::diag(Code::ApiBadKey).arg("value", mtasts_core::diag::snippet(&key, 80)),
        );
    }
    let kv = ctx.env.kv(store::BINDING)?;
    let (bytes, meta) = kv
        .get(&key)
        .bytes_with_metadata::<store::Meta>()
        .await
        .map_err(kv_err)?;
    let Some(bytes) = bytes else {
        return http::refuse(cat, 404, not_found(&req.path()));
    };
    if query(&req)?.get("raw").is_some_and(|v| v == "1") {
        let ct = match meta.as_ref().map(|m| m.enc.as_str()) {
            Some("gzip") => "application/tlsrpt+gzip",
            Some("email") => "message/rfc822",
            _ => "application/tlsrpt+json",
        };
        let mut r = Response::from_bytes(bytes)?;
        r.headers_mut().set("Content-Type", ct)?;
        r.headers_mut().set("Content-Disposition", "attachment")?;
        return Ok(r);
    }
    match report::load(&bytes, cfg.stored_limits()) {
        Ok(loaded) => {
            let first = loaded.into_iter().next();
            let warnings = first
                .as_ref()
                .map(|l| json_diagnostics(None, &l.warnings, cat))
                .unwrap_or_default();
            http::json(
                &json!({"key": key, "meta": meta, "report": first.map(|l| l.report), "warnings": warnings}),
                200,
            )
        }
        Err(d) => http::json(
            &json!({"key": key, "meta": meta, "report": null, "error": json_diagnostics(None, &[d], cat).pop()}),
            200,
        ),
    }
}

/// `GET /api/summary`: the aggregation core gives the viewer, from the D1 rollups (exact at any size).
async fn summary(req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let q = match Query::parse(&req, summary::DEFAULT_TOP, summary::MAX_TOP) {
        Ok(q) => q,
        Err(d) => return http::refuse(&ctx.data.cat, 400, d),
    };
    let db = index::db(&ctx.env)?;
    http::json(&summary::query(&db, &q.filters, q.limit).await?, 200)
}

/// `GET /api/policies`: the domains served.
async fn list_policies(_req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let page = ctx
        .env
        .kv(store::BINDING)?
        .list()
        .prefix("policy:".into())
        .limit(1000)
        .execute()
        .await
        .map_err(kv_err)?;
    let domains: Vec<&str> = page
        .keys
        .iter()
        .filter_map(|k| k.name.strip_prefix("policy:"))
        .collect();
    http::json(&json!({"domains": domains}), 200)
}

/// The `:domain` of a policy route, normalized; the refusal when it is not a domain.
fn domain_param(ctx: &RouteContext<Ctx>) -> std::result::Result<String, Diagnostic> {
    let given = urlencoding_decode(ctx.param("domain").map(String::as_str).unwrap_or(""));
    normalize_domain(&given).map_err(|e| bad_domain(&given, &e))
}

/// `GET /api/policies/<domain>`: the stored policy.
async fn get_policy(_req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let domain = match domain_param(&ctx) {
        Ok(d) => d,
        Err(d) => return http::refuse(&ctx.data.cat, 400, d),
    };
    let kv = ctx.env.kv(store::BINDING)?;
    match kv
        .get(&store::policy_key(&domain))
        .text()
        .await
        .map_err(kv_err)?
    {
        Some(text) => http::json(&json!({"domain": domain, "policy": text}), 200),
        None => http::refuse(&ctx.data.cat, 404, no_policy(&domain)),
    }
}

/// `DELETE /api/policies/<domain>`: stops serving the domain's policy.
async fn delete_policy(_req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let domain = match domain_param(&ctx) {
        Ok(d) => d,
        Err(d) => return http::refuse(&ctx.data.cat, 400, d),
    };
    let kv = ctx.env.kv(store::BINDING)?;
    kv.delete(&store::policy_key(&domain))
        .await
        .map_err(kv_err)?;
    crate::policy_host::forget(&domain);
    http::json(&json!({"domain": domain, "deleted": true}), 200)
}

/// `PUT /api/policies/<domain>`: stores a policy, linted first (RFC 8461 §3.2): 422 with the findings when it
/// has errors, so this worker never serves a policy senders would reject.
async fn put_policy(mut req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let cat = &ctx.data.cat;
    let domain = match domain_param(&ctx) {
        Ok(d) => d,
        Err(d) => return http::refuse(cat, 400, d),
    };
    let body = match req.bytes().await {
        Ok(b) => b,
        Err(e) => {
            return http::refuse(
                cat,
                400,
                http::diag(Code::ApiUnreadableBody).arg("reason", e.to_string()),
            )
        }
    };
    let lint = policy::lint_bytes(&body);
    let text = String::from_utf8_lossy(&body).into_owned();
    if !lint.is_valid() {
        let errors = lint
            .diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .count();
        return http::refuse_with(
            cat,
            422,
            http::diag(Code::ApiInvalidPolicy).arg("errors", errors),
            Some(&text),
            &lint.diagnostics,
        );
    }
    let diags = json_diagnostics(Some(&text), &lint.diagnostics, cat);
    let kv = ctx.env.kv(store::BINDING)?;
    kv.put(&store::policy_key(&domain), text.as_str())
        .map_err(kv_err)?
        .execute()
        .await
        .map_err(kv_err)?;
    crate::policy_host::forget(&domain);
    let warnings = lint
        .diagnostics
        .iter()
        .filter(|d| d.severity() != Severity::Error)
        .count();
    http::json(
        &json!({"domain": domain, "stored": true, "warnings": warnings, "diagnostics": diags}),
        200,
    )
}

/// `GET /api/records?domain=D[&rua=]`: the `_mta-sts` and `_smtp._tls` records to publish for the served policy.
async fn records(req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let cat = &ctx.data.cat;
    let q = query(&req)?;
    let given = q.get("domain").map(String::as_str).unwrap_or("");
    let domain = match normalize_domain(given) {
        Ok(domain) => domain,
        Err(e) => return http::refuse(cat, 400, bad_domain(given, &e)),
    };
    let kv = ctx.env.kv(store::BINDING)?;
    let Some(text) = kv
        .get(&store::policy_key(&domain))
        .text()
        .await
        .map_err(kv_err)?
    else {
        return http::refuse(cat, 404, no_policy(&domain));
    };
    let Some(p) = policy::lint(&text).policy else {
        return http::refuse(
            cat,
            409,
            http::diag(Code::PolicyInvalidStored).arg("domain", &domain),
        );
    };
    let host = crate::host_of(req.inner());
    // RFC 8460 §3: this deployment's mailbox first (Microsoft mails only the first address), then its endpoint
    let rua = match q.get("rua") {
        Some(r) => vec![r.clone()],
        None => generate::default_rua(
            &domain,
            ctx.data.cfg.report_mailto.as_deref(),
            Some(&format!("https://mta-sts.{domain}/v1/tlsrpt")),
        ),
    };
    let greq = GenRequest {
        domain: domain.clone(),
        mx: p.mx.iter().map(|m| m.pattern().to_owned()).collect(),
        mode: p.mode,
        max_age: p.max_age,
        rua,
        id: IdSource::PolicyHash,
    };
    match generate::generate(&greq) {
        Ok(g) => http::json(
            &json!({
                "domain": domain,
                "id": g.id,
                "policy_id": generate::id_from_policy(&p),
                "sts": {"name": g.sts_name, "value": g.sts_record},
                "tlsrpt": {"name": g.tlsrpt_name, "value": g.tlsrpt_record},
                "zone": g.zone,
                "policy_url": g.policy_url,
                "served_from": host,
                "rua_order": cat.render("records--rua-order", &[]),
            }),
            200,
        ),
        Err(d) => http::refuse_with(
            cat,
            409,
            http::diag(Code::ApiCannotGenerate).arg("domain", &domain),
            None,
            &d,
        ),
    }
}

/// `GET /api/watch`: the watched domains and their settings.
async fn list_watched(_req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let db = index::db(&ctx.env)?;
    let rows = crate::watch::watched(&db).await?;
    let domains: Vec<_> = rows
        .into_iter()
        .map(|r| {
            let settings: serde_json::Value = serde_json::from_str(&r.settings).unwrap_or_default();
            json!({"domain": r.domain, "settings": settings})
        })
        .collect();
    http::json(&json!({ "domains": domains }), 200)
}

/// `GET /api/watch/<domain>`: its settings (the defaults when it is not watched, `watched: false`) and the
/// alerts open now.
async fn get_watch(_req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let domain = match domain_param(&ctx) {
        Ok(d) => d,
        Err(d) => return http::refuse(&ctx.data.cat, 400, d),
    };
    let db = index::db(&ctx.env)?;
    let stored = crate::watch::load_settings(&db, &domain).await?;
    let open: Vec<_> = crate::watch::open_alerts(&db, &domain)
        .await?
        .into_iter()
        .map(|o| {
            let evidence: serde_json::Value = serde_json::from_str(&o.evidence).unwrap_or_default();
            json!({"key": o.key, "code": o.code, "opened": o.opened, "notified": o.notified != 0.0, "alert": evidence})
        })
        .collect();
    http::json(
        &json!({"domain": domain, "watched": stored.is_some(), "settings": stored.unwrap_or_default(), "open_alerts": open}),
        200,
    )
}

/// `PUT /api/watch/<domain>`: stores its settings, checked by core first (400 naming the field otherwise).
async fn put_watch(mut req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let cat = &ctx.data.cat;
    let domain = match domain_param(&ctx) {
        Ok(d) => d,
        Err(d) => return http::refuse(cat, 400, d),
    };
    let read = match req.stream() {
        Ok(stream) => http::read_capped(stream, WATCH_SETTINGS_CAP).await,
        Err(_) => Ok(Ok(Vec::new())), // no body at all
    };
    let body = match read {
        Ok(Ok(b)) => b,
        Ok(Err(_)) => {
            let d = http::diag(Code::ApiBadWatchSettings)
                .arg("field", "body")
                .arg("value", format!("more than {WATCH_SETTINGS_CAP} bytes"))
                .arg("expected", "at most 16384 bytes of JSON");
            return http::refuse(cat, 400, d);
        }
        Err(e) => {
            return http::refuse(
                cat,
                400,
                http::diag(Code::ApiUnreadableBody).arg("reason", e.to_string()),
            )
        }
    };
    let settings = match WatchSettings::from_json(&body) {
        Ok(s) => s,
        Err(d) => return http::refuse(cat, 400, d),
    };
    let db = index::db(&ctx.env)?;
    let now = (worker::Date::now().as_millis() / 1000) as i64;
    crate::watch::store_settings(&db, &domain, &settings, now).await?;
    http::json(
        &json!({"domain": domain, "stored": true, "settings": settings}),
        200,
    )
}

/// `DELETE /api/watch/<domain>`: stops watching it (its history and alert states are kept).
async fn delete_watch(_req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let domain = match domain_param(&ctx) {
        Ok(d) => d,
        Err(d) => return http::refuse(&ctx.data.cat, 400, d),
    };
    let db = index::db(&ctx.env)?;
    index::stmt(
        &db,
        "DELETE FROM watch_settings WHERE domain = ?1",
        &[index::s(&domain)],
    )?
    .run()
    .await?;
    http::json(&json!({"domain": domain, "deleted": true}), 200)
}

/// `GET /api/watch/<domain>/history?limit=&before=`: notices sent, newest first, with their delivery attempts.
async fn watch_history(req: Request, ctx: RouteContext<Ctx>) -> Result<Response> {
    let cat = &ctx.data.cat;
    let domain = match domain_param(&ctx) {
        Ok(d) => d,
        Err(d) => return http::refuse(cat, 400, d),
    };
    let q = query(&req)?;
    let limit = clamp_limit(q.get("limit"), 50, 500);
    let before = match q.get("before").map(|b| b.parse::<u64>()) {
        None => 1 << 53,
        Some(Ok(b)) => b,
        Some(Err(_)) => {
            let given = q.get("before").map(String::as_str).unwrap_or("");
            let d =
                http::diag(Code::ApiBadCursor).arg("value", mtasts_core::diag::snippet(given, 80));
            return http::refuse(cat, 400, d);
        }
    };
    let db = index::db(&ctx.env)?;
    let rows = crate::watch::history(&db, &domain, before, limit).await?;
    let items: Vec<_> = rows
        .iter()
        .map(|r| {
            let data: serde_json::Value = serde_json::from_str(&r.data).unwrap_or_default();
            let tries: Vec<_> = r
                .deliveries
                .iter()
                .map(|d| json!({"channel": d.channel, "attempt": index::count(d.attempt), "at": index::count(d.at),
                    "status": index::count(d.status), "ok": d.ok != 0.0, "error": d.error}))
                .collect();
            json!({
                "id": index::count(r.id), "day": r.day, "kind": r.kind, "key": r.key,
                "sent_at": index::count(r.sent_at), "title": r.title, "text": r.text, "data": data,
                "deliveries": tries,
                "reports": format!("/api/reports?domain={domain}&from={0}&to={0}", r.day),
            })
        })
        .collect();
    let next = (rows.len() as u64 == limit)
        .then(|| rows.last().map(|r| index::count(r.id).to_string()))
        .flatten();
    http::json(
        &json!({"domain": domain, "history": items, "before": next}),
        200,
    )
}

/// The largest watch settings body read.
const WATCH_SETTINGS_CAP: usize = 16 * 1024;

fn no_policy(domain: &str) -> Diagnostic {
    http::diag(Code::PolicyUnknownDomain).arg("domain", domain)
}

fn not_found(path: &str) -> Diagnostic {
    http::diag(Code::ApiNotFound).arg("path", mtasts_core::diag::snippet(path, 80))
}

fn bad_domain(given: &str, e: &mtasts_core::policy::mx::DomainError) -> Diagnostic {
    e.on(http::diag(Code::ApiBadDomain).arg("value", mtasts_core::diag::snippet(given, 80)))
}

/// The parameters of the index's routes: filters, page size, cursor.
struct Query {
    filters: index::Filters,
    limit: u64,
    cursor: Option<listing::Cursor>,
}

impl Query {
    /// Reads `domain`, `from`, `to`, `org`, `result`, `limit` (clamped to 1…`max`) and `cursor`; the refusal
    /// names the parameter that is malformed.
    fn parse(req: &Request, default: u64, max: u64) -> std::result::Result<Query, Diagnostic> {
        let q = query(req).map_err(|_| not_found(&req.path()))?;
        let given = |k: &str| q.get(k).filter(|v| !v.is_empty());
        let domain = match given("domain") {
            Some(d) => Some(normalize_domain(d).map_err(|e| bad_domain(d, &e))?),
            None => None,
        };
        let mut days = [None, None];
        for (i, k) in ["from", "to"].iter().enumerate() {
            if let Some(v) = given(k) {
                if !is_day(v) {
                    return Err(http::diag(Code::ApiBadDate)
                        .arg("param", *k)
                        .arg("value", mtasts_core::diag::snippet(v, 40)));
                }
                days[i] = Some(v.clone());
            }
        }
        let [from, to] = days;
        let cursor = match given("cursor") {
            Some(c) => Some(listing::Cursor::parse(c).ok_or_else(|| {
                http::diag(Code::ApiBadCursor).arg("value", mtasts_core::diag::snippet(c, 80))
            })?),
            None => None,
        };
        Ok(Query {
            filters: index::Filters {
                domain,
                from,
                to,
                org: given("org").cloned(),
                result: given("result").cloned(),
            },
            limit: clamp_limit(q.get("limit"), default, max),
            cursor,
        })
    }
}

/// A `limit` parameter: `default` when absent or not a number, else within 1…`max`.
fn clamp_limit(given: Option<&String>, default: u64, max: u64) -> u64 {
    given
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(default)
        .clamp(1, max)
}

/// Decodes `%XX` in a path segment (keys contain `:`, which clients may encode).
fn urlencoding_decode(s: &str) -> String {
    mtasts_core::record::tlsrpt::percent_decode(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_compare() {
        assert!(token_matches("secret", "secret"));
        assert!(!token_matches("secret", "Secret"));
        assert!(!token_matches("", "secret"));
    }

    #[test]
    fn decode_table() {
        for (input, want) in [
            ("report%3Aa.b%3A2024", "report:a.b:2024"),
            ("a%", "a%"),
            ("a%4", "a%4"),
            ("%41", "A"),
            ("plain", "plain"),
        ] {
            assert_eq!(urlencoding_decode(input), want, "{input}");
        }
    }
}
