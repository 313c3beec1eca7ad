//! The `mtasts` command end to end: exit codes, the JSON contract, human output, every corpus file.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::PathBuf;

fn corpus() -> PathBuf {
    std::env::var_os("MTASTS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"))
}

fn mtasts() -> Command {
    let mut c = Command::cargo_bin("mtasts").expect("binary built");
    c.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("stdout is JSON")
}

#[test]
fn lint_table_exit_codes_and_json() {
    let rows: &[(&str, &str, i32, &[&str])] = &[
        (
            "policy",
            "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n",
            0,
            &[],
        ),
        (
            "policy",
            "version: STSv1\nmode: doubt\nmx: mail.example.com\nmax_age: 604800\n",
            1,
            &["policy/bad-mode"],
        ),
        ("policy", "", 1, &["policy/empty"]),
        ("sts-record", "v=STSv1; id=20240101T000000", 0, &[]),
        (
            "sts-record",
            "_mta-sts.example.com. 300 IN TXT \"v=STSv1; \" \"id=1\"",
            0,
            &[],
        ),
        (
            "sts-record",
            "v=spf1 -all",
            1,
            &["sts-record/wrong-record-type"],
        ),
        (
            "tlsrpt-record",
            "v=TLSRPTv1; rua=mailto:tlsrpt@example.com",
            0,
            &[],
        ),
        (
            "tlsrpt-record",
            "v=TLSRPTv2; rua=mailto:tlsrpt@example.com",
            1,
            &["tlsrpt-record/bad-version"],
        ),
    ];
    for (kind, input, code, want) in rows {
        let out = mtasts()
            .args(["lint", kind, "-", "--format", "json"])
            .write_stdin(*input)
            .assert()
            .code(*code);
        let v = json_of(&out.get_output().stdout);
        assert_eq!(v["valid"], Value::Bool(*code == 0), "{kind}: {input}");
        assert_eq!(v["input"], "<stdin>");
        let codes: Vec<&str> = v["diagnostics"]
            .as_array()
            .expect("array")
            .iter()
            .filter_map(|d| d["code"].as_str())
            .collect();
        assert_eq!(codes, *want, "{kind}: {input}");
        for d in v["diagnostics"].as_array().expect("array") {
            for k in ["severity", "line", "column", "message"] {
                assert!(!d[k].is_null(), "{k} in {d}");
            }
        }
    }
}

#[test]
fn lint_human_quotes_the_line_with_a_caret() {
    mtasts()
        .args(["lint", "policy"])
        .write_stdin("version: STSv1\nmode: enforce\nmx: mail.*.example.com\nmax_age: 86400\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[policy/mx-wildcard-not-leftmost]",
        ))
        .stdout(predicate::str::contains("<stdin>:3:5"))
        .stdout(predicate::str::contains("3 | mx: mail.*.example.com"))
        .stdout(predicate::str::contains("|     ^^^^^^^^^^^^^^^^^^"));
}

#[test]
fn lint_mx_coverage() {
    let out = mtasts()
        .args([
            "lint",
            "policy",
            "--mx",
            "mail.example.com",
            "--mx",
            "backup.example.org",
            "--format",
            "json",
        ])
        .write_stdin("version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n")
        .assert()
        .code(1);
    let v = json_of(&out.get_output().stdout);
    assert_eq!(v["coverage"]["hosts"][1]["host"], "backup.example.org");
    assert!(v["coverage"]["hosts"][1]["pattern"].is_null());
    assert_eq!(v["diagnostics"][0]["code"], "mx/not-covered-enforce");
}

#[test]
fn every_corpus_policy_and_record_gets_its_verdict() {
    let dir = corpus();
    let tsv = std::fs::read_to_string(dir.join("EXPECTED.tsv")).expect("corpus");
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let kind = match cols[0] {
            "policy" => "policy",
            "sts-txt" => "sts-record",
            "tlsrpt-txt" => "tlsrpt-record",
            _ => continue,
        };
        let code = if cols[2] == "valid" { 0 } else { 1 };
        mtasts()
            .args(["lint", kind])
            .arg(dir.join(cols[1]))
            .assert()
            .code(code);
    }
}

