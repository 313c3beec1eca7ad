//! Policy linting (with MX coverage) never panics, its spans stay inside the input, and every message renders.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mtasts_core::{diag::LineIndex, i18n::Catalog, policy};

fuzz_target!(|data: &[u8]| {
    let lint = policy::lint_bytes(data);
    for d in &lint.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= data.len().max(d.span.end.min(data.len())), "span {:?}", d.span);
    }
    let text = String::from_utf8_lossy(data);
    let idx = LineIndex::new(&text);
    let cat = Catalog::english();
    for d in &lint.diagnostics {
        let _ = idx.line_col(d.span.start);
        let _ = cat.message(d);
        let _ = cat.fix(d);
    }
    if let Some(p) = lint.policy {
        // a valid policy round-trips through its canonical text
        assert_eq!(policy::lint(&p.to_text("\r\n")).policy.map(|q| (q.mode, q.max_age, q.mx)), Some((p.mode, p.max_age, p.mx.clone())));
    }
    let hosts: Vec<&str> = text.lines().take(4).collect();
    let _ = policy::lint_with_mx(&text, &hosts);
});
