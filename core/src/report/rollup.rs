//! What a report store keeps of one report besides its bytes: the policy and failure-detail rows, and the daily
//! rollups a dashboard reads instead of report bodies (the worker's D1 index, `migrations/`). Pure: the shell
//! writes these rows, and sums them back into an [`aggregate::Summary`](super::Summary) of the same shape the
//! viewer computes from files.

use super::model::Report;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The largest count a store takes: JavaScript numbers (which carry D1's values) are exact only up to
/// 2^53 − 1. Valid JSON can say more (RFC 8460 §4.4 sets no bound); such a report is refused, naming the field,
/// rather than stored wrong.
pub const MAX_EXACT_COUNT: u64 = (1 << 53) - 1;

/// The first count of `r` past [`MAX_EXACT_COUNT`], as (JSON path, value); sums over the policies count too.
pub fn count_past_exact(r: &Report) -> Option<(String, u64)> {
    let over = |n: u64| n > MAX_EXACT_COUNT;
    let (mut ok, mut failed, mut details) = (0u64, 0u64, 0u64);
    for (i, p) in r.policies().iter().enumerate() {
        let base = format!("policies[{i}]");
        if over(p.successful()) {
            let path = format!("{base}.summary.total-successful-session-count");
            return Some((path, p.successful()));
        }
        if over(p.failed()) {
            let path = format!("{base}.summary.total-failure-session-count");
            return Some((path, p.failed()));
        }
        for (j, fd) in p.details().iter().enumerate() {
            if over(fd.count()) {
                let path = format!("{base}.failure-details[{j}].failed-session-count");
                return Some((path, fd.count()));
            }
            details = details.saturating_add(fd.count());
        }
        ok = ok.saturating_add(p.successful());
        failed = failed.saturating_add(p.failed());
    }
    [
        (
            "policies[*].summary.total-successful-session-count (sum)",
            ok,
        ),
        (
            "policies[*].summary.total-failure-session-count (sum)",
            failed,
        ),
        (
            "policies[*].failure-details[*].failed-session-count (sum)",
            details,
        ),
    ]
    .into_iter()
    .find(|(_, n)| over(*n))
    .map(|(path, n)| (path.to_owned(), n))
}

/// The store's identity of a report: 32 hex digits of SHA-256 over [`Report::identity`] (organization and
/// report-id, RFC 8460 §4.3; the content when it has neither). Unique per report in the store.
pub fn identity_hash(r: &Report) -> String {
    let (org, id) = r.identity();
    let mut h = Sha256::new();
    h.update(org.as_bytes());
    h.update([0]);
    h.update(id.as_bytes());
    hex(&h.finalize()[..16])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The day a report is filed under (UTC): its start's, else its end's, else `arrived` (Unix seconds), never an
/// unfilterable placeholder (RFC 8460 §4.4 `date-range`).
pub fn report_day(r: &Report, arrived: i64) -> String {
    [r.start(), r.end()]
        .into_iter()
        .flatten()
        .find_map(super::time::parse)
        .map_or_else(|| super::time::day(arrived), |p| super::time::day(p.unix))
}

/// A policy domain as the store keys it: lower case, without a final dot.
pub fn domain_key(d: &str) -> String {
    d.trim_end_matches('.').to_ascii_lowercase()
}

/// One policy entry of a report, flattened.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PolicyRow {
    /// Policy domain ([`domain_key`]).
    pub domain: String,
    /// Policy type.
    pub policy_type: String,
    /// 16 hex digits of SHA-256 over the policy-string lines (which policy version the sender saw).
    pub policy_hash: String,
    /// `mx-host` entries, space-separated.
    pub mx: String,
    /// Successful sessions.
    pub successful: u64,
    /// Failed sessions.
    pub failed: u64,
}

/// One failure detail, flattened with its policy.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DetailRow {
    /// Policy domain ([`domain_key`]).
    pub domain: String,
    /// Policy type.
    pub policy_type: String,
    /// Result type (RFC 8460 §4.3).
    pub result_type: String,
    /// Sending MTA IP.
    pub sending_ip: String,
    /// Receiving MX host name, as written.
    pub mx_host: String,
    /// Receiving IP.
    pub receiving_ip: String,
    /// Failed sessions.
    pub failed: u64,
    /// Failure reason code.
    pub reason: String,
    /// Additional information (untrusted text).
    pub info: String,
}

