//! One ingest pipeline for both transports of RFC 8460: uploads (`POST /v1/tlsrpt`, §5.4, [`handle`]) and mail
//! (§5.3, [`crate::mail`]). Both go through [`ingest`]: core decodes (JSON, gzip, e-mail) and validates with the
//! same caps; the policy domains are looked up once per request, and nothing is stored unless every report is
//! for a served domain (RFC 8460 §7); each report is stored once per (organization, report-id) with the bytes
//! as received (the whole message for e-mail), how it arrived, the envelope sender and the DKIM verdict.
//! Idempotent: a second copy, by either transport, is a duplicate and says what is stored.

use crate::index::{self, Inserted, NewReport};
use crate::store::{self, Meta};
use crate::{http, Config};
use mtasts_core::i18n::Catalog;
use mtasts_core::report::{self, rollup, Container, Limits, Loaded};
use mtasts_core::{Code, Diagnostic};
use serde_json::json;
use std::collections::BTreeSet;
use worker::{Env, Request, Response, Result};

/// Media types taken as uploads (the rest get 415).
const ACCEPTED_TYPES: &[&str] = &[
    "application/tlsrpt+gzip",
    "application/tlsrpt+json",
    "application/json",
    "application/gzip",
    "application/x-gzip",
    "application/octet-stream",
    "",
];

/// Most distinct policy domains looked up for one request (a report naming more is judged on the first ones):
/// one request costs a bounded number of storage reads, whatever it names.
pub const MAX_DOMAIN_LOOKUPS: usize = 32;

/// How a report arrived.
#[derive(Debug, Clone)]
pub struct Arrival {
    /// `https` or `email`.
    pub via: &'static str,
    /// The envelope sender (`MAIL FROM`) of an e-mail.
    pub from: String,
    /// The DKIM verdict of an e-mail (`pass d=…`, or why it was not required).
    pub dkim: String,
}

/// A refusal: the status an upload gets and the reason (an e-mail's bounce says the same).
#[derive(Debug, Clone)]
pub struct Refusal {
    /// HTTP status.
    pub status: u16,
    /// Why.
    pub reason: Diagnostic,
}

impl Refusal {
    fn new(status: u16, reason: Diagnostic) -> Refusal {
        Refusal { status, reason }
    }
}

/// What happened to one report of the request.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Outcome {
    /// `stored`, or `duplicate` when this (organization, report-id) was stored before.
    pub status: &'static str,
    /// The store's key.
    pub key: String,
    /// Organization.
    pub organization: String,
    /// Report id.
    pub report_id: String,
    /// The served policy domain it is filed under.
    pub policy_domain: String,
    /// Successful sessions of the stored copy.
    pub successful: u64,
    /// Failed sessions of the stored copy.
    pub failed: u64,
    /// True when this copy's counts differ from the stored one's (the stored copy is kept).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub differs: bool,
    /// Validation codes (RFC 8460 §4.4 deviations).
    pub warnings: Vec<&'static str>,
}

/// Decodes and validates the reports in `bytes` with the deployment's caps (core's one decoder for JSON, gzip
/// and e-mail); the refusal says why nothing could be read.
pub fn load(cfg: &Config, bytes: &[u8]) -> std::result::Result<Vec<Loaded>, Refusal> {
    let limits = Limits {
        max_input: cfg.max_report_bytes,
        max_inflated: cfg.max_inflated_bytes,
    };
    report::load(bytes, limits).map_err(|d| {
        let status = if matches!(
            d.code,
            Code::ReportTooLarge
                | Code::ReportInflatedTooLarge
                | Code::ReportTooManyParts
                | Code::ReportTooDeeplyNested
        ) {
            413
        } else {
            400
        };
        Refusal::new(status, d)
    })
}

