//! Parser benchmarks: policy, TXT records, reports (a 26 MB report of 1,000 policies × 100 failure details and a
//! small one), and .json.gz decode + parse. Figures are in the README; targets there, not in tests.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use mtasts_core::report::{decode, Limits};
use mtasts_core::{policy, record};
use std::hint::black_box;
use std::io::Write;

const POLICY: &str = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmx: backupmx.example.com\r\nmax_age: 604800\r\n";
const SMALL: &str = include_str!("../../../shared/corpus/reports/real/google-cryinc.json");

include!("common/big_report.rs");

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("policy");
    g.throughput(Throughput::Bytes(POLICY.len() as u64));
    g.bench_function("lint", |b| b.iter(|| policy::lint(black_box(POLICY))));
    g.finish();

    let mut g = c.benchmark_group("record");
    for (name, txt) in [
        ("sts", "v=STSv1; id=20160831085700Z;"),
        (
            "tlsrpt",
            "v=TLSRPTv1; rua=mailto:reports@example.com,https://reporting.example.com/v1/tlsrpt",
        ),
    ] {
        g.bench_with_input(BenchmarkId::from_parameter(name), txt, |b, t| {
            b.iter(|| match name {
                "sts" => record::sts::lint(black_box(t)).is_valid(),
                _ => record::tlsrpt::lint(black_box(t)).is_valid(),
            })
        });
    }
    g.finish();

    let big = big_report(1000, 100);
    let mut g = c.benchmark_group("report");
    g.throughput(Throughput::Bytes(SMALL.len() as u64));
    g.bench_function("parse-small", |b| {
        b.iter(|| decode::parse_json(black_box(SMALL.as_bytes())))
    });
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(SMALL.as_bytes()).expect("memory");
    let small_gz = enc.finish().expect("memory");
    g.bench_function("load-small-gz", |b| {
        b.iter(|| mtasts_core::report::load(black_box(&small_gz), Limits::default()))
    });
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(10);
    g.bench_function(format!("parse-{}MB", big.len() >> 20), |b| {
        b.iter(|| decode::parse_json(black_box(big.as_bytes())))
    });
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(big.as_bytes()).expect("memory");
    let gz = enc.finish().expect("memory");
    g.bench_function("gzip-decode-and-parse-big", |b| {
        b.iter(|| decode::decode(black_box(&gz), Limits::default()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
