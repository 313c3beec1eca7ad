//! Notices for people: the digest and each alert as text in the domain's language, and the same notice as a
//! webhook payload (our JSON, or the shape a chat tool takes directly) and as an e-mail message (RFC 5322).

use super::alerts::{Alert, AlertRow};
use super::digest::{Digest, Rollout, TESTING_DAYS};
use super::settings::Format;
use super::Tally;
use crate::i18n::Catalog;
use serde_json::{json, Value};

/// What a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The daily digest.
    Digest,
    /// A condition started.
    Alert,
    /// A condition cleared.
    Resolved,
}

impl Kind {
    /// Stable name, the payload's `type`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Digest => "digest",
            Kind::Alert => "alert",
            Kind::Resolved => "resolved",
        }
    }
}

/// One message to deliver, ready for every channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// What it is.
    pub kind: Kind,
    /// The policy domain.
    pub domain: String,
    /// The judged day.
    pub day: String,
    /// One line: the e-mail subject, the chat message's first line.
    pub title: String,
    /// The whole message as text (title first).
    pub text: String,
    /// The structured facts (the digest, or the alert's code, subject and evidence).
    pub data: Value,
}

fn fmt_rate(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_owned()
}

fn signed(x: f64) -> String {
    let s = fmt_rate(x.abs());
    if x < 0.0 && s != "0" {
        format!("−{s}")
    } else {
        format!("+{s}")
    }
}

impl Notice {
    /// The digest, with the alerts open at the time of writing.
    pub fn digest(d: &Digest, open: &[Alert], cat: &Catalog) -> Notice {
        let r = |id: &str, args: &[(&'static str, String)]| cat.render(id, args);
        let title = r(
            "watch--digest-title",
            &[("domain", d.domain.clone()), ("day", d.day.clone())],
        );
        let mut lines = vec![title.clone(), String::new()];
        lines.push(r(
            "watch--digest-counts",
            &[
                ("reports", d.reports.to_string()),
                ("sessions", d.sessions.to_string()),
                ("failed", d.failed.to_string()),
            ],
        ));
        match (d.success_rate, d.baseline_rate, d.change()) {
            (Some(rate), Some(base), Some(change)) => lines.push(r(
                "watch--digest-rate",
                &[
                    ("rate", fmt_rate(rate)),
                    ("baseline", fmt_rate(base)),
                    ("change", signed(change)),
                ],
            )),
            (Some(rate), _, _) => {
                lines.push(r("watch--digest-rate-new", &[("rate", fmt_rate(rate))]))
            }
            _ => lines.push(r("watch--digest-no-sessions", &[])),
        }
        let mut table = |id: &str, rows: &[Tally]| {
            if !rows.is_empty() {
                lines.push(String::new());
                lines.push(r(id, &[]));
                for t in rows {
                    let name = if t.name.is_empty() { "—" } else { &t.name };
                    lines.push(format!(
                        "  {}: {}",
                        crate::diag::snippet(name, 120),
                        t.failed
                    ));
                }
            }
        };
        table("watch--digest-result-types", &d.result_types);
        table("watch--digest-mx", &d.failing_mx);
        table("watch--digest-ips", &d.failing_ips);
        table("watch--digest-orgs", &d.failing_orgs);
        if !d.stopped.is_empty() {
            lines.push(String::new());
            for s in &d.stopped {
                lines.push(r(
                    "watch--digest-stopped",
                    &[
                        ("org", crate::diag::snippet(&s.organization, 120)),
                        ("day", s.last_day.clone()),
                    ],
                ));
            }
        }
        lines.push(String::new());
        lines.push(rollout_line(&d.rollout, &d.domain, cat));
        if !open.is_empty() {
            lines.push(String::new());
            lines.push(r(
                "watch--open-alerts",
                &[("count", open.len().to_string())],
            ));
            for a in open {
                lines.push(format!(
                    "  {}: {}",
                    a.diag.code.name(),
                    cat.message(&a.diag)
                ));
            }
        }
        let mut data = serde_json::to_value(d).unwrap_or(Value::Null);
        if let Some(o) = data.as_object_mut() {
            let keys: Vec<String> = open.iter().map(Alert::key).collect();
            o.insert("open_alerts".into(), json!(keys));
        }
        Notice {
            kind: Kind::Digest,
            domain: d.domain.clone(),
            day: d.day.clone(),
            title,
            text: lines.join("\n"),
            data,
        }
    }

    /// A condition that started.
    pub fn alert(domain: &str, day: &str, a: &Alert, cat: &Catalog) -> Notice {
        let message = cat.message(&a.diag);
        let fix = cat.fix(&a.diag);
        let title = cat.render(
            "watch--alert-title",
            &[("domain", domain.to_owned()), ("message", message.clone())],
        );
        let mut lines = vec![title.clone()];
        if let Some(f) = &fix {
            lines.push(cat.render("watch--alert-fix", &[("fix", f.clone())]));
        }
        lines.push(rule_line(a.diag.code.name(), a.diag.code.rfc(), cat));
        let args: serde_json::Map<String, Value> = a
            .diag
            .args
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Value::String(v.clone())))
            .collect();
        Notice {
            kind: Kind::Alert,
            domain: domain.to_owned(),
            day: day.to_owned(),
            title,
            text: lines.join("\n"),
            data: json!({
                "code": a.diag.code.name(),
                "subject": a.subject,
                "severity": a.diag.severity().as_str(),
                "rfc": a.diag.code.rfc(),
                "message": message,
                "fix": fix,
                "evidence": args,
            }),
        }
    }

