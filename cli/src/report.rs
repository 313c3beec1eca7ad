//! `mtasts report [FILE|DIR|-]... [--format human|json|csv] [--top N | --all]`: reads .json, .json.gz, report e-mails, mbox files and
//! Maildir folders ([`crate::sources`]), deduplicates by (organization, report-id), and prints per-report lines
//! and the summary. Mail in a mailbox that is not a report is skipped and counted. `--alert` and `--digest` give
//! the watch's alerts and digest instead ([`crate::watch`]).

use crate::{render, sources, watch, Format};
use mtasts_core::i18n::{Catalog, Lang};
use mtasts_core::report::aggregate::Rest;
use mtasts_core::report::{self, export, Aggregator, Filter, Limits, Report};
use mtasts_core::watch::Settings;
use serde_json::json;
use std::process::ExitCode;

/// Arguments of `mtasts report`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Report files (.json, .json.gz, .eml), mbox files or Maildir folders; `-` for standard input (the
    /// default when neither files nor --imap are given).
    files: Vec<String>,
    /// Also read an IMAP folder over TLS: imaps://user@host[:port]/Folder (password from MTASTS_IMAP_PASSWORD
    /// or --imap-password-file; read-only unless --mark-seen).
    #[arg(long, value_name = "URL")]
    imap: Option<String>,
    /// A file holding the IMAP password.
    #[arg(long, value_name = "FILE", requires = "imap")]
    imap_password_file: Option<std::path::PathBuf>,
    /// Only IMAP messages since this day (YYYY-MM-DD). With --alert or --digest: the day judged, as a day or as
    /// a duration back from now (`24h`: yesterday).
    #[arg(long, value_name = "DATE|DURATION")]
    since: Option<String>,
    /// Mark the IMAP messages read as seen (by default nothing on the server changes).
    #[arg(long, requires = "imap")]
    mark_seen: bool,
    /// Trust only the CAs in this PEM file for IMAP (a private CA).
    #[arg(long, value_name = "PEM", requires = "imap")]
    ca_file: Option<std::path::PathBuf>,
    /// Only count policies for this domain.
    #[arg(long)]
    domain: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// List the top N sending IPs, receiving MX hosts and failure rows; the rest are totalled (`more` in JSON).
    #[arg(long, value_name = "N", default_value_t = report::aggregate::DEFAULT_TOP, conflicts_with = "all")]
    top: usize,
    /// List every sending IP, receiving MX host and failure row.
    #[arg(long)]
    all: bool,
    /// Print the watch's alerts for the judged day (yesterday, or --day, or --since) instead of the summary,
    /// and exit 1 when one fires (for cron and CI).
    #[arg(long)]
    alert: bool,
    /// Print the watch's daily digest for the judged day instead of the summary.
    #[arg(long)]
    digest: bool,
    /// The day --alert and --digest judge (YYYY-MM-DD, UTC).
    #[arg(long, value_name = "DATE")]
    day: Option<String>,
    /// --alert: the failure rate (percent of a day's sessions) above which an alert fires.
    #[arg(long, value_name = "PERCENT", default_value_t = 5.0)]
    failure_rate: f64,
    /// --alert: the fewest sessions in a day for the failure rate to count.
    #[arg(long, value_name = "N", default_value_t = 100)]
    min_sessions: u64,
    /// --alert: days without a report after which the reporting path counts as broken.
    #[arg(long, value_name = "DAYS", default_value_t = 3)]
    silent_days: u32,
}

struct Entry {
    file: String,
    report: Report,
    warnings: Vec<mtasts_core::Diagnostic>,
    duplicate: bool,
}

