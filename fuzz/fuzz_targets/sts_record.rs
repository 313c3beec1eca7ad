//! `_mta-sts` input (bare, quoted, zone/dig, several lines) never panics; spans map inside the input.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mtasts_core::{i18n::Catalog, record};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let lint = record::sts::lint(text);
    let cat = Catalog::english();
    for d in &lint.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "span {:?} of {}", d.span, text.len());
        let _ = cat.message(d);
    }
    if let Some(r) = lint.record {
        assert!(record::sts::is_valid_id(&r.id));
        assert_eq!(record::sts::lint(&r.to_txt()).record.map(|x| x.id), Some(r.id));
    }
});