#[test]
fn report_json_contract_over_the_corpus() {
    let dir = corpus();
    let tsv = std::fs::read_to_string(dir.join("EXPECTED.tsv")).expect("corpus");
    let rows: Vec<Vec<&str>> = tsv
        .lines()
        .filter(|l| l.starts_with("report\t"))
        .map(|l| l.split('\t').collect())
        .collect();
    let mut cmd = mtasts();
    cmd.args(["report", "--format", "json"]);
    for r in &rows {
        cmd.arg(dir.join(r[1]));
    }
    let out = cmd.assert().code(0);
    let v = json_of(&out.get_output().stdout);
    let reports = v["reports"].as_array().expect("reports");
    assert_eq!(reports.len(), rows.len());
    for (r, want) in reports.iter().zip(&rows) {
        assert_eq!(r["organization"], want[2]);
        assert_eq!(r["report_id"], want[3]);
        assert_eq!(r["policies"].to_string(), want[4]);
        assert_eq!(r["successful"].to_string(), want[5]);
        assert_eq!(r["failed"].to_string(), want[6]);
        assert_eq!(r["failure_details"].to_string(), want[7]);
        assert!(r["warnings"].is_array());
    }
    assert_eq!(v["summary"]["duplicates"], 1);
    assert_eq!(v["summary"]["reports"], 12);
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(0));
}