/// Stores every report of `loaded` (read from `bytes`, which are kept as received): all of them, or none when
/// one is for a domain this deployment does not serve.
pub async fn ingest(
    env: &Env,
    loaded: &[Loaded],
    bytes: &[u8],
    arrival: &Arrival,
) -> Result<std::result::Result<Vec<Outcome>, Refusal>> {
    let kv = env.kv(store::BINDING)?;
    let named: Vec<Vec<String>> = loaded.iter().map(policy_domains).collect();
    let served = served_domains(&kv, &named).await?;
    // every report must be for a served domain before anything is stored (RFC 8460 §7)
    let mut filed = Vec::with_capacity(loaded.len());
    for domains in &named {
        match domains.iter().find(|d| served.contains(*d)) {
            Some(d) => filed.push(d.clone()),
            None => return Ok(Err(Refusal::new(403, not_served(domains)))),
        }
    }
    // every count must be one the store keeps exactly, before anything is stored
    for (i, l) in loaded.iter().enumerate() {
        if let Some((field, value)) = rollup::count_past_exact(&l.report) {
            let field = if loaded.len() > 1 {
                format!("reports[{i}].{field}")
            } else {
                field
            };
            let d = http::diag(Code::IngestCountTooLarge)
                .arg("field", field)
                .arg("value", value)
                .arg("max", rollup::MAX_EXACT_COUNT);
            return Ok(Err(Refusal::new(400, d)));
        }
    }
    let db = index::db(env)?;
    let now = worker::Date::now().as_millis() / 1000;
    let mut out = Vec::with_capacity(loaded.len());
    for (l, domain) in loaded.iter().zip(filed) {
        out.push(store_one(&kv, &db, l, &domain, bytes, arrival, now).await?);
    }
    Ok(Ok(out))
}

/// The policy domains a report names, lower case, without a final dot, in order, once each.
fn policy_domains(l: &Loaded) -> Vec<String> {
    let mut seen = BTreeSet::new();
    l.report
        .policies()
        .iter()
        .map(|p| p.domain().trim_end_matches('.').to_ascii_lowercase())
        .filter(|d| !d.is_empty() && seen.insert(d.clone()))
        .collect()
}

/// Which of the named domains (per report, from [`policy_domains`]) this deployment serves: at most
/// [`MAX_DOMAIN_LOOKUPS`] reads, all at once.
async fn served_domains(
    kv: &worker::kv::KvStore,
    named: &[Vec<String>],
) -> Result<BTreeSet<String>> {
    let mut names = BTreeSet::new();
    for d in named.iter().flatten() {
        if names.len() < MAX_DOMAIN_LOOKUPS {
            names.insert(d.clone());
        }
    }
    let names: Vec<String> = names.into_iter().collect();
    let keys: Vec<String> = names.iter().map(|d| store::policy_key(d)).collect();
    let reads = keys.iter().map(|k| kv.get(k).text());
    let found = futures_util::future::join_all(reads).await;
    let mut served = BTreeSet::new();
    for (d, r) in names.into_iter().zip(found) {
        if r.map_err(kv_err)?.is_some() {
            served.insert(d);
        }
    }
    Ok(served)
}

fn not_served(domains: &[String]) -> Diagnostic {
    let named: Vec<&str> = domains.iter().take(5).map(String::as_str).collect();
    let list = format!(
        "{}{}",
        named.join(", "),
        if domains.len() > 5 { ", …" } else { "" }
    );
    http::diag(Code::IngestDomainNotServed).arg("domains", mtasts_core::diag::snippet(&list, 300))
}

/// Stores one report unless its identity (organization and report-id, RFC 8460 §4.3) is stored already, and
/// says what is stored. The bytes go to KV first, then the index rows to D1 in one batch: a failure in between
/// leaves the bytes in KV and answers 503, and the sender's retry (or `POST /api/reindex`) completes the index,
/// counting the report once. The `UNIQUE` identity makes two concurrent copies store one report.
async fn store_one(
    kv: &worker::kv::KvStore,
    db: &worker::D1Database,
    l: &Loaded,
    domain: &str,
    bytes: &[u8],
    arrival: &Arrival,
    now: u64,
) -> Result<Outcome> {
    let r = &l.report;
    // identity and day once: the index row carries them, and the KV key is made of them
    let mut row = new_report(
        l,
        domain,
        "",
        (arrival.via, &arrival.from, &arrival.dkim),
        now,
        bytes.len(),
    );
    let key = store::report_key(domain, &row.day, &row.identity);
    row.kv_key = &key;
    let outcome = |status, shown: (u64, u64), key: String| Outcome {
        status,
        key,
        organization: r.organization().to_owned(),
        report_id: r.id().to_owned(),
        policy_domain: domain.to_owned(),
        successful: shown.0,
        failed: shown.1,
        differs: shown != (r.successful(), r.failed()),
        warnings: l.warnings.iter().map(|w| w.code.name()).collect(),
    };
    let duplicate = |stored: index::Stored| {
        let shown = (index::count(stored.successful), index::count(stored.failed));
        outcome("duplicate", shown, stored.kv_key)
    };
    if let Some(stored) = index::count_duplicate(db, &row.identity).await? {
        return Ok(duplicate(stored));
    }
    let meta = Meta {
        org: r.organization().to_owned(),
        id: r.id().to_owned(),
        start: row.start.to_owned(),
        end: row.end.to_owned(),
        p: r.policies().len() as u64,
        s: r.successful(),
        f: r.failed(),
        fd: r.failure_detail_rows() as u64,
        enc: row.encoding.to_owned(),
        size: row.size,
        at: now,
        via: arrival.via.to_owned(),
        from: arrival.from.clone(),
        dkim: arrival.dkim.clone(),
    }
    .fit();
    kv.put_bytes(&key, bytes)
        .map_err(kv_err)?
        .metadata(meta)
        .map_err(kv_err)?
        .execute()
        .await
        .map_err(kv_err)?;
    match index::insert(db, &row, &rollup::rows(r)).await? {
        Inserted::Stored => Ok(outcome("stored", (r.successful(), r.failed()), key.clone())),
        Inserted::Duplicate => {
            // a concurrent copy won: it is the stored one; our bytes go unless they are under its key
            let Some(stored) = index::count_duplicate(db, &row.identity).await? else {
                return Err(worker::Error::RustError("D1: lost a report's row".into()));
            };
            if stored.kv_key != key {
                kv.delete(&key).await.map_err(kv_err)?;
            }
            Ok(duplicate(stored))
        }
    }
}

