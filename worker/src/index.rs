//! The report index in D1 (schema: `migrations/`): one row per report, policy and failure detail, and the daily
//! rollups a summary reads. KV keeps the bytes ([`crate::store`]); this module only writes and reads rows.
//!
//! Writes of one report are one D1 batch (one transaction): the report row, its policies and failure details,
//! and its share of the rollups, so the rollups never disagree with the rows. Rows travel as JSON arrays expanded
//! by SQLite's `json_each`, in chunks: a report of 100,000 failure details is a few dozen statements, not
//! 100,000 (D1 limits statements per invocation and bound parameters per statement).

use mtasts_core::report::rollup::Rows;
use serde::Deserialize;
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Env, Result};

/// D1 binding name.
pub const BINDING: &str = "DB";

/// The largest JSON chunk bound to one statement (D1 caps a value at 2,000,000 bytes).
const CHUNK_BYTES: usize = 900_000;

/// The database.
pub fn db(env: &Env) -> Result<D1Database> {
    env.d1(BINDING)
}

/// A string bound to a statement.
pub fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

/// A count bound to a statement (exact: ingest refuses counts past 2^53 − 1).
pub fn n(v: u64) -> JsValue {
    JsValue::from_f64(v as f64)
}

/// A prepared statement with its values.
pub fn stmt(db: &D1Database, sql: &str, values: &[JsValue]) -> Result<D1PreparedStatement> {
    db.prepare(sql).bind(values)
}

/// A statement bound to the first values of `values`, as many as it uses (its highest `?N`): D1 refuses a
/// statement given more values than it has parameters.
pub fn bound(db: &D1Database, sql: &str, values: &[JsValue]) -> Result<D1PreparedStatement> {
    let mut used = 0;
    let b = sql.as_bytes();
    for (i, _) in sql.match_indices('?') {
        let digits: String = b[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .map(|&c| c as char)
            .collect();
        used = used.max(digits.parse::<usize>().unwrap_or(0));
    }
    stmt(db, sql, &values[..used.min(values.len())])
}

/// The answers of one D1 batch, by statement.
pub struct Batch(Vec<worker::D1Result>);

impl Batch {
    /// The answer of statement `i`.
    pub fn get(&self, i: usize) -> Result<&worker::D1Result> {
        self.0
            .get(i)
            .ok_or_else(|| worker::Error::RustError("D1: short batch".into()))
    }
}

/// Runs `sql` as one batch, each statement bound to the values it uses of `values` ([`bound`]).
pub async fn batch_bound<S: AsRef<str>>(
    db: &D1Database,
    sql: &[S],
    values: &[JsValue],
) -> Result<Batch> {
    let batch = sql
        .iter()
        .map(|q| bound(db, q.as_ref(), values))
        .collect::<Result<Vec<_>>>()?;
    Ok(Batch(db.batch(batch).await?))
}

/// A report as the index stores it (its policies and details come from core's [`rollup::rows`]).
#[derive(Debug, Clone)]
pub struct NewReport<'a> {
    /// [`rollup::identity_hash`].
    pub identity: String,
    /// `organization-name` as written.
    pub organization: &'a str,
    /// `report-id` as written.
    pub report_id: &'a str,
    /// `contact-info`.
    pub contact: &'a str,
    /// The served policy domain it is filed under.
    pub domain: &'a str,
    /// Its day (UTC): the start's, else the end's, else the day it arrived.
    pub day: String,
    /// `start-datetime` as written.
    pub start: &'a str,
    /// `end-datetime` as written.
    pub end: &'a str,
    /// Unix time of receipt.
    pub received_at: u64,
    /// `https` or `email`.
    pub via: &'a str,
    /// Envelope sender of an e-mail.
    pub mail_from: &'a str,
    /// DKIM verdict of an e-mail.
    pub dkim: &'a str,
    /// `json`, `gzip` or `email`.
    pub encoding: &'a str,
    /// Size of the stored bytes.
    pub size: u64,
    /// Where the bytes are in KV.
    pub kv_key: &'a str,
    /// Validation findings.
    pub warnings: u64,
    /// Successful sessions.
    pub successful: u64,
    /// Failed sessions.
    pub failed: u64,
}

/// What the index holds for a report already stored.
#[derive(Debug, Clone, Deserialize)]
pub struct Stored {
    /// Its KV key.
    pub kv_key: String,
    /// Successful sessions.
    pub successful: f64,
    /// Failed sessions.
    pub failed: f64,
}

/// The stored report with this identity, if any.
pub async fn find(db: &D1Database, identity: &str) -> Result<Option<Stored>> {
    stmt(
        db,
        "SELECT kv_key, successful, failed FROM reports WHERE identity = ?1",
        &[s(identity)],
    )?
    .first::<Stored>(None)
    .await
}