#[test]
fn report_refusals_are_one_line_errors() {
    let tmp = std::env::temp_dir().join(format!("mtasts-cli-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("tmp");
    let junk = tmp.join("junk.bin");
    std::fs::write(&junk, [0u8, 159, 146, 150, 1, 2, 3]).expect("write");
    let out = mtasts()
        .args(["report", "--format", "json"])
        .arg(&junk)
        .assert()
        .code(1);
    let v = json_of(&out.get_output().stdout);
    assert_eq!(v["errors"][0]["code"], "report/unknown-format");
    mtasts()
        .args(["report"])
        .write_stdin("")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error:"));
    mtasts()
        .args(["report"])
        .arg(tmp.join("missing.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
    mtasts().args(["lint", "nonsense"]).assert().code(2);
}

#[test]
fn report_csv_has_header_and_rows() {
    let out = mtasts()
        .args(["report", "--format", "csv"])
        .arg(corpus().join("reports/rfc8460-example.json"))
        .assert()
        .code(0);
    let text = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("row,organization,report_id"));
    assert_eq!(lines.len(), 1 + 1 + 3);
}

#[test]
fn generate_output_lints_clean_through_the_cli() {
    let out = mtasts()
        .args([
            "generate",
            "--domain",
            "example.com",
            "--mx",
            "mx1.example.com,*.mx.example.net",
            "--rua",
            "tlsrpt@example.com",
            "--format",
            "json",
        ])
        .assert()
        .code(0);
    let v = json_of(&out.get_output().stdout);
    mtasts()
        .args(["lint", "policy"])
        .write_stdin(v["policy_text"].as_str().expect("text"))
        .assert()
        .code(0);
    mtasts()
        .args(["lint", "sts-record"])
        .write_stdin(v["sts_record"].as_str().expect("sts"))
        .assert()
        .code(0);
    mtasts()
        .args(["lint", "tlsrpt-record"])
        .write_stdin(v["tlsrpt_record"].as_str().expect("tls"))
        .assert()
        .code(0);
    assert!(v["steps"][0]
        .as_str()
        .is_some_and(|s| s.contains("tlsrpt@example.com")));
    mtasts()
        .args([
            "generate",
            "--domain",
            "bad domain",
            "--mx",
            "x.example.com",
        ])
        .assert()
        .code(1);
}

#[test]
fn messages_in_every_language_keep_codes_stable() {
    let policy = "version: STSv1\nmode: doubt\nmx: mail.example.com\nmax_age: 604800\n";
    let english = {
        let out = mtasts()
            .args(["lint", "policy", "--format", "json"])
            .write_stdin(policy)
            .assert()
            .code(1);
        json_of(&out.get_output().stdout)["diagnostics"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    for (how, lang) in [
        ("flag", "it"),
        ("flag", "es"),
        ("env", "de_DE.UTF-8"),
        ("env", "ja_JP.UTF-8"),
    ] {
        let mut cmd = mtasts();
        if how == "flag" {
            cmd.args(["--lang", lang]);
        } else {
            cmd.env("LANG", lang);
        }
        let out = cmd
            .args(["lint", "policy", "--format", "json"])
            .write_stdin(policy)
            .assert()
            .code(1);
        let v = json_of(&out.get_output().stdout);
        assert_eq!(v["diagnostics"][0]["code"], "policy/bad-mode", "{lang}");
        let msg = v["diagnostics"][0]["message"].as_str().unwrap_or_default();
        assert!(!msg.is_empty() && msg != english, "{lang}: {msg}");
        assert!(msg.contains("doubt"), "{lang}: {msg}");
        let mut cmd = mtasts();
        cmd.env("LANG", if how == "env" { lang } else { "C" });
        if how == "flag" {
            cmd.args(["--lang", lang]);
        }
        cmd.args(["lint", "policy"])
            .write_stdin(policy)
            .assert()
            .code(1)
            .stdout(predicate::str::contains("[policy/bad-mode]"));
    }
}

#[test]
fn explain_shows_the_rule_in_every_language_and_refuses_unknown_codes() {
    let mut messages = std::collections::HashSet::new();
    for lang in ["en", "it", "es", "de", "ja"] {
        let out = mtasts()
            .args([
                "explain",
                "policy/bad-mode",
                "--format",
                "json",
                "--lang",
                lang,
            ])
            .output()
            .expect("run");
        assert!(out.status.success(), "{lang}");
        let v = json_of(&out.stdout);
        assert_eq!(v["code"], "policy/bad-mode");
        assert_eq!(v["severity"], "error");
        assert_eq!(v["rfc"], "RFC 8461 §3.2");
        assert_eq!(v["section"], "MTA-STS Policies");
        assert!(
            v["fix"].as_str().is_some_and(|f| f.contains("mode:")),
            "{lang}: {v}"
        );
        assert_eq!(v["bad"]["findings"][0]["code"], "policy/bad-mode", "{lang}");
        assert_eq!(v["good"]["findings"].as_array().map(Vec::len), Some(0));
        assert!(v["excerpt"]
            .as_str()
            .is_some_and(|e| e.starts_with("3.2.  MTA-STS Policies")));
        messages.insert(v["message"].as_str().unwrap_or_default().to_owned());
        messages.insert(v["why"].as_str().unwrap_or_default().to_owned());
    }
    assert_eq!(
        messages.len(),
        10,
        "five languages, five messages and five reasons: {messages:?}"
    );
    mtasts()
        .args(["explain", "report/missing-field"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "RFC 8460 §4.4 “JSON Report Schema”",
        ));
    mtasts()
        .args(["explain", "bad-mod"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("policy/bad-mode"));
    let all = mtasts()
        .args(["explain", "--format", "json"])
        .output()
        .expect("run");
    let list = json_of(&all.stdout);
    assert!(list.as_array().is_some_and(|a| a.len() > 130));
    assert!(
        list.as_array()
            .into_iter()
            .flatten()
            .all(|r| r["section"].is_string()),
        "every code names its section"
    );
}

#[test]
fn check_refuses_csv_and_generate_takes_a_given_id() {
    mtasts()
        .args(["check", "example.com", "--format", "csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format csv"));
    let generate = |id: &str| {
        let mut c = mtasts();
        c.args([
            "generate",
            "--domain",
            "example.com",
            "--mx",
            "mx1.example.com",
            "--id",
            id,
        ]);
        c
    };
    let out = generate("2026x1")
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let v = json_of(&out.stdout);
    assert_eq!(v["id"], "2026x1");
    assert_eq!(v["warnings"][0]["code"], "generate/no-rua");
    generate("2026-01")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("sts-record/id-invalid-char"));
}

/// A report of `n` failure details, each its own sending IP and receiving MX.
fn wide_report(n: usize) -> String {
    let details: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"result-type": "certificate-expired", "sending-mta-ip": "192.0.2.{}", "receiving-mx-hostname": "mx{i}.wide.example", "failed-session-count": {}}}"#,
                i % 250,
                1 + i % 4
            )
        })
        .collect();
    format!(
        r#"{{"organization-name": "Wide", "report-id": "w-1", "date-range": {{"start-datetime": "2026-01-01T00:00:00Z", "end-datetime": "2026-01-01T23:59:59Z"}},
        "policies": [{{"policy": {{"policy-type": "sts", "policy-domain": "wide.example"}},
        "summary": {{"total-successful-session-count": 1, "total-failure-session-count": 1}}, "failure-details": [{}]}}]}}"#,
        details.join(",")
    )
}

