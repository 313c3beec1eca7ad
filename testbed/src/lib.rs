//! Loopback fakes for the live check (`mtasts check` and the worker's `/api/check`), speaking the real protocols:
//! DNS over UDP and over HTTPS (RFC 8484), HTTPS policy hosts with certificates from a test CA, SMTP with
//! STARTTLS. [`start`] serves one domain per case under `check.test` (RFC 2606), so one set of servers answers
//! every case and the CLI and the worker can be asked the same questions.

pub mod dkim;
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
    /// The expected status (`working`, `testing`, `removing`, `not-configured`, `broken`, `could-not-check`).
    pub status: &'static str,
    /// The error and warning codes expected (infos aside); empty: none at all.
    pub codes: Vec<&'static str>,
    /// The DNSSEC info expected (`None`: no usable record, so none).
    pub dnssec: Option<&'static str>,
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

/// What a case changes in the working domain it starts from: the records, the MX set and the policy host's reply.
struct Setup<'a> {
    /// `<name>.check.test`.
    domain: String,
    /// The enforce policy of [`policy`].
    policy: String,
    /// TXT at `_mta-sts.<domain>` (empty: none published).
    sts: Vec<String>,
    /// The MX hosts.
    mx: Vec<String>,
    /// What `mta-sts.<domain>` answers.
    reply: Reply,
    /// The zone, for records elsewhere (CNAME targets, the apex, DNSSEC).
    zone: &'a mut Zone,
}

/// One row of the case table: the expected verdict, and how the case differs from a working domain.
struct Spec {
    name: &'static str,
    status: &'static str,
    codes: &'static [&'static str],
    /// The DNSSEC info the check gives (`None`: no usable record, so no word on DNSSEC).
    dnssec: Option<&'static str>,
    setup: fn(&mut Setup),
}

const VALIDATED: Option<&str> = Some("check/dnssec-validated");
const NOT_VALIDATED: Option<&str> = Some("check/dnssec-not-validated");

