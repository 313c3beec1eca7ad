//! From bytes to reports: sniffs gzip, JSON or an e-mail (RFC 8460 §5.3 `multipart/report; report-type=tlsrpt`
//! with an `application/tlsrpt+gzip` or `application/tlsrpt+json` part), with caps on the input and on what gzip
//! inflates to, so a gzip bomb is refused in bounded memory and time.

use super::model::Report;
use crate::diag::{Code, Diagnostic, Span};
use std::borrow::Cow;
use std::io::Read;

/// Size caps for decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted (a file, an upload, an e-mail).
    pub max_input: usize,
    /// Largest JSON a gzip stream may inflate to.
    pub max_inflated: usize,
}

impl Default for Limits {
    /// 32 MiB in, 64 MiB inflated: room for reports of thousands of policies, far below any memory trouble.
    fn default() -> Self {
        Limits {
            max_input: 32 << 20,
            max_inflated: 64 << 20,
        }
    }
}

/// The container a report arrived in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Container {
    /// Plain JSON (`application/tlsrpt+json`).
    Json,
    /// gzip-compressed JSON (`application/tlsrpt+gzip`).
    Gzip,
    /// An e-mail with the report attached.
    Email,
}

/// A report's JSON, unwrapped from its container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload<'a> {
    /// The outermost container.
    pub container: Container,
    /// The JSON bytes: the input itself for plain JSON (a 26 MB report is not copied), inflated or decoded
    /// bytes otherwise.
    pub json: Cow<'a, [u8]>,
}

/// What the bytes look like.
pub fn sniff(bytes: &[u8]) -> Option<Container> {
    let b = skip_ws_bom(bytes);
    if bytes.starts_with(&[0x1f, 0x8b]) {
        Some(Container::Gzip)
    } else if b.starts_with(b"{") || b.starts_with(b"[") {
        Some(Container::Json)
    } else if looks_like_email(b) {
        Some(Container::Email)
    } else {
        None
    }
}

fn skip_ws_bom(bytes: &[u8]) -> &[u8] {
    let b = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn looks_like_email(b: &[u8]) -> bool {
    if b.starts_with(b"From ") {
        return true;
    }
    let line_end = b.iter().position(|&c| c == b'\n').unwrap_or(b.len());
    let line = &b[..line_end];
    let Some(colon) = line.iter().position(|&c| c == b':') else {
        return false;
    };
    colon > 0
        && line[..colon]
            .iter()
            .all(|&c| c.is_ascii_alphanumeric() || c == b'-')
}

/// Unwraps `bytes` into report JSON payloads (an e-mail may carry more than one report).
pub fn unwrap(bytes: &[u8], limits: Limits) -> Result<Vec<Payload<'_>>, Diagnostic> {
    // RFC 8460 §7: a report endpoint can be flooded; a size cap bounds what one input costs
    if bytes.len() > limits.max_input {
        return Err(Diagnostic::new(Code::ReportTooLarge, Span::default())
            .arg("len", bytes.len())
            .arg("max", limits.max_input));
    }
    match sniff(bytes) {
        Some(Container::Json) => Ok(vec![Payload {
            container: Container::Json,
            json: Cow::Borrowed(bytes),
        }]),
        Some(Container::Gzip) => Ok(vec![Payload {
            container: Container::Gzip,
            json: Cow::Owned(gunzip(bytes, limits.max_inflated)?),
        }]),
        Some(Container::Email) => email(bytes, limits),
        None => Err(Diagnostic::new(Code::ReportUnknownFormat, Span::default())),
    }
}

/// The most deflate can inflate one byte to (RFC 1951: a 258-byte match per ~2 bits, about 1032 : 1).
const MAX_DEFLATE_RATIO: usize = 1032;

/// The size a gzip stream states for its last member (RFC 1952 §2.3.1: ISIZE, the input's length mod 2^32, in
/// the last 4 bytes): a capacity hint only, never trusted, 0 when there is no trailer.
fn stated_size(bytes: &[u8]) -> usize {
    match bytes.len().checked_sub(4).and_then(|at| bytes.get(at..)) {
        Some(&[a, b, c, d]) if bytes.len() >= 18 => u32::from_le_bytes([a, b, c, d]) as usize,
        _ => 0,
    }
}

