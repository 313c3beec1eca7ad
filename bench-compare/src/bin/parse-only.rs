//! "Parsing alone" for `whole-process.sh`: the same process start and file read as `mtasts report`, then
//! mtasts-core's parser and nothing else.

/// The allocator `mtasts` uses (cli/src/main.rs), so the comparison is of code, not allocators.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let path = std::env::args().nth(1).expect("usage: parse-only FILE");
    let bytes = std::fs::read(&path).expect("read");
    let report = mtasts_core::report::decode::parse_json(&bytes).expect("parse");
    std::process::exit(i32::from(report.policies().is_empty()));
}
