//! The watch: what a deployment tells its admin without being asked — a daily digest per domain, and alerts
//! when delivery breaks (RFC 8460's reports and RFC 8461's deployment, read every run).
//!
//! Shells gather [`Facts`] (the worker from its D1 rollups and a live self-check, the CLI from report files) and
//! call [`evaluate`] for the alerts, [`reconcile`] to decide what is new, still open or resolved, and
//! [`digest::Digest::of`] for the day's digest; [`notify`] renders both for people (in the domain's language)
//! and for webhooks and e-mail. No I/O here: the shells deliver.

pub mod alerts;
pub mod digest;
pub mod gather;
pub mod notify;
pub mod settings;

pub use alerts::{evaluate, reconcile, Alert, AlertRow, Changes, Evaluation};
pub use digest::Digest;
pub use settings::Settings;

use crate::check::{self, Status};
use crate::diag::{Diagnostic, Severity};
use serde::{Deserialize, Serialize};

/// Days before the judged day that a shell gathers (the guide's two weeks in testing mode).
pub const LOOKBACK_DAYS: i64 = 14;

/// Days before the judged day that the success rate is compared with.
pub const BASELINE_DAYS: i64 = 7;

/// Everything a shell gathered about one domain for one judged day. Counts are failed or total sessions as the
/// reports give them (RFC 8460 §4.4); names are as the reports spell them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Facts {
    /// The policy domain.
    pub domain: String,
    /// The judged day, `YYYY-MM-DD` (UTC), usually yesterday: reports cover whole UTC days (RFC 8460 §4.1).
    pub day: String,
    /// Totals per day for the judged day and up to [`LOOKBACK_DAYS`] before it; a day without reports is absent.
    pub days: Vec<DayTotals>,
    /// Failed sessions per result type on the judged day (RFC 8460 §4.3).
    pub result_types: Vec<Tally>,
    /// Result types seen for the domain before the judged day.
    pub known_result_types: Vec<String>,
    /// Failed sessions per receiving MX host on the judged day (`""`: the report named none).
    pub failing_mx: Vec<Tally>,
    /// Failed sessions per sending IP on the judged day, largest first (the shell may keep only the top).
    pub failing_ips: Vec<Tally>,
    /// Failed sessions per reporting organization on the judged day.
    pub failing_orgs: Vec<Tally>,
    /// Each organization that reported in the lookback, with the last day it did.
    pub senders: Vec<Sender>,
    /// The newest day any report for the domain was filed under, whenever that was.
    pub last_report_day: Option<String>,
    /// The policy senders get (the stored one this deployment serves, else the one the self-check fetched).
    pub policy: Option<String>,
    /// The day the policy's current mode took effect, as far as the shell knows.
    pub mode_since: Option<String>,
    /// The domain's MX hosts in DNS, when the shell looked them up.
    pub dns_mx: Option<Vec<String>>,
    /// The deployment's own health, when the shell checked it.
    pub self_check: Option<SelfCheck>,
}

impl Facts {
    /// The first day of the lookback with a report: how long the domain has been reporting, as far as the facts
    /// reach (the start of its mode when nothing better is known).
    pub fn first_report_day(&self) -> Option<&str> {
        self.days
            .iter()
            .filter(|d| d.reports > 0)
            .map(|d| d.day.as_str())
            .min()
    }
}

/// One day's totals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DayTotals {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Reports filed under the day.
    pub reports: u64,
    /// Successful sessions (RFC 8460 §4.4 `total-successful-session-count`).
    pub successful: u64,
    /// Failed sessions (`total-failure-session-count`).
    pub failed: u64,
}

/// A name with its failed sessions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Tally {
    /// The result type, host, IP address or organization.
    pub name: String,
    /// Failed sessions.
    pub failed: u64,
}

/// An organization that sends reports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Sender {
    /// RFC 8460 §4.4 `organization-name`.
    pub organization: String,
    /// The last day it reported within the lookback.
    pub last_day: String,
}

/// What the self-check found: the live check of the domain from this deployment, plus whether its reporting
/// record still points here.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SelfCheck {
    /// False when the checker could not gather the facts (its resolver failed): nothing is known, so nothing
    /// open is resolved and nothing new fires.
    pub ran: bool,
    /// The live check's errors and warnings (RFC 8461 §3–§4, RFC 8460 §3), each an alert of its own code.
    #[serde(skip)]
    pub problems: Vec<Diagnostic>,
    /// The `rua` URIs of the `_smtp._tls` record (RFC 8460 §3), when there is a valid one.
    pub rua: Option<Vec<String>>,
    /// This deployment's report addresses (its mailbox and its HTTPS endpoint for the domain).
    pub ours: Vec<String>,
}

impl SelfCheck {
    /// The self-check of a live check's facts and verdict (core's [`check::judge`]); `ours` are the addresses
    /// this deployment takes reports at.
    pub fn of(facts: &check::Facts, verdict: &check::Verdict, ours: Vec<String>) -> SelfCheck {
        if verdict.status == Status::CouldNotCheck {
            return SelfCheck {
                ran: false,
                ours,
                ..SelfCheck::default()
            };
        }
        let problems = verdict
            .findings
            .iter()
            .chain(&verdict.policy_findings)
            .filter(|d| d.severity() != Severity::Info)
            .cloned()
            .collect();
        let rua = match &facts.tlsrpt_txt {
            check::Dns::Records(r) => crate::record::tlsrpt::lint_answers(r)
                .record
                .map(|rec| rec.rua.iter().map(|u| u.as_str().to_owned()).collect()),
            _ => None,
        };
        SelfCheck {
            ran: true,
            problems,
            rua,
            ours,
        }
    }
}

/// Day number (days since 1970-01-01) of a `YYYY-MM-DD` day; `None` when it is not one.
pub fn day_number(day: &str) -> Option<i64> {
    let b = day.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i32 = day.get(0..4)?.parse().ok()?;
    let m: u8 = day.get(5..7)?.parse().ok()?;
    let d: u8 = day.get(8..10)?.parse().ok()?;
    let month = time::Month::try_from(m).ok()?;
    let date = time::Date::from_calendar_date(y, month, d).ok()?;
    Some(i64::from(date.to_julian_day()) - 2_440_588)
}

/// The `YYYY-MM-DD` day of a day number.
pub fn day_of(n: i64) -> String {
    crate::report::time::day(n.saturating_mul(86_400))
}

/// The day `days` before `day` (`day` itself when it is not a day).
pub fn day_before(day: &str, days: i64) -> String {
    day_number(day).map_or_else(|| day.to_owned(), |n| day_of(n - days))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for (day, n) in [
            ("1970-01-01", Some(0)),
            ("2026-12-03", Some(20_790)),
            ("2024-02-29", Some(19_782)),
            ("2023-02-29", None),
            ("2026-13-01", None),
            ("26-12-03", None),
            ("2026/12/03", None),
            ("", None),
        ] {
            assert_eq!(day_number(day), n, "{day}");
            if let Some(n) = n {
                assert_eq!(day_of(n), day);
            }
        }
        assert_eq!(day_before("2026-03-01", 1), "2026-02-28");
        assert_eq!(day_before("nonsense", 1), "nonsense");
    }
}
