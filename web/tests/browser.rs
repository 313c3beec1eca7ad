//! In the browser (headless Chromium via wasm-bindgen-test): report decoding as the viewer does it (gzip,
//! e-mail, a gzip bomb), and components rendering untrusted text as text.

use mtasts_core::report::{self, Aggregator, Filter, Limits};
use mtasts_web::components::dashboard::{Dashboard, DashboardProps};
use mtasts_web::components::diagnostics::{DiagnosticList, DiagnosticListProps};
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// the corpus of MTASTS_CORPUS (web/build.rs), included at compile time: the browser cannot read files
const GZ_PATH: &str = "reports/real/google.com!cardinalhealth.ca!1725321600!1725407999!001.json.gz";
const GZ: &[u8] = include_bytes!(concat!(
    env!("MTASTS_CORPUS_DIR"),
    "/reports/real/google.com!cardinalhealth.ca!1725321600!1725407999!001.json.gz"
));
const EML_PATH: &str = "reports/real/tlsrpt_success_microsoft-isseis.eml";
const EML: &[u8] = include_bytes!(concat!(
    env!("MTASTS_CORPUS_DIR"),
    "/reports/real/tlsrpt_success_microsoft-isseis.eml"
));
const EXPECTED: &str = include_str!(concat!(env!("MTASTS_CORPUS_DIR"), "/EXPECTED.tsv"));

/// The report row of EXPECTED.tsv for `path`: organization, report-id, policies, successful, failed, rows.
fn expected(path: &str) -> Vec<&'static str> {
    EXPECTED
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|cols| cols.len() > 7 && cols[0] == "report" && cols[1] == path)
        .map(|cols| cols[2..].to_vec())
        .unwrap_or_else(|| panic!("{path} is not in EXPECTED.tsv"))
}

/// The report decodes in the browser to the figures EXPECTED.tsv gives.
fn decodes_as_expected(bytes: &[u8], path: &str) {
    let l = report::load(bytes, Limits::default()).expect(path);
    let r = &l[0].report;
    let want = expected(path);
    assert_eq!(r.organization(), want[0], "{path}");
    assert_eq!(r.id(), want[1], "{path}");
    assert_eq!(r.policies().len().to_string(), want[2], "{path}");
    assert_eq!(r.successful().to_string(), want[3], "{path}");
    assert_eq!(r.failed().to_string(), want[4], "{path}");
}

#[wasm_bindgen_test]
fn gzip_report_decodes_in_the_browser() {
    decodes_as_expected(GZ, GZ_PATH);
}

#[wasm_bindgen_test]
fn email_report_decodes_in_the_browser() {
    decodes_as_expected(EML, EML_PATH);
}

#[wasm_bindgen_test]
fn gzip_bomb_is_refused_in_the_browser() {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(&vec![0u8; 16 << 20]).expect("memory");
    let bomb = e.finish().expect("memory");
    let err = report::load(
        &bomb,
        Limits {
            max_input: 1 << 20,
            max_inflated: 1 << 20,
        },
    )
    .expect_err("refused");
    assert_eq!(err.code.name(), "report/inflated-too-large");
}

fn mount() -> web_sys::Element {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let div = doc.create_element("div").expect("div");
    doc.body()
        .expect("body")
        .append_child(&div)
        .expect("append");
    div
}

async fn tick() {
    gloo::timers::future::TimeoutFuture::new(20).await;
}

#[wasm_bindgen_test]
async fn dashboard_renders_report_content_as_text() {
    let json = r#"{"organization-name":"<img src=x onerror=alert(1)>","report-id":"x","date-range":{"start-datetime":"2026-01-01T00:00:00Z","end-datetime":"2026-01-01T23:59:59Z"},
      "policies":[{"policy":{"policy-type":"sts","policy-domain":"d.example"},"summary":{"total-successful-session-count":5,"total-failure-session-count":1},
      "failure-details":[{"result-type":"<script>x()</script>","failed-session-count":1,"additional-information":"javascript:alert(1)"}]}]}"#;
    let r = report::decode::parse_json(json.as_bytes()).expect("report");
    let mut a = Aggregator::new(Filter::default());
    a.add(&r);
    let root = mount();
    yew::Renderer::<Dashboard>::with_root_and_props(
        root.clone(),
        DashboardProps {
            summary: Rc::new(a.summary()),
        },
    )
    .render();
    tick().await;
    let summary = root
        .query_selector("#report-summary")
        .expect("query")
        .expect("summary");
    assert_eq!(
        summary.get_attribute("data-successful").as_deref(),
        Some("5")
    );
    assert_eq!(summary.get_attribute("data-failed").as_deref(), Some("1"));
    assert!(root
        .text_content()
        .unwrap_or_default()
        .contains("<script>x()</script>"));
    assert_eq!(
        root.query_selector_all("img, script, a[href^='javascript:']")
            .expect("query")
            .length(),
        0
    );
}

#[wasm_bindgen_test]
async fn diagnostics_carry_code_and_severity_hooks() {
    // the app fetches its catalogs at start; here the English one is installed directly
    mtasts_core::i18n::Catalog::install(
        mtasts_core::i18n::Lang::En,
        include_str!("../../core/locales/en.ftl"),
    );
    let lint = mtasts_core::policy::lint(
        "version: STSv1\nmode: doubt\nmx: a.example.com\nmax_age: 86400\n",
    );
    let root = mount();
    yew::Renderer::<DiagnosticList>::with_root_and_props(
        root.clone(),
        DiagnosticListProps {
            diagnostics: lint.diagnostics,
            text: None,
            on_pick: None,
            place: None,
            id: "diagnostics".into(),
        },
    )
    .render();
    tick().await;
    let li = root
        .query_selector("[data-code]")
        .expect("query")
        .expect("a diagnostic");
    assert_eq!(
        li.get_attribute("data-code").as_deref(),
        Some("policy/bad-mode")
    );
    assert_eq!(li.get_attribute("data-severity").as_deref(), Some("error"));
    let msg = li
        .query_selector(".diag-msg")
        .expect("query")
        .expect("message");
    let text = msg.text_content().unwrap_or_default();
    assert!(
        text.contains("doubt"),
        "message rendered from the catalog: {text}"
    );
}

#[wasm_bindgen_test]
async fn server_rendered_findings_are_text_not_markup() {
    use mtasts_web::components::diagnostics::{
        RenderedDiagnosticList, RenderedDiagnosticListProps,
    };
    // a policy host controls its Location header and policy text, which the check's messages quote
    let evil = serde_json::json!({
        "code": "check/policy-redirect", "severity": "error", "line": 0, "column": 0,
        "message": "`https://mta-sts.example.com/` redirects to `<img src=x onerror=alert(1)>`",
        "fix": "<script>alert(2)</script>", "rfc": "RFC 8461 §3.3"
    });
    let root = mount();
    yew::Renderer::<RenderedDiagnosticList>::with_root_and_props(
        root.clone(),
        RenderedDiagnosticListProps {
            diagnostics: vec![evil],
            id: "evil".into(),
        },
    )
    .render();
    tick().await;
    let li = root
        .query_selector("[data-code='check/policy-redirect'][data-severity='error']")
        .expect("query")
        .expect("the finding");
    assert!(li.query_selector("img, script").expect("query").is_none());
    let text = li.text_content().unwrap_or_default();
    assert!(text.contains("<img src=x onerror=alert(1)>"), "{text}");
    assert!(text.contains("<script>alert(2)</script>"), "{text}");
}
