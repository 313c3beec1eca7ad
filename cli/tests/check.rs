//! `mtasts check` against loopback fakes that speak the real protocols: a DNS server (UDP), an HTTPS policy host
//! with a test CA, and SMTP servers with STARTTLS — one configuration per case the live check must judge.

use assert_cmd::Command;
use hickory_proto::op::{Message, OpCode, ResponseCode};
use hickory_proto::rr::rdata::{A, MX, TXT};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::sync::Arc;

/// The test CA and a server identity it signs.
struct Pki {
    ca_pem: String,
    issuer_key: KeyPair,
    issuer_params: CertificateParams,
}

impl Pki {
    fn new() -> Pki {
        let key = KeyPair::generate().expect("key");
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let ca = params.self_signed(&key).expect("ca");
        Pki {
            ca_pem: ca.pem(),
            issuer_key: key,
            issuer_params: params,
        }
    }
    /// Writes the CA certificate where `--ca-file` can read it.
    fn write_ca(&self, dir: &std::path::Path) -> std::path::PathBuf {
        let ca = dir.join("ca.pem");
        std::fs::write(&ca, &self.ca_pem).expect("ca");
        ca
    }
    /// A server config for `names`, signed by the test CA.
    fn server(&self, names: &[&str]) -> Arc<rustls::ServerConfig> {
        let key = KeyPair::generate().expect("key");
        let params =
            CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                .expect("params");
        let issuer = Issuer::from_params(&self.issuer_params, &self.issuer_key);
        let cert = params.signed_by(&key, &issuer).expect("cert");
        let der = rustls_pki_types::PrivateKeyDer::try_from(key.serialize_der()).expect("key der");
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let cfg = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("versions")
            .with_no_client_auth()
            .with_single_cert(vec![cert.der().clone()], der)
            .expect("server config");
        Arc::new(cfg)
    }
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mtasts-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    dir
}

/// A DNS zone served on a loopback UDP port.
#[derive(Default, Clone)]
struct Zone {
    txt: HashMap<String, Vec<String>>,
    mx: HashMap<String, Vec<String>>,
    cname: HashMap<String, String>,
}

fn serve_dns(zone: Zone) -> SocketAddr {
    let sock = UdpSocket::bind("127.0.0.1:0").expect("udp");
    let addr = sock.local_addr().expect("addr");
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok((n, peer)) = sock.recv_from(&mut buf) {
            let Ok(req) = Message::from_vec(&buf[..n]) else {
                continue;
            };
            let mut resp = Message::response(req.metadata.id, OpCode::Query);
            resp.metadata.recursion_available = true;
            let mut known = false;
            for q in &req.queries {
                resp.add_query(q.clone());
                let mut name = q
                    .name()
                    .to_ascii()
                    .trim_end_matches('.')
                    .to_ascii_lowercase();
                let mut owner = q.name().clone();
                // CNAME delegation (RFC 8461 §8.2): answer with the alias, then the target's records
                if let Some(target) = zone.cname.get(&name) {
                    let t = Name::from_ascii(format!("{target}.")).expect("name");
                    let alias = RData::CNAME(hickory_proto::rr::rdata::CNAME(t.clone()));
                    resp.add_answer(Record::from_rdata(owner.clone(), 60, alias));
                    name = target.clone();
                    owner = t;
                    known = true;
                }
                let txt = zone.txt.get(&name);
                let mx = zone.mx.get(&name);
                // every host name used as an MX or policy host resolves to loopback
                let is_host =
                    name.starts_with("mta-sts.") || zone.mx.values().flatten().any(|h| *h == name);
                known |= txt.is_some() || mx.is_some() || is_host;
                match q.query_type() {
                    RecordType::TXT => {
                        for t in txt.into_iter().flatten() {
                            resp.add_answer(Record::from_rdata(
                                owner.clone(),
                                60,
                                RData::TXT(TXT::new(vec![t.clone()])),
                            ));
                        }
                    }
                    RecordType::MX => {
                        for (i, h) in mx.into_iter().flatten().enumerate() {
                            let exch = Name::from_ascii(format!("{h}.")).expect("name");
                            resp.add_answer(Record::from_rdata(
                                owner.clone(),
                                60,
                                RData::MX(MX::new(10 + i as u16, exch)),
                            ));
                        }
                    }
                    RecordType::A if is_host => {
                        resp.add_answer(Record::from_rdata(
                            owner.clone(),
                            60,
                            RData::A(A(Ipv4Addr::LOCALHOST)),
                        ));
                    }
                    _ => {}
                }
            }
            if !known {
                resp.metadata.response_code = ResponseCode::NXDomain;
            }
            if let Ok(bytes) = resp.to_vec() {
                let _ = sock.send_to(&bytes, peer);
            }
        }
    });
    addr
}