    /// A condition that cleared.
    pub fn resolved(domain: &str, day: &str, row: &AlertRow, cat: &Catalog) -> Notice {
        let what = if row.key == row.code {
            row.code.clone()
        } else {
            row.key.clone()
        };
        let title = cat.render(
            "watch--resolved",
            &[
                ("domain", domain.to_owned()),
                ("what", what),
                ("opened", row.opened.clone()),
            ],
        );
        Notice {
            kind: Kind::Resolved,
            domain: domain.to_owned(),
            day: day.to_owned(),
            text: title.clone(),
            title,
            data: json!({"code": row.code, "key": row.key, "opened": row.opened}),
        }
    }

    /// The webhook body in the shape `format` asks for.
    pub fn webhook_body(&self, format: Format) -> Value {
        match format {
            Format::Json => json!({
                "type": self.kind.as_str(),
                "domain": self.domain,
                "day": self.day,
                "title": self.title,
                "text": self.text,
                self.kind.as_str(): self.data,
            }),
            Format::Slack => json!({ "text": self.text }),
            // Discord refuses content past 2,000 characters
            Format::Discord => json!({ "content": clip(&self.text, 2000) }),
            Format::Teams => json!({
                "type": "message",
                "attachments": [{
                    "contentType": "application/vnd.microsoft.card.adaptive",
                    "content": {
                        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                        "type": "AdaptiveCard",
                        "version": "1.4",
                        "body": [
                            {"type": "TextBlock", "text": self.title, "weight": "Bolder", "wrap": true},
                            {"type": "TextBlock", "text": self.text, "wrap": true}
                        ]
                    }
                }]
            }),
        }
    }

    /// The notice as an e-mail (RFC 5322, UTF-8 body in base64 so no line passes 998 octets; the subject as an
    /// RFC 2047 encoded word when it is not ASCII), marked `Auto-Submitted` (RFC 3834) so nobody auto-replies.
    pub fn email(&self, from: &str, to: &str, unix: i64, message_id: &str) -> String {
        let subject = if self.title.is_ascii() && !self.title.contains(['\r', '\n']) {
            format!("[mtasts] {}", self.title)
        } else {
            let b64 = data_encoding::BASE64.encode(format!("[mtasts] {}", self.title).as_bytes());
            format!("=?UTF-8?B?{b64}?=")
        };
        let body = data_encoding::BASE64.encode(self.text.as_bytes());
        let mut wrapped = String::new();
        for chunk in body.as_bytes().chunks(76) {
            wrapped.push_str(std::str::from_utf8(chunk).unwrap_or_default());
            wrapped.push_str("\r\n");
        }
        format!(
            "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-ID: <{message_id}>\r\n\
             MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\
             Auto-Submitted: auto-generated\r\nX-Mtasts-Type: {kind}\r\n\r\n{wrapped}",
            date = rfc5322_date(unix),
            kind = self.kind.as_str(),
        )
    }
}

fn clip(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max_chars - 1).collect();
    out.push('…');
    out
}

fn rule_line(code: &str, rfc: &str, cat: &Catalog) -> String {
    cat.render(
        "watch--rule",
        &[("code", code.to_owned()), ("rfc", rfc.to_owned())],
    )
}

fn rollout_line(r: &Rollout, domain: &str, cat: &Catalog) -> String {
    let days = |d: &i64| d.to_string();
    match r {
        Rollout::NoPolicy => cat.render("watch--rollout-none", &[]),
        Rollout::Testing {
            days: d,
            ready: true,
            ..
        } => cat.render(
            "watch--rollout-ready",
            &[("days", days(d)), ("domain", domain.to_owned())],
        ),
        Rollout::Testing {
            days: d, failed: 0, ..
        } => cat.render(
            "watch--rollout-wait",
            &[("days", days(d)), ("target", TESTING_DAYS.to_string())],
        ),
        Rollout::Testing {
            days: d, failed, ..
        } => cat.render(
            "watch--rollout-fix",
            &[("days", days(d)), ("count", failed.to_string())],
        ),
        Rollout::Enforce { failed } => {
            cat.render("watch--rollout-enforce", &[("count", failed.to_string())])
        }
        Rollout::Removing => cat.render("watch--rollout-removing", &[]),
    }
}

