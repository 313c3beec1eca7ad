//! `mtasts check` against the loopback testbed (`mtasts-testbed`), which speaks the real protocols: a DNS server
//! (UDP), HTTPS policy hosts with a test CA, and SMTP servers with STARTTLS — one domain per case. The worker's
//! `/api/check` is run against the same testbed in tests/check.test.mjs, and must give the same verdicts.

use assert_cmd::Command;
use mtasts_testbed::{smtp::serve_smtp, Testbed};
use serde_json::Value;
use std::path::PathBuf;

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mtasts-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    dir
}

/// Runs `mtasts check DOMAIN --format json` against the testbed; returns the answer and the exit code.
fn check(tb: &Testbed, domain: &str, extra: &[&str]) -> (Value, Option<i32>) {
    let out = Command::cargo_bin("mtasts")
        .expect("binary")
        .env_remove("LANG")
        .args([
            "check",
            domain,
            "--format",
            "json",
            "--timeout",
            "2",
            "--dns-timeout",
            "2",
        ])
        .args(["--resolver", &tb.dns.to_string()])
        .args(["--https-port", &tb.https_port.to_string()])
        .arg("--ca-file")
        .arg(&tb.ca)
        .args(extra)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("run");
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{domain}: {}", String::from_utf8_lossy(&out.stderr)));
    (v, out.status.code())
}

/// Error and warning codes of an answer (infos aside).
fn codes(v: &Value) -> Vec<String> {
    findings(v)
        .iter()
        .filter(|d| d["severity"] != "info")
        .filter_map(|d| d["code"].as_str().map(str::to_owned))
        .collect()
}

/// Every finding of a check answer: about DNS and HTTP, then in the fetched policy.
fn findings(v: &Value) -> Vec<Value> {
    let list = |k: &str| v[k].as_array().cloned().expect(k);
    [list("diagnostics"), list("policy_diagnostics")].concat()
}

fn all_codes(v: &Value) -> Vec<String> {
    findings(v)
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn every_testbed_case_gets_its_verdict() {
    let tb = mtasts_testbed::start(&scratch("check"), 0);
    // an MX that does STARTTLS with a certificate for whatever name it is asked for
    let smtp = serve_smtp(Some(tb.pki.server_by_name(|sni| sni.to_owned()))).to_string();
    for c in &tb.cases {
        let (v, code) = check(&tb, &c.domain, &["--smtp-port", &smtp]);
        assert_eq!(v["status"], c.status, "{}: {v}", c.name);
        let got = codes(&v);
        for want in &c.codes {
            assert!(
                got.iter().any(|g| g == want),
                "{}: want {want} in {got:?}",
                c.name
            );
        }
        if c.codes.is_empty() {
            assert!(got.is_empty(), "{}: {got:?}", c.name);
        }
        // the testbed signs good.check.test: the resolver's AD bit is reported
        let dnssec = all_codes(&v)
            .into_iter()
            .find(|c| c.starts_with("check/dnssec-"));
        assert_eq!(dnssec.as_deref(), c.dnssec, "{}", c.name);
        // exit 1: the domain is broken; 2: the checker could not run (its resolver), no verdict
        let exit = match c.status {
            "broken" => 1,
            "could-not-check" => 2,
            _ => 0,
        };
        assert_eq!(code, Some(exit), "{}: exit code", c.name);
        assert_eq!(v["smtp_tested"], true, "{}", c.name);
    }
}

#[test]
fn starttls_problems_on_the_mx_are_caught() {
    let tb = mtasts_testbed::start(&scratch("smtp"), 0);
    let domain = "good.check.test";
    let no_starttls = serve_smtp(None).to_string();
    let other_name = serve_smtp(Some(tb.pki.server(&["mx.elsewhere.test"]))).to_string();
    for (port, want) in [
        (no_starttls, "check/mx-no-starttls"),
        (other_name, "check/mx-cert-mismatch"),
    ] {
        let (v, code) = check(&tb, domain, &["--smtp-port", &port]);
        assert_eq!(v["status"], "broken", "{want}: {v}");
        assert!(codes(&v).contains(&want.to_owned()), "{want}: {v}");
        assert_eq!(code, Some(1));
    }
    let (v, code) = check(&tb, domain, &["--no-smtp"]);
    assert_eq!((v["status"].as_str(), code), (Some("working"), Some(0)));
    assert_eq!(v["smtp_tested"], false);
    assert!(all_codes(&v).contains(&"check/smtp-not-tested".to_owned()));
}

#[test]
fn a_policy_changed_without_a_new_id_is_caught_across_runs() {
    let dir = scratch("state");
    let tb = mtasts_testbed::start(&dir.join("tb"), 0);
    let state = dir.join("state.json");
    let _ = std::fs::remove_file(&state);
    let state = state.to_str().expect("utf-8 path");
    let run = || all_codes(&check(&tb, "changed.check.test", &["--no-smtp", "--state", state]).0);
    let flagged = |c: Vec<String>| c.contains(&"check/id-not-changed".to_owned());
    assert!(!flagged(run()), "first sight");
    assert!(!flagged(run()), "same policy, same id: fine");
    tb.next_policy();
    assert!(flagged(run()), "policy changed, id did not");
    assert!(flagged(run()), "still flagged until the id changes");
}

#[test]
fn human_output_points_into_the_fetched_policy_errors_first() {
    let tb = mtasts_testbed::start(&scratch("human"), 0);
    let out = Command::cargo_bin("mtasts")
        .expect("binary")
        .env_remove("LANG")
        .args([
            "check",
            "uncovered.check.test",
            "--no-smtp",
            "--timeout",
            "5",
        ])
        .args(["--resolver", &tb.dns.to_string()])
        .args(["--https-port", &tb.https_port.to_string()])
        .arg("--ca-file")
        .arg(&tb.ca)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.starts_with("uncovered.check.test: MTA-STS is broken"),
        "{text}"
    );
    assert!(text.contains("Next: fix the errors below"), "{text}");
    let error = text
        .find("error[mx/not-covered-enforce]")
        .expect("the error");
    let note = text.find("note[").expect("a note");
    assert!(error < note, "errors first:\n{text}");
    assert!(
        text.contains("--> https://mta-sts.uncovered.check.test/.well-known/mta-sts.txt:4:5"),
        "{text}"
    );
}