/// An HTTPS server answering every request with `response` (raw HTTP head + body).
fn serve_https(cfg: Arc<rustls::ServerConfig>, response: Vec<u8>) -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("tcp");
    let port = l.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for s in l.incoming().flatten() {
            let cfg = cfg.clone();
            let response = response.clone();
            std::thread::spawn(move || {
                let Ok(conn) = rustls::ServerConnection::new(cfg) else {
                    return;
                };
                let mut s = s;
                let mut tls = rustls::StreamOwned::new(conn, &mut s);
                let mut buf = [0u8; 2048];
                let _ = tls.read(&mut buf);
                if response.is_empty() {
                    // a policy host that never answers: the check must give up at its timeout
                    std::thread::sleep(std::time::Duration::from_secs(20));
                }
                let _ = tls.write_all(&response);
                tls.conn.send_close_notify();
                let _ = tls.flush();
            });
        }
    });
    port
}

/// An SMTP server; with `tls`, it offers STARTTLS and then does the handshake.
fn serve_smtp(tls: Option<Arc<rustls::ServerConfig>>) -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("tcp");
    let port = l.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for s in l.incoming().flatten() {
            let tls = tls.clone();
            std::thread::spawn(move || smtp_session(s, tls));
        }
    });
    port
}

fn smtp_session(mut s: TcpStream, tls: Option<Arc<rustls::ServerConfig>>) {
    let _ = s.write_all(b"220 mx.test ESMTP\r\n");
    let mut r = BufReader::new(s.try_clone().expect("clone"));
    let mut line = String::new();
    while r.read_line(&mut line).unwrap_or(0) > 0 {
        let cmd = line.trim().to_ascii_uppercase();
        line.clear();
        if cmd.starts_with("EHLO") {
            let ext = if tls.is_some() {
                "250-mx.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n"
            } else {
                "250-mx.test\r\n250 PIPELINING\r\n"
            };
            let _ = s.write_all(ext.as_bytes());
        } else if cmd == "STARTTLS" {
            let _ = s.write_all(b"220 go ahead\r\n");
            if let Some(cfg) = tls.clone() {
                if let Ok(mut conn) = rustls::ServerConnection::new(cfg) {
                    let _ = conn.complete_io(&mut s);
                }
            }
            return;
        } else {
            let _ = s.write_all(b"221 bye\r\n");
            return;
        }
    }
}

const POLICY: &str = "version: STSv1\r\nmode: enforce\r\nmx: mx1.example.test\r\nmx: *.mail.example.test\r\nmax_age: 1209600\r\n";

fn http(status: &str, ctype: &str, extra: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n{body}", body.len()).into_bytes()
}

fn zone(sts: &[&str], mx: &[&str]) -> Zone {
    let mut z = Zone::default();
    z.txt.insert(
        "_mta-sts.example.test".into(),
        sts.iter().map(|s| s.to_string()).collect(),
    );
    z.txt.insert(
        "_smtp._tls.example.test".into(),
        vec!["v=TLSRPTv1; rua=mailto:tlsrpt@example.test".into()],
    );
    z.mx.insert(
        "example.test".into(),
        mx.iter().map(|s| s.to_string()).collect(),
    );
    z
}

struct Case {
    name: &'static str,
    zone: Zone,
    response: Vec<u8>,
    cert_names: Vec<&'static str>,
    smtp_tls: bool,
    want_status: &'static str,
    want_codes: Vec<&'static str>,
}

