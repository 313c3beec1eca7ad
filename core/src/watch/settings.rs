//! A domain's watch settings: where to notify, in which language, and when to speak up. Stored by the shell as
//! the JSON of [`Settings`]; [`Settings::from_json`] is the one gate every copy passes (admin API, CLI flags).

use crate::diag::{snippet, Code, Diagnostic, Span};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Most webhooks one domain may notify.
pub const MAX_WEBHOOKS: usize = 10;
/// Most e-mail recipients one domain may notify.
pub const MAX_EMAILS: usize = 10;
/// Longest webhook URL taken.
pub const MAX_URL: usize = 2048;

/// How a webhook wants its payload (chat tools take their own shapes directly).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Our JSON document: the structured facts and a human `text`.
    Json,
    /// Slack and Mattermost incoming webhooks: `{"text": …}`.
    Slack,
    /// Discord webhooks: `{"content": …}` (at most 2,000 characters).
    Discord,
    /// Microsoft Teams (Workflows) webhooks: a message with an Adaptive Card.
    Teams,
}

/// One webhook to notify.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Webhook {
    /// `https://…` (plain `http://` only to a loopback address, for local testing).
    pub url: String,
    /// The payload's shape.
    #[serde(default = "json_format")]
    pub format: Format,
}

fn json_format() -> Format {
    Format::Json
}

/// Hours (UTC, 0–23) in which nothing is sent; what falls in them goes out at the first run after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuietHours {
    /// First quiet hour.
    pub from: u8,
    /// First hour that is not quiet again (may wrap past midnight: 22 → 7).
    pub to: u8,
}

impl QuietHours {
    /// Whether `hour` (UTC) is quiet.
    pub fn contains(self, hour: u8) -> bool {
        if self.from <= self.to {
            (self.from..self.to).contains(&hour)
        } else {
            hour >= self.from || hour < self.to
        }
    }
}

/// A domain's watch settings, with the defaults a new domain gets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Webhooks to notify.
    pub webhooks: Vec<Webhook>,
    /// E-mail recipients (verified addresses of the `send_email` binding).
    pub email: Vec<String>,
    /// Language of the messages: `en`, `it`, `es`, `de` or `ja`.
    pub lang: String,
    /// Alert when more than this percentage of a day's sessions failed…
    pub failure_rate: f64,
    /// …and the day had at least this many sessions (one failure of three is not a page).
    pub min_sessions: u64,
    /// Alert when no report arrived for this many days where reports had been arriving.
    pub silent_days: u32,
    /// Send the daily digest.
    pub digest: bool,
    /// The hour (UTC) from which yesterday's digest is sent: reports of a day arrive in the hours after it.
    pub digest_hour: u8,
    /// Quiet hours, or none.
    pub quiet_hours: Option<QuietHours>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            webhooks: Vec::new(),
            email: Vec::new(),
            lang: "en".into(),
            failure_rate: 5.0,
            min_sessions: 100,
            silent_days: 3,
            digest: true,
            digest_hour: 6,
            quiet_hours: None,
        }
    }
}

impl Settings {
    /// Reads and checks settings; the first problem is an `api/bad-watch-settings` diagnostic naming the field,
    /// the value and what is expected.
    pub fn from_json(bytes: &[u8]) -> Result<Settings, Diagnostic> {
        const WANT: &str = "a JSON object of webhooks, email, lang, failure_rate, min_sessions, silent_days, digest, digest_hour, quiet_hours";
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| bad("body", &e.to_string(), WANT))?;
        if !value.is_object() {
            return Err(bad("body", &value.to_string(), WANT));
        }
        let s: Settings =
            serde_json::from_value(value).map_err(|e| bad("body", &e.to_string(), WANT))?;
        s.check()?;
        Ok(s)
    }

    /// The language of the messages.
    pub fn language(&self) -> Lang {
        Lang::from_tag(&self.lang).unwrap_or(Lang::En)
    }

    /// Whether anything is to be notified at all.
    pub fn notifies(&self) -> bool {
        !self.webhooks.is_empty() || !self.email.is_empty()
    }

    /// Checks settings built in code (CLI flags, a form) as [`Settings::from_json`] checks stored ones: the first
    /// problem is an `api/bad-watch-settings` diagnostic naming the field.
    pub fn check(&self) -> Result<(), Diagnostic> {
        if self.webhooks.len() > MAX_WEBHOOKS {
            let n = self.webhooks.len().to_string();
            return Err(bad("webhooks", &n, "at most 10"));
        }
        for (i, w) in self.webhooks.iter().enumerate() {
            check_url(&w.url).map_err(|e| bad(&format!("webhooks[{i}].url"), &w.url, e))?;
        }
        if self.email.len() > MAX_EMAILS {
            let n = self.email.len().to_string();
            return Err(bad("email", &n, "at most 10"));
        }
        for (i, a) in self.email.iter().enumerate() {
            if !email_address::EmailAddress::is_valid(a) || a.contains(['<', '>', '\r', '\n']) {
                return Err(bad(
                    &format!("email[{i}]"),
                    a,
                    "an address such as admin@example.com",
                ));
            }
        }
        if Lang::ALL.iter().all(|l| l.tag() != self.lang) {
            return Err(bad("lang", &self.lang, "en, it, es, de or ja"));
        }
        if !(self.failure_rate > 0.0 && self.failure_rate <= 100.0) {
            let v = self.failure_rate.to_string();
            return Err(bad("failure_rate", &v, "a percentage above 0, at most 100"));
        }
        if self.min_sessions > crate::report::rollup::MAX_EXACT_COUNT {
            let v = self.min_sessions.to_string();
            return Err(bad("min_sessions", &v, "at most 9007199254740991"));
        }
        if !(1..=90).contains(&self.silent_days) {
            let v = self.silent_days.to_string();
            return Err(bad("silent_days", &v, "1 to 90 days"));
        }
        if self.digest_hour > 23 {
            let v = self.digest_hour.to_string();
            return Err(bad("digest_hour", &v, "an hour 0 to 23 (UTC)"));
        }
        if let Some(q) = self.quiet_hours {
            if q.from > 23 || q.to > 23 || q.from == q.to {
                let v = format!("{}–{}", q.from, q.to);
                return Err(bad("quiet_hours", &v, "two different hours 0 to 23 (UTC)"));
            }
        }
        Ok(())
    }
}