/// Runs the report summary; exit 1 when a file was refused, 2 when one could not be read.
pub fn run(a: Args, lang: Lang) -> Result<ExitCode, String> {
    let cat = Catalog::load(lang);
    let mut agg = Aggregator::new(Filter {
        domain: a.domain.clone(),
        ..Filter::default()
    })
    .with_top((!a.all).then_some(a.top));
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut skipped = 0usize;
    let mut items = Vec::new();
    let stdin = vec!["-".to_owned()];
    let files = if a.files.is_empty() && a.imap.is_none() {
        &stdin
    } else {
        &a.files
    };
    for f in files {
        items.extend(sources::expand(f)?);
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let watching = a.alert || a.digest;
    if a.since.is_some() && a.imap.is_none() && !watching {
        return Err(
            "--since narrows --imap, or picks the day of --alert and --digest: give one of them"
                .into(),
        );
    }
    if a.day.is_some() && !watching {
        return Err("--day picks the day of --alert and --digest: give one of them".into());
    }
    let judged = if watching {
        Some(watch::judged_day(
            a.day.as_deref(),
            a.since.as_deref(),
            now,
        )?)
    } else {
        None
    };
    if let Some(url) = &a.imap {
        // the watch needs the lookback before the judged day (two weeks), not only the day
        let since = match &judged {
            Some(day) => Some(mtasts_core::watch::day_before(
                day,
                mtasts_core::watch::LOOKBACK_DAYS,
            )),
            None => a.since.clone(),
        };
        items.extend(crate::imap::fetch(&crate::imap::Source {
            url: url.clone(),
            password_file: a.imap_password_file.clone(),
            since,
            mark_seen: a.mark_seen,
            ca_file: a.ca_file.clone(),
        })?);
    }
    for sources::Item {
        name,
        bytes,
        in_mailbox,
    } in items
    {
        let decoded = report::decode::decode(&bytes, Limits::default());
        // the parsed reports own their text, so the input goes before counting (one big report's bytes were a
        // third of what the process held at its peak)
        drop(bytes);
        match decoded {
            Ok(decoded) => {
                for (_, report) in decoded {
                    let (warnings, duplicate) = validate_and_count(&report, &mut agg);
                    entries.push(Entry {
                        file: name.clone(),
                        report,
                        warnings,
                        duplicate,
                    });
                }
            }
            // other mail in a mailbox is not an error
            Err(d) if in_mailbox && report::is_not_a_report(d.code) => skipped += 1,
            Err(d) => errors.push((name, cat.message(&d), d.code.name())),
        }
    }
    if let Some(day) = judged {
        for (file, msg, _) in &errors {
            eprintln!("{file}: {msg}");
        }
        let settings = Settings {
            lang: lang.tag().to_owned(),
            failure_rate: a.failure_rate,
            min_sessions: a.min_sessions,
            silent_days: a.silent_days,
            ..Settings::default()
        };
        settings.check().map_err(|d| cat.message(&d))?;
        let ask = watch::Ask {
            alert: a.alert,
            digest: a.digest,
            day,
            domain: a.domain.clone(),
            settings,
        };
        let reports: Vec<&Report> = entries
            .iter()
            .filter(|e| !e.duplicate)
            .map(|e| &e.report)
            .collect();
        return watch::run(&ask, &reports, matches!(a.format, Format::Json), now);
    }
    let summary = agg.summary();
    let code = if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    match a.format {
        Format::Csv => {
            print!(
                "{}",
                export::to_csv(entries.iter().filter(|e| !e.duplicate).map(|e| &e.report))
            );
            for (file, msg, _) in &errors {
                eprintln!("{file}: {msg}");
            }
        }
        Format::Json => {
            let reports: Vec<_> = entries
                .iter()
                .map(|e| {
                    json!({
                        "file": e.file,
                        "organization": e.report.organization(),
                        "report_id": e.report.id(),
                        "start": e.report.start(),
                        "end": e.report.end(),
                        "policies": e.report.policies().len(),
                        "successful": e.report.successful(),
                        "failed": e.report.failed(),
                        "failure_details": e.report.failure_detail_rows(),
                        "duplicate": e.duplicate,
                        "warnings": render::json_diagnostics(None, &e.warnings, &cat),
                    })
                })
                .collect();
            let errs: Vec<_> = errors
                .iter()
                .map(|(f, m, c)| json!({"file": f, "code": c, "message": m}))
                .collect();
            let out =
                json!({"reports": reports, "errors": errs, "skipped": skipped, "summary": summary});
            println!(
                "{}",
                serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
            );
        }
        Format::Human => {
            anstream::print!("{}", human(&entries, &errors, &summary, &cat));
            if skipped > 0 {
                println!(
                    "\n{}",
                    cat.render("cli--skipped", &[("count", skipped.to_string())])
                );
            }
        }
    }
    // The process ends right after: freeing every parsed report (100,000 failure details in a big one) and the
    // catalogs one allocation at a time would only cost time, so the OS takes the memory back instead.
    std::mem::forget((entries, summary, cat));
    Ok(code)
}

/// Failure details from which a report is validated on a thread of its own while it is counted: both read the
/// whole report, so a big one (the 26 MB report has 100,000) pays for one pass instead of two, where a thread
/// would cost a small one more than it saves.
const PARALLEL_FROM_DETAILS: usize = 10_000;

/// Validates `report` (its warnings, RFC 8460 §4) and adds it to `agg` (false: a duplicate), the two at once
/// for a big report. The same core functions either way; only when they run differs.
fn validate_and_count(
    report: &Report,
    agg: &mut Aggregator,
) -> (Vec<mtasts_core::Diagnostic>, bool) {
    if report.failure_detail_rows() < PARALLEL_FROM_DETAILS {
        return (report::validate::validate(report), !agg.add(report));
    }
    std::thread::scope(|s| {
        let warnings = s.spawn(|| report::validate::validate(report));
        let duplicate = !agg.add(report);
        let warnings = warnings
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (warnings, duplicate)
    })
}

/// Rows of each breakdown the human format prints.
const SHOWN: usize = 20;

fn human(
    entries: &[Entry],
    errors: &[(String, String, &str)],
    s: &report::Summary,
    cat: &Catalog,
) -> String {
    use std::fmt::Write;
    let (b, r) = (render::BOLD.render(), render::BOLD.render_reset());
    let t = |id: &str| cat.render(id, &[]);
    let mut o = String::new();
    for e in entries {
        let rep = &e.report;
        let args = [
            ("org", rep.organization().to_owned()),
            ("id", rep.id().to_owned()),
            ("ok", rep.successful().to_string()),
            ("failed", rep.failed().to_string()),
        ];
        let dup = if e.duplicate {
            format!(" ({})", t("cli--duplicate"))
        } else {
            String::new()
        };
        let _ = writeln!(
            o,
            "{b}{}{r}  {}{dup}",
            e.file,
            cat.render("ui--report-line", &args)
        );
        for w in &e.warnings {
            let (ws, we) = (render::WARN.render(), render::WARN.render_reset());
            let _ = writeln!(
                o,
                "    {ws}{}{we} {} ({})",
                w.code,
                cat.message(w),
                w.get("field").unwrap_or("")
            );
        }
    }
    for (f, m, _) in errors {
        let _ = writeln!(
            o,
            "{}{}:{} {f}: {m}",
            render::ERR.render(),
            t("ui--severity-error"),
            render::ERR.render_reset()
        );
    }
    let rate = s
        .success_rate
        .map(|x| format!("{:.2}%", x * 100.0))
        .unwrap_or_else(|| "–".into());
    let _ = writeln!(
        o,
        "\n{b}{}{r} {} · {} {} · {} {} · {} {} · {} {rate}",
        s.reports,
        t("ui--card-reports"),
        s.duplicates,
        t("ui--card-duplicates"),
        s.successful,
        t("ui--card-successful"),
        s.failed,
        t("ui--card-failed"),
        t("ui--card-success-rate"),
    );
    if let (Some(f), Some(l)) = (&s.first_day, &s.last_day) {
        let _ = writeln!(
            o,
            "  {}",
            cat.render("ui--period", &[("from", f.clone()), ("to", l.clone())])
        );
    }
    let key = |k: &str| {
        if k.is_empty() {
            t("ui--not-given")
        } else {
            k.to_owned()
        }
    };
    let (ok_h, failed_h) = (t("ui--col-successful"), t("ui--col-failed"));
    // "… and N more (M failed sessions)": the rows a table does not print (their failed sessions), plus what the
    // summary's top N already left out
    let more = |o: &mut String, failed: &[u64], beyond: Rest| {
        let total = failed
            .iter()
            .fold(beyond.failed, |t, x| t.saturating_add(*x));
        let keys = beyond.count + failed.len() as u64;
        let left = Rest::beyond(keys, total, failed.iter().take(SHOWN).copied());
        if left.count > 0 {
            let args = [
                ("count", left.count.to_string()),
                ("failed", left.failed.to_string()),
            ];
            let _ = writeln!(o, "  {}", cat.render("ui--more-rows", &args));
        }
    };
    let table = |o: &mut String, title: &str, rows: &[report::aggregate::Bucket]| {
        let _ = writeln!(o, "\n{b}{}{r}", t(title));
        for x in rows.iter().take(SHOWN) {
            let _ = writeln!(
                o,
                "  {:<40} {:>10} {ok_h} {:>10} {failed_h}",
                key(&x.key),
                x.successful,
                x.failed
            );
        }
        more(
            o,
            &rows.iter().map(|x| x.failed).collect::<Vec<_>>(),
            Rest::default(),
        );
    };
    table(&mut o, "ui--by-organization", &s.by_organization);
    table(&mut o, "ui--by-domain", &s.by_policy_domain);
    table(&mut o, "ui--by-policy-type", &s.by_policy_type);
    // the first rows of a breakdown, and what the rest (here and beyond the summary's top N) add up to
    let ftable =
        |o: &mut String, title: &str, rows: &[report::aggregate::FailureBucket], beyond: Rest| {
            if rows.is_empty() {
                return;
            }
            let _ = writeln!(o, "\n{b}{}{r}", t(title));
            for x in rows.iter().take(SHOWN) {
                let _ = writeln!(o, "  {:<40} {:>10} {failed_h}", key(&x.key), x.failed);
            }
            more(
                o,
                &rows.iter().map(|x| x.failed).collect::<Vec<_>>(),
                beyond,
            );
        };
    let none = Rest::default();
    ftable(&mut o, "ui--by-result-type", &s.by_result_type, none);
    ftable(
        &mut o,
        "ui--by-mx",
        &s.by_receiving_mx,
        s.more.by_receiving_mx,
    );
    ftable(&mut o, "ui--by-ip", &s.by_sending_ip, s.more.by_sending_ip);
    o
}