/// Sessions of one key of a daily rollup, from one report.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Sessions {
    /// Policy entries.
    pub policies: u64,
    /// Successful sessions.
    pub successful: u64,
    /// Failed sessions.
    pub failed: u64,
}

/// Failed sessions of one (result type, receiving MX) key, from one report.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Failed {
    /// Failed sessions.
    pub failed: u64,
    /// Failure-detail rows.
    pub rows: u64,
}

/// What one report adds to the daily rollups of its day and organization. The domain `""` is every policy
/// domain at once (so that a report naming two domains counts once in the unfiltered view).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rollup {
    /// Per domain (and `""`).
    pub by_domain: BTreeMap<String, Sessions>,
    /// Per (domain (and `""`), policy type).
    pub by_type: BTreeMap<(String, String), Sessions>,
    /// Per (domain, policy type, result type, receiving MX in lower case).
    pub failures: BTreeMap<(String, String, String, String), Failed>,
}

/// Everything the store indexes of one report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    /// The policies.
    pub policies: Vec<PolicyRow>,
    /// The failure details.
    pub details: Vec<DetailRow>,
    /// The report's share of the daily rollups.
    pub rollup: Rollup,
}

fn add(s: &mut Sessions, ok: u64, failed: u64) {
    s.policies += 1;
    s.successful = s.successful.saturating_add(ok);
    s.failed = s.failed.saturating_add(failed);
}

