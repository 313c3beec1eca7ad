//! `mtasts-testbed [--https-port N] [--dir DIR]`: starts the loopback fakes of [`mtasts_testbed::start`], prints
//! one JSON line (addresses, CA and hosts files, the cases with their expected verdicts), and serves until killed.
//! The end-to-end tests run it to check the worker's `/api/check` and `mtasts check` against the same domains.

use serde_json::json;
use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut port = 0u16;
    let mut dir = std::env::temp_dir().join(format!("mtasts-testbed-{}", std::process::id()));
    while let Some(a) = args.next() {
        match (a.as_str(), args.next()) {
            ("--https-port", Some(v)) => {
                port = v.parse().expect("--https-port takes a port number")
            }
            ("--dir", Some(v)) => dir = v.into(),
            _ => {
                eprintln!("usage: mtasts-testbed [--https-port N] [--dir DIR]");
                std::process::exit(2);
            }
        }
    }
    let tb = mtasts_testbed::start(&dir, port);
    let cases: Vec<_> = tb
        .cases
        .iter()
        .map(|c| json!({"name": c.name, "domain": c.domain, "status": c.status, "codes": c.codes, "dnssec": c.dnssec}))
        .collect();
    let line = json!({
        "dns": tb.dns.to_string(),
        "doh_url": tb.doh_url,
        "https_port": tb.https_port,
        "ca": tb.ca,
        "hosts": tb.hosts,
        "cases": cases,
    });
    let mut out = std::io::stdout();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
    loop {
        std::thread::park();
    }
}