/// Every case, one row each.
const CASES: &[Spec] = &[
    Spec {
        name: "good",
        status: "working",
        codes: &[],
        dnssec: VALIDATED,
        setup: |s| {
            s.zone.signed.insert(format!("_mta-sts.{}", s.domain));
            s.zone.signed.insert(s.domain.clone());
        },
    },
    Spec {
        name: "testing",
        status: "testing",
        codes: &[],
        dnssec: NOT_VALIDATED,
        setup: |s| {
            s.reply = ok(&s.policy.replace("enforce", "testing"));
        },
    },
    Spec {
        name: "none",
        status: "removing",
        codes: &[],
        dnssec: NOT_VALIDATED,
        setup: |s| {
            s.reply = ok("version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n");
        },
    },
    Spec {
        name: "not-found",
        status: "broken",
        codes: &["check/policy-http-status"],
        dnssec: NOT_VALIDATED,
        setup: |s| {
            s.reply = Reply::Full(response("404 Not Found", "text/html", "", b"<h1>nope</h1>"));
        },
    },
    Spec {
        name: "redirect",
        status: "broken",
        codes: &["check/policy-redirect"],
        dnssec: NOT_VALIDATED,
        setup: |s| {
            let location = format!("Location: https://www.{}/mta-sts.txt\r\n", s.domain);
            s.reply = Reply::Full(response(
                "301 Moved Permanently",
                "text/html",
                &location,
                b"",
            ));
        },
    },
    Spec {
        name: "html",
        status: "broken",
        codes: &["check/policy-content-type"],
        dnssec: NOT_VALIDATED,
        setup: |s| {
            s.reply = Reply::Full(response("200 OK", "text/html", "", s.policy.as_bytes()));
        },
    },
    Spec {
        name: "large",
        status: "broken",
        codes: &["policy/too-large"],
        dnssec: NOT_VALIDATED,
        setup: |s| {
            let pad: String = (0..7000).map(|i| format!("x{i}: yyyy\r\n")).collect();
            s.reply = ok(&format!("{}{pad}", s.policy));
        },
    },
    Spec {
        name: "slow",
        status: "broken",
        codes: &["check/policy-timeout"],
        dnssec: NOT_VALIDATED,
        setup: |s| {
            s.reply = Reply::Slow;
        },
    },
    // the certificate is for `www.` (see cert_name)
    Spec {
        name: "bad-cert",
        status: "broken",
        codes: &["check/policy-tls"],
        dnssec: NOT_VALIDATED,
        setup: |_| {},
    },
    Spec {
        name: "uncovered",
        status: "broken",
        codes: &["mx/not-covered-enforce"],
        dnssec: NOT_VALIDATED,
        setup: |s| {
            s.mx = vec!["mx9.other.test".into()];
        },
    },
    Spec {
        name: "two-records",
        status: "broken",
        codes: &["sts-record/multiple-records"],
        dnssec: None,
        setup: |s| {
            s.sts.push("v=STSv1; id=20260202T000000".into());
        },
    },
    Spec {
        name: "delegated",
        status: "working",
        codes: &[],
        dnssec: NOT_VALIDATED,
        setup: |s| {
            let target = "_mta-sts.delegated.provider.test".to_owned();
            s.zone
                .cname
                .insert(format!("_mta-sts.{}", s.domain), target.clone());
            s.zone.txt.insert(target, std::mem::take(&mut s.sts));
        },
    },
    Spec {
        name: "unconfigured",
        status: "not-configured",
        codes: &[],
        dnssec: None,
        setup: |s| {
            s.sts.clear();
        },
    },
    Spec {
        name: "apex",
        status: "broken",
        codes: &["check/sts-at-apex"],
        dnssec: None,
        setup: |s| {
            s.zone
                .txt
                .insert(s.domain.clone(), std::mem::take(&mut s.sts));
        },
    },
    Spec {
        name: "spf",
        status: "broken",
        codes: &["sts-record/wrong-record-type"],
        dnssec: None,
        setup: |s| {
            s.sts = vec!["v=spf1 -all".into()];
        },
    },
    // the checker's resolver is down for this domain: the check could not run, which is no verdict on the domain
    Spec {
        name: "resolver-down",
        status: "could-not-check",
        codes: &["check/resolver-failed"],
        dnssec: None,
        setup: |s| {
            s.zone.unreachable.insert(s.domain.clone());
        },
    },
    // the same id while the policy changes: `POST /next-policy` switches to the second one
    Spec {
        name: "changed",
        status: "working",
        codes: &[],
        dnssec: NOT_VALIDATED,
        setup: |s| {
            let second = s.policy.replace("1209600", "2419200");
            s.reply = Reply::Versions(
                response("200 OK", "text/plain", "", s.policy.as_bytes()),
                response("200 OK", "text/plain", "", second.as_bytes()),
            );
        },
    },
];

/// Starts every fake; the HTTPS policy hosts listen on `https_port` (0: any free port). Files go to `dir`.
pub fn start(dir: &Path, https_port: u16) -> Testbed {
    std::fs::create_dir_all(dir).expect("dir");
    let pki = Arc::new(Pki::new());
    let mut zone = Zone::default();
    let mut sites = HashMap::new();
    let mut cases = Vec::new();
    for spec in CASES {
        let d = format!("{}.{SUFFIX}", spec.name);
        // a working domain: records, MX, reporting, an SPF record at the apex, the enforce policy
        zone.txt.insert(
            format!("_smtp._tls.{d}"),
            vec![format!("v=TLSRPTv1; rua=mailto:tlsrpt@{d}")],
        );
        zone.txt.insert(d.clone(), vec!["v=spf1 -all".into()]);
        let p = policy(&d);
        let mut s = Setup {
            domain: d.clone(),
            reply: ok(&p),
            policy: p,
            sts: vec!["v=STSv1; id=20260101T000000".to_owned()],
            mx: vec![format!("mx1.{d}")],
            zone: &mut zone,
        };
        (spec.setup)(&mut s);
        let Setup { sts, mx, reply, .. } = s;
        if !sts.is_empty() {
            zone.txt.insert(format!("_mta-sts.{d}"), sts);
        }
        zone.mx.insert(d.clone(), mx);
        sites.insert(format!("mta-sts.{d}"), reply);
        cases.push(Case {
            name: spec.name,
            domain: d,
            status: spec.status,
            codes: spec.codes.to_vec(),
            dnssec: spec.dnssec,
        });
    }
    // the test key of the report senders, for the worker's DKIM check (RFC 8460 §3)
    for d in dkim::SIGNERS {
        zone.txt.insert(
            format!("{}._domainkey.{d}", dkim::SELECTOR),
            vec![dkim::key_record()],
        );
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
