//! Alerts: each a diagnostic with a stable code (the `watch/*` codes, and the live check's own codes for the
//! self-check), the evidence as its arguments, and the fix in the catalog. [`reconcile`] keeps them to one
//! message per condition: sent when it starts, a "resolved" message when it clears.

use super::{day_before, day_number, Facts, Settings, BASELINE_DAYS};
use crate::diag::{Code, Diagnostic, Span};
use crate::policy::{self, Mode};

/// One firing condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    /// What fired, with the evidence as arguments.
    pub diag: Diagnostic,
    /// What it is about within its code (an MX host, a result type; `""` when the code says it all).
    pub subject: String,
}

impl Alert {
    fn new(code: Code, subject: &str) -> Alert {
        Alert {
            diag: Diagnostic::new(code, Span::default()),
            subject: subject.to_owned(),
        }
    }

    fn arg(mut self, name: &'static str, value: impl ToString) -> Alert {
        self.diag = self.diag.arg(name, value);
        self
    }

    /// The condition's identity: its code and subject. One message per key while it lasts.
    pub fn key(&self) -> String {
        key_of(self.diag.code.name(), &self.subject)
    }
}

fn key_of(code: &str, subject: &str) -> String {
    if subject.is_empty() {
        code.to_owned()
    } else {
        format!("{code} {subject}")
    }
}

/// What one run found: the alerts firing, and the codes it could not judge (so their open alerts stay open).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evaluation {
    /// Every condition firing now.
    pub alerts: Vec<Alert>,
    /// Codes that were not evaluated (no DNS answer, no self-check, no policy): nothing of theirs resolves.
    pub undetermined: Vec<Code>,
    /// Whether the live check's codes were judged (a self-check ran).
    pub self_checked: bool,
}

impl Evaluation {
    /// Whether an open alert of `code` may be resolved by its absence now.
    fn judged(&self, code: &str) -> bool {
        let check =
            code.starts_with("check/") || code.starts_with("policy/") || code.starts_with("mx/");
        (!check || self.self_checked) && self.undetermined.iter().all(|c| c.name() != code)
    }
}

/// Judges the facts against the settings: every alert that fires now.
pub fn evaluate(f: &Facts, s: &Settings) -> Evaluation {
    let mut ev = Evaluation::default();
    let day_totals = f.days.iter().find(|d| d.day == f.day);
    let (ok, failed) = day_totals.map_or((0, 0), |d| (d.successful, d.failed));
    let sessions = ok.saturating_add(failed);

    // RFC 8460 §4.2.2: the failure count against all sessions of the day, once there are enough to mean something
    if sessions > 0 && sessions >= s.min_sessions {
        let rate = failed as f64 * 100.0 / sessions as f64;
        if rate > s.failure_rate {
            ev.alerts.push(
                Alert::new(Code::WatchFailureRate, "")
                    .arg("day", &f.day)
                    .arg("rate", percent(rate))
                    .arg("failed", failed)
                    .arg("sessions", sessions)
                    .arg("threshold", percent(s.failure_rate)),
            );
        }
    }

    // RFC 8460 §4.3: a result type the domain never had before (only once there is a before)
    let had_history =
        f.days.iter().any(|d| d.day < f.day && d.reports > 0) || !f.known_result_types.is_empty();
    if had_history {
        for t in f.result_types.iter().filter(|t| t.failed > 0) {
            if !f.known_result_types.contains(&t.name) {
                ev.alerts.push(
                    Alert::new(Code::WatchNewResultType, &t.name)
                        .arg("result", &t.name)
                        .arg("count", t.failed)
                        .arg("day", &f.day),
                );
            }
        }
    }

    // RFC 8460 §3: reports stopped where they had been arriving
    match f.last_report_day.as_deref().and_then(day_number) {
        Some(last) => {
            let today = day_number(&f.day).unwrap_or(last);
            let silent = today - last;
            if silent >= i64::from(s.silent_days) {
                ev.alerts.push(
                    Alert::new(Code::WatchReportsStopped, "")
                        .arg("days", silent)
                        .arg("last", f.last_report_day.as_deref().unwrap_or_default()),
                );
            }
        }
        None => ev.undetermined.push(Code::WatchReportsStopped),
    }

    policy_alerts(f, &mut ev);
    self_check_alerts(f, &mut ev);
    ev
}

