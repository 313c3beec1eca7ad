//! mail-auth 0.13.3's whole-process baseline for `whole-process.sh`: read a TLS report file, parse it, and write
//! it back as JSON (what a tool built on mail-auth does to show or store a report).

use std::io::Write;

/// The allocator `mtasts` uses (cli/src/main.rs), so the comparison is of code, not allocators.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let path = std::env::args().nth(1).expect("usage: mailauth-json FILE");
    let bytes = std::fs::read(&path).expect("read");
    let report = mail_auth::report::tlsrpt::TlsReport::parse_json(&bytes).expect("parse");
    let out = serde_json::to_vec(&report).expect("serialize");
    std::io::stdout().lock().write_all(&out).expect("write");
}
