//! Facts from report files, for shells without a store (the CLI): the same [`Facts`] the worker reads from its
//! D1 rollups, summed here from the reports themselves.

use super::{day_before, DayTotals, Facts, Sender, Tally, LOOKBACK_DAYS};
use crate::report::rollup::{domain_key, report_day};
use crate::report::Report;
use std::collections::{BTreeMap, BTreeSet};

/// The facts of `domain` for the judged `day`, from `reports` (each counted once: deduplicate first). A report
/// without a date is filed under `arrived` (Unix seconds). The policy is the `sts` policy-string of the newest
/// report up to the day: the policy senders applied (RFC 8460 §4.4).
pub fn facts_from_reports<'a>(
    reports: impl IntoIterator<Item = &'a Report>,
    domain: &str,
    day: &str,
    arrived: i64,
) -> Facts {
    let domain = domain_key(domain);
    let from = day_before(day, LOOKBACK_DAYS);
    let mut days: BTreeMap<String, DayTotals> = BTreeMap::new();
    let mut tallies: [BTreeMap<String, u64>; 4] = Default::default();
    let mut known = BTreeSet::new();
    let mut senders: BTreeMap<String, String> = BTreeMap::new();
    let mut last: Option<String> = None;
    let mut policy: Option<(String, Vec<String>)> = None;
    for r in reports {
        let rday = report_day(r, arrived);
        let mine: Vec<_> = r
            .policies()
            .iter()
            .filter(|p| domain_key(p.domain()) == domain)
            .collect();
        if mine.is_empty() {
            continue;
        }
        if last.as_ref().is_none_or(|l| rday > *l) {
            last = Some(rday.clone());
        }
        for p in &mine {
            if rday.as_str() <= day
                && p.policy_type() == "sts"
                && policy.as_ref().is_none_or(|(d, _)| rday >= *d)
            {
                policy = Some((rday.clone(), p.policy_lines()));
            }
        }
        if rday.as_str() < day {
            let types = mine
                .iter()
                .flat_map(|p| p.details())
                .filter(|fd| fd.count() > 0);
            known.extend(types.map(|fd| fd.result().to_owned()));
        }
        if rday < from || rday.as_str() > day {
            continue;
        }
        let t = days.entry(rday.clone()).or_insert_with(|| DayTotals {
            day: rday.clone(),
            ..DayTotals::default()
        });
        t.reports += 1;
        for p in &mine {
            t.successful = t.successful.saturating_add(p.successful());
            t.failed = t.failed.saturating_add(p.failed());
        }
        let s = senders.entry(r.organization().to_owned()).or_default();
        if rday > *s {
            *s = rday.clone();
        }
        for p in &mine {
            if rday.as_str() < day {
                continue;
            }
            for fd in p.details().iter().filter(|fd| fd.count() > 0) {
                let text =
                    |t: &Option<crate::report::model::Text>| t.as_deref().unwrap_or("").to_owned();
                let keys = [
                    fd.result().to_owned(),
                    text(&fd.receiving_mx_hostname)
                        .trim_end_matches('.')
                        .to_ascii_lowercase(),
                    text(&fd.sending_mta_ip),
                    r.organization().to_owned(),
                ];
                for (map, key) in tallies.iter_mut().zip(keys) {
                    let n = map.entry(key).or_default();
                    *n = n.saturating_add(fd.count());
                }
            }
        }
    }
    let [result_types, failing_mx, failing_ips, failing_orgs] = tallies.map(|m| {
        let mut v: Vec<Tally> = m
            .into_iter()
            .map(|(name, failed)| Tally { name, failed })
            .collect();
        v.sort_by(|a, b| b.failed.cmp(&a.failed).then_with(|| a.name.cmp(&b.name)));
        v
    });
    Facts {
        domain,
        day: day.to_owned(),
        days: days.into_values().collect(),
        result_types,
        known_result_types: known.into_iter().collect(),
        failing_mx,
        failing_ips,
        failing_orgs,
        senders: senders
            .into_iter()
            .map(|(organization, last_day)| Sender {
                organization,
                last_day,
            })
            .collect(),
        last_report_day: last,
        policy: policy.map(|(_, lines)| lines.join("\n") + "\n"),
        ..Facts::default()
    }
}

