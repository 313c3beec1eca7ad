//! Totals and breakdowns over many reports: what the viewer's dashboard, the CLI's `report` command and the
//! worker's `/api/summary` all show. Reports are deduplicated by (organization, report-id): RFC 8460 §4.3 makes
//! `report-id` unique per sender, and the same report often arrives twice (e-mail and HTTPS, or a re-upload).

use super::model::Report;
use super::time;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Which reports and policies count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only policies for this policy domain (case-insensitive).
    pub domain: Option<String>,
    /// Only reports starting at or after this Unix time.
    pub from: Option<i64>,
    /// Only reports starting before this Unix time.
    pub to: Option<i64>,
}

impl Filter {
    fn report_ok(&self, start: Option<i64>) -> bool {
        match start {
            Some(t) => self.from.is_none_or(|f| t >= f) && self.to.is_none_or(|to| t < to),
            None => self.from.is_none() && self.to.is_none(),
        }
    }
    fn domain_ok(&self, d: &str) -> bool {
        self.domain.as_deref().is_none_or(|want| {
            want.trim_end_matches('.')
                .eq_ignore_ascii_case(d.trim_end_matches('.'))
        })
    }
}

/// Sessions for one key of a breakdown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// The key: an organization, a domain, a policy type, a day, …
    pub key: String,
    /// Reports that contributed.
    pub reports: u64,
    /// Successful sessions.
    pub successful: u64,
    /// Failed sessions.
    pub failed: u64,
}

/// Failed sessions for one key of a failure-detail breakdown (result type, receiving MX, sending IP).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailureBucket {
    /// The key.
    pub key: String,
    /// Failed sessions (sum of `failed-session-count`).
    pub failed: u64,
}

/// One failure-detail row, flattened with its report and policy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailureRow {
    /// Sending organization.
    pub organization: String,
    /// Report id.
    pub report_id: String,
    /// Day the report starts (`YYYY-MM-DD`, UTC).
    pub day: String,
    /// Policy type.
    pub policy_type: String,
    /// Policy domain.
    pub policy_domain: String,
    /// Result type.
    pub result_type: String,
    /// Sending MTA IP.
    pub sending_mta_ip: String,
    /// Receiving MX host name.
    pub receiving_mx_hostname: String,
    /// Receiving IP.
    pub receiving_ip: String,
    /// Failed sessions.
    pub failed_session_count: u64,
    /// Free-text reason code.
    pub failure_reason_code: String,
    /// Link to more information (untrusted: shown as text, linked only when it is https).
    pub additional_information: String,
}

/// Everything the dashboard shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Unique reports counted.
    pub reports: u64,
    /// Reports seen again and not counted.
    pub duplicates: u64,
    /// Policy entries counted.
    pub policies: u64,
    /// Successful sessions.
    pub successful: u64,
    /// Failed sessions.
    pub failed: u64,
    /// successful / (successful + failed), `None` when there were no sessions.
    pub success_rate: Option<f64>,
    /// First and last day covered.
    pub first_day: Option<String>,
    /// Last day covered.
    pub last_day: Option<String>,
    /// Per sending organization.
    pub by_organization: Vec<Bucket>,
    /// Per policy domain.
    pub by_policy_domain: Vec<Bucket>,
    /// Per policy type (`sts`, `tlsa`, `no-policy-found`, …).
    pub by_policy_type: Vec<Bucket>,
    /// Per day (by each report's start), in date order.
    pub by_day: Vec<Bucket>,
    /// Failed sessions per result type.
    pub by_result_type: Vec<FailureBucket>,
    /// Failed sessions per receiving MX.
    pub by_receiving_mx: Vec<FailureBucket>,
    /// Failed sessions per sending IP.
    pub by_sending_ip: Vec<FailureBucket>,
    /// Every failure-detail row.
    pub failures: Vec<FailureRow>,
}