/// The long breakdowns are the top N (default 100) with the rest totalled in `more`; `--all` lists every row,
/// `--top N` any number; the totals stay exact either way; the human format says what it left out.
#[test]
fn report_top_n_all_and_more() {
    let dir = std::env::temp_dir().join(format!("mtasts-cli-top-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let file = dir.join("wide.json");
    std::fs::write(&file, wide_report(300)).expect("write");
    let failed_all: u64 = (0..300u64).map(|i| 1 + i % 4).sum();
    let run = |args: &[&str]| {
        let out = mtasts()
            .args(["report", "--format", "json"])
            .args(args)
            .arg(&file)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}");
        json_of(&out.stdout)["summary"].clone()
    };
    for (args, shown) in [
        (&[][..], 100usize),
        (&["--top", "7"][..], 7),
        (&["--top", "0"][..], 0),
        (&["--all"][..], 300),
    ] {
        let s = run(args);
        let rows = s["failures"].as_array().expect("rows");
        assert_eq!(rows.len(), shown, "{args:?}");
        let shown_failed: u64 = rows
            .iter()
            .map(|r| r["failed_session_count"].as_u64().unwrap_or(0))
            .sum();
        assert_eq!(
            s["more"]["failures"]["count"],
            (300 - shown) as u64,
            "{args:?}"
        );
        assert_eq!(
            s["more"]["failures"]["failed"],
            failed_all - shown_failed,
            "{args:?}"
        );
        let mx = s["by_receiving_mx"].as_array().expect("mx").len();
        assert_eq!(mx, shown, "{args:?}");
        assert_eq!(s["more"]["by_receiving_mx"]["count"], (300 - shown) as u64);
        // 250 distinct sending IPs
        assert_eq!(
            s["by_sending_ip"].as_array().expect("ip").len(),
            shown.min(250)
        );
        assert_eq!(s["failed"], 1, "the report's own totals are untouched");
        // most failed sessions first
        let counts: Vec<u64> = rows
            .iter()
            .map(|r| r["failed_session_count"].as_u64().unwrap_or(0))
            .collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{args:?}");
    }
    mtasts()
        .args(["report", "--top", "3", "--all"])
        .arg(&file)
        .assert()
        .code(2);
    mtasts()
        .args(["report", "--lang", "en"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("… and 280 more"));
}

/// `report --alert` / `--digest`: the watch from files (core's rules on facts summed from the reports).
#[test]
fn report_alert_and_digest_from_files() {
    let file = corpus().join("reports/rfc8460-example.json");
    let file = file.to_str().expect("path");
    // 303 of 5,629 sessions failed on the report's day: 5.4 %, over the default 5 % — exit 1, the alert in JSON
    let out = mtasts()
        .args([
            "report",
            file,
            "--alert",
            "--day",
            "2016-04-01",
            "--format",
            "json",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    let codes: Vec<&str> = v["alerts"]
        .as_array()
        .expect("alerts")
        .iter()
        .filter_map(|a| a["code"].as_str())
        .collect();
    assert_eq!(codes, ["watch/failure-rate"]);
    assert_eq!(v["alerts"][0]["evidence"]["sessions"], "5629");
    assert_eq!(v["alerts"][0]["rfc"], "RFC 8460 §4.2.2");
    // a higher threshold: nothing fires, exit 0
    mtasts()
        .args([
            "report",
            file,
            "--alert",
            "--day",
            "2016-04-01",
            "--failure-rate",
            "10",
        ])
        .assert()
        .code(0);
    // four days later with no report since: the reporting path looks broken
    let later = json_of(
        &mtasts()
            .args([
                "report",
                file,
                "--alert",
                "--since",
                "2016-04-05",
                "--format",
                "json",
            ])
            .assert()
            .code(1)
            .get_output()
            .stdout,
    );
    assert_eq!(later["alerts"][0]["code"], "watch/reports-stopped");
    // the digest in German
    mtasts()
        .args([
            "--lang",
            "de",
            "report",
            file,
            "--digest",
            "--day",
            "2016-04-01",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("TLS-Berichte vom 2016-04-01"))
        .stdout(predicate::str::contains(
            "Sitzungen: 5629 · fehlgeschlagen: 303",
        ))
        .stdout(predicate::str::contains("starttls-not-supported: 200"));
    // bad thresholds and days are usage errors (exit 2), and so are --since and --day without what they serve
    for bad in [
        vec!["--alert", "--failure-rate", "0"],
        vec!["--alert", "--silent-days", "0"],
        vec!["--alert", "--day", "2016-02-30"],
        vec!["--alert", "--since", "yesterday"],
        vec!["--since", "24h"],
        vec!["--day", "2016-04-01"],
    ] {
        let mut args = vec!["report", file];
        args.extend(bad.iter().copied());
        mtasts().args(&args).assert().code(2);
    }
}
