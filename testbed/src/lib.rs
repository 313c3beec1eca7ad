//! Loopback fakes for the live check (`mtasts check` and the worker's `/api/check`), speaking the real protocols:
//! DNS over UDP and over HTTPS (RFC 8484), HTTPS policy hosts with certificates from a test CA, SMTP with
//! STARTTLS. [`start`] serves one domain per case under `check.test` (RFC 2606), so one set of servers answers
//! every case and the CLI and the worker can be asked the same questions.

pub mod dns;
pub mod http;
pub mod pki;
pub mod smtp;

use dns::Zone;
use http::{response, Reply};
use pki::Pki;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};

/// The parent of every case's domain.
pub const SUFFIX: &str = "check.test";

/// One case: a domain set up a certain way, and the verdict the check must give.
#[derive(Debug, Clone)]
pub struct Case {
    /// Short name.
    pub name: &'static str,
    /// `<name>.check.test`.
    pub domain: String,
    /// The expected status (`working`, `testing`, `removing`, `not-configured`, `broken`).
    pub status: &'static str,
    /// The error and warning codes expected (infos aside); empty: none at all.
    pub codes: Vec<&'static str>,
}

/// The running fakes.
#[derive(Debug)]
pub struct Testbed {
    /// The UDP DNS server (`mtasts check --resolver`).
    pub dns: SocketAddr,
    /// The DNS-over-HTTPS endpoint (the worker's `DOH_URL`).
    pub doh_url: String,
    /// The port of the HTTPS policy hosts (443 for the worker, which cannot pick a port).
    pub https_port: u16,
    /// The test CA, PEM.
    pub ca: PathBuf,
    /// An `/etc/hosts` naming every policy host as 127.0.0.1 (for runtimes that use the system resolver).
    pub hosts: PathBuf,
    /// The cases served.
    pub cases: Vec<Case>,
    /// The test CA itself, to make more servers (SMTP).
    pub pki: Arc<Pki>,
    version: Arc<AtomicUsize>,
}

impl Testbed {
    /// Switches the `changed` case to its second policy (same `_mta-sts` id): what `POST /next-policy` does.
    pub fn next_policy(&self) {
        self.version.fetch_add(1, Ordering::SeqCst);
    }
}

/// The enforce policy every case starts from, for `domain`.
pub fn policy(domain: &str) -> String {
    format!("version: STSv1\r\nmode: enforce\r\nmx: mx1.{domain}\r\nmx: *.mail.{domain}\r\nmax_age: 1209600\r\n")
}

fn ok(body: &str) -> Reply {
    Reply::Full(response(
        "200 OK",
        "text/plain; charset=utf-8",
        "",
        body.as_bytes(),
    ))
}

/// A policy host presents a certificate for the name asked, except the `bad-cert` case (one for `www.`).
fn cert_name(sni: &str) -> String {
    if sni.starts_with("mta-sts.bad-cert.") {
        sni.replacen("mta-sts.", "www.", 1)
    } else {
        sni.to_owned()
    }
}

