//! Input detection never panics, and whatever the generator accepts lints clean.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mtasts_core::generate::{generate, IdSource, Request};
use mtasts_core::policy::{self, Mode};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = mtasts_core::detect::detect(text);
    let mut parts = text.split('\u{0}');
    let domain = parts.next().unwrap_or("").to_owned();
    let mx: Vec<String> = parts.next().unwrap_or("").split('\n').map(str::to_owned).collect();
    let rua: Vec<String> = parts.next().unwrap_or("").split(',').map(str::to_owned).collect();
    let max_age = (data.len() as u64 * 7919) % 40_000_000;
    let mode = [Mode::Testing, Mode::Enforce, Mode::None][data.len() % 3];
    if let Ok(g) = generate(&Request { domain, mx, mode, max_age, rua, id: IdSource::PolicyHash }) {
        let lint = policy::lint(&g.policy_text);
        assert!(lint.is_valid(), "{:?}\n{}", lint.diagnostics, g.policy_text);
        assert!(mtasts_core::record::sts::lint(&g.sts_record).is_valid());
        if let Some(t) = &g.tlsrpt_record {
            assert!(mtasts_core::record::tlsrpt::lint(t).is_valid(), "{t}");
        }
    }
});
