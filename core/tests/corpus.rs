//! Every file of the shared corpus gives what `EXPECTED.tsv` says: policies and TXT records valid or invalid,
//! reports with their organization, report-id, policy count, session totals and failure-detail rows.

use mtasts_core::{diag, policy, record, report};
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    std::env::var_os("MTASTS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"))
}

#[test]
fn corpus_matches_expected_tsv() {
    let dir = corpus_dir();
    let tsv = std::fs::read_to_string(dir.join("EXPECTED.tsv"))
        .expect("the corpus is at ../shared/corpus (or $MTASTS_CORPUS)");
    let english = mtasts_core::i18n::Catalog::get(mtasts_core::i18n::Lang::En);
    let mut checked = 0;
    let mut failures = Vec::new();
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (kind, path) = (cols[0], cols[1]);
        let bytes = std::fs::read(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let text = String::from_utf8_lossy(&bytes);
        let got = match kind {
            "policy" => verdict(&policy::lint_bytes(&bytes).diagnostics),
            "sts-txt" => verdict(&record::sts::lint(&text).diagnostics),
            "tlsrpt-txt" => verdict(&record::tlsrpt::lint(&text).diagnostics),
            "report" => match report::load(&bytes, report::Limits::default()) {
                Ok(loaded) => {
                    let r = &loaded[0].report;
                    format!(
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        r.organization(),
                        r.id(),
                        r.policies().len(),
                        r.successful(),
                        r.failed(),
                        r.failure_detail_rows()
                    )
                }
                Err(e) => format!("error: {}", english.message(&e)),
            },
            other => panic!("unknown kind {other}"),
        };
        let want = if kind == "report" {
            cols[2..8].join("\t")
        } else {
            cols[2].to_owned()
        };
        if got != want {
            failures.push(format!("{path}: want {want:?}, got {got:?}"));
        }
        checked += 1;
    }
    assert!(checked >= 35, "only {checked} corpus rows");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn verdict(d: &[diag::Diagnostic]) -> String {
    if diag::has_errors(d) {
        "invalid"
    } else {
        "valid"
    }
    .to_owned()
}

#[test]
fn corpus_reports_aggregate_with_dedup() {
    let dir = corpus_dir().join("reports");
    let mut files: Vec<PathBuf> = vec![dir.join("rfc8460-example.json")];
    for e in std::fs::read_dir(dir.join("real")).expect("reports/real") {
        files.push(e.expect("dir entry").path());
    }
    let mut agg = report::Aggregator::new(report::Filter::default());
    for f in &files {
        for l in report::load(&std::fs::read(f).expect("read"), report::Limits::default())
            .expect("loads")
        {
            agg.add(&l.report);
        }
    }
    let s = agg.summary();
    // 13 files; the Google e-mail and its saved attachment are the same report.
    assert_eq!(files.len(), 13);
    assert_eq!((s.reports, s.duplicates), (12, 1));
    assert_eq!(s.successful, 5326 + 1 + 48 + 4 + 1 + 1 + 1 + 4 + 2);
    assert_eq!(s.failed, 303 + 3 + 1 + 3);
}

/// The parsed view (`GET /api/reports/<key>`, `mtasts report --format json`'s model) is the report as RFC 8460
/// §4.4 writes it: serialized and read again, every corpus report is the same report.
#[test]
fn every_corpus_report_round_trips_through_its_serialized_form() {
    let dir = corpus_dir();
    let tsv = std::fs::read_to_string(dir.join("EXPECTED.tsv")).expect("EXPECTED.tsv");
    let mut checked = 0;
    for line in tsv.lines().filter(|l| l.starts_with("report\t")) {
        let path = line.split('\t').nth(1).expect("path");
        let bytes = std::fs::read(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let Ok(loaded) = report::load(&bytes, report::Limits::default()) else {
            continue;
        };
        for l in loaded {
            let json = serde_json::to_vec(&l.report).expect("serializable");
            let text = String::from_utf8_lossy(&json);
            assert!(
                !text.contains("{\"value\""),
                "{path}: counts are plain numbers: {text}"
            );
            assert!(
                !text.contains(":null") || l.report.contact_info == Some(None),
                "{path}: absent fields stay absent: {text}"
            );
            let again = report::load(&json, report::Limits::default())
                .unwrap_or_else(|e| panic!("{path}: re-read: {:?}", e.code));
            assert_eq!(again[0].report, l.report, "{path}");
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} reports");
}
