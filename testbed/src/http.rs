//! Minimal HTTP/1.1 servers on loopback: the DNS-over-HTTPS endpoint (plain HTTP, RFC 8484 GET and POST) with a
//! control route, and the HTTPS policy hosts, answering by `Host`.

use crate::dns::{Outcome, Zone};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// A request as far as these servers care.
struct Req {
    method: String,
    path: String,
    host: String,
    body: Vec<u8>,
}

/// Reads one request (head and a `Content-Length` body).
fn read_request<S: Read>(s: &mut S) -> Option<Req> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = s.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        let mut headers = [httparse::EMPTY_HEADER; 64];
        let mut r = httparse::Request::new(&mut headers);
        if let Ok(httparse::Status::Complete(head)) = r.parse(&buf) {
            let header = |name: &str| {
                r.headers
                    .iter()
                    .find(|h| h.name.eq_ignore_ascii_case(name))
                    .map(|h| String::from_utf8_lossy(h.value).into_owned())
            };
            let len: usize = header("Content-Length")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let host = header("Host").unwrap_or_default();
            let mut req = Req {
                method: r.method.unwrap_or("").to_owned(),
                path: r.path.unwrap_or("").to_owned(),
                host: host.split(':').next().unwrap_or("").to_ascii_lowercase(),
                body: buf[head..].to_vec(),
            };
            while req.body.len() < len {
                let n = s.read(&mut chunk).ok()?;
                if n == 0 {
                    break;
                }
                req.body.extend_from_slice(&chunk[..n]);
            }
            return Some(req);
        }
        if buf.len() > 64 * 1024 {
            return None;
        }
    }
}

/// A full HTTP response.
pub fn response(status: &str, ctype: &str, extra: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// What a policy host does for a request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Sends this response.
    Full(Vec<u8>),
    /// Sends a `200 text/plain` head, then a byte every second for a minute: a body slower than any timeout.
    Slow,
    /// Sends the first response until the policy version is bumped, then the second.
    Versions(Vec<u8>, Vec<u8>),
}

/// Serves the DNS zone over HTTP at `/dns-query` (RFC 8484: GET `?dns=` base64url, or POST
/// `application/dns-message`), and `POST /next-policy`, which switches the versioned policy hosts.
pub fn serve_doh(zone: Arc<RwLock<Zone>>, version: Arc<AtomicUsize>) -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("tcp");
    let port = l.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for s in l.incoming().flatten() {
            let (zone, version) = (zone.clone(), version.clone());
            std::thread::spawn(move || doh_session(s, &zone, &version));
        }
    });
    port
}

fn doh_session(mut s: TcpStream, zone: &RwLock<Zone>, version: &AtomicUsize) {
    let Some(req) = read_request(&mut s) else {
        return;
    };
    let (path, query) = req.path.split_once('?').unwrap_or((req.path.as_str(), ""));
    let out = match (req.method.as_str(), path) {
        ("POST", "/next-policy") => {
            version.fetch_add(1, Ordering::SeqCst);
            response("200 OK", "text/plain", "", b"ok")
        }
        (m, "/dns-query") => {
            let wire = if m == "POST" {
                Some(req.body)
            } else {
                query
                    .split('&')
                    .find_map(|kv| kv.strip_prefix("dns="))
                    .and_then(|b| data_encoding::BASE64URL_NOPAD.decode(b.as_bytes()).ok())
            };
            let reply = wire.and_then(|w| Some(zone.read().ok()?.reply(&w)));
            match reply {
                Some(Outcome::Message(a)) => response("200 OK", "application/dns-message", "", &a),
                Some(Outcome::Silence) => response(
                    "503 Service Unavailable",
                    "text/plain",
                    "",
                    b"resolver unavailable",
                ),
                _ => response("400 Bad Request", "text/plain", "", b"not a DNS query"),
            }
        }
        _ => response("404 Not Found", "text/plain", "", b"no such route"),
    };
    let _ = s.write_all(&out);
}

/// Serves HTTPS on `port` (0: any), answering each `Host` from `sites` (404 for others).
pub fn serve_https(
    cfg: Arc<rustls::ServerConfig>,
    port: u16,
    sites: HashMap<String, Reply>,
    version: Arc<AtomicUsize>,
) -> u16 {
    let l = TcpListener::bind(("127.0.0.1", port)).expect("https port");
    let port = l.local_addr().expect("addr").port();
    let sites = Arc::new(sites);
    std::thread::spawn(move || {
        for s in l.incoming().flatten() {
            let (cfg, sites, version) = (cfg.clone(), sites.clone(), version.clone());
            std::thread::spawn(move || https_session(s, cfg, &sites, &version));
        }
    });
    port
}

fn https_session(
    mut s: TcpStream,
    cfg: Arc<rustls::ServerConfig>,
    sites: &HashMap<String, Reply>,
    version: &AtomicUsize,
) {
    let _ = s.set_read_timeout(Some(Duration::from_secs(30)));
    let Ok(conn) = rustls::ServerConnection::new(cfg) else {
        return;
    };
    let mut tls = rustls::StreamOwned::new(conn, &mut s);
    let Some(req) = read_request(&mut tls) else {
        return;
    };
    let reply = sites.get(&req.host).cloned().unwrap_or_else(|| {
        Reply::Full(response("404 Not Found", "text/plain", "", b"no such site"))
    });
    match reply {
        Reply::Full(bytes) => {
            let _ = tls.write_all(&bytes);
        }
        Reply::Versions(first, then) => {
            let bytes = if version.load(Ordering::SeqCst) == 0 {
                first
            } else {
                then
            };
            let _ = tls.write_all(&bytes);
        }
        Reply::Slow => {
            let _ = tls.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 60\r\nConnection: close\r\n\r\n");
            for _ in 0..60 {
                if tls.write_all(b"v").and_then(|_| tls.flush()).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_secs(1));
            }
        }
    }
    tls.conn.send_close_notify();
    let _ = tls.flush();
}
