//! Report decoding (sniffing, gzip with caps, e-mail, JSON), validation, aggregation and CSV export never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mtasts_core::report::{self, export, Aggregator, Filter, Limits};

fuzz_target!(|data: &[u8]| {
    let limits = Limits { max_input: 1 << 20, max_inflated: 4 << 20 };
    match report::load(data, limits) {
        Ok(loaded) => {
            let mut a = Aggregator::new(Filter::default());
            for l in &loaded {
                a.add(&l.report);
                for w in &l.warnings {
                    let _ = w.message();
                }
            }
            let s = a.summary();
            assert!(s.reports as usize <= loaded.len());
            let _ = export::to_csv(loaded.iter().map(|l| &l.report));
        }
        Err(d) => {
            let _ = d.message();
        }
    }
});