#[test]
fn check_cases_against_loopback_fakes() {
    let (pki, dir) = (Pki::new(), scratch("check"));
    let ca = pki.write_ca(&dir);
    let good_zone = zone(&["v=STSv1; id=20260101T000000"], &["mx1.example.test"]);
    let ok = http("200 OK", "text/plain; charset=utf-8", "", POLICY);
    let host = vec!["mta-sts.example.test"];
    let cases = vec![
        Case {
            name: "good",
            zone: good_zone.clone(),
            response: ok.clone(),
            cert_names: host.clone(),
            smtp_tls: true,
            want_status: "working",
            want_codes: vec![],
        },
        Case {
            name: "testing",
            zone: good_zone.clone(),
            response: http(
                "200 OK",
                "text/plain",
                "",
                &POLICY.replace("enforce", "testing"),
            ),
            cert_names: host.clone(),
            smtp_tls: true,
            want_status: "testing",
            want_codes: vec![],
        },
        Case {
            name: "none",
            zone: good_zone.clone(),
            response: http(
                "200 OK",
                "text/plain",
                "",
                "version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n",
            ),
            cert_names: host.clone(),
            smtp_tls: true,
            want_status: "removing",
            want_codes: vec![],
        },
        Case {
            name: "404",
            zone: good_zone.clone(),
            response: http("404 Not Found", "text/html", "", "nope"),
            cert_names: host.clone(),
            smtp_tls: true,
            want_status: "broken",
            want_codes: vec!["check/policy-http-status"],
        },
        Case {
            name: "301",
            zone: good_zone.clone(),
            response: http(
                "301 Moved Permanently",
                "text/html",
                "Location: https://www.example.test/\r\n",
                "",
            ),
            cert_names: host.clone(),
            smtp_tls: true,
            want_status: "broken",
            want_codes: vec!["check/policy-redirect"],
        },
        Case {
            name: "text/html",
            zone: good_zone.clone(),
            response: http("200 OK", "text/html", "", POLICY),
            cert_names: host.clone(),
            smtp_tls: true,
            want_status: "broken",
            want_codes: vec!["check/policy-content-type"],
        },
        Case {
            name: "70 KB",
            zone: good_zone.clone(),
            response: http(
                "200 OK",
                "text/plain",
                "",
                &format!(
                    "{POLICY}{}",
                    (0..7000)
                        .map(|i| format!("x{i}: yyyy\r\n"))
                        .collect::<String>()
                ),
            ),
            cert_names: host.clone(),
            smtp_tls: true,
            want_status: "broken",
            want_codes: vec!["policy/too-large"],
        },
        Case {
            name: "wrong certificate name",
            zone: good_zone.clone(),
            response: ok.clone(),
            cert_names: vec!["www.example.test"],
            smtp_tls: true,
            want_status: "broken",
            want_codes: vec!["check/policy-tls"],
        },
        Case {
            name: "mx not covered",
            zone: zone(&["v=STSv1; id=1"], &["mx9.other.test"]),
            response: ok.clone(),
            cert_names: host.clone(),
            smtp_tls: true,
            want_status: "broken",
            want_codes: vec!["mx/not-covered-enforce"],
        },
        Case {
            name: "two TXT records",
            zone: zone(&["v=STSv1; id=1", "v=STSv1; id=2"], &["mx1.example.test"]),
            response: ok.clone(),
            cert_names: host.clone(),
            smtp_tls: true,
            want_status: "broken",
            want_codes: vec!["sts-record/multiple-records"],
        },
        Case {
            name: "slow policy host",
            zone: good_zone.clone(),
            response: Vec::new(),
            cert_names: host.clone(),
            smtp_tls: true,
            want_status: "broken",
            want_codes: vec!["check/policy-timeout"],
        },
        Case {
            name: "mx certificate for another name",
            zone: good_zone.clone(),
            response: ok.clone(),
            cert_names: host.clone(),
            smtp_tls: true,
            want_status: "broken",
            want_codes: vec!["check/mx-cert-mismatch"],
        },
        Case {
            name: "mx without STARTTLS",
            zone: good_zone.clone(),
            response: ok.clone(),
            cert_names: host.clone(),
            smtp_tls: false,
            want_status: "broken",
            want_codes: vec!["check/mx-no-starttls"],
        },
    ];
    let mut delegated = zone(&[], &["mx1.example.test"]);
    delegated.txt.remove("_mta-sts.example.test");
    delegated.cname.insert(
        "_mta-sts.example.test".into(),
        "_mta-sts.provider.test".into(),
    );
    delegated.txt.insert(
        "_mta-sts.provider.test".into(),
        vec!["v=STSv1; id=20260101T000000".into()],
    );
    let cases = cases.into_iter().chain([Case {
        name: "CNAME delegation",
        zone: delegated,
        response: ok.clone(),
        cert_names: host.clone(),
        smtp_tls: true,
        want_status: "working",
        want_codes: vec![],
    }]);
    for c in cases {
        let dns = serve_dns(c.zone);
        let https = serve_https(pki.server(&c.cert_names), c.response);
        let smtp_name = if c.name == "mx certificate for another name" {
            "mx.elsewhere.test"
        } else {
            "mx1.example.test"
        };
        let smtp = serve_smtp(c.smtp_tls.then(|| pki.server(&[smtp_name])));
        let out = Command::cargo_bin("mtasts")
            .expect("binary")
            .env_remove("LANG")
            .args([
                "check",
                "example.test",
                "--resolver",
                &dns.to_string(),
                "--https-port",
                &https.to_string(),
                "--smtp-port",
                &smtp.to_string(),
                "--timeout",
                "2",
                "--format",
                "json",
            ])
            .arg("--ca-file")
            .arg(&ca)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .expect("run");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|_| panic!("{}: {}", c.name, String::from_utf8_lossy(&out.stderr)));
        assert_eq!(v["status"], c.want_status, "{}: {v}", c.name);
        let codes: Vec<&str> = v["diagnostics"]
            .as_array()
            .expect("array")
            .iter()
            .filter(|d| d["severity"] != "info")
            .filter_map(|d| d["code"].as_str())
            .collect();
        for want in &c.want_codes {
            assert!(codes.contains(want), "{}: want {want} in {codes:?}", c.name);
        }
        if c.want_codes.is_empty() {
            assert!(codes.is_empty(), "{}: {codes:?}", c.name);
        }
        assert_eq!(
            out.status.code(),
            Some(if c.want_status == "broken" { 1 } else { 0 }),
            "{}",
            c.name
        );
    }
}