/// Accumulates reports one at a time (so a UI can feed it in chunks).
#[derive(Debug, Default)]
pub struct Aggregator {
    filter: Filter,
    seen: HashSet<(String, String)>,
    s: Summary,
    org: HashMap<String, Bucket>,
    domain: HashMap<String, Bucket>,
    ptype: HashMap<String, Bucket>,
    day: BTreeMap<String, Bucket>,
    result: HashMap<String, u64>,
    mx: HashMap<String, u64>,
    ip: HashMap<String, u64>,
}

fn bump(map: &mut HashMap<String, Bucket>, key: &str, ok: u64, failed: u64, new_report: bool) {
    let b = map.entry(key.to_owned()).or_insert_with(|| Bucket {
        key: key.to_owned(),
        ..Bucket::default()
    });
    b.successful = b.successful.saturating_add(ok);
    b.failed = b.failed.saturating_add(failed);
    b.reports += u64::from(new_report);
}

impl Aggregator {
    /// An aggregator that counts only what `filter` lets through.
    pub fn new(filter: Filter) -> Self {
        Aggregator {
            filter,
            ..Aggregator::default()
        }
    }

    /// True when this report ([`Report::identity`]) was already added.
    pub fn is_duplicate(&self, r: &Report) -> bool {
        self.seen.contains(&r.identity())
    }

    /// Adds a report; returns false (and counts a duplicate) when it was already added.
    pub fn add(&mut self, r: &Report) -> bool {
        if !self.seen.insert(r.identity()) {
            self.s.duplicates += 1;
            return false;
        }
        let start = r.start().and_then(time::parse).map(|p| p.unix);
        if !self.filter.report_ok(start) {
            return true;
        }
        let day = start.map(time::day).unwrap_or_default();
        let org = r.organization();
        let mut counted = false;
        let (mut seen_org, mut seen_domains, mut seen_types) = (false, Vec::new(), Vec::new());
        for p in r.policies() {
            if !self.filter.domain_ok(p.domain()) {
                continue;
            }
            counted = true;
            let (ok, failed) = (p.successful(), p.failed());
            self.s.policies += 1;
            self.s.successful = self.s.successful.saturating_add(ok);
            self.s.failed = self.s.failed.saturating_add(failed);
            bump(&mut self.org, org, ok, failed, !seen_org);
            seen_org = true;
            let dom = p.domain().to_ascii_lowercase();
            bump(
                &mut self.domain,
                &dom,
                ok,
                failed,
                !seen_domains.contains(&dom),
            );
            seen_domains.push(dom.clone());
            let pt = p.policy_type().to_owned();
            bump(&mut self.ptype, &pt, ok, failed, !seen_types.contains(&pt));
            seen_types.push(pt.clone());
            let b = self.day.entry(day.clone()).or_insert_with(|| Bucket {
                key: day.clone(),
                ..Bucket::default()
            });
            b.successful = b.successful.saturating_add(ok);
            b.failed = b.failed.saturating_add(failed);
            for fd in p.details() {
                let n = fd.count();
                *self.result.entry(fd.result().to_owned()).or_default() += n;
                let mxh = fd
                    .receiving_mx_hostname
                    .as_deref()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                *self.mx.entry(mxh).or_default() += n;
                *self
                    .ip
                    .entry(fd.sending_mta_ip.as_deref().unwrap_or("").to_owned())
                    .or_default() += n;
                self.s.failures.push(FailureRow {
                    organization: org.to_owned(),
                    report_id: r.id().to_owned(),
                    day: day.clone(),
                    policy_type: pt.clone(),
                    policy_domain: dom.clone(),
                    result_type: fd.result().to_owned(),
                    sending_mta_ip: fd.sending_mta_ip.as_deref().unwrap_or("").to_owned(),
                    receiving_mx_hostname: fd
                        .receiving_mx_hostname
                        .as_deref()
                        .unwrap_or("")
                        .to_owned(),
                    receiving_ip: fd.receiving_ip.as_deref().unwrap_or("").to_owned(),
                    failed_session_count: n,
                    failure_reason_code: fd.failure_reason_code.as_deref().unwrap_or("").to_owned(),
                    additional_information: fd
                        .additional_information
                        .as_deref()
                        .unwrap_or("")
                        .to_owned(),
                });
            }
        }
        if counted {
            self.s.reports += 1;
            if let Some(b) = self.day.get_mut(&day) {
                b.reports += 1;
            }
            if !day.is_empty() {
                if self.s.first_day.as_ref().is_none_or(|f| &day < f) {
                    self.s.first_day = Some(day.clone());
                }
                if self.s.last_day.as_ref().is_none_or(|l| &day > l) {
                    self.s.last_day = Some(day);
                }
            }
        }
        true
    }

