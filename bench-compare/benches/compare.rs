//! mtasts-core vs mail-auth 0.13.3: the same small and 26 MB reports, parsed in the same process.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

const SMALL: &str = include_str!("../../../shared/corpus/reports/real/google-cryinc.json");

include!("../../core/benches/common/big_report.rs");

fn bench(c: &mut Criterion) {
    let big = big_report(1000, 100);
    for (name, input) in [("small", SMALL.to_owned()), ("big", big)] {
        let mut g = c.benchmark_group(format!("report-{name}"));
        g.throughput(Throughput::Bytes(input.len() as u64));
        if name == "big" {
            g.sample_size(10);
        }
        assert!(mail_auth::report::tlsrpt::TlsReport::parse_json(input.as_bytes()).is_ok());
        g.bench_function("mtasts-core", |b| {
            b.iter(|| mtasts_core::report::decode::parse_json(black_box(input.as_bytes())))
        });
        g.bench_function("mail-auth", |b| {
            b.iter(|| mail_auth::report::tlsrpt::TlsReport::parse_json(black_box(input.as_bytes())))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
