//! `mtasts check DOMAIN`: gathers the facts of a live domain — DNS (TXT, MX), the policy over HTTPS (RFC 8461
//! §3.3: no redirects, 64 KB, a timeout, certificate valid for `mta-sts.<domain>`), STARTTLS on each MX (§4.2) —
//! and hands them to core's `check::judge`, which holds every rule.

use crate::{render, Format};
use hickory_resolver::config::{NameServerConfig, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::RData;
use hickory_resolver::TokioResolver;
use mtasts_core::check::plan::{self, Answer, Question};
use mtasts_core::check::{self, Dns, Facts, Fetch, MxTls};
use mtasts_core::diag::has_errors;
use mtasts_core::doh::{self, Kind};
use mtasts_core::i18n::{Catalog, Lang};
use rustls_pki_types::ServerName;
use serde_json::json;
use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// Arguments of `mtasts check`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The mail domain to check.
    domain: String,
    /// DNS server to ask (IP or IP:PORT); default: the system's resolvers.
    #[arg(long, value_name = "ADDR")]
    resolver: Option<String>,
    /// PEM file of CA certificates to trust instead of the built-in web roots.
    #[arg(long = "ca-file", value_name = "FILE")]
    ca_file: Option<std::path::PathBuf>,
    /// Seconds to wait for the policy host (RFC 8461 §3.3 suggests one minute).
    #[arg(long, default_value_t = 60)]
    timeout: u64,
    /// Seconds to wait for the resolver's answers (the questions are asked at once); no answer in time means the
    /// check could not run (exit 2), as with the worker's `DNS_TIMEOUT_SECONDS`.
    #[arg(long = "dns-timeout", value_name = "SECONDS", default_value_t = 10)]
    dns_timeout: u64,
    /// A JSON file remembering each domain's `_mta-sts` id and policy hash between runs, so a policy changed
    /// without a new id is caught (RFC 8461 §3.1). Created when missing.
    #[arg(long, value_name = "FILE")]
    state: Option<std::path::PathBuf>,
    /// Do not connect to the MX hosts on port 25.
    #[arg(long = "no-smtp")]
    no_smtp: bool,
    /// Port of the policy host (tests and unusual setups).
    #[arg(long = "https-port", default_value_t = 443, hide = true)]
    https_port: u16,
    /// Port of the MX hosts (tests and unusual setups).
    #[arg(long = "smtp-port", default_value_t = 25, hide = true)]
    smtp_port: u16,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

/// Runs the check; exit 1 when the verdict is "broken".
pub fn run(a: Args, lang: Lang) -> Result<ExitCode, String> {
    if a.format == Format::Csv {
        return Err(
            "`mtasts check` prints human or JSON output; `--format csv` is for `mtasts report`"
                .into(),
        );
    }
    let domain = mtasts_core::generate::normalize_domain(&a.domain).map_err(|e| {
        format!(
            "`{}` is not a domain name: {}",
            a.domain,
            e.describe(&Catalog::load(lang))
        )
    })?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let mut facts = rt.block_on(gather(&a, &domain))?;
    let mut state = match &a.state {
        Some(p) if p.exists() => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| format!("cannot read `{}`: {e}", p.display()))?;
            serde_json::from_str::<serde_json::Value>(&text)
                .map_err(|e| format!("`{}` is not a state file: {e}", p.display()))?
        }
        _ => json!({}),
    };
    let prev = &state[&domain];
    if let (Some(id), Some(hash)) = (prev["id"].as_str(), prev["policy_hash"].as_str()) {
        facts.previous = Some((id.to_owned(), hash.to_owned()));
    }
    let v = check::judge(&facts);
    if let (Some(path), Some((id, hash))) = (&a.state, v.to_remember()) {
        state[&domain] = json!({"id": id, "policy_hash": hash});
        let text = serde_json::to_string_pretty(&state).map_err(|e| e.to_string())?;
        std::fs::write(path, text)
            .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    }
    let cat = Catalog::load(lang);
    if a.format == Format::Json {
        let out = mtasts_core::output::CheckAnswer::new(&facts, &v, &cat);
        println!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        );
    } else {
        let status = cat.render("check--status", &[("status", v.status.as_str().to_owned())]);
        let st = if matches!(
            v.status,
            check::Status::Broken | check::Status::CouldNotCheck
        ) {
            render::ERR
        } else {
            render::OK
        };
        anstream::println!("{}{domain}: {status}{}", st.render(), st.render_reset());
        if let (Some(id), Some(hash)) = (&v.sts_id, &v.policy_hash) {
            println!("  _mta-sts id: {id}   policy hash: {hash}");
        }
        println!(
            "  {}",
            cat.render("check--next", &[("status", v.status.as_str().to_owned())])
        );
        // DNS and HTTP findings have no span; policy findings point into the fetched policy, shown rustc-style
        let (in_policy, about_dns) = (&v.policy_findings, &v.findings);
        let dns_part = render::human(&domain, None, about_dns, &cat);
        let policy_part = match &v.policy_text {
            Some(text) => {
                let url = plan::policy_url(&domain);
                render::human(&url, Some(text), in_policy, &cat)
            }
            None => String::new(),
        };
        // errors first, wherever they are
        let policy_first = has_errors(in_policy) && !has_errors(about_dns);
        let (first, second) = if policy_first {
            (policy_part, dns_part)
        } else {
            (dns_part, policy_part)
        };
        anstream::print!("\n{first}{second}");
    }
    Ok(if v.status == check::Status::Broken {
        ExitCode::from(1)
    } else if v.status == check::Status::CouldNotCheck {
        // not the domain's fault: a usage/environment problem, like other I/O failures
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// The `--resolver` address (IP or IP:PORT, port 53 by default), if given.
fn resolver_addr(a: &Args) -> Result<Option<SocketAddr>, String> {
    let Some(addr) = &a.resolver else {
        return Ok(None);
    };
    addr.parse()
        .or_else(|_| addr.parse::<IpAddr>().map(|ip| SocketAddr::new(ip, 53)))
        .map(Some)
        .map_err(|_| format!("`--resolver {addr}` is not an IP address or IP:PORT"))
}

fn resolver(a: &Args) -> Result<TokioResolver, String> {
    let mut b = match resolver_addr(a)? {
        None => TokioResolver::builder_tokio().map_err(|e| format!("cannot set up DNS: {e}"))?,
        Some(sock) => {
            let mut ns = NameServerConfig::udp_and_tcp(sock.ip());
            for c in &mut ns.connections {
                c.port = sock.port();
            }
            TokioResolver::builder_with_config(
                ResolverConfig::from_name_servers(vec![ns]),
                TokioRuntimeProvider::default(),
            )
        }
    };
    // hickory's own per-try timeout stays below ours, so a lost datagram is retried within `--dns-timeout`
    b.options_mut().timeout = Duration::from_secs(a.dns_timeout.div_ceil(2).max(1));
    b.build().map_err(|e| format!("cannot set up DNS: {e}"))
}

/// Whether the resolver validated the `_mta-sts` TXT and MX answers with DNSSEC: asked directly over UDP with
/// the AD bit set (RFC 6840 §5.7; hickory-resolver without its DNSSEC features does not ask), read with core's
/// DNS message code. `None` when the resolver cannot be asked or answers with an error.
async fn dnssec(a: &Args, domain: &str) -> Option<bool> {
    let server = match resolver_addr(a).ok()? {
        Some(s) => s,
        None => {
            let (conf, _) = hickory_resolver::system_conf::read_system_conf().ok()?;
            SocketAddr::new(conf.name_servers().first()?.ip, 53)
        }
    };
    let local = if server.is_ipv4() {
        "0.0.0.0:0"
    } else {
        "[::]:0"
    };
    let sock = tokio::net::UdpSocket::bind(local).await.ok()?;
    sock.connect(server).await.ok()?;
    let mut validated = true;
    for q in Question::ALL.into_iter().filter(|q| q.counts_for_dnssec()) {
        let (name, kind) = (q.name(domain), q.kind());
        // over UDP the id matters (RFC 5452): a fresh one per query, and only the answer carrying it counts
        let mut q = doh::query(&name, kind).ok()?;
        let id = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.subsec_nanos() as u16 | 1);
        q[..2].copy_from_slice(&id.to_be_bytes());
        sock.send(&q).await.ok()?;
        let mut buf = vec![0u8; 65_535];
        let recv = async {
            loop {
                let n = sock.recv(&mut buf).await.ok()?;
                if n >= 2 && buf[..2] == id.to_be_bytes() {
                    return Some(n);
                }
            }
        };
        // bounded with the other questions by the caller's `--dns-timeout`
        let n = recv.await?;
        let answer = doh::answer(&name, kind, &buf[..n]);
        if matches!(answer.dns, Dns::Failed(_)) {
            return None;
        }
        validated &= answer.authenticated;
    }
    Some(validated)
}

/// A lookup that failed: an error the resolver answered with (SERVFAIL, REFUSED: senders fail the same way) is a
/// fact about the domain; no answer at all (timeout, no connection) is the checker's problem.
fn failed(e: &hickory_resolver::net::NetError) -> Dns {
    match e {
        hickory_resolver::net::NetError::Dns(_) => Dns::Failed(e.to_string()),
        _ => Dns::Unanswered(e.to_string()),
    }
}

async fn txt(r: &TokioResolver, name: &str) -> Dns {
    match r.txt_lookup(format!("{name}.")).await {
        Ok(l) => Dns::Records(
            l.answers()
                .iter()
                .filter_map(|rec| match &rec.data {
                    RData::TXT(t) => Some(
                        t.txt_data
                            .iter()
                            .map(|s| String::from_utf8_lossy(s))
                            .collect::<String>(),
                    ),
                    _ => None,
                })
                .collect(),
        ),
        Err(e) if e.is_nx_domain() => Dns::NoSuchName,
        Err(e) if e.is_no_records_found() => Dns::Records(Vec::new()),
        Err(e) => failed(&e),
    }
}

async fn mx(r: &TokioResolver, domain: &str) -> Dns {
    match r.mx_lookup(format!("{domain}.")).await {
        Ok(l) => {
            let mut hosts: Vec<(u16, String)> = l
                .answers()
                .iter()
                .filter_map(|rec| match &rec.data {
                    RData::MX(m) => Some((
                        m.preference,
                        m.exchange
                            .to_ascii()
                            .trim_end_matches('.')
                            .to_ascii_lowercase(),
                    )),
                    _ => None,
                })
                .collect();
            hosts.sort();
            Dns::Records(hosts.into_iter().map(|(_, h)| h).collect())
        }
        Err(e) if e.is_nx_domain() => Dns::NoSuchName,
        Err(e) if e.is_no_records_found() => Dns::Records(Vec::new()),
        Err(e) => failed(&e),
    }
}

async fn connect(r: &TokioResolver, host: &str, port: u16) -> Result<TcpStream, String> {
    let ips = r
        .lookup_ip(format!("{host}."))
        .await
        .map_err(|e| e.to_string())?;
    let mut last = String::from("no address");
    for ip in ips.iter() {
        match TcpStream::connect(SocketAddr::new(ip, port)).await {
            Ok(s) => return Ok(s),
            Err(e) => last = e.to_string(),
        }
    }
    Err(last)
}

/// Fetches the policy: HTTP/1.0 (so no chunked encoding), no redirects followed, body capped.
async fn fetch_policy(
    r: &TokioResolver,
    tls: Arc<rustls::ClientConfig>,
    domain: &str,
    port: u16,
) -> Fetch {
    let host = plan::policy_host(domain);
    let tcp = match connect(r, &host, port).await {
        Ok(s) => s,
        Err(e) => return Fetch::Unreachable { reason: e },
    };
    let Ok(name) = ServerName::try_from(host.clone()) else {
        return Fetch::Unreachable {
            reason: "invalid host name".into(),
        };
    };
    let mut stream = match tokio_rustls::TlsConnector::from(tls)
        .connect(name, tcp)
        .await
    {
        Ok(s) => s,
        Err(e) => {
            return Fetch::Tls {
                reason: e.to_string(),
            }
        }
    };
    let req = format!("GET {} HTTP/1.0\r\nHost: {host}\r\nUser-Agent: mtasts-check\r\nAccept: text/plain\r\nConnection: close\r\n\r\n", plan::POLICY_PATH);
    if let Err(e) = stream.write_all(req.as_bytes()).await {
        return Fetch::Unreachable {
            reason: e.to_string(),
        };
    }
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let limit = plan::POLICY_CAP + 16 * 1024 + 1; // head + body cap
    loop {
        match stream.read(&mut chunk).await {
            Ok(0) => break,
            Ok(n) => {
                buf.extend_from_slice(&chunk[..n]);
                if buf.len() > limit {
                    break;
                }
            }
            // A peer closing TLS without close_notify after sending everything is common.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(e) => {
                return Fetch::Unreachable {
                    reason: e.to_string(),
                }
            }
        }
    }
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut resp = httparse::Response::new(&mut headers);
    let head_len = match resp.parse(&buf) {
        Ok(httparse::Status::Complete(n)) => n,
        _ => {
            return Fetch::Unreachable {
                reason: "not an HTTP response".into(),
            }
        }
    };
    let header = |name: &str| {
        resp.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).into_owned())
    };
    let mut body = buf[head_len..].to_vec();
    body.truncate(plan::POLICY_CAP + 1);
    Fetch::Response {
        status: resp.code.unwrap_or(0),
        content_type: header("Content-Type"),
        location: header("Location"),
        body,
    }
}