/// The index row of a report filed under `domain`, its bytes at `key` (`size` bytes), received at `at` by
/// (transport, envelope sender, DKIM verdict).
pub fn new_report<'a>(
    l: &'a Loaded,
    domain: &'a str,
    key: &'a str,
    (via, mail_from, dkim): (&'a str, &'a str, &'a str),
    at: u64,
    size: usize,
) -> NewReport<'a> {
    let r = &l.report;
    NewReport {
        identity: rollup::identity_hash(r),
        organization: r.organization(),
        report_id: r.id(),
        contact: r.contact().unwrap_or(""),
        domain,
        day: rollup::report_day(r, at as i64),
        start: r.start().unwrap_or(""),
        end: r.end().unwrap_or(""),
        received_at: at,
        via,
        mail_from,
        dkim,
        encoding: encoding(l.container),
        size: size as u64,
        kv_key: key,
        warnings: l.warnings.len() as u64,
        successful: r.successful(),
        failed: r.failed(),
    }
}

/// How stored bytes are encoded.
fn encoding(c: Container) -> &'static str {
    match c {
        Container::Gzip => "gzip",
        Container::Json => "json",
        Container::Email => "email",
    }
}

/// `POST /v1/tlsrpt`: one upload (RFC 8460 §5.4). 201 when something was stored, 200 when all of it was
/// stored before (a sender's retry), 4xx with the reason otherwise.
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
    let too_large = |len: usize| {
        http::refuse(
            cat,
            413,
            http::diag(Code::ReportTooLarge)
                .arg("len", len)
                .arg("max", cap),
        )
    };
    if let Some(len) = req
        .headers()
        .get("Content-Length")?
        .and_then(|v| v.trim().parse::<usize>().ok())
    {
        if len > cap {
            return too_large(len);
        }
    }
    let read = match req.stream() {
        Ok(stream) => http::read_capped(stream, cap).await?,
        Err(_) => Ok(Vec::new()),
    };
    let body = match read {
        Ok(b) => b,
        Err(http::TooLong { seen, .. }) => return too_large(seen),
    };
    if body.is_empty() {
        return http::refuse(cat, 400, http::diag(Code::IngestEmptyBody));
    }
    let arrival = Arrival {
        via: "https",
        from: String::new(),
        dkim: String::new(),
    };
    let loaded = match load(cfg, &body) {
        Ok(l) => l,
        Err(r) => return http::refuse(cat, r.status, r.reason),
    };
    match ingest(env, &loaded, &body, &arrival).await? {
        Err(r) => http::refuse(cat, r.status, r.reason),
        Ok(mut results) => {
            let all_dup = results.iter().all(|r| r.status == "duplicate");
            let status = if all_dup { 200 } else { 201 };
            if results.len() == 1 {
                http::json(&results.remove(0), status)
            } else {
                http::json(&json!({ "reports": results }), status)
            }
        }
    }
}

pub(crate) fn kv_err(e: impl std::fmt::Display) -> worker::Error {
    worker::Error::RustError(format!("KV: {e}"))
}
