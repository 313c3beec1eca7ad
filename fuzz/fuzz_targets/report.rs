//! Report decoding (sniffing, gzip with caps, e-mail, JSON), validation, aggregation and CSV export never panic;
//! every message renders; and a decoded report serialized in RFC 8460 §4.4's shape reads back as the same report.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mtasts_core::i18n::{Catalog, Lang};
use mtasts_core::report::{self, export, Aggregator, Filter, Limits};

fuzz_target!(|data: &[u8]| {
    let cat = Catalog::get(Lang::En);
    let limits = Limits { max_input: 1 << 20, max_inflated: 4 << 20 };
    match report::load(data, limits) {
        Ok(loaded) => {
            let mut a = Aggregator::new(Filter::default());
            for l in &loaded {
                a.add(&l.report);
                for w in &l.warnings {
                    let _ = cat.message(w);
                }
                let json = serde_json::to_vec(&l.report).expect("serializable");
                let again = report::load(&json, Limits { max_input: usize::MAX, max_inflated: usize::MAX })
                    .expect("a serialized report reads back");
                assert_eq!(again[0].report, l.report);
            }
            let s = a.summary();
            assert!(s.reports as usize <= loaded.len());
            let _ = export::to_csv(loaded.iter().map(|l| &l.report));
        }
        Err(d) => {
            let _ = cat.message(&d);
        }
    }
});
