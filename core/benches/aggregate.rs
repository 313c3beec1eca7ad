//! Aggregation alone (the dashboard's totals and breakdowns, core's one aggregator for the CLI, the worker and
//! the web app): the 26 MB synthetic report (1,000 policies × 100 failure details) parsed once outside the
//! timing, and 1,000 small reports. Beside `parse.rs`'s parse figures, this is the baseline the speed issue
//! measures against ("aggregation costs at most a third of parsing").

use criterion::{criterion_group, criterion_main, Criterion};
use mtasts_core::report::{decode, Aggregator, Filter, Report};
use std::hint::black_box;

const SMALL: &str = include_str!("../../../shared/corpus/reports/real/google-cryinc.json");

include!("common/big_report.rs");

fn summarize(reports: &[Report]) -> usize {
    let mut a = Aggregator::new(Filter::default());
    for r in reports {
        a.add(r);
    }
    a.summary().failures.len()
}

fn bench(c: &mut Criterion) {
    let big = decode::parse_json(big_report(1000, 100).as_bytes()).expect("big report parses");
    // 1,000 small reports, each its own (organization, report-id), so none is a duplicate
    let small: Vec<Report> = (0..1000)
        .map(|i| {
            let json = SMALL.replacen("\"report-id\": \"", &format!("\"report-id\": \"{i}-"), 1);
            decode::parse_json(json.as_bytes()).expect("small report parses")
        })
        .collect();
    let mut g = c.benchmark_group("aggregate");
    g.sample_size(10);
    g.bench_function("big-26MB", |b| {
        b.iter(|| summarize(black_box(std::slice::from_ref(&big))))
    });
    g.bench_function("1000-small", |b| b.iter(|| summarize(black_box(&small))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