/// Inflates gzip data, refusing output past `max` bytes (memory and time stay bounded by `max`).
pub fn gunzip(bytes: &[u8], max: usize) -> Result<Vec<u8>, Diagnostic> {
    // the trailer's size, when it is believable, sizes the output at once (a 26 MB report was a series of
    // doublings, each copying the last); a lying trailer only moves the first allocation, bounded by `max`
    let stated = stated_size(bytes).min(bytes.len().saturating_mul(MAX_DEFLATE_RATIO));
    let first = bytes.len().saturating_mul(8).min(1 << 20).max(stated);
    let mut out = Vec::with_capacity(first.min(max.saturating_add(1)));
    // RFC 8460 §5.2: reports may be gzip-compressed; the cap stops a bomb (RFC 8460 §6.3's warning)
    let decoder = flate2::bufread::MultiGzDecoder::new(bytes);
    match decoder.take(max as u64 + 1).read_to_end(&mut out) {
        Ok(_) if out.len() > max => {
            Err(Diagnostic::new(Code::ReportInflatedTooLarge, Span::default()).arg("max", max))
        }
        Ok(_) => Ok(out),
        Err(e) => Err(Diagnostic::new(Code::ReportBadGzip, Span::default()).arg("reason", e)),
    }
}

/// Most report parts read from one e-mail: a sender mails one report per message; a few more are tolerated,
/// but one message cannot make the store do unbounded work (RFC 8460 §7).
pub const MAX_REPORT_PARTS: usize = 20;

/// How deep forwarded messages (`message/rfc822` parts) are searched for reports.
const MAX_MESSAGE_DEPTH: usize = 3;

/// True when a MIME part is a report attachment. RFC 8460 §5.3 names `application/tlsrpt+json` and
/// `application/tlsrpt+gzip`; real senders and forwarders also use generic types with a report's file name
/// (`application/gzip`, `application/x-gzip`, `application/octet-stream`, `application/json`, `text/json`,
/// `text/plain`), which are taken when the name ends in `.json` or `.gz` (the bytes are sniffed either way).
fn is_report_part(ctype: &str, name: &str) -> bool {
    let named = name.ends_with(".json") || name.ends_with(".gz");
    ctype.starts_with("application/tlsrpt+")
        || (named
            && matches!(
                ctype,
                "application/gzip"
                    | "application/x-gzip"
                    | "application/octet-stream"
                    | "application/json"
                    | "application/x-json"
                    | "text/json"
                    | "text/plain"
            ))
}

/// Most `message/rfc822` parts in one e-mail: a report forwarded by hand is one or two levels deep, and a
/// message naming the type thousands of times is refused before any walking (RFC 8460 §7: one message cannot
/// make the store do unbounded work).
pub const MAX_NESTED_MESSAGES: usize = 8;

/// How many times the bytes name the `message/rfc822` media type (counted case-insensitively, before parsing).
fn nested_messages(bytes: &[u8]) -> usize {
    bytes
        .windows(14)
        .filter(|w| w.eq_ignore_ascii_case(b"message/rfc822"))
        .count()
}

/// Finds report attachments in an e-mail (RFC 8460 §5.3), also inside forwarded messages. The inflate cap
/// holds for the whole message, not per part, and parts are decoded and inflated one at a time.
fn email(bytes: &[u8], limits: Limits) -> Result<Vec<Payload<'static>>, Diagnostic> {
    let nested = nested_messages(bytes);
    if nested > MAX_NESTED_MESSAGES {
        return Err(over(
            Code::ReportTooDeeplyNested,
            nested,
            MAX_NESTED_MESSAGES,
        ));
    }
    let mut found = Found {
        out: Vec::new(),
        first_error: None,
        parts: 0,
        inflated: 0,
        refusal: None,
    };
    crate::mime::walk(bytes, |leaf| {
        if leaf.forwarded > MAX_MESSAGE_DEPTH {
            return true;
        }
        found.take(&leaf.content_type, &leaf.name, &leaf.body, limits)
    });
    if let Some(refusal) = found.refusal {
        return Err(refusal);
    }
    match (found.out.is_empty(), found.first_error) {
        (true, Some(e)) => Err(e),
        (true, None) => Err(Diagnostic::new(
            Code::ReportEmailWithoutReport,
            Span::default(),
        )),
        _ => Ok(found.out),
    }
}

