//! Writes the benchmarks' synthetic report (1,000 policies × 100 failure details, ~26 MB) to standard output,
//! for whole-process comparisons (`bench-compare/whole-process.sh`).

include!("../benches/common/big_report.rs");

fn main() {
    print!("{}", big_report(1000, 100));
}