/// Counts a copy received again (RFC 8460 §4.3: same organization and report-id), on its report's row and
/// its arrival rollups, and gives the stored report it is a copy of, in one batch (one transaction); `None` (and
/// nothing written) when no report with this identity is stored.
pub async fn count_duplicate(db: &D1Database, identity: &str) -> Result<Option<Stored>> {
    let id = [s(identity)];
    let rollup = stmt(
        db,
        "UPDATE daily_arrivals SET duplicates = duplicates + 1 FROM (SELECT id, day, organization, via, dkim \
         FROM reports WHERE identity = ?1) AS r WHERE daily_arrivals.day = r.day AND \
         daily_arrivals.organization = r.organization AND daily_arrivals.via = r.via AND \
         daily_arrivals.dkim = r.dkim AND (daily_arrivals.domain = '' OR daily_arrivals.domain IN \
         (SELECT domain FROM policies WHERE report = r.id))",
        &id,
    )?;
    let row = stmt(
        db,
        "UPDATE reports SET duplicates = duplicates + 1 WHERE identity = ?1 \
         RETURNING kv_key, successful, failed",
        &id,
    )?;
    let res = db.batch(vec![rollup, row]).await?;
    match res.get(1) {
        Some(r) => Ok(r.results::<Stored>()?.into_iter().next()),
        None => Ok(None),
    }
}

/// What [`insert`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inserted {
    /// The rows are written.
    Stored,
    /// A report with this identity was written first (a concurrent copy): nothing was written.
    Duplicate,
}

/// Splits `items` into JSON arrays of at most [`CHUNK_BYTES`] each.
fn chunks(items: impl IntoIterator<Item = Value>) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::from("[");
    for item in items {
        let text = item.to_string();
        if cur.len() > 1 && cur.len() + text.len() + 2 > CHUNK_BYTES {
            cur.push(']');
            out.push(std::mem::replace(&mut cur, String::from("[")));
        }
        if cur.len() > 1 {
            cur.push(',');
        }
        cur.push_str(&text);
    }
    if cur.len() > 1 {
        cur.push(']');
        out.push(cur);
    }
    out
}

const INSERT_REPORT: &str = "INSERT INTO reports (identity, organization, report_id, contact, domain, day, start_time, \
    end_time, received_at, via, mail_from, dkim, encoding, size, kv_key, warnings, policies, successful, failed, \
    failure_rows) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)";

const INSERT_POLICIES: &str = "INSERT INTO policies (report, domain, day, policy_type, policy_hash, mx, successful, \
    failed, received_at) SELECT (SELECT id FROM reports WHERE identity = ?1), j.value->>'$[0]', ?2, j.value->>'$[1]', \
    j.value->>'$[2]', j.value->>'$[3]', j.value->>'$[4]', j.value->>'$[5]', ?4 FROM json_each(?3) AS j";

const INSERT_FAILURES: &str = "INSERT INTO failures (report, domain, day, organization, report_id, policy_type, \
    result_type, sending_ip, mx_host, receiving_ip, failed, reason, info) SELECT (SELECT id FROM reports WHERE \
    identity = ?1), j.value->>'$[0]', ?2, ?3, ?5, j.value->>'$[1]', j.value->>'$[2]', j.value->>'$[3]', \
    j.value->>'$[4]', j.value->>'$[5]', j.value->>'$[6]', j.value->>'$[7]', j.value->>'$[8]' FROM json_each(?4) AS j";

const ROLLUP_REPORTS: &str = "INSERT INTO daily_reports (domain, day, organization, reports, policies, successful, \
    failed) SELECT j.value->>'$[0]', ?1, ?2, 1, j.value->>'$[1]', j.value->>'$[2]', j.value->>'$[3]' \
    FROM json_each(?3) AS j WHERE true ON CONFLICT (domain, day, organization) DO UPDATE SET \
    reports = reports + 1, policies = policies + excluded.policies, successful = successful + excluded.successful, \
    failed = failed + excluded.failed";

const ROLLUP_TYPES: &str = "INSERT INTO daily_policy_types (domain, day, organization, policy_type, reports, \
    successful, failed) SELECT j.value->>'$[0]', ?1, ?2, j.value->>'$[1]', 1, j.value->>'$[2]', j.value->>'$[3]' \
    FROM json_each(?3) AS j WHERE true ON CONFLICT (domain, day, organization, policy_type) DO UPDATE SET \
    reports = reports + 1, successful = successful + excluded.successful, failed = failed + excluded.failed";

const ROLLUP_FAILURES: &str = "INSERT INTO daily_failures (domain, day, organization, policy_type, result_type, \
    mx_host, failed, rows) SELECT j.value->>'$[0]', ?1, ?2, j.value->>'$[1]', j.value->>'$[2]', j.value->>'$[3]', \
    j.value->>'$[4]', j.value->>'$[5]' FROM json_each(?3) AS j WHERE true ON CONFLICT (domain, day, organization, \
    policy_type, result_type, mx_host) DO UPDATE SET failed = failed + excluded.failed, rows = rows + excluded.rows";

const ROLLUP_ARRIVALS: &str = "INSERT INTO daily_arrivals (domain, day, organization, via, dkim, reports, \
    duplicates) SELECT j.value, ?1, ?2, ?3, ?4, 1, 0 FROM json_each(?5) AS j WHERE true ON CONFLICT (domain, day, \
    organization, via, dkim) DO UPDATE SET reports = reports + 1";