/// A refusal for a message over one of its caps (`count` of at most `max`).
#[cold]
#[inline(never)]
fn over(code: Code, count: usize, max: usize) -> Diagnostic {
    Diagnostic::new(code, Span::default())
        .arg("count", count)
        .arg("max", max)
}

/// What the walk over an e-mail's parts has found so far.
struct Found {
    out: Vec<Payload<'static>>,
    /// Why the first report part that could not be read was not, kept for a message with no readable one.
    first_error: Option<Diagnostic>,
    /// Report parts seen.
    parts: usize,
    /// Bytes inflated so far, all parts together.
    inflated: usize,
    /// A cap of the whole message was passed: the message is refused and nothing of it kept.
    refusal: Option<Diagnostic>,
}

impl Found {
    /// Takes one leaf part if it is a report; false once the message is refused (the walk stops).
    fn take(&mut self, ctype: &str, name: &str, body: &[u8], limits: Limits) -> bool {
        if !is_report_part(ctype, &name.to_ascii_lowercase()) {
            return true;
        }
        self.parts += 1;
        if self.parts > MAX_REPORT_PARTS {
            self.refusal = Some(over(Code::ReportTooManyParts, self.parts, MAX_REPORT_PARTS));
            return false;
        }
        let payload = match sniff(body) {
            Some(Container::Gzip) => {
                // RFC 8460 §5.2 inflation, capped over the whole message
                let left = limits.max_inflated.saturating_sub(self.inflated);
                match gunzip(body, left) {
                    Err(d) if d.code == Code::ReportInflatedTooLarge => {
                        self.refusal = Some(d.arg("max", limits.max_inflated));
                        return false;
                    }
                    r => r,
                }
            }
            Some(Container::Json) => Ok(body.to_vec()),
            _ => Err(Diagnostic::new(Code::ReportUnknownFormat, Span::default())),
        };
        match payload {
            Ok(json) => {
                self.inflated += json.len();
                self.out.push(Payload {
                    container: Container::Email,
                    json: Cow::Owned(json),
                })
            }
            Err(e) => {
                self.first_error.get_or_insert(e);
            }
        }
        true
    }
}

/// Parses report JSON into the lenient model; a syntax error names the line and column.
pub fn parse_json(json: &[u8]) -> Result<Report, Diagnostic> {
    let json = json.strip_prefix(b"\xef\xbb\xbf").unwrap_or(json);
    // Validating UTF-8 once for the whole input lets serde_json skip it for every string (StrRead), which
    // profiling showed as 15 % of the time on a 28 MB report; non-UTF-8 input still gets serde_json's error.
    let parsed = match std::str::from_utf8(json) {
        Ok(text) => serde_json::from_str::<Report>(text),
        Err(_) => serde_json::from_slice::<Report>(json),
    };
    match parsed {
        Ok(r) => {
            // RFC 8460 §4.4: `policies` is what a report reports; JSON without it (`{"organization-name": "X"}`)
            // has nothing to count and is refused saying so, rather than read as an empty report. An empty
            // list is a report of no sessions, as lenient as ever.
            if r.policies.is_none() {
                let reason = if r.report_id.is_none() && r.organization_name.is_none() {
                    "no organization-name, report-id or policies"
                } else {
                    "no `policies`"
                };
                return Err(
                    Diagnostic::new(Code::ReportNotReport, Span::default()).arg("reason", reason)
                );
            }
            Ok(r)
        }
        Err(e) => {
            let reason = format!("{} (line {}, column {})", e, e.line(), e.column());
            // A type mismatch means valid JSON of the wrong shape.
            let code = if e.is_data() {
                Code::ReportNotReport
            } else {
                Code::ReportBadJson
            };
            Err(Diagnostic::new(code, Span::default()).arg("reason", reason))
        }
    }
}

/// Unwraps and parses: every report in `bytes`, with its container.
pub fn decode(bytes: &[u8], limits: Limits) -> Result<Vec<(Container, Report)>, Diagnostic> {
    unwrap(bytes, limits)?
        .into_iter()
        .map(|p| parse_json(&p.json).map(|r| (p.container, r)))
        .collect()
}

