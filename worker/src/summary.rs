//! `GET /api/summary`: the dashboard's totals and breakdowns from the D1 rollups, in the shape core's
//! aggregator gives the viewer ([`Summary`]), exact at any number of reports and in one batch of queries
//! whatever that number is. The long breakdowns (sending IPs, receiving MX hosts, failure rows) are the top
//! `limit` with the rest totalled in `more`; `/api/failures` pages through every row.

use crate::index::{self, count, Filters};
use mtasts_core::report::aggregate::{
    Bucket, FailureBucket, FailureRow, More, PairBucket, Rest, Summary,
};
use serde::Deserialize;
use serde_json::{json, Value};
use worker::{D1Database, Result};

/// Rows of the long breakdowns given when `limit` is not set: core's default, as the CLI gives.
pub const DEFAULT_TOP: u64 = mtasts_core::report::aggregate::DEFAULT_TOP as u64;
/// The most rows of a long breakdown one summary gives.
pub const MAX_TOP: u64 = 1000;
/// Most recent reports listed with how they arrived.
const RECENT: u64 = 25;

// Every query binds from the same values (`Filters::values`, then the limit as ?7):
// ?1 domain ('' = all), ?2 from, ?3 to, ?4 filter by organization (0/1), ?5 organization, ?6 result type.
const DAY_ORG: &str = "day >= ?2 AND day <= ?3 AND (?4 = 0 OR organization = ?5)";
const ORDER: &str = "ORDER BY failed DESC, successful + failed DESC, key";

#[derive(Deserialize)]
struct Totals {
    reports: f64,
    policies: f64,
    successful: f64,
    failed: f64,
    first_day: Option<String>,
    last_day: Option<String>,
}

#[derive(Deserialize)]
struct BucketRow {
    key: String,
    reports: f64,
    successful: f64,
    failed: f64,
}

impl From<BucketRow> for Bucket {
    fn from(r: BucketRow) -> Bucket {
        Bucket {
            key: r.key,
            reports: count(r.reports),
            successful: count(r.successful),
            failed: count(r.failed),
        }
    }
}

#[derive(Deserialize)]
struct FailedRow {
    key: String,
    failed: f64,
}

impl From<FailedRow> for FailureBucket {
    fn from(r: FailedRow) -> FailureBucket {
        FailureBucket {
            key: r.key,
            failed: count(r.failed),
        }
    }
}

/// Failure details in range as the rollup counts them: distinct receiving MX hosts, rows, failed sessions.
#[derive(Deserialize)]
struct DetailTotals {
    keys: f64,
    rows: f64,
    failed: f64,
}

/// A failure detail as the index keeps it, with its report's organization and id.
#[derive(Deserialize)]
pub struct DetailRow {
    /// Row id (the paging cursor's tie-breaker).
    pub id: f64,
    /// Sending organization.
    pub organization: String,
    /// Report id.
    pub report_id: String,
    /// Day.
    pub day: String,
    /// Policy type.
    pub policy_type: String,
    /// Policy domain.
    pub domain: String,
    /// Result type.
    pub result_type: String,
    /// Sending MTA IP.
    pub sending_ip: String,
    /// Receiving MX host.
    pub mx_host: String,
    /// Receiving IP.
    pub receiving_ip: String,
    /// Failed sessions.
    pub failed: f64,
    /// Failure reason code.
    pub reason: String,
    /// Additional information.
    pub info: String,
}

impl From<DetailRow> for FailureRow {
    fn from(r: DetailRow) -> FailureRow {
        FailureRow {
            organization: r.organization,
            report_id: r.report_id,
            day: r.day,
            policy_type: r.policy_type,
            policy_domain: r.domain,
            result_type: r.result_type,
            sending_mta_ip: r.sending_ip,
            receiving_mx_hostname: r.mx_host,
            receiving_ip: r.receiving_ip,
            failed_session_count: count(r.failed),
            failure_reason_code: r.reason,
            additional_information: r.info,
        }
    }
}

/// The columns of a failure detail (for [`DetailRow`]).
pub const DETAIL_COLUMNS: &str = "f.id AS id, f.organization AS organization, f.report_id AS report_id, \
    f.day AS day, f.policy_type AS policy_type, f.domain AS domain, f.result_type AS result_type, \
    f.sending_ip AS sending_ip, f.mx_host AS mx_host, f.receiving_ip AS receiving_ip, f.failed AS failed, \
    f.reason AS reason, f.info AS info";

/// The summary's order of failure details, core's [`mtasts_core::report::aggregate::failure_order`] in SQL:
/// most failed sessions first, then by content (not by row id, so a rebuilt index gives the same order). Its
/// first keys are those of the indexes `failures_top` and `failures_top_all`, so the top `limit` rows are read
/// in order, only ties sorted, and the rest never touched.
const DETAIL_ORDER: &str =
    "f.failed DESC, f.day DESC, f.organization, f.report_id, f.result_type, f.mx_host, f.sending_ip, f.id";