#[test]
fn a_policy_changed_without_a_new_id_is_caught_across_runs() {
    let (pki, dir) = (Pki::new(), scratch("state"));
    let ca = pki.write_ca(&dir);
    let state = dir.join("state.json");
    let _ = std::fs::remove_file(&state);
    let dns = serve_dns(zone(
        &["v=STSv1; id=20260101T000000"],
        &["mx1.example.test"],
    ));
    let run = |policy: &str| {
        let https = serve_https(
            pki.server(&["mta-sts.example.test"]),
            http("200 OK", "text/plain", "", policy),
        );
        let out = Command::cargo_bin("mtasts")
            .expect("binary")
            .args([
                "check",
                "example.test",
                "--no-smtp",
                "--resolver",
                &dns.to_string(),
                "--https-port",
                &https.to_string(),
                "--format",
                "json",
            ])
            .arg("--ca-file")
            .arg(&ca)
            .arg("--state")
            .arg(&state)
            .output()
            .expect("run");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        v["diagnostics"]
            .as_array()
            .expect("array")
            .iter()
            .filter_map(|d| d["code"].as_str().map(str::to_owned))
            .collect::<Vec<_>>()
    };
    assert!(!run(POLICY).contains(&"check/id-not-changed".to_owned()));
    assert!(
        !run(POLICY).contains(&"check/id-not-changed".to_owned()),
        "same policy, same id: fine"
    );
    let changed = POLICY.replace("1209600", "2419200");
    assert!(
        run(&changed).contains(&"check/id-not-changed".to_owned()),
        "policy changed, id did not"
    );
}
