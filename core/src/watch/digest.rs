//! The daily digest of one domain: the day's numbers against the week before, what failed and where, who
//! stopped reporting, and where the domain stands in the guide's rollout (testing about two weeks, read the
//! reports, then enforce: RFC 8461 §8.1 on changing a policy).

use super::{day_before, day_number, Facts, Tally, BASELINE_DAYS, LOOKBACK_DAYS};
use crate::policy::{self, Mode};
use serde::Serialize;

/// Rows of each breakdown a digest shows.
pub const DIGEST_TOP: usize = 5;

/// Days in testing mode without a failure after which the guide's next step is enforce.
pub const TESTING_DAYS: i64 = 14;
const _: () = assert!(
    TESTING_DAYS <= LOOKBACK_DAYS,
    "the facts must cover the testing window"
);

/// One domain's day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Digest {
    /// The policy domain.
    pub domain: String,
    /// The day, `YYYY-MM-DD`.
    pub day: String,
    /// Reports filed under the day.
    pub reports: u64,
    /// Sessions (successful and failed).
    pub sessions: u64,
    /// Failed sessions.
    pub failed: u64,
    /// Successful sessions as a percentage of all, when there were sessions.
    pub success_rate: Option<f64>,
    /// The same over the [`BASELINE_DAYS`] before, when they had sessions.
    pub baseline_rate: Option<f64>,
    /// Failed sessions per result type (RFC 8460 §4.3), largest first.
    pub result_types: Vec<Tally>,
    /// The receiving MX hosts with most failures.
    pub failing_mx: Vec<Tally>,
    /// The sending IPs with most failures.
    pub failing_ips: Vec<Tally>,
    /// The reporting organizations with most failures.
    pub failing_orgs: Vec<Tally>,
    /// Organizations that reported in the week before and not on the day, with their last day.
    pub stopped: Vec<super::Sender>,
    /// Where the domain stands in the rollout.
    pub rollout: Rollout,
}

/// The guide's rollout, judged from the served policy and the reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "stage")]
pub enum Rollout {
    /// No policy is known for the domain.
    NoPolicy,
    /// `mode: testing` for `days` days; `failed` sessions failed over the last [`TESTING_DAYS`].
    Testing {
        /// Days in testing mode (as far as known).
        days: i64,
        /// Failed sessions in the last two weeks.
        failed: u64,
        /// Two weeks with reports and no failure: switch to enforce.
        ready: bool,
    },
    /// `mode: enforce`.
    Enforce {
        /// Failed sessions on the day (each one a message a sender did not deliver, RFC 8461 §5).
        failed: u64,
    },
    /// `mode: none`: MTA-STS is being removed (RFC 8461 §8.3).
    Removing,
}

impl Digest {
    /// The digest of the facts' day.
    pub fn of(f: &Facts) -> Digest {
        let on_day = f.days.iter().find(|d| d.day == f.day);
        let (reports, ok, failed) =
            on_day.map_or((0, 0, 0), |d| (d.reports, d.successful, d.failed));
        let sessions = ok.saturating_add(failed);
        let since = day_before(&f.day, BASELINE_DAYS);
        let (b_ok, b_failed) = f
            .days
            .iter()
            .filter(|d| d.day >= since && d.day < f.day)
            .fold((0u64, 0u64), |(o, x), d| {
                (o.saturating_add(d.successful), x.saturating_add(d.failed))
            });
        let stopped = f
            .senders
            .iter()
            .filter(|s| s.last_day < f.day && s.last_day >= since)
            .cloned()
            .collect();
        Digest {
            domain: f.domain.clone(),
            day: f.day.clone(),
            reports,
            sessions,
            failed,
            success_rate: rate(ok, failed),
            baseline_rate: rate(b_ok, b_failed),
            result_types: top(&f.result_types),
            failing_mx: top(&f.failing_mx),
            failing_ips: top(&f.failing_ips),
            failing_orgs: top(&f.failing_orgs),
            stopped,
            rollout: rollout(f, failed),
        }
    }

    /// The success rate's change against the baseline, in percentage points.
    pub fn change(&self) -> Option<f64> {
        Some(self.success_rate? - self.baseline_rate?)
    }
}

fn rate(ok: u64, failed: u64) -> Option<f64> {
    let all = ok as f64 + failed as f64;
    (all > 0.0).then(|| ok as f64 * 100.0 / all)
}