/// Starts every fake; the HTTPS policy hosts listen on `https_port` (0: any free port). Files go to `dir`.
pub fn start(dir: &Path, https_port: u16) -> Testbed {
    std::fs::create_dir_all(dir).expect("dir");
    let pki = Arc::new(Pki::new());
    let mut zone = Zone::default();
    let mut sites = HashMap::new();
    let mut cases = Vec::new();
    let id = "v=STSv1; id=20260101T000000";
    #[allow(clippy::type_complexity)]
    let table: Vec<(&'static str, &'static str, Vec<&'static str>)> = vec![
        ("good", "working", vec![]),
        ("testing", "testing", vec![]),
        ("none", "removing", vec![]),
        ("not-found", "broken", vec!["check/policy-http-status"]),
        ("redirect", "broken", vec!["check/policy-redirect"]),
        ("html", "broken", vec!["check/policy-content-type"]),
        ("large", "broken", vec!["policy/too-large"]),
        ("slow", "broken", vec!["check/policy-timeout"]),
        ("bad-cert", "broken", vec!["check/policy-tls"]),
        ("uncovered", "broken", vec!["mx/not-covered-enforce"]),
        ("two-records", "broken", vec!["sts-record/multiple-records"]),
        ("delegated", "working", vec![]),
        ("unconfigured", "not-configured", vec![]),
        ("apex", "broken", vec!["check/sts-at-apex"]),
        ("spf", "broken", vec!["sts-record/wrong-record-type"]),
        ("changed", "working", vec![]),
    ];
    for (name, status, codes) in table {
        let d = format!("{name}.{SUFFIX}");
        let p = policy(&d);
        let mut sts = vec![id.to_owned()];
        let mut mx = vec![format!("mx1.{d}")];
        zone.txt.insert(
            format!("_smtp._tls.{d}"),
            vec![format!("v=TLSRPTv1; rua=mailto:tlsrpt@{d}")],
        );
        zone.txt.insert(d.clone(), vec!["v=spf1 -all".into()]);
        let reply = match name {
            "testing" => ok(&p.replace("enforce", "testing")),
            "none" => ok("version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n"),
            "not-found" => {
                Reply::Full(response("404 Not Found", "text/html", "", b"<h1>nope</h1>"))
            }
            "redirect" => Reply::Full(response(
                "301 Moved Permanently",
                "text/html",
                &format!("Location: https://www.{d}/mta-sts.txt\r\n"),
                b"",
            )),
            "html" => Reply::Full(response("200 OK", "text/html", "", p.as_bytes())),
            "large" => {
                let pad: String = (0..7000).map(|i| format!("x{i}: yyyy\r\n")).collect();
                ok(&format!("{p}{pad}"))
            }
            "slow" => Reply::Slow,
            "changed" => Reply::Versions(
                response("200 OK", "text/plain", "", p.as_bytes()),
                response(
                    "200 OK",
                    "text/plain",
                    "",
                    p.replace("1209600", "2419200").as_bytes(),
                ),
            ),
            _ => ok(&p),
        };
        match name {
            "good" => {
                zone.signed.insert(format!("_mta-sts.{d}"));
                zone.signed.insert(d.clone());
            }
            "uncovered" => mx = vec!["mx9.other.test".into()],
            "two-records" => sts.push("v=STSv1; id=20260202T000000".into()),
            "delegated" => {
                let target = format!("_mta-sts.{name}.provider.test");
                zone.cname.insert(format!("_mta-sts.{d}"), target.clone());
                zone.txt.insert(target, std::mem::take(&mut sts));
            }
            "unconfigured" => sts.clear(),
            "spf" => sts = vec!["v=spf1 -all".into()],
            "apex" => {
                zone.txt.insert(d.clone(), std::mem::take(&mut sts));
            }
            _ => {}
        }
        if !sts.is_empty() {
            zone.txt.insert(format!("_mta-sts.{d}"), sts);
        }
        zone.mx.insert(d.clone(), mx);
        sites.insert(format!("mta-sts.{d}"), reply);
        cases.push(Case {
            name,
            domain: d,
            status,
            codes,
        });
    }
    let version = Arc::new(AtomicUsize::new(0));
    let zone = Arc::new(RwLock::new(zone));
    let dns = dns::serve_udp(zone.clone());
    let doh_port = http::serve_doh(zone, version.clone());
    let hosts = dir.join("hosts");
    let lines: String = std::iter::once("127.0.0.1 localhost\n::1 localhost\n".to_owned())
        .chain(sites.keys().map(|h| format!("127.0.0.1 {h}\n")))
        .collect();
    std::fs::write(&hosts, lines).expect("hosts");
    let https_port = http::serve_https(
        pki.server_by_name(cert_name),
        https_port,
        sites,
        version.clone(),
    );
    Testbed {
        dns,
        doh_url: format!("http://127.0.0.1:{doh_port}/dns-query"),
        https_port,
        ca: pki.write_ca(dir),
        hosts,
        cases,
        pki,
        version,
    }
}
