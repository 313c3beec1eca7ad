//! `mtasts report … --alert` and `--digest`: the watch of a deployment, for people without Cloudflare. The same
//! facts the worker reads from its store are summed from the report files (core's `watch::gather`), and core's
//! rules judge them; `--alert` exits 1 when an alert fires (for cron and CI).

use mtasts_core::i18n::Catalog;
use mtasts_core::report::{time, Report};
use mtasts_core::watch::notify::Notice;
use mtasts_core::watch::{self, gather, Digest, Settings};
use serde_json::json;
use std::process::ExitCode;

/// What was asked of the watch.
pub struct Ask {
    /// Print the alerts; exit 1 when one fires.
    pub alert: bool,
    /// Print the digest.
    pub digest: bool,
    /// The judged day.
    pub day: String,
    /// Only this domain (else every policy domain of the reports).
    pub domain: Option<String>,
    /// Thresholds and language.
    pub settings: Settings,
}

/// The judged day: `--day`, else the day `--since` points at (`24h`, `2d`, or a date), else yesterday (UTC).
pub fn judged_day(day: Option<&str>, since: Option<&str>, now: i64) -> Result<String, String> {
    if let Some(d) = day {
        return watch::day_number(d)
            .map(|_| d.to_owned())
            .ok_or_else(|| format!("--day takes a day as YYYY-MM-DD, not `{d}`"));
    }
    match since {
        None => Ok(time::day(now - 86_400)),
        Some(s) if watch::day_number(s).is_some() => Ok(s.to_owned()),
        Some(s) => duration_secs(s)
            .map(|secs| time::day(now - secs))
            .ok_or_else(|| {
                format!(
                    "--since takes a day (YYYY-MM-DD) or a duration such as 24h or 7d, not `{s}`"
                )
            }),
    }
}

/// `24h`, `7d`, `90m` in seconds.
pub fn duration_secs(s: &str) -> Option<i64> {
    let (n, unit) = s.split_at(s.len().checked_sub(1)?);
    let n: i64 = n.parse().ok().filter(|n| (0..=3650 * 24).contains(n))?;
    Some(match unit {
        "d" => n * 86_400,
        "h" => n * 3600,
        "m" => n * 60,
        _ => return None,
    })
}

/// Prints the digest and/or alerts of each domain; exit 1 when `--alert` and an alert fired.
pub fn run(ask: &Ask, reports: &[&Report], json_out: bool, now: i64) -> Result<ExitCode, String> {
    let cat = Catalog::load(ask.settings.language());
    let domains = match &ask.domain {
        Some(d) => vec![d.clone()],
        None => gather::domains(reports.iter().copied()),
    };
    let mut fired = false;
    let mut alerts_json = Vec::new();
    let mut digests_json = Vec::new();
    let mut text = Vec::new();
    for d in &domains {
        let facts = gather::facts_from_reports(reports.iter().copied(), d, &ask.day, now);
        let ev = watch::evaluate(&facts, &ask.settings);
        fired |= !ev.alerts.is_empty();
        if ask.digest {
            let n = Notice::digest(&Digest::of(&facts), &ev.alerts, &cat);
            text.push(n.text.clone());
            digests_json.push(n.data);
        }
        if ask.alert {
            for a in &ev.alerts {
                let n = Notice::alert(&facts.domain, &ask.day, a, &cat);
                text.push(n.text);
                let mut data = n.data;
                if let Some(o) = data.as_object_mut() {
                    o.insert("domain".into(), json!(facts.domain));
                }
                alerts_json.push(data);
            }
        }
    }
    if json_out {
        let out = json!({"day": ask.day, "domains": domains, "alerts": alerts_json, "digests": digests_json});
        println!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        );
    } else {
        println!("{}", text.join("\n\n"));
    }
    Ok(if ask.alert && fired {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_durations() {
        let now = 1_780_000_000; // 2026-05-28T20:26:40Z
        for (day, since, want) in [
            (None, None, Ok("2026-05-27")),
            (None, Some("24h"), Ok("2026-05-27")),
            (None, Some("7d"), Ok("2026-05-21")),
            (None, Some("2026-05-01"), Ok("2026-05-01")),
            (Some("2026-04-30"), Some("24h"), Ok("2026-04-30")),
            (Some("2026-02-30"), None, Err(())),
            (None, Some("soon"), Err(())),
            (None, Some("99999999999d"), Err(())),
            (None, Some("h"), Err(())),
            (None, Some(""), Err(())),
        ] {
            let got = judged_day(day, since, now).map_err(|_| ());
            assert_eq!(got, want.map(str::to_owned), "{day:?} {since:?}");
        }
    }
}