/// Writes a report's rows and its share of the rollups in one batch (one transaction). A concurrent copy that
/// won the `UNIQUE (identity)` race makes the whole batch roll back: [`Inserted::Duplicate`].
pub async fn insert(db: &D1Database, r: &NewReport<'_>, rows: &Rows) -> Result<Inserted> {
    let mut batch = vec![stmt(
        db,
        INSERT_REPORT,
        &[
            s(&r.identity),
            s(r.organization),
            s(r.report_id),
            s(r.contact),
            s(r.domain),
            s(&r.day),
            s(r.start),
            s(r.end),
            n(r.received_at),
            s(r.via),
            s(r.mail_from),
            s(r.dkim),
            s(r.encoding),
            n(r.size),
            s(r.kv_key),
            n(r.warnings),
            n(rows.policies.len() as u64),
            n(r.successful),
            n(r.failed),
            n(rows.details.len() as u64),
        ],
    )?];
    let (id, day, org) = (s(&r.identity), s(&r.day), s(r.organization));
    let policies = rows.policies.iter().map(|p| {
        json!([
            p.domain,
            p.policy_type,
            p.policy_hash,
            p.mx,
            p.successful,
            p.failed
        ])
    });
    for chunk in chunks(policies) {
        batch.push(stmt(
            db,
            INSERT_POLICIES,
            &[id.clone(), day.clone(), s(&chunk), n(r.received_at)],
        )?);
    }
    let details = rows.details.iter().map(|d| {
        json!([
            d.domain,
            d.policy_type,
            d.result_type,
            d.sending_ip,
            d.mx_host,
            d.receiving_ip,
            d.failed,
            d.reason,
            d.info
        ])
    });
    for chunk in chunks(details) {
        batch.push(stmt(
            db,
            INSERT_FAILURES,
            &[
                id.clone(),
                day.clone(),
                org.clone(),
                s(&chunk),
                s(r.report_id),
            ],
        )?);
    }
    let roll = &rows.rollup;
    let domains = roll.by_domain.keys().map(|d| json!(d));
    for chunk in chunks(domains) {
        batch.push(stmt(
            db,
            ROLLUP_ARRIVALS,
            &[day.clone(), org.clone(), s(r.via), s(r.dkim), s(&chunk)],
        )?);
    }
    let by_domain = roll
        .by_domain
        .iter()
        .map(|(d, x)| json!([d, x.policies, x.successful, x.failed]));
    for chunk in chunks(by_domain) {
        batch.push(stmt(
            db,
            ROLLUP_REPORTS,
            &[day.clone(), org.clone(), s(&chunk)],
        )?);
    }
    let by_type = roll
        .by_type
        .iter()
        .map(|((d, t), x)| json!([d, t, x.successful, x.failed]));
    for chunk in chunks(by_type) {
        batch.push(stmt(
            db,
            ROLLUP_TYPES,
            &[day.clone(), org.clone(), s(&chunk)],
        )?);
    }
    let failures = roll
        .failures
        .iter()
        .map(|((d, t, res, mx), x)| json!([d, t, res, mx, x.failed, x.rows]));
    for chunk in chunks(failures) {
        batch.push(stmt(
            db,
            ROLLUP_FAILURES,
            &[day.clone(), org.clone(), s(&chunk)],
        )?);
    }
    match db.batch(batch).await {
        Ok(_) => Ok(Inserted::Stored),
        Err(e)
            if e.to_string()
                .contains("UNIQUE constraint failed: reports.identity") =>
        {
            Ok(Inserted::Duplicate)
        }
        Err(e) => Err(e),
    }
}

/// The day bounds and filters of a query over the index.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Policy domain (normalized), or none for every domain.
    pub domain: Option<String>,
    /// First day (inclusive, `YYYY-MM-DD`).
    pub from: Option<String>,
    /// Last day (inclusive).
    pub to: Option<String>,
    /// Sending organization, exactly as written.
    pub org: Option<String>,
    /// Result type of a failure detail.
    pub result: Option<String>,
}

impl Filters {
    /// The values bound to `?1`…`?6` of every query here: domain (`''` = all), from, to, whether to filter by
    /// organization, the organization, the result type (`''` = all).
    pub fn values(&self) -> Vec<JsValue> {
        vec![
            s(self.domain.as_deref().unwrap_or("")),
            s(self.from.as_deref().unwrap_or("")),
            s(self.to.as_deref().unwrap_or("9999-12-31")),
            n(u64::from(self.org.is_some())),
            s(self.org.as_deref().unwrap_or("")),
            s(self.result.as_deref().unwrap_or("")),
        ]
    }
}

/// A count read back (D1 gives JavaScript numbers; `TOTAL()` gives floats).
pub fn count(v: f64) -> u64 {
    if v.is_finite() && v > 0.0 {
        v as u64
    } else {
        0
    }
}