/// gzip-compresses `data` (RFC 8460 §5.2's `application/tlsrpt+gzip`), for examples and tests: writing to
/// memory cannot fail, so a failure gives the empty vector.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    if e.write_all(data).is_err() {
        return Vec::new();
    }
    e.finish().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniff_table() {
        let rows: &[(&[u8], Option<Container>)] = &[
            (b"{}", Some(Container::Json)),
            (b"\xef\xbb\xbf  {\"a\":1}", Some(Container::Json)),
            (b"\x1f\x8b\x08", Some(Container::Gzip)),
            (b"Return-Path: <a@b>\r\n", Some(Container::Email)),
            (b"From a@b Mon Jan 1\n", Some(Container::Email)),
            (b"\x00\x01garbage", None),
            (b"", None),
        ];
        for (bytes, want) in rows {
            assert_eq!(sniff(bytes), *want, "{bytes:?}");
        }
    }

    #[test]
    fn gzip_bomb_is_refused_with_bounded_output() {
        let bomb = gzip(&vec![0u8; 8 << 20]);
        let err = gunzip(&bomb, 1 << 20).expect_err("refused");
        assert_eq!(err.code, Code::ReportInflatedTooLarge);
    }

    /// The trailer's stated size is only a hint: a lie in either direction changes nothing but the first
    /// allocation, which stays within the cap and the deflate ratio.
    #[test]
    fn lying_gzip_trailers_change_nothing() {
        let body = br#"{"report-id":"x"}"#.repeat(1000);
        let honest = gzip(&body);
        for (name, isize) in [
            ("honest", None),
            ("zero", Some(0u32)),
            ("4 GiB", Some(u32::MAX)),
            ("one byte", Some(1)),
        ] {
            let mut g = honest.clone();
            if let Some(v) = isize {
                let n = g.len();
                g[n - 4..].copy_from_slice(&v.to_le_bytes());
            }
            let hint = stated_size(&g).min(g.len() * MAX_DEFLATE_RATIO);
            assert!(hint <= g.len() * MAX_DEFLATE_RATIO, "{name}");
            match gunzip(&g, 1 << 20) {
                // flate2 checks ISIZE: a changed trailer is a bad gzip, never a wrong output
                Ok(out) => assert_eq!(out, body, "{name}"),
                Err(e) => assert_eq!(e.code, Code::ReportBadGzip, "{name}"),
            }
        }
        assert_eq!(gunzip(&honest, 1 << 20).map(|o| o.len()), Ok(body.len()));
        assert_eq!(stated_size(b"short"), 0);
        assert_eq!(
            gunzip(&gzip(&body), 100).map_err(|e| e.code),
            Err(Code::ReportInflatedTooLarge)
        );
    }

    #[test]
    fn corrupt_gzip_and_bad_json() {
        let mut g = gzip(b"{\"report-id\":\"x\"}");
        let n = g.len();
        g[n / 2] ^= 0xff;
        g.truncate(n - 4);
        assert_eq!(
            unwrap(&g, Limits::default())
                .map(|_| ())
                .expect_err("corrupt")
                .code,
            Code::ReportBadGzip
        );
        let e = parse_json(b"{\"report-id\": }").expect_err("bad");
        assert_eq!(e.code, Code::ReportBadJson);
        assert!(e.get("reason").is_some_and(|r| r.contains("line 1")));
        assert_eq!(
            parse_json(b"[1,2]").expect_err("array").code,
            Code::ReportNotReport
        );
        assert_eq!(
            parse_json(b"{\"a\":1}").expect_err("other").code,
            Code::ReportNotReport
        );
        let named_only = parse_json(b"{\"organization-name\":\"X\"}").expect_err("no policies");
        assert_eq!(named_only.code, Code::ReportNotReport);
        assert_eq!(named_only.get("reason"), Some("no `policies`"));
        assert!(parse_json(b"{\"organization-name\":\"X\",\"policies\":[]}").is_ok());
    }

    #[test]
    fn input_cap() {
        let l = Limits {
            max_input: 10,
            max_inflated: 10,
        };
        assert_eq!(
            unwrap(&[b' '; 11], l).expect_err("big").code,
            Code::ReportTooLarge
        );
    }

    /// A message of `parts` gzip report parts, each inflating to `each` bytes of JSON.
    fn mail_of_gzip_parts(parts: usize, each: usize) -> Vec<u8> {
        use data_encoding::BASE64_MIME;
        let json = format!(
            "{{\"organization-name\": \"o\", \"report-id\": \"r\", \"policies\": [], \"pad\": \"{}\"}}",
            " ".repeat(each.saturating_sub(70))
        );
        let gz = BASE64_MIME.encode(&gzip(json.as_bytes()));
        let mut m = String::from("From: a@b.example\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=tlsrpt; boundary=\"x\"\r\n\r\n");
        for i in 0..parts {
            m.push_str(&format!("--x\r\nContent-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"r{i}.json.gz\"\r\n\r\n{gz}\r\n"));
        }
        m.push_str("--x--\r\n");
        m.into_bytes()
    }

    /// The inflate cap is for the whole message (two parts of 60% each are refused), and one message carries at
    /// most MAX_REPORT_PARTS reports; both refusals are the message's, before anything is kept.
    #[test]
    fn email_caps_are_per_message() {
        let l = Limits {
            max_input: 1 << 20,
            max_inflated: 10_000,
        };
        assert_eq!(
            email(&mail_of_gzip_parts(1, 6_000), l).map(|p| p.len()),
            Ok(1)
        );
        assert_eq!(
            email(&mail_of_gzip_parts(2, 6_000), l)
                .expect_err("over")
                .code,
            Code::ReportInflatedTooLarge
        );
        let many = mail_of_gzip_parts(MAX_REPORT_PARTS + 1, 100);
        let big = Limits::default();
        assert_eq!(
            email(&many, big).expect_err("parts").code,
            Code::ReportTooManyParts
        );
        assert_eq!(
            email(&mail_of_gzip_parts(MAX_REPORT_PARTS, 100), big).map(|p| p.len()),
            Ok(MAX_REPORT_PARTS)
        );
    }

    /// A report forwarded as an attachment (`message/rfc822`) is found; media types real senders use with a
    /// report's file name are taken, others are not.
    #[test]
    fn forwarded_reports_and_lenient_media_types() {
        let inner = String::from_utf8(mail_of_gzip_parts(1, 200)).expect("ascii");
        let fwd = format!("From: admin@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"f\"\r\n\r\n--f\r\nContent-Type: text/plain\r\n\r\nFYI\r\n--f\r\nContent-Type: message/rfc822\r\n\r\n{inner}\r\n--f--\r\n");
        assert_eq!(
            email(fwd.as_bytes(), Limits::default()).map(|p| p.len()),
            Ok(1)
        );
        for (ctype, name, want) in [
            ("application/tlsrpt+gzip", "", true),
            ("application/tlsrpt+json", "x", true),
            (
                "application/gzip",
                "google.com!example.com!1!2.json.gz",
                true,
            ),
            ("application/octet-stream", "report.json", true),
            ("text/plain", "report.json", true),
            ("text/plain", "", false),
            ("application/pdf", "report.json", false),
            ("application/octet-stream", "invoice.zip", false),
        ] {
            assert_eq!(is_report_part(ctype, name), want, "{ctype} {name}");
        }
    }

    /// A hostile sender's shapes: 10,000 nested multiparts, 10,000 nested forwarded messages and 200 report
    /// parts are each answered (a refusal or the reports) in bounded time, without a panic or a stack overflow.
    #[test]
    fn hostile_mime_shapes() {
        let l = Limits::default();
        let mut deep = String::from("From: a@b.example\r\nMIME-Version: 1.0\r\n");
        for i in 0..10_000 {
            deep.push_str(&format!(
                "Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n"
            ));
        }
        deep.push_str("Content-Type: text/plain\r\n\r\nhi\r\n");
        assert!(email(deep.as_bytes(), l).is_err());
        let mut fwd = String::new();
        for _ in 0..10_000 {
            fwd.push_str("From: a@b.example\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        fwd.push_str("From: a@b.example\r\n\r\nhi\r\n");
        // refused before parsing: the parser would nest 10,000 messages and overflow the stack dropping them
        assert_eq!(
            email(fwd.as_bytes(), l).expect_err("nested").code,
            Code::ReportTooDeeplyNested
        );
        assert_eq!(
            email(&mail_of_gzip_parts(200, 100), l)
                .expect_err("parts")
                .code,
            Code::ReportTooManyParts
        );
    }
}