/// The alerts about the policy senders get: it must lint (RFC 8461 §3.2), cover every MX that mail goes to
/// (§4.1), name no MX that is gone, and not be `enforce` while sessions fail (§5: those become bounces).
fn policy_alerts(f: &Facts, ev: &mut Evaluation) {
    let policy_codes = [
        Code::WatchPolicyInvalid,
        Code::WatchMxNotCovered,
        Code::WatchMxGone,
        Code::WatchEnforceWithFailures,
    ];
    let Some(text) = &f.policy else {
        ev.undetermined.extend(policy_codes);
        return;
    };
    let lint = policy::lint(text);
    let Some(p) = lint.policy else {
        let errors = lint
            .diagnostics
            .iter()
            .filter(|d| d.severity() == crate::Severity::Error);
        let first = errors.clone().next().map_or("", |d| d.code.name());
        ev.alerts.push(
            Alert::new(Code::WatchPolicyInvalid, "")
                .arg("errors", errors.count())
                .arg("first", first),
        );
        ev.undetermined.extend(&policy_codes[1..]);
        return;
    };
    let covered = |host: &str| p.mx.iter().any(|m| m.matches(host));
    let mut uncovered: Vec<(&str, u64)> = f
        .failing_mx
        .iter()
        .filter(|m| !m.name.is_empty() && !covered(&m.name))
        .map(|m| (m.name.trim_end_matches('.'), m.failed))
        .collect();
    match &f.dns_mx {
        Some(dns) => {
            for host in dns.iter().map(|h| h.trim_end_matches('.')) {
                if !covered(host) && !uncovered.iter().any(|(h, _)| h.eq_ignore_ascii_case(host)) {
                    uncovered.push((host, 0));
                }
            }
            if !dns.is_empty() {
                for m in &p.mx {
                    if !dns.iter().any(|h| m.matches(h.trim_end_matches('.'))) {
                        ev.alerts.push(
                            Alert::new(Code::WatchMxGone, m.pattern())
                                .arg("pattern", m.pattern())
                                .arg("mx", dns.join(", ")),
                        );
                    }
                }
            }
        }
        None => ev.undetermined.push(Code::WatchMxGone),
    }
    for (host, failed) in uncovered {
        let subject = host.to_ascii_lowercase();
        ev.alerts.push(
            Alert::new(Code::WatchMxNotCovered, &subject)
                .arg("host", host)
                .arg("count", failed)
                .arg("mode", p.mode.as_str()),
        );
    }
    if p.mode == Mode::Enforce {
        let since = day_before(&f.day, BASELINE_DAYS - 1);
        let failed: u64 = f
            .days
            .iter()
            .filter(|d| d.day >= since && d.day <= f.day)
            .map(|d| d.failed)
            .fold(0, u64::saturating_add);
        if failed > 0 {
            ev.alerts.push(
                Alert::new(Code::WatchEnforceWithFailures, "")
                    .arg("count", failed)
                    .arg("since", since),
            );
        }
    }
}

/// The live check's errors and warnings, each under its own code; and the reporting record still pointing at
/// this deployment (RFC 8460 §3).
fn self_check_alerts(f: &Facts, ev: &mut Evaluation) {
    let Some(sc) = f.self_check.as_ref().filter(|sc| sc.ran) else {
        ev.undetermined.push(Code::WatchRuaElsewhere);
        return;
    };
    ev.self_checked = true;
    for d in &sc.problems {
        if !ev
            .alerts
            .iter()
            .any(|a| a.diag.code == d.code && a.subject.is_empty())
        {
            ev.alerts.push(Alert {
                diag: d.clone(),
                subject: String::new(),
            });
        }
    }
    if let Some(rua) = &sc.rua {
        let ours = |u: &str| sc.ours.iter().any(|o| o.eq_ignore_ascii_case(u.trim()));
        if !sc.ours.is_empty() && !rua.iter().any(|u| ours(u)) {
            ev.alerts.push(
                Alert::new(Code::WatchRuaElsewhere, "")
                    .arg("rua", rua.join(","))
                    .arg("ours", sc.ours.join(",")),
            );
        }
    }
}