async fn read_reply<R: tokio::io::AsyncBufRead + Unpin>(
    r: &mut R,
) -> Result<(u16, Vec<String>), String> {
    let mut lines = Vec::new();
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).await.map_err(|e| e.to_string())? == 0 {
            return Err("connection closed".into());
        }
        let code = line
            .get(..3)
            .and_then(|c| c.parse().ok())
            .ok_or("not an SMTP reply")?;
        let more = line.as_bytes().get(3) == Some(&b'-');
        lines.push(line.get(4..).unwrap_or("").trim().to_owned());
        if !more {
            return Ok((code, lines));
        }
    }
}

/// EHLO, STARTTLS and a TLS handshake with the MX, validating its certificate for its name (RFC 8461 §4.2).
async fn smtp_tls(
    r: &TokioResolver,
    tls: Arc<rustls::ClientConfig>,
    host: &str,
    port: u16,
) -> MxTls {
    let tcp = match connect(r, host, port).await {
        Ok(s) => s,
        Err(e) => return MxTls::Failed(e),
    };
    let mut io = BufReader::new(tcp);
    let step = async {
        read_reply(&mut io).await?;
        io.get_mut()
            .write_all(b"EHLO mtasts-check.invalid\r\n")
            .await
            .map_err(|e| e.to_string())?;
        let (_, ext) = read_reply(&mut io).await?;
        if !ext.iter().any(|l| l.eq_ignore_ascii_case("STARTTLS")) {
            return Ok(false);
        }
        io.get_mut()
            .write_all(b"STARTTLS\r\n")
            .await
            .map_err(|e| e.to_string())?;
        let (code, _) = read_reply(&mut io).await?;
        Ok::<bool, String>(code == 220)
    };
    match tokio::time::timeout(Duration::from_secs(30), step).await {
        Err(_) => return MxTls::Failed("timeout".into()),
        Ok(Err(e)) => return MxTls::Failed(e),
        Ok(Ok(false)) => return MxTls::NoStarttls,
        Ok(Ok(true)) => {}
    }
    let Ok(name) = ServerName::try_from(host.to_owned()) else {
        return MxTls::Failed("invalid host name".into());
    };
    match tokio_rustls::TlsConnector::from(tls)
        .connect(name, io.into_inner())
        .await
    {
        Ok(_) => MxTls::Valid,
        Err(e) => {
            let name_error = e
                .get_ref()
                .and_then(|x| x.downcast_ref::<rustls::Error>())
                .is_some_and(|x| {
                    matches!(
                        x,
                        rustls::Error::InvalidCertificate(
                            rustls::CertificateError::NotValidForName
                                | rustls::CertificateError::NotValidForNameContext { .. }
                        )
                    )
                });
            if name_error {
                MxTls::NameMismatch
            } else {
                MxTls::Failed(e.to_string())
            }
        }
    }
}