/// Why a webhook URL is refused, if it is.
fn check_url(u: &str) -> Result<(), &'static str> {
    const WANT: &str = "an https:// URL";
    if u.len() > MAX_URL {
        return Err("an https:// URL of at most 2048 characters");
    }
    let url = url::Url::parse(u).map_err(|_| WANT)?;
    let loopback = matches!(
        url.host(),
        Some(url::Host::Ipv4(ip)) if ip.is_loopback()
    ) || matches!(url.host(), Some(url::Host::Ipv6(ip)) if ip.is_loopback())
        || url.host_str() == Some("localhost");
    match url.scheme() {
        "https" if url.host().is_some() => Ok(()),
        "http" if loopback => Ok(()),
        _ => Err(WANT),
    }
}

fn bad(field: &str, value: &str, expected: &str) -> Diagnostic {
    Diagnostic::new(Code::ApiBadWatchSettings, Span::default())
        .arg("field", field)
        .arg("value", snippet(value, 80))
        .arg("expected", expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_table() {
        let ok =
            |j: &str| Settings::from_json(j.as_bytes()).unwrap_or_else(|d| panic!("{j}: {d:?}"));
        let field = |j: &str| {
            let d = Settings::from_json(j.as_bytes()).expect_err(j);
            assert_eq!(d.code, Code::ApiBadWatchSettings);
            d.get("field").unwrap_or_default().to_owned()
        };
        assert_eq!(ok("{}"), Settings::default());
        let s = ok(
            r#"{"webhooks":[{"url":"https://hooks.example/x","format":"slack"},{"url":"http://127.0.0.1:9/h"}],
            "email":["admin@example.com"],"lang":"ja","failure_rate":0.5,"quiet_hours":{"from":22,"to":7}}"#,
        );
        assert_eq!(s.webhooks[1].format, Format::Json);
        assert_eq!(s.language(), Lang::Ja);
        for (json, f) in [
            (r#"[]"#, "body"),
            (r#"{"webhook":[]}"#, "body"),
            (r#"{"min_sessions":-1}"#, "body"),
            (r#"{"min_sessions":18446744073709551616}"#, "body"),
            (
                r#"{"webhooks":[{"url":"http://hooks.example/x"}]}"#,
                "webhooks[0].url",
            ),
            (
                r#"{"webhooks":[{"url":"javascript:alert(1)"}]}"#,
                "webhooks[0].url",
            ),
            (
                r#"{"webhooks":[{"url":"https://x.example","format":"irc"}]}"#,
                "body",
            ),
            (r#"{"email":["not an address"]}"#, "email[0]"),
            (r#"{"lang":"fr"}"#, "lang"),
            (r#"{"failure_rate":0}"#, "failure_rate"),
            (r#"{"failure_rate":101}"#, "failure_rate"),
            (r#"{"min_sessions":9007199254740992}"#, "min_sessions"),
            (r#"{"silent_days":0}"#, "silent_days"),
            (r#"{"digest_hour":24}"#, "digest_hour"),
            (r#"{"quiet_hours":{"from":7,"to":7}}"#, "quiet_hours"),
        ] {
            assert_eq!(field(json), f, "{json}");
        }
        let many = format!(
            r#"{{"webhooks":[{}]}}"#,
            [r#"{"url":"https://a.example"}"#; 11].join(",")
        );
        assert_eq!(field(&many), "webhooks");
        let long = format!(
            r#"{{"webhooks":[{{"url":"https://a.example/{}"}}]}}"#,
            "a".repeat(3000)
        );
        assert_eq!(field(&long), "webhooks[0].url");
    }

    #[test]
    fn quiet_hours_wrap() {
        let night = QuietHours { from: 22, to: 7 };
        let lunch = QuietHours { from: 12, to: 13 };
        for (h, n, l) in [
            (21, false, false),
            (22, true, false),
            (3, true, false),
            (7, false, false),
            (12, false, true),
        ] {
            assert_eq!(night.contains(h), n, "{h}");
            assert_eq!(lunch.contains(h), l, "{h}");
        }
    }
}
