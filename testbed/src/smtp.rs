//! An SMTP server on loopback: greets, answers EHLO (with or without STARTTLS), and does the TLS handshake.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;

/// Serves SMTP on a loopback port; with `tls`, it offers STARTTLS and presents that configuration's certificate.
pub fn serve_smtp(tls: Option<Arc<rustls::ServerConfig>>) -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("tcp");
    let port = l.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for s in l.incoming().flatten() {
            let tls = tls.clone();
            std::thread::spawn(move || session(s, tls));
        }
    });
    port
}

fn session(mut s: TcpStream, tls: Option<Arc<rustls::ServerConfig>>) {
    let _ = s.write_all(b"220 mx.test ESMTP\r\n");
    let Ok(read) = s.try_clone() else {
        return;
    };
    let mut r = BufReader::new(read);
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