/// Every policy domain the reports name, in order.
pub fn domains<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Vec<String> {
    let set: BTreeSet<String> = reports
        .into_iter()
        .flat_map(|r| r.policies().iter().map(|p| domain_key(p.domain())))
        .filter(|d| !d.is_empty())
        .collect();
    set.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{load, Limits};

    fn report(
        org: &str,
        id: &str,
        day: &str,
        domain: &str,
        ok: u64,
        fails: &[(&str, &str, u64)],
    ) -> Report {
        let details: Vec<String> = fails
            .iter()
            .map(|(t, mx, n)| {
                format!(
                    r#"{{"result-type":"{t}","sending-mta-ip":"192.0.2.1","receiving-mx-hostname":"{mx}","failed-session-count":{n}}}"#
                )
            })
            .collect();
        let failed: u64 = fails.iter().map(|f| f.2).sum();
        let json = format!(
            r#"{{"organization-name":"{org}","contact-info":"x@{org}.example","report-id":"{id}",
            "date-range":{{"start-datetime":"{day}T00:00:00Z","end-datetime":"{day}T23:59:59Z"}},
            "policies":[{{"policy":{{"policy-type":"sts","policy-domain":"{domain}","policy-string":["version: STSv1","mode: testing","mx: mx1.{domain}","max_age: 604800"]}},
            "summary":{{"total-successful-session-count":{ok},"total-failure-session-count":{failed}}},
            "failure-details":[{}]}}]}}"#,
            details.join(",")
        );
        load(json.as_bytes(), Limits::default())
            .ok()
            .and_then(|mut l| l.pop())
            .map(|l| l.report)
            .unwrap_or_else(|| panic!("{json}"))
    }

    #[test]
    fn facts_from_files_match_what_the_store_would_give() {
        let reports = [
            report(
                "a",
                "1",
                "2026-05-01",
                "example.com",
                10,
                &[("starttls-not-supported", "mx1.example.com", 1)],
            ),
            report("a", "2", "2026-05-06", "example.com", 20, &[]),
            report("b", "3", "2026-05-05", "EXAMPLE.com.", 5, &[]),
            report(
                "a",
                "4",
                "2026-05-07",
                "example.com",
                90,
                &[
                    ("certificate-expired", "MX2.example.com.", 7),
                    ("certificate-expired", "mx2.example.com", 3),
                ],
            ),
            report(
                "c",
                "5",
                "2026-05-07",
                "other.example",
                1,
                &[("validation-failure", "mx.other.example", 4)],
            ),
            report("a", "6", "2026-05-09", "example.com", 1, &[]),
            report(
                "z",
                "7",
                "2026-01-01",
                "example.com",
                1,
                &[("dnssec-invalid", "mx1.example.com", 2)],
            ),
        ];
        let f = facts_from_reports(&reports, "example.com", "2026-05-07", 0);
        let days: Vec<(&str, u64, u64, u64)> = f
            .days
            .iter()
            .map(|d| (d.day.as_str(), d.reports, d.successful, d.failed))
            .collect();
        assert_eq!(
            days,
            [
                ("2026-05-01", 1, 10, 1),
                ("2026-05-05", 1, 5, 0),
                ("2026-05-06", 1, 20, 0),
                ("2026-05-07", 1, 90, 10)
            ]
        );
        assert_eq!(
            f.result_types,
            [Tally {
                name: "certificate-expired".into(),
                failed: 10
            }]
        );
        assert_eq!(
            f.failing_mx,
            [Tally {
                name: "mx2.example.com".into(),
                failed: 10
            }]
        );
        assert_eq!(
            f.known_result_types,
            ["dnssec-invalid", "starttls-not-supported"]
        );
        assert_eq!(f.last_report_day.as_deref(), Some("2026-05-09"));
        assert_eq!(
            f.senders
                .iter()
                .map(|s| (s.organization.as_str(), s.last_day.as_str()))
                .collect::<Vec<_>>(),
            [("a", "2026-05-07"), ("b", "2026-05-05")]
        );
        assert!(f
            .policy
            .as_deref()
            .is_some_and(|p| p.contains("mx: mx1.example.com")));
        assert_eq!(domains(&reports), ["example.com", "other.example"]);
        // the judged day's alerts from these facts: the new type, the uncovered MX, and 10 % failed of 100
        let keys: Vec<String> = crate::watch::evaluate(&f, &crate::watch::Settings::default())
            .alerts
            .iter()
            .map(|a| a.key())
            .collect();
        assert_eq!(
            keys,
            [
                "watch/failure-rate",
                "watch/new-result-type certificate-expired",
                "watch/mx-not-covered mx2.example.com"
            ]
        );
    }
}