    /// The summary so far (breakdowns sorted by failed, then by total sessions, then by key).
    pub fn summary(&self) -> Summary {
        let mut s = self.s.clone();
        let total = s.successful.saturating_add(s.failed);
        s.success_rate = (total > 0).then(|| s.successful as f64 / total as f64);
        s.by_organization = sorted(&self.org);
        s.by_policy_domain = sorted(&self.domain);
        s.by_policy_type = sorted(&self.ptype);
        s.by_day = self.day.values().cloned().collect();
        s.by_result_type = sorted_failures(&self.result);
        s.by_receiving_mx = sorted_failures(&self.mx);
        s.by_sending_ip = sorted_failures(&self.ip);
        s
    }
}

fn sorted(map: &HashMap<String, Bucket>) -> Vec<Bucket> {
    let mut v: Vec<Bucket> = map.values().cloned().collect();
    v.sort_by(|a, b| {
        b.failed
            .cmp(&a.failed)
            .then((b.successful + b.failed).cmp(&(a.successful + a.failed)))
            .then(a.key.cmp(&b.key))
    });
    v
}

fn sorted_failures(map: &HashMap<String, u64>) -> Vec<FailureBucket> {
    let mut v: Vec<FailureBucket> = map
        .iter()
        .map(|(k, &n)| FailureBucket {
            key: k.clone(),
            failed: n,
        })
        .collect();
    v.sort_by(|a, b| b.failed.cmp(&a.failed).then(a.key.cmp(&b.key)));
    v
}

/// Summarises a set of reports in one call.
pub fn summarize<'a>(reports: impl IntoIterator<Item = &'a Report>, filter: Filter) -> Summary {
    let mut a = Aggregator::new(filter);
    for r in reports {
        a.add(r);
    }
    a.summary()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::decode::parse_json;

    /// Reports without organization and report-id are told apart by content: two different ones both count,
    /// the same one twice counts once (before, the second of any two was lost as a "duplicate").
    #[test]
    fn identity_table() {
        let r = |ok: u64| {
            parse_json(
                format!(
                    r#"{{"policies": [{{"policy": {{"policy-type": "sts", "policy-domain": "example.com"}},
                    "summary": {{"total-successful-session-count": {ok}, "total-failure-session-count": 0}}}}]}}"#
                )
                .as_bytes(),
            )
            .expect("report")
        };
        let (a, b) = (r(1), r(2));
        assert_ne!(a.identity(), b.identity());
        assert!(a.identity().1.starts_with("content:"));
        let mut agg = Aggregator::new(Filter::default());
        assert!(agg.add(&a));
        assert!(agg.add(&b));
        assert!(!agg.add(&r(1)), "the same content again is a duplicate");
        let s = agg.summary();
        assert_eq!((s.reports, s.duplicates, s.successful), (2, 1, 3));
        let named = parse_json(br#"{"organization-name": "O", "report-id": "1", "policies": []}"#)
            .expect("named");
        assert_eq!(named.identity(), ("O".to_owned(), "1".to_owned()));
    }
}