/// Executes core's plan: the DNS questions, the policy when the `_mta-sts` answer justifies it, STARTTLS on
/// each MX unless `--no-smtp`, and the AD bits asked separately.
async fn gather(a: &Args, domain: &str) -> Result<Facts, String> {
    let r = resolver(a)?;
    let tls = crate::tls::client_config(a.ca_file.as_deref())?;
    // every question at once, each bounded: a resolver that is down costs one timeout, not one per question
    let limit = Duration::from_secs(a.dns_timeout);
    let ask = |q: Question| {
        let r = &r;
        async move {
            let name = q.name(domain);
            let lookup = async {
                match q.kind() {
                    Kind::Txt => txt(r, &name).await,
                    Kind::Mx => mx(r, &name).await,
                }
            };
            let dns = tokio::time::timeout(limit, lookup)
                .await
                .unwrap_or_else(|_| {
                    Dns::Unanswered(format!("no answer within {} s", a.dns_timeout))
                });
            // the AD bit comes from separate queries (see `dnssec`)
            Answer {
                dns,
                authenticated: false,
            }
        }
    };
    let (answers, dnssec) = tokio::join!(
        futures_util::future::join_all(Question::ALL.map(ask)),
        tokio::time::timeout(limit, dnssec(a, domain)),
    );
    let dnssec = dnssec.ok().flatten();
    let policy = if plan::answers_want_policy(&answers) {
        let fetch = fetch_policy(&r, tls.clone(), domain, a.https_port);
        Some(
            match tokio::time::timeout(Duration::from_secs(a.timeout), fetch).await {
                Ok(f) => f,
                Err(_) => Fetch::Timeout { seconds: a.timeout },
            },
        )
    } else {
        None
    };
    let mx_hosts = match Question::Mx.answer_in(&answers).map(|a| &a.dns) {
        Some(Dns::Records(hosts)) => hosts.clone(),
        _ => Vec::new(),
    };
    let mx_tls = if a.no_smtp {
        None
    } else {
        let mut out = Vec::new();
        for h in mx_hosts {
            let result = smtp_tls(&r, tls.clone(), &h, a.smtp_port).await;
            out.push((h, result));
        }
        Some(out)
    };
    Ok(plan::facts(domain, answers, policy, mx_tls, dnssec))
}
