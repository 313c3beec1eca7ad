//! `mtasts_core::mime` against `mail-parser` (the crate it replaced in the build, kept here as the oracle): on
//! the corpus's real report e-mails, the DKIM test messages and shapes senders and forwarders write, both find
//! the same attachments with the same media type, file name and decoded bytes.

use mtasts_core::mime;
use std::path::Path;

type Leaf = (String, String, Vec<u8>);

/// Our walker's `application/*` leaves.
fn ours(m: &[u8]) -> Vec<Leaf> {
    let mut out = Vec::new();
    mime::walk(m, |l| {
        if l.content_type.starts_with("application/") {
            out.push((l.content_type, l.name, l.body.into_owned()));
        }
        true
    });
    out
}

/// mail-parser's `application/*` leaves, forwarded messages included.
fn oracle(m: &[u8]) -> Vec<Leaf> {
    use mail_parser::{MimeHeaders, PartType};
    fn walk(msg: &mail_parser::Message<'_>, out: &mut Vec<Leaf>) {
        for part in &msg.parts {
            match &part.body {
                PartType::Message(inner) => walk(inner, out),
                PartType::Multipart(_) => {}
                _ => {
                    let Some(ct) = part.content_type() else {
                        continue;
                    };
                    let media = format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or(""))
                        .to_ascii_lowercase();
                    if media.starts_with("application/") {
                        out.push((
                            media,
                            part.attachment_name().unwrap_or("").to_owned(),
                            part.contents().to_vec(),
                        ));
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    if let Some(msg) = mail_parser::MessageParser::default().parse(m) {
        walk(&msg, &mut out);
    }
    out
}

fn report_part(headers: &str, body: &str) -> String {
    format!(
        "From: a@b.example\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=tlsrpt; boundary=\"=_b\"\r\n\r\nThis is a MIME message.\r\n--=_b\r\nContent-Type: text/plain\r\n\r\nA report.\r\n--=_b\r\n{headers}\r\n\r\n{body}\r\n--=_b--\r\n"
    )
}

#[test]
fn same_attachments_as_mail_parser() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/reports/real");
    let dkim = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dkim");
    let mut messages: Vec<(String, Vec<u8>)> = Vec::new();
    for dir in [corpus, dkim] {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        files.sort();
        for f in files {
            messages.push((f.display().to_string(), std::fs::read(&f).expect("read")));
        }
    }
    let json = r#"{"organization-name":"o","report-id":"r","policies":[]}"#;
    let b64 = "eyJvcmdhbml6YXRpb24tbmFtZSI6Im8iLCJyZXBvcnQtaWQiOiJyIiwicG9saWNpZXMiOltdfQ==";
    for (name, headers, body) in [
        ("base64", "Content-Type: application/tlsrpt+json\r\nContent-Transfer-Encoding: base64", b64.to_owned()),
        ("base64 folded", "Content-Type: application/tlsrpt+json\r\nContent-Transfer-Encoding: BASE64", format!("{}\r\n{}", &b64[..40], &b64[40..])),
        ("quoted-printable", "Content-Type: application/tlsrpt+json\r\nContent-Transfer-Encoding: quoted-printable", json.replace('=', "=3D").replace("\"p", "=\r\n\"p")),
        ("7bit", "Content-Type: application/tlsrpt+json", json.to_owned()),
        ("name in quotes", "Content-Type: application/gzip; name=\"r.json.gz\"\r\nContent-Disposition: attachment; filename=\"google.com!example.com!1!2.json.gz\"\r\nContent-Transfer-Encoding: base64", b64.to_owned()),
        ("name token", "Content-Type: application/octet-stream; name=report.json\r\nContent-Transfer-Encoding: base64", b64.to_owned()),
        ("RFC 2231 name", "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename*=utf-8''r%C3%A9port.json", json.to_owned()),
        ("RFC 2047 name", "Content-Type: application/octet-stream; name=\"=?UTF-8?B?csOpcG9ydC5qc29u?=\"", json.to_owned()),
        ("folded type", "Content-Type: application/tlsrpt+json;\r\n\tname=\"x.json\"", json.to_owned()),
        ("upper-case type", "Content-Type: Application/TLSRPT+JSON", json.to_owned()),
    ] {
        messages.push((name.to_owned(), report_part(headers, &body).into_bytes()));
    }
    // bare LF line ends and a forwarded report
    let lf = report_part("Content-Type: application/tlsrpt+json", json).replace("\r\n", "\n");
    messages.push(("LF only".to_owned(), lf.clone().into_bytes()));
    messages.push((
        "forwarded".to_owned(),
        format!("From: admin@example.com\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=f\n\n--f\nContent-Type: text/plain\n\nFYI\n--f\nContent-Type: message/rfc822\n\n{lf}\n--f--\n").into_bytes(),
    ));
    let mut found = 0;
    for (name, m) in &messages {
        let (a, b) = (ours(m), oracle(m));
        assert_eq!(a, b, "{name}");
        found += a.len();
    }
    // every message above carries a report, the DKIM test messages none
    assert!(found >= messages.len() - 4, "{found}");
}