/// The rows of `r` (RFC 8460 §4.4: each policy, each failure detail, and their rollups).
pub fn rows(r: &Report) -> Rows {
    let mut out = Rows::default();
    for p in r.policies() {
        let domain = domain_key(p.domain());
        let ptype = p.policy_type().to_owned();
        let (ok, failed) = (p.successful(), p.failed());
        let mut h = Sha256::new();
        for line in p.policy_lines() {
            h.update(line.as_bytes());
            h.update(b"\n");
        }
        out.policies.push(PolicyRow {
            domain: domain.clone(),
            policy_type: ptype.clone(),
            policy_hash: hex(&h.finalize()[..8]),
            mx: p.mx_hosts().join(" "),
            successful: ok,
            failed,
        });
        for d in [String::new(), domain.clone()] {
            add(
                out.rollup.by_domain.entry(d.clone()).or_default(),
                ok,
                failed,
            );
            add(
                out.rollup.by_type.entry((d, ptype.clone())).or_default(),
                ok,
                failed,
            );
        }
        for fd in p.details() {
            let text = |t: &Option<super::model::Text>| t.as_deref().unwrap_or("").to_owned();
            let row = DetailRow {
                domain: domain.clone(),
                policy_type: ptype.clone(),
                result_type: fd.result().to_owned(),
                sending_ip: text(&fd.sending_mta_ip),
                mx_host: text(&fd.receiving_mx_hostname),
                receiving_ip: text(&fd.receiving_ip),
                failed: fd.count(),
                reason: text(&fd.failure_reason_code),
                info: text(&fd.additional_information),
            };
            let key = (
                domain.clone(),
                ptype.clone(),
                row.result_type.clone(),
                row.mx_host.to_ascii_lowercase(),
            );
            let f = out.rollup.failures.entry(key).or_default();
            f.failed = f.failed.saturating_add(row.failed);
            f.rows += 1;
            out.details.push(row);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(json: &str) -> Report {
        serde_json::from_str(json).expect("test report parses")
    }

    const TWO_DOMAINS: &str = r#"{"organization-name":"Org","report-id":"r1",
      "date-range":{"start-datetime":"2024-01-02T00:00:00Z","end-datetime":"2024-01-02T23:59:59Z"},
      "policies":[
        {"policy":{"policy-type":"sts","policy-domain":"A.example.","policy-string":["version: STSv1"],"mx-host":["mx.a.example"]},
         "summary":{"total-successful-session-count":10,"total-failure-session-count":3},
         "failure-details":[
           {"result-type":"certificate-expired","sending-mta-ip":"192.0.2.1","receiving-mx-hostname":"MX.a.example","failed-session-count":2},
           {"result-type":"certificate-expired","sending-mta-ip":"192.0.2.2","receiving-mx-hostname":"mx.a.example","failed-session-count":1}]},
        {"policy":{"policy-type":"no-policy-found","policy-domain":"b.example"},
         "summary":{"total-successful-session-count":5,"total-failure-session-count":0}}]}"#;

    #[test]
    fn rows_and_rollups_of_a_two_domain_report() {
        let rows = rows(&report(TWO_DOMAINS));
        assert_eq!(rows.policies.len(), 2);
        assert_eq!(rows.policies[0].domain, "a.example");
        assert_eq!(rows.policies[0].mx, "mx.a.example");
        assert_eq!(rows.details.len(), 2);
        // "" counts both domains' policies, once per report
        let all = &rows.rollup.by_domain[""];
        assert_eq!((all.policies, all.successful, all.failed), (2, 15, 3));
        let a = &rows.rollup.by_domain["a.example"];
        assert_eq!((a.policies, a.successful, a.failed), (1, 10, 3));
        assert_eq!(rows.rollup.by_type.len(), 4);
        // the two details share (result type, MX in lower case): one rollup key
        let f = &rows.rollup.failures[&(
            "a.example".to_owned(),
            "sts".to_owned(),
            "certificate-expired".to_owned(),
            "mx.a.example".to_owned(),
        )];
        assert_eq!((f.failed, f.rows), (3, 2));
    }

    #[test]
    fn counts_past_what_javascript_holds_are_named() {
        let big = |ok: &str, failed: &str, detail: &str| {
            format!(
                r#"{{"policies":[{{"policy":{{"policy-type":"sts","policy-domain":"a.example"}},
                "summary":{{"total-successful-session-count":{ok},"total-failure-session-count":{failed}}},
                "failure-details":[{{"result-type":"x","failed-session-count":{detail}}}]}}]}}"#
            )
        };
        let cases = [
            (big("9007199254740991", "0", "0"), None),
            (
                big("9007199254740992", "0", "0"),
                Some("policies[0].summary.total-successful-session-count"),
            ),
            (
                big("1", "18446744073709551615", "0"),
                Some("policies[0].summary.total-failure-session-count"),
            ),
            // past u64 (valid JSON): read as u64::MAX with a bad-count warning, so refused, never read as zero
            (
                big("1", "99999999999999999999999", "0"),
                Some("policies[0].summary.total-failure-session-count"),
            ),
            (
                big("1", "1", "9007199254740992"),
                Some("policies[0].failure-details[0].failed-session-count"),
            ),
        ];
        for (json, want) in cases {
            let got = count_past_exact(&report(&json));
            assert_eq!(got.as_ref().map(|g| g.0.as_str()), want, "{json}");
        }
        // each policy below the bound, their sum past it
        let half = "4503599627370496";
        let two = format!(
            r#"{{"policies":[
              {{"policy":{{"policy-domain":"a"}},"summary":{{"total-successful-session-count":{half},"total-failure-session-count":0}}}},
              {{"policy":{{"policy-domain":"a"}},"summary":{{"total-successful-session-count":{half},"total-failure-session-count":0}}}}]}}"#
        );
        let got = count_past_exact(&report(&two)).map(|g| g.0);
        assert_eq!(
            got.as_deref(),
            Some("policies[*].summary.total-successful-session-count (sum)")
        );
    }

    #[test]
    fn identity_is_per_report_and_anonymous_reports_differ() {
        let a = report(
            r#"{"policies":[{"policy":{"policy-domain":"a"},"summary":{"total-successful-session-count":1}}]}"#,
        );
        let b = report(
            r#"{"policies":[{"policy":{"policy-domain":"a"},"summary":{"total-successful-session-count":2}}]}"#,
        );
        assert_ne!(identity_hash(&a), identity_hash(&b));
        assert_eq!(identity_hash(&a), identity_hash(&a.clone()));
        assert_eq!(identity_hash(&a).len(), 32);
        let named = report(r#"{"organization-name":"O","report-id":"1"}"#);
        let other_content = report(
            r#"{"organization-name":"O","report-id":"1","policies":[{"policy":{"policy-domain":"z"}}]}"#,
        );
        assert_eq!(identity_hash(&named), identity_hash(&other_content));
    }
}
