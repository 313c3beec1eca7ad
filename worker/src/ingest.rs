//! `POST /v1/tlsrpt`: RFC 8460 §5.4 report uploads into KV.
//!
//! Accepts `application/tlsrpt+gzip` and `application/tlsrpt+json` (and, sniffing the bytes, `application/json`,
//! `application/gzip`, `application/octet-stream` or no type: real senders vary). The body is read as a stream
//! with a cap; gzip inflates through core with a cap (a bomb costs bounded memory and CPU). The original bytes are
//! stored untouched, with the parsed summary as metadata. Idempotent: the same (organization, report-id) is
//! stored once and every post of it gets a 2xx, as RFC 8460 §5.4 requires for accepted reports.

use crate::store::{self, Meta};
use crate::{http, Config};
use mtasts_core::i18n::Catalog;
use mtasts_core::report::{self, time, Container, Limits};
use mtasts_core::Code;
use serde_json::json;
use worker::{Env, Request, Response, Result};

/// Media types taken as reports (the rest get 415).
const ACCEPTED_TYPES: &[&str] = &[
    "application/tlsrpt+gzip",
    "application/tlsrpt+json",
    "application/json",
    "application/gzip",
    "application/x-gzip",
    "application/octet-stream",
    "",
];

/// Handles one upload.
pub async fn handle(mut req: Request, env: &Env, cfg: &Config, cat: &Catalog) -> Result<Response> {
    let ct = req
        .headers()
        .get("Content-Type")?
        .unwrap_or_default()
        .to_ascii_lowercase();
    let mime = ct.split(';').next().unwrap_or("").trim().to_owned();
    if !ACCEPTED_TYPES.contains(&mime.as_str()) {
        // RFC 8460 §5.4: application/tlsrpt+gzip or +json (and, by sniffing, what real senders use)
        return http::refuse(
            cat,
            415,
            http::diag(Code::IngestUnsupportedType)
                .arg("value", mtasts_core::diag::snippet(&mime, 80)),
        );
    }
    let cap = cfg.max_report_bytes;
    if let Some(len) = req
        .headers()
        .get("Content-Length")?
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        if len > cap {
            return http::refuse(
                cat,
                413,
                http::diag(Code::ReportTooLarge)
                    .arg("len", len)
                    .arg("max", cap),
            );
        }
    }
    let read = match req.stream() {
        Ok(stream) => http::read_capped(stream, cap).await?,
        Err(_) => Ok(Vec::new()),
    };
    let body = match read {
        Ok(b) => b,
        Err(http::TooLong { seen, .. }) => {
            return http::refuse(
                cat,
                413,
                http::diag(Code::ReportTooLarge)
                    .arg("len", seen)
                    .arg("max", cap),
            )
        }
    };
    if body.is_empty() {
        return http::refuse(cat, 400, http::diag(Code::IngestEmptyBody));
    }
    let limits = Limits {
        max_input: cap,
        max_inflated: cfg.max_inflated_bytes,
    };
    let loaded = match report::load(&body, limits) {
        Ok(l) => l,
        Err(d) => {
            let status = if matches!(d.code, Code::ReportTooLarge | Code::ReportInflatedTooLarge) {
                413
            } else {
                400
            };
            return http::refuse(cat, status, d);
        }
    };
    let kv = env.kv(store::BINDING)?;
    let now = worker::Date::now().as_millis() / 1000;
    let mut results = Vec::new();
    for l in &loaded {
        let r = &l.report;
        let mut served = None;
        let mut domains: Vec<String> = r
            .policies()
            .iter()
            .map(|p| p.domain().trim_end_matches('.').to_ascii_lowercase())
            .collect();
        domains.dedup();
        for d in domains.iter().filter(|d| !d.is_empty()) {
            if kv
                .get(&store::policy_key(d))
                .text()
                .await
                .map_err(kv_err)?
                .is_some()
            {
                served = Some(d.clone());
                break;
            }
        }
        let Some(domain) = served else {
            let named: Vec<&str> = domains.iter().take(5).map(String::as_str).collect();
            let list = format!(
                "{}{}",
                named.join(", "),
                if domains.len() > 5 { ", …" } else { "" }
            );
            return http::refuse(
                cat,
                403,
                http::diag(Code::IngestDomainNotServed)
                    .arg("domains", mtasts_core::diag::snippet(&list, 300)),
            );
        };
        let day = r
            .start()
            .and_then(time::parse)
            .map(|p| time::day(p.unix))
            .unwrap_or_default();
        let key = store::report_key(&domain, &day, r.organization(), r.id());
        let exists = kv.get(&key).bytes().await.map_err(kv_err)?.is_some();
        if !exists {
            let meta = Meta {
                org: r.organization().to_owned(),
                id: r.id().to_owned(),
                start: r.start().unwrap_or("").to_owned(),
                end: r.end().unwrap_or("").to_owned(),
                p: r.policies().len() as u64,
                s: r.successful(),
                f: r.failed(),
                fd: r.failure_detail_rows() as u64,
                enc: match l.container {
                    Container::Gzip => "gzip",
                    Container::Json => "json",
                    Container::Email => "email",
                }
                .to_owned(),
                size: body.len() as u64,
                at: now,
            }
            .fit();
            let put = kv
                .put_bytes(&key, &body)
                .map_err(kv_err)?
                .metadata(meta)
                .map_err(kv_err)?;
            if let Err(e) = put.execute().await {
                // Two posts of the same report racing: if the other one stored it, this one is a duplicate.
                if kv.get(&key).bytes().await.map_err(kv_err)?.is_none() {
                    return Err(kv_err(e));
                }
            }
        }
        let warnings: Vec<&str> = l.warnings.iter().map(|w| w.code.name()).collect();
        results.push(json!({
            "status": if exists { "duplicate" } else { "stored" },
            "key": key,
            "organization": r.organization(),
            "report_id": r.id(),
            "policy_domain": domain,
            "successful": r.successful(),
            "failed": r.failed(),
            "warnings": warnings,
        }));
    }
    let all_dup = results.iter().all(|r| r["status"] == "duplicate");
    let body = if results.len() == 1 {
        results.remove(0)
    } else {
        json!({"reports": results})
    };
    http::json(&body, if all_dup { 200 } else { 201 })
}

pub(crate) fn kv_err(e: impl std::fmt::Display) -> worker::Error {
    worker::Error::RustError(format!("KV: {e}"))
}
