//! `mtasts-testbed [--https-port N] [--dir DIR]`: starts the loopback fakes of [`mtasts_testbed::start`], prints
//! one JSON line (addresses, CA and hosts files, the cases with their expected verdicts), and serves until killed.
//! The end-to-end tests run it to check the worker's `/api/check` and `mtasts check` against the same domains.
//!
//! `mtasts-testbed sign --domain D [--body-length]` signs the message on standard input with the testbed's DKIM
//! key for `D` (published by the testbed's DNS) and prints it: the e-mail tests' signed reports.

use serde_json::json;
use std::io::Write;

fn sign(mut args: impl Iterator<Item = String>) {
    use std::io::Read;
    let mut domain = None;
    let mut opts = mtasts_testbed::dkim::Options::default();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--domain" => domain = args.next(),
            "--body-length" => opts.body_length = true,
            _ => {
                eprintln!("usage: mtasts-testbed sign --domain D [--body-length] < message");
                std::process::exit(2);
            }
        }
    }
    let Some(domain) = domain else {
        eprintln!("usage: mtasts-testbed sign --domain D [--body-length] < message");
        std::process::exit(2);
    };
    let mut msg = Vec::new();
    std::io::stdin().read_to_end(&mut msg).expect("stdin");
    let signed = mtasts_testbed::dkim::sign(&msg, &domain, &opts);
    std::io::stdout().write_all(&signed).expect("stdout");
}

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().map(String::as_str) == Some("sign") {
        args.next();
        return sign(args);
    }
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
