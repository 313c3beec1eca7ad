//! The paged listings of the index: `GET /api/reports` (one entry per stored report) and `GET /api/failures`
//! (one per failure detail), newest day first. A page ends with an opaque `cursor` while more remain; passing
//! it back gives the next page, so every stored report is reachable whatever their number.

use crate::index::{self, count, Filters};
use crate::store::Meta;
use crate::summary::{details_where, DetailRow, DETAIL_COLUMNS};
use mtasts_core::report::aggregate::FailureRow;
use serde::Deserialize;
use serde_json::{json, Value};
use worker::{D1Database, Result};

/// Entries per page when `limit` is not given.
pub const DEFAULT_PAGE: u64 = 100;
/// The most entries one page gives.
pub const MAX_PAGE: u64 = 1000;

/// Where a page starts: after the entry of this (day, row id), going back in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    day: String,
    id: u64,
}

impl Cursor {
    /// The cursor's text: opaque to clients (`<day>.<id>`, read back by [`Cursor::parse`]).
    pub fn text(&self) -> String {
        format!("{}.{}", self.day, self.id)
    }

    /// Reads a cursor this module wrote; `None` for anything else.
    pub fn parse(s: &str) -> Option<Cursor> {
        let (day, id) = s.split_once('.')?;
        let day_ok = day.len() == 10
            && day.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        let id_ok = !id.is_empty() && id.len() <= 15 && id.bytes().all(|b| b.is_ascii_digit());
        (day_ok && id_ok).then(|| Cursor {
            day: day.to_owned(),
            id: id.parse().unwrap_or(0),
        })
    }
}

/// The values of a listing: the filters' six, then the page size plus one (?7), then the cursor (?8 day, ?9
/// id; `''` for the first page).
fn values(f: &Filters, limit: u64, after: Option<&Cursor>) -> Vec<wasm_bindgen::JsValue> {
    let mut v = f.values();
    v.push(index::n(limit + 1));
    v.push(index::s(after.map_or("", |c| c.day.as_str())));
    v.push(index::n(after.map_or(0, |c| c.id)));
    v
}

/// One page of `sql`'s rows (it orders by day and row id, newest first, and takes `?7` rows after the cursor
/// `?8`, `?9`), and the cursor of the next page when more than `limit` remain.
async fn page<T: for<'a> Deserialize<'a>>(
    db: &D1Database,
    sql: &str,
    f: &Filters,
    limit: u64,
    after: Option<&Cursor>,
    at: impl Fn(&T) -> (String, f64),
) -> Result<(Vec<T>, Option<String>)> {
    let mut rows = index::bound(db, sql, &values(f, limit, after))?
        .all()
        .await?
        .results::<T>()?;
    if rows.len() as u64 <= limit {
        return Ok((rows, None));
    }
    rows.truncate(limit as usize);
    let next = rows.last().map(|r| {
        let (day, id) = at(r);
        Cursor { day, id: count(id) }.text()
    });
    Ok((rows, next))
}

#[derive(Deserialize)]
struct ReportRow {
    id: f64,
    kv_key: String,
    organization: String,
    report_id: String,
    domain: String,
    day: String,
    start_time: String,
    end_time: String,
    received_at: f64,
    via: String,
    mail_from: String,
    dkim: String,
    encoding: String,
    size: f64,
    warnings: f64,
    policies: f64,
    successful: f64,
    failed: f64,
    failure_rows: f64,
    duplicates: f64,
}

const REPORTS_SQL: &str = "SELECT id, kv_key, organization, report_id, domain, day, start_time, end_time, \
    received_at, via, mail_from, dkim, encoding, size, warnings, policies, successful, failed, failure_rows, \
    duplicates FROM reports WHERE day >= ?2 AND day <= ?3 AND (?4 = 0 OR organization = ?5) AND \
    (?1 = '' OR id IN (SELECT report FROM policies WHERE domain = ?1 AND day >= ?2 AND day <= ?3)) AND \
    (?6 = '' OR id IN (SELECT report FROM failures WHERE result_type = ?6 AND day >= ?2 AND day <= ?3)) AND \
    (?8 = '' OR day < ?8 OR (day = ?8 AND id < ?9)) ORDER BY day DESC, id DESC LIMIT ?7";

/// One page of stored reports: `{reports: [{key, meta, domain, day, warnings, duplicates}], cursor}` (`meta` as
/// the KV-era listing gave it, so existing clients read the same fields).
pub async fn reports(
    db: &D1Database,
    f: &Filters,
    limit: u64,
    after: Option<&Cursor>,
) -> Result<Value> {
    let (rows, next) = page(db, REPORTS_SQL, f, limit, after, |r: &ReportRow| {
        (r.day.clone(), r.id)
    })
    .await?;
    let items: Vec<Value> = rows
        .into_iter()
        .map(|r| {
            let meta = Meta {
                org: r.organization,
                id: r.report_id,
                start: r.start_time,
                end: r.end_time,
                p: count(r.policies),
                s: count(r.successful),
                f: count(r.failed),
                fd: count(r.failure_rows),
                enc: r.encoding,
                size: count(r.size),
                at: count(r.received_at),
                via: r.via,
                from: r.mail_from,
                dkim: r.dkim,
            };
            json!({"key": r.kv_key, "meta": meta, "domain": r.domain, "day": r.day,
                "warnings": count(r.warnings), "duplicates": count(r.duplicates)})
        })
        .collect();
    Ok(json!({"reports": items, "truncated": next.is_some(), "cursor": next}))
}

/// One page of failure details: `{failures: [FailureRow], cursor}`.
pub async fn failures(
    db: &D1Database,
    f: &Filters,
    limit: u64,
    after: Option<&Cursor>,
) -> Result<Value> {
    // newest first in the order of `failures_by_domain_day` (one domain) or `failures_by_day`: a page reads
    // its rows and stops
    let details = details_where(f.domain.is_some());
    let sql = format!(
        "SELECT {DETAIL_COLUMNS} FROM failures f WHERE {details} AND \
         (?6 = '' OR f.result_type = ?6) AND (?8 = '' OR f.day < ?8 OR (f.day = ?8 AND f.id < ?9)) \
         ORDER BY f.day DESC, f.id DESC LIMIT ?7"
    );
    let (rows, next) = page(db, &sql, f, limit, after, |r: &DetailRow| {
        (r.day.clone(), r.id)
    })
    .await?;
    let items: Vec<FailureRow> = rows.into_iter().map(FailureRow::from).collect();
    Ok(json!({"failures": items, "cursor": next}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_read_back_and_anything_else_is_refused() {
        let c = Cursor {
            day: "2026-11-30".into(),
            id: 42,
        };
        assert_eq!(Cursor::parse(&c.text()), Some(c));
        for bad in [
            "",
            "page-2",
            "2026-11-30",
            "2026-11-30.",
            "2026-11-3.1",
            "2026/11/30.1",
            "2026-11-30.-1",
            "2026-11-30.1e3",
            "2026-11-30.9999999999999999",
            "x2026-11-30.1",
        ] {
            assert_eq!(Cursor::parse(bad), None, "{bad}");
        }
    }
}