fn percent(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

/// What the shell remembers of an alert (a row per key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertRow {
    /// [`Alert::key`].
    pub key: String,
    /// The code's name.
    pub code: String,
    /// The day it opened.
    pub opened: String,
    /// The day it cleared, while it is closed.
    pub resolved: Option<String>,
    /// Whether its opening was sent (false while quiet hours held it).
    pub notified: bool,
}

/// What to do after a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    /// Conditions that started: send them, remember them open.
    pub opened: Vec<Alert>,
    /// Conditions still open whose opening was never sent (held by quiet hours): send them now if allowed.
    pub unsent: Vec<Alert>,
    /// Conditions that started again the day they cleared: reopened without a message (no flapping).
    pub reopened: Vec<Alert>,
    /// Open conditions that cleared: close them; send "resolved" for those whose opening was sent.
    pub resolved: Vec<AlertRow>,
}

/// Compares what fires now with what is remembered, on `today` (UTC day of the run): one message when a
/// condition starts, one when it clears, none in between; a condition that clears and returns the same day is
/// reopened silently.
pub fn reconcile(rows: &[AlertRow], ev: &Evaluation, today: &str) -> Changes {
    let mut c = Changes::default();
    for a in &ev.alerts {
        let key = a.key();
        match rows.iter().find(|r| r.key == key) {
            None => c.opened.push(a.clone()),
            Some(r) => match &r.resolved {
                None if r.notified => {}
                None => c.unsent.push(a.clone()),
                Some(day) if day == today => c.reopened.push(a.clone()),
                Some(_) => c.opened.push(a.clone()),
            },
        }
    }
    for r in rows.iter().filter(|r| r.resolved.is_none()) {
        let firing = ev.alerts.iter().any(|a| a.key() == r.key);
        if !firing && ev.judged(&r.code) {
            c.resolved.push(r.clone());
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::super::{DayTotals, SelfCheck, Tally};
    use super::*;

    fn facts() -> Facts {
        let days = (0..7)
            .map(|i| DayTotals {
                day: day_before("2026-05-07", i),
                reports: 4,
                successful: 1000,
                failed: 0,
            })
            .collect();
        Facts {
            domain: "example.com".into(),
            day: "2026-05-07".into(),
            days,
            known_result_types: vec!["starttls-not-supported".into()],
            last_report_day: Some("2026-05-07".into()),
            policy: Some("version: STSv1\nmode: testing\nmx: mx1.example.com\nmx: *.mail.example.com\nmax_age: 604800\n".into()),
            mode_since: Some("2026-04-20".into()),
            dns_mx: Some(vec!["mx1.example.com".into(), "a.mail.example.com".into()]),
            self_check: Some(SelfCheck {
                ran: true,
                problems: vec![],
                rua: Some(vec!["mailto:tlsrpt@example.com".into()]),
                ours: vec!["mailto:tlsrpt@example.com".into()],
            }),
            ..Facts::default()
        }
    }

    fn codes(f: &Facts, s: &Settings) -> Vec<String> {
        evaluate(f, s).alerts.iter().map(Alert::key).collect()
    }

    #[test]
    fn a_healthy_week_fires_nothing() {
        assert_eq!(codes(&facts(), &Settings::default()), Vec::<String>::new());
    }

    #[test]
    fn each_condition_fires_its_code() {
        let s = Settings::default();
        type Change = fn(&mut Facts);
        let table: &[(&str, Change, &[&str])] = &[
            (
                "6 % of 1,000 failed",
                |f| f.days[0].failed = 64,
                &["watch/failure-rate"],
            ),
            (
                "5 % exactly is not over",
                |f| {
                    f.days[0].successful = 950;
                    f.days[0].failed = 50
                },
                &[],
            ),
            (
                "below min_sessions",
                |f| {
                    f.days[0].successful = 2;
                    f.days[0].failed = 1
                },
                &[],
            ),
            (
                "first certificate-expired",
                |f| {
                    f.result_types = vec![Tally {
                        name: "certificate-expired".into(),
                        failed: 3,
                    }]
                },
                &["watch/new-result-type certificate-expired"],
            ),
            (
                "a known result type",
                |f| {
                    f.result_types = vec![Tally {
                        name: "starttls-not-supported".into(),
                        failed: 3,
                    }]
                },
                &[],
            ),
            (
                "silent for 3 days",
                |f| f.last_report_day = Some("2026-05-04".into()),
                &["watch/reports-stopped"],
            ),
            (
                "silent for 2 days",
                |f| f.last_report_day = Some("2026-05-05".into()),
                &[],
            ),
            (
                "failures at an MX the policy misses",
                |f| {
                    f.failing_mx = vec![Tally {
                        name: "mx9.example.net".into(),
                        failed: 5,
                    }]
                },
                &["watch/mx-not-covered mx9.example.net"],
            ),
            (
                "a new MX in DNS the policy misses",
                |f| {
                    f.dns_mx
                        .as_mut()
                        .into_iter()
                        .for_each(|m| m.push("MX2.example.com.".into()))
                },
                &["watch/mx-not-covered mx2.example.com"],
            ),
            (
                "a policy MX that left DNS",
                |f| f.dns_mx = Some(vec!["mx1.example.com".into()]),
                &["watch/mx-gone *.mail.example.com"],
            ),
            (
                "a stored policy that no longer lints",
                |f| f.policy = Some("version: STSv1\nmode: enforced\n".into()),
                &["watch/policy-invalid"],
            ),
            (
                "enforce with a failure this week",
                |f| {
                    f.policy = f.policy.as_ref().map(|p| p.replace("testing", "enforce"));
                    f.days[5].failed = 1;
                },
                &["watch/enforce-with-failures"],
            ),
            (
                "the reporting record moved away",
                |f| {
                    f.self_check
                        .as_mut()
                        .into_iter()
                        .for_each(|c| c.rua = Some(vec!["mailto:other@example.net".into()]))
                },
                &["watch/rua-elsewhere"],
            ),
            (
                "a live-check error",
                |f| {
                    f.self_check.as_mut().into_iter().for_each(|c| {
                        c.problems = vec![Diagnostic::new(Code::CheckIdNotChanged, Span::default())]
                    })
                },
                &["check/id-not-changed"],
            ),
        ];
        for (what, change, want) in table {
            let mut f = facts();
            change(&mut f);
            assert_eq!(codes(&f, &s), *want, "{what}");
        }
    }

    #[test]
    fn one_message_per_condition() {
        let s = Settings::default();
        let mut f = facts();
        f.days[0].failed = 500;
        let ev = evaluate(&f, &s);
        let row = |notified, resolved: Option<&str>| AlertRow {
            key: "watch/failure-rate".into(),
            code: "watch/failure-rate".into(),
            opened: "2026-05-06".into(),
            resolved: resolved.map(str::to_owned),
            notified,
        };
        let today = "2026-05-08";
        assert_eq!(reconcile(&[], &ev, today).opened.len(), 1);
        assert_eq!(
            reconcile(&[row(true, None)], &ev, today),
            Changes::default()
        );
        assert_eq!(reconcile(&[row(false, None)], &ev, today).unsent.len(), 1);
        assert_eq!(
            reconcile(&[row(true, Some(today))], &ev, today)
                .reopened
                .len(),
            1
        );
        assert_eq!(
            reconcile(&[row(true, Some("2026-05-01"))], &ev, today)
                .opened
                .len(),
            1
        );
        let calm = evaluate(&facts(), &s);
        assert_eq!(
            reconcile(&[row(true, None)], &calm, today).resolved.len(),
            1
        );
        // a self-check that could not run resolves none of the check's alerts
        let mut blind = facts();
        blind
            .self_check
            .as_mut()
            .into_iter()
            .for_each(|c| c.ran = false);
        let drift = AlertRow {
            key: "check/id-not-changed".into(),
            code: "check/id-not-changed".into(),
            ..row(true, None)
        };
        assert!(
            reconcile(std::slice::from_ref(&drift), &evaluate(&blind, &s), today)
                .resolved
                .is_empty()
        );
        assert_eq!(reconcile(&[drift], &calm, today).resolved.len(), 1);
    }

    #[test]
    fn absurd_counts_do_not_overflow() {
        let mut f = facts();
        f.days[0].successful = u64::MAX;
        f.days[0].failed = u64::MAX;
        f.days[1].failed = u64::MAX;
        f.policy = f.policy.as_ref().map(|p| p.replace("testing", "enforce"));
        let keys = codes(&f, &Settings::default());
        assert!(keys.contains(&"watch/failure-rate".to_owned()), "{keys:?}");
        assert!(
            keys.contains(&"watch/enforce-with-failures".to_owned()),
            "{keys:?}"
        );
    }
}