fn top(t: &[Tally]) -> Vec<Tally> {
    let mut v: Vec<Tally> = t.iter().filter(|t| t.failed > 0).cloned().collect();
    v.sort_unstable_by(|a, b| b.failed.cmp(&a.failed).then_with(|| a.name.cmp(&b.name)));
    v.truncate(DIGEST_TOP);
    v
}

fn rollout(f: &Facts, failed_on_day: u64) -> Rollout {
    let Some(p) = f.policy.as_deref().and_then(|t| policy::lint(t).policy) else {
        return Rollout::NoPolicy;
    };
    match p.mode {
        Mode::Enforce => Rollout::Enforce {
            failed: failed_on_day,
        },
        Mode::None => Rollout::Removing,
        Mode::Testing => {
            let today = day_number(&f.day);
            let since = f.mode_since.as_deref().or(f.first_report_day());
            let days = match (today, since.and_then(day_number)) {
                (Some(t), Some(s)) => (t - s + 1).max(0),
                _ => 0,
            };
            let window = day_before(&f.day, TESTING_DAYS - 1);
            let recent = f.days.iter().filter(|d| d.day >= window && d.day <= f.day);
            let failed = recent
                .clone()
                .map(|d| d.failed)
                .fold(0, u64::saturating_add);
            let reported = recent.map(|d| d.reports).sum::<u64>() > 0;
            Rollout::Testing {
                days,
                failed,
                ready: days >= TESTING_DAYS && failed == 0 && reported,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{DayTotals, Sender};
    use super::*;

    fn week(failed: u64) -> Facts {
        Facts {
            domain: "example.com".into(),
            day: "2026-05-20".into(),
            days: (0..15)
                .map(|i| DayTotals {
                    day: day_before("2026-05-20", i),
                    reports: 2,
                    successful: 99,
                    failed: if i == 0 { failed } else { 0 },
                })
                .collect(),
            senders: vec![
                Sender {
                    organization: "Google Inc.".into(),
                    last_day: "2026-05-20".into(),
                },
                Sender {
                    organization: "Microsoft".into(),
                    last_day: "2026-05-15".into(),
                },
                Sender {
                    organization: "Ancient".into(),
                    last_day: "2026-05-01".into(),
                },
            ],
            policy: Some(
                "version: STSv1\nmode: testing\nmx: mx.example.com\nmax_age: 604800\n".into(),
            ),
            mode_since: Some("2026-05-06".into()),
            ..Facts::default()
        }
    }

    #[test]
    fn digest_numbers() {
        let d = Digest::of(&week(1));
        assert_eq!((d.reports, d.sessions, d.failed), (2, 100, 1));
        assert_eq!(d.success_rate, Some(99.0));
        assert_eq!(d.baseline_rate, Some(100.0));
        assert_eq!(d.change(), Some(-1.0));
        assert_eq!(d.stopped.len(), 1, "{:?}", d.stopped);
        assert_eq!(d.stopped[0].organization, "Microsoft");
        assert_eq!(
            d.rollout,
            Rollout::Testing {
                days: 15,
                failed: 1,
                ready: false
            }
        );
    }

    #[test]
    fn rollout_stages() {
        assert_eq!(
            Digest::of(&week(0)).rollout,
            Rollout::Testing {
                days: 15,
                failed: 0,
                ready: true
            }
        );
        let mut young = week(0);
        young.mode_since = Some("2026-05-10".into());
        assert_eq!(
            Digest::of(&young).rollout,
            Rollout::Testing {
                days: 11,
                failed: 0,
                ready: false
            }
        );
        let mut enforced = week(3);
        enforced.policy = enforced.policy.map(|p| p.replace("testing", "enforce"));
        assert_eq!(
            Digest::of(&enforced).rollout,
            Rollout::Enforce { failed: 3 }
        );
        let mut gone = week(0);
        gone.policy = None;
        assert_eq!(Digest::of(&gone).rollout, Rollout::NoPolicy);
        let empty = Facts {
            day: "2026-05-20".into(),
            ..Facts::default()
        };
        let d = Digest::of(&empty);
        assert_eq!((d.sessions, d.success_rate, d.change()), (0, None, None));
    }

    #[test]
    fn breakdowns_are_top_n_largest_first() {
        let mut f = week(0);
        f.failing_ips = (0..50)
            .map(|i| Tally {
                name: format!("192.0.2.{i}"),
                failed: i,
            })
            .collect();
        let d = Digest::of(&f);
        assert_eq!(d.failing_ips.len(), DIGEST_TOP);
        assert_eq!(d.failing_ips[0].name, "192.0.2.49");
    }
}