/// Failure details in range (`f`), for the organization asked and, when `one_domain`, the domain `?1`. The
/// domain is named only when one is asked for, so SQLite can use an index that starts with it (`?1 = '' OR …`
/// would hide every such index).
pub fn details_where(one_domain: bool) -> &'static str {
    if one_domain {
        "f.domain = ?1 AND f.day >= ?2 AND f.day <= ?3 AND (?4 = 0 OR f.organization = ?5)"
    } else {
        "f.day >= ?2 AND f.day <= ?3 AND (?4 = 0 OR f.organization = ?5)"
    }
}

#[derive(Deserialize)]
struct Counted {
    key: String,
    n: f64,
}

#[derive(Deserialize)]
struct Recent {
    organization: String,
    report_id: String,
    via: String,
    mail_from: String,
    dkim: String,
    received_at: f64,
}

#[derive(Deserialize)]
struct One {
    n: f64,
}

/// The summary (with `more`, the rest of the long breakdowns) and what surrounds it in the answer: `listed` and
/// `arrivals` (per transport, per DKIM verdict, the newest with their senders; RFC 8460 §5.3, §5.4, §3).
///
/// Every statement reads a rollup, or an index in the order it answers in and stops after `limit` rows; only
/// the sending-IP breakdown of one domain walks that domain's failure details, and it does so through a covering
/// index (no row reads, no sort). The rest of a top-N is the rollup's total less what the top holds.
pub async fn query(db: &D1Database, f: &Filters, top: u64) -> Result<Value> {
    let mut v = f.values();
    v.push(index::n(top));
    // rollups over every domain are the '' rows (each report once); per domain, that domain's rows. Failure
    // details and reports have no '' rows: for one domain the statement names it ([`details_where`]).
    let one = f.domain.is_some();
    let details = details_where(one);
    let (top_index, ip_index) = if one {
        ("failures_top", "INDEXED BY failures_by_ip")
    } else {
        ("failures_top_all", "")
    };
    // the newest arrivals: for one domain through its policies, which carry their report's time of receipt
    let recent = if one {
        "SELECT DISTINCT r.id AS id, r.organization AS organization, r.report_id AS report_id, r.via AS via, \
         r.mail_from AS mail_from, r.dkim AS dkim, r.received_at AS received_at FROM policies p INDEXED BY \
         policies_by_received JOIN reports r ON r.id = p.report WHERE p.domain = ?1 AND p.day >= ?2 AND \
         p.day <= ?3 AND (?4 = 0 OR r.organization = ?5) ORDER BY p.received_at DESC, p.report DESC"
    } else {
        "SELECT id, organization, report_id, via, mail_from, dkim, received_at FROM reports INDEXED BY \
         reports_by_received WHERE day >= ?2 AND day <= ?3 AND (?4 = 0 OR organization = ?5) \
         ORDER BY received_at DESC, id DESC"
    };
    let reports_sql = format!(
        "SELECT TOTAL(reports) AS reports, TOTAL(policies) AS policies, TOTAL(successful) AS successful, \
         TOTAL(failed) AS failed, MIN(day) AS first_day, MAX(day) AS last_day FROM daily_reports \
         WHERE domain = ?1 AND {DAY_ORG}"
    );
    let group = |table: &str, col: &str, extra: &str, order: &str| {
        format!(
            "SELECT {col} AS key, TOTAL(reports) AS reports, TOTAL(successful) AS successful, \
             TOTAL(failed) AS failed FROM {table} WHERE {extra} AND {DAY_ORG} \
             GROUP BY {col} {order}"
        )
    };
    let failed_by = |col: &str, from: &str, filter: &str| {
        format!(
            "SELECT {col} AS key, TOTAL(failed) AS failed FROM {from} WHERE {filter} GROUP BY {col} \
             ORDER BY failed DESC, key"
        )
    };
    let rollup_failures = format!("(?1 = '' OR domain = ?1) AND {DAY_ORG}");
    let arrivals = |col: &str| {
        format!(
            "SELECT {col} AS key, TOTAL(reports) AS n FROM daily_arrivals WHERE domain = ?1 AND {DAY_ORG} \
             AND {col} != '' GROUP BY {col} ORDER BY n DESC, key LIMIT 50"
        )
    };
    let sql = [
        reports_sql,
        group("daily_reports", "organization", "domain = ?1", ORDER),
        group("daily_reports", "day", "domain = ?1", "ORDER BY day"),
        group(
            "daily_reports",
            "domain",
            "domain != '' AND (?1 = '' OR domain = ?1)",
            ORDER,
        ),
        group("daily_policy_types", "policy_type", "domain = ?1", ORDER),
        failed_by("result_type", "daily_failures", &rollup_failures),
        format!(
            "{} LIMIT ?7",
            failed_by("mx_host", "daily_failures", &rollup_failures)
        ),
        format!(
            "SELECT COUNT(DISTINCT mx_host) AS keys, TOTAL(rows) AS rows, TOTAL(failed) AS failed \
             FROM daily_failures WHERE {rollup_failures}"
        ),
        format!(
            "{} LIMIT ?7",
            failed_by("f.sending_ip", &format!("failures f {ip_index}"), details)
        ),
        format!(
            "SELECT COUNT(DISTINCT f.sending_ip) AS n FROM failures f {ip_index} WHERE {details}"
        ),
        format!(
            "SELECT {DETAIL_COLUMNS} FROM failures f INDEXED BY {top_index} WHERE {details} \
             ORDER BY {DETAIL_ORDER} LIMIT ?7"
        ),
        format!(
            "SELECT TOTAL(duplicates) AS n FROM daily_arrivals WHERE domain = ?1 AND {DAY_ORG}"
        ),
        arrivals("via"),
        arrivals("dkim"),
        format!("{recent} LIMIT {RECENT}"),
        // the pairs, keys joined the way core joins them (so the order and ties are core's)
        format!(
            "{} LIMIT ?7",
            failed_by(
                "result_type || char(1) || mx_host",
                "daily_failures",
                &rollup_failures
            )
        ),
        // in day order, as core gives it (BINARY collation compares bytes, as Rust compares strings)
        format!(
            "SELECT day || char(1) || result_type AS key, TOTAL(failed) AS failed FROM daily_failures \
             WHERE {rollup_failures} GROUP BY key ORDER BY key"
        ),
    ];
    let res = index::batch_bound(db, &sql, &v).await?;
    let get = |i: usize| res.get(i);
    let totals = get(0)?.results::<Totals>()?.into_iter().next();
    // the rows of statement `i`, read as `R` and given as `T`
    fn rows<R: for<'a> Deserialize<'a>, T: From<R>>(
        r: Result<&worker::D1Result>,
    ) -> Result<Vec<T>> {
        Ok(r?.results::<R>()?.into_iter().map(T::from).collect())
    }
    let buckets = |i: usize| rows::<BucketRow, Bucket>(get(i));
    let failed = |i: usize| rows::<FailedRow, FailureBucket>(get(i));
    let one_n = |i: usize| -> Result<u64> {
        Ok(get(i)?.results::<One>()?.first().map_or(0, |o| count(o.n)))
    };
    let mut sum = Summary::default();
    if let Some(t) = totals {
        sum.reports = count(t.reports);
        sum.policies = count(t.policies);
        sum.successful = count(t.successful);
        sum.failed = count(t.failed);
        sum.first_day = t.first_day;
        sum.last_day = t.last_day;
    }
    let total = sum.successful.saturating_add(sum.failed);
    sum.success_rate = (total > 0).then(|| sum.successful as f64 / total as f64);
    sum.by_organization = buckets(1)?;
    sum.by_day = buckets(2)?;
    sum.by_policy_domain = buckets(3)?;
    sum.by_policy_type = buckets(4)?;
    sum.by_result_type = failed(5)?;
    sum.by_receiving_mx = failed(6)?;
    let details = get(7)?.results::<DetailTotals>()?.into_iter().next();
    let (mx_keys, detail_rows, detail_failed) = details.map_or((0, 0, 0), |d| {
        (count(d.keys), count(d.rows), count(d.failed))
    });
    sum.by_sending_ip = failed(8)?;
    let ip_keys = one_n(9)?;
    sum.failures = rows::<DetailRow, FailureRow>(get(10))?;
    sum.duplicates = one_n(11)?;
    let pairs = |i: usize| -> Result<Vec<PairBucket>> {
        Ok(failed(i)?
            .into_iter()
            .map(|b| PairBucket::from_joined(&b.key, b.failed))
            .collect())
    };
    sum.by_result_and_mx = pairs(15)?;
    sum.by_day_and_result = pairs(16)?;
    // the rest of a top-N: the rollup's totals less what the top shows
    sum.more = More {
        by_receiving_mx: Rest::beyond(
            mx_keys,
            detail_failed,
            sum.by_receiving_mx.iter().map(|x| x.failed),
        ),
        by_sending_ip: Rest::beyond(
            ip_keys,
            detail_failed,
            sum.by_sending_ip.iter().map(|x| x.failed),
        ),
        failures: Rest::beyond(
            detail_rows,
            detail_failed,
            sum.failures.iter().map(|x| x.failed_session_count),
        ),
    };
    let counted = |i: usize| -> Result<Value> {
        let rows = get(i)?.results::<Counted>()?;
        Ok(Value::Object(
            rows.into_iter()
                .map(|c| (c.key, json!(count(c.n))))
                .collect(),
        ))
    };
    let recent: Vec<Value> = get(14)?
        .results::<Recent>()?
        .into_iter()
        .map(|r| {
            json!({"organization": r.organization, "report_id": r.report_id, "via": r.via, "from": r.mail_from,
                "dkim": r.dkim, "at": count(r.received_at)})
        })
        .collect();
    Ok(json!({
        "listed": sum.reports,
        "top": top,
        "arrivals": {"via": counted(12)?, "dkim": counted(13)?, "recent": recent},
        "summary": sum,
    }))
}