/// `Thu, 03 Dec 2026 08:15:18 +0000` (RFC 5322 §3.3).
fn rfc5322_date(unix: i64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let day = crate::report::time::day(unix);
    let n = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let weekday = DAYS[n.rem_euclid(7) as usize];
    let (y, m, d) = (&day[0..4], &day[5..7], &day[8..10]);
    let month = MONTHS[m.parse::<usize>().unwrap_or(1).clamp(1, 12) - 1];
    format!(
        "{weekday}, {d} {month} {y} {:02}:{:02}:{:02} +0000",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::super::{digest::Digest, evaluate, DayTotals, Facts, Settings};
    use super::*;
    use crate::i18n::Lang;

    fn facts() -> Facts {
        Facts {
            domain: "example.com".into(),
            day: "2026-05-07".into(),
            days: vec![
                DayTotals {
                    day: "2026-05-07".into(),
                    reports: 3,
                    successful: 900,
                    failed: 100,
                },
                DayTotals {
                    day: "2026-05-06".into(),
                    reports: 3,
                    successful: 1000,
                    failed: 0,
                },
            ],
            failing_mx: vec![Tally {
                name: "mx1.example.com".into(),
                failed: 100,
            }],
            result_types: vec![Tally {
                name: "certificate-expired".into(),
                failed: 100,
            }],
            known_result_types: vec![],
            last_report_day: Some("2026-05-07".into()),
            policy: Some(
                "version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 604800\n".into(),
            ),
            ..Facts::default()
        }
    }

    #[test]
    fn digest_and_alerts_in_every_language() {
        let f = facts();
        let ev = evaluate(&f, &Settings::default());
        let keys: Vec<String> = ev.alerts.iter().map(Alert::key).collect();
        assert_eq!(
            keys,
            [
                "watch/failure-rate",
                "watch/new-result-type certificate-expired"
            ]
        );
        for &lang in Lang::ALL {
            let cat = Catalog::get(lang);
            let d = Notice::digest(&Digest::of(&f), &ev.alerts, &cat);
            assert!(
                d.text.contains("example.com") && d.text.contains("2026-05-07"),
                "{}",
                d.text
            );
            assert!(d.text.contains("mx1.example.com: 100"), "{}", d.text);
            assert!(d.text.contains("90"), "{lang:?}: rate in {}", d.text);
            assert!(
                !d.text.contains("watch--"),
                "{lang:?}: a message id leaked: {}",
                d.text
            );
            for a in &ev.alerts {
                let n = Notice::alert("example.com", &f.day, a, &cat);
                assert!(
                    !n.text.contains("watch--") && !n.text.contains("{"),
                    "{lang:?}: {}",
                    n.text
                );
                assert!(n.text.contains(a.diag.code.rfc()), "{}", n.text);
            }
        }
    }

    #[test]
    fn payload_shapes() {
        let cat = Catalog::get(Lang::En);
        let f = facts();
        let n = Notice::digest(&Digest::of(&f), &[], &cat);
        let j = n.webhook_body(Format::Json);
        assert_eq!(j["type"], "digest");
        assert_eq!(j["digest"]["failed"], 100);
        assert_eq!(n.webhook_body(Format::Slack)["text"], n.text.as_str());
        let long = Notice {
            text: "x".repeat(5000),
            ..n.clone()
        };
        let discord = long.webhook_body(Format::Discord);
        assert_eq!(
            discord["content"].as_str().map(|s| s.chars().count()),
            Some(2000)
        );
        let teams = n.webhook_body(Format::Teams);
        assert_eq!(teams["attachments"][0]["content"]["type"], "AdaptiveCard");
    }

    #[test]
    fn email_is_rfc5322() {
        let cat = Catalog::get(Lang::Ja);
        let n = Notice::digest(&Digest::of(&facts()), &[], &cat);
        let m = n.email(
            "watch@example.com",
            "admin@example.com",
            1_780_000_000,
            "x@example.com",
        );
        let parsed = mail_parser::MessageParser::default()
            .parse(m.as_bytes())
            .expect("parses");
        assert_eq!(
            parsed.subject(),
            Some(format!("[mtasts] {}", n.title).as_str())
        );
        assert_eq!(parsed.body_text(0).as_deref(), Some(n.text.as_str()));
        assert!(m.lines().all(|l| l.len() <= 998));
        assert!(m.contains("Date: Thu, 28 May 2026 20:26:40 +0000"), "{m}");
    }
}
