//! Just enough Internet Message Format (RFC 5322) and MIME (RFC 2045–2047, RFC 2231) to find the reports in an
//! e-mail (RFC 8460 §5.3) and to read a message's header fields for DKIM (RFC 6376).
//!
//! Why not a MIME crate: `mail-parser` (the one we used, and still the oracle of this module's tests) brings
//! every header grammar and ~40 charset tables, ~25 KB of the web app's 400 KB gzip budget, and a report finder
//! needs none of it: the media type, the file name, the transfer encoding and the multipart structure. Header
//! values other than those are never decoded here. Bounded by construction: multipart nesting is walked with an
//! explicit stack to [`MAX_DEPTH`] levels, so a hostile message cannot overflow the stack.

use std::borrow::Cow;

/// Deepest nesting of multiparts and forwarded messages walked; deeper parts are not looked at (a report is one
/// or two levels down; a hand-forwarded one three or four).
pub const MAX_DEPTH: usize = 16;

/// One header field as it appears in the head: its name in lower case and the raw bytes of the whole field
/// (name, colon, value with its folding), without the final line break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawField<'a> {
    /// The field name, trimmed and in lower case (empty for a line without a colon).
    pub name: String,
    /// The whole field as written, continuation lines and their line breaks included.
    pub raw: &'a [u8],
}

impl RawField<'_> {
    /// The value with its folding removed.
    pub fn value(&self) -> String {
        unfolded_value(self.raw)
    }
}

/// A raw field's value (after the first colon) with its folding removed (RFC 5322 §2.2.3: unfolding deletes
/// the line break before white space).
pub fn unfolded_value(raw: &[u8]) -> String {
    let s = String::from_utf8_lossy(raw);
    let v = s.split_once(':').map_or("", |(_, v)| v);
    v.replace("\r\n", "").replace('\n', "")
}

/// One line of `bytes`: where it starts, where its text ends (before a CR of a CRLF) and where the next starts.
struct Line {
    start: usize,
    text_end: usize,
    next: usize,
}

/// The lines of `bytes`, CRLF or bare LF ended (the last may have no line end).
fn lines(bytes: &[u8]) -> impl Iterator<Item = Line> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| start + i);
        let text_end = if end > start && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        let line = Line {
            start,
            text_end,
            next: end + 1,
        };
        start = end + 1;
        Some(line)
    })
}

/// Splits an entity into its head and body at the first empty line (RFC 5322 §2.1); CRLF and bare LF line ends
/// are both accepted. Without an empty line, it is all head.
pub fn split_head(bytes: &[u8]) -> (&[u8], &[u8]) {
    for l in lines(bytes) {
        if l.text_end == l.start {
            return (&bytes[..l.start], bytes.get(l.next..).unwrap_or(&[]));
        }
    }
    (bytes, &[])
}

/// The header fields of a head, in order; a line starting with white space continues the field above
/// (RFC 5322 §2.2.3).
pub fn fields(head: &[u8]) -> Vec<RawField<'_>> {
    let mut out: Vec<RawField<'_>> = Vec::new();
    let mut field_start = 0;
    for Line {
        start,
        text_end: line_end,
        ..
    } in lines(head)
    {
        let line = &head[start..line_end];
        if line.is_empty() {
            // nothing: an empty line ends a head, and a head handed in whole has none
        } else if matches!(line[0], b' ' | b'\t') {
            if let Some(f) = out.last_mut() {
                // the field's raw bytes run from its first line to the end of this one
                f.raw = &head[field_start..line_end];
            }
        } else {
            let name = line
                .iter()
                .position(|&b| b == b':')
                .map(|i| {
                    String::from_utf8_lossy(&line[..i])
                        .trim()
                        .to_ascii_lowercase()
                })
                .unwrap_or_default();
            field_start = start;
            out.push(RawField {
                name,
                raw: &head[start..line_end],
            });
        }
    }
    out
}

/// A header value's main token (`type/subtype`, `attachment`) in lower case and its parameters (RFC 2045 §5.1),
/// names in lower case, RFC 2231 continuations joined and percent-decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    /// The value before the first `;`, trimmed, in lower case.
    pub value: String,
    /// `(name, value)` pairs in the order they came.
    pub params: Vec<(String, String)>,
}

impl Params {
    /// Parses `type/subtype; name=value; name="quoted \" value"; name*0*=utf-8''a%20b; name*1=c`.
    pub fn parse(value: &str) -> Params {
        let value = strip_comments(value);
        let mut pieces = split_unquoted(&value, ';').into_iter();
        let main = pieces
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        // (base name, section, extended, value)
        let mut raw: Vec<(String, usize, bool, String)> = Vec::new();
        for piece in pieces {
            let Some((name, v)) = piece.split_once('=') else {
                continue;
            };
            let name = name.trim().to_ascii_lowercase();
            if name.is_empty() {
                continue;
            }
            let v = unquote(v.trim());
            // RFC 2231 §3–4: `name*N` is section N, a trailing `*` means charset'language'%-encoded
            let (name, extended) = match name.strip_suffix('*') {
                Some(n) => (n.to_owned(), true),
                None => (name, false),
            };
            let (base, section) = match name.rsplit_once('*') {
                Some((b, n)) if !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()) => {
                    (b.to_owned(), n.parse().unwrap_or(usize::MAX))
                }
                _ => (name, 0),
            };
            raw.push((base, section, extended, v));
        }
        let mut params: Vec<(String, String)> = Vec::new();
        for (base, _, _, _) in &raw {
            if params.iter().any(|(n, _)| n == base) {
                continue;
            }
            let mut sections: Vec<&(String, usize, bool, String)> =
                raw.iter().filter(|(b, ..)| b == base).collect();
            sections.sort_by_key(|(_, n, ..)| *n);
            let mut bytes = Vec::new();
            for (i, (_, _, extended, v)) in sections.iter().enumerate() {
                if *extended {
                    // the first extended section starts with charset'language' (RFC 2231 §4)
                    let v = if i == 0 {
                        v.splitn(3, '\'').nth(2).unwrap_or(v)
                    } else {
                        v
                    };
                    bytes.extend(percent_decode(v.as_bytes()));
                } else {
                    bytes.extend_from_slice(v.as_bytes());
                }
            }
            params.push((base.clone(), String::from_utf8_lossy(&bytes).into_owned()));
        }
        Params {
            value: main,
            params,
        }
    }

    /// The value of parameter `name` (lower case).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Removes RFC 5322 §3.2.2 comments (`(…)`, nested, outside quoted strings).
fn strip_comments(s: &str) -> Cow<'_, str> {
    if !s.contains('(') {
        return Cow::Borrowed(s);
    }
    let (mut out, mut depth, mut quoted, mut escaped) = (String::new(), 0usize, false, false);
    for c in s.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '"' && depth == 0 {
            quoted = !quoted;
        } else if !quoted && c == '(' {
            depth += 1;
            continue;
        } else if !quoted && c == ')' && depth > 0 {
            depth -= 1;
            continue;
        }
        if depth == 0 {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Splits on `sep` outside quoted strings.
fn split_unquoted(s: &str, sep: char) -> Vec<&str> {
    let (mut out, mut from, mut quoted, mut escaped) = (Vec::new(), 0, false, false);
    for (i, c) in s.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' && quoted {
            escaped = true;
        } else if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            out.push(&s[from..i]);
            from = i + 1;
        }
    }
    out.push(&s[from..]);
    out
}

/// A quoted string's content (RFC 5322 §3.2.4, backslash escapes removed), or the token as it is.
fn unquote(v: &str) -> String {
    let Some(inner) = v.strip_prefix('"') else {
        return v.to_owned();
    };
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    let mut out = String::with_capacity(inner.len());
    let mut escaped = false;
    for c in inner.chars() {
        if !escaped && c == '\\' {
            escaped = true;
            continue;
        }
        escaped = false;
        out.push(c);
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// `%XX` decoded; a `%` not followed by two hex digits stays as it is.
fn percent_decode(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match (
            s[i],
            s.get(i + 1).copied().and_then(hex),
            s.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push(h << 4 | l);
                i += 3;
            }
            (b, ..) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Decodes RFC 2047 encoded words (`=?charset?B?…?=`, `=?charset?Q?…?=`) in an unstructured value or a file
/// name, as many mailers write non-ASCII names. The bytes are read as UTF-8 (lossily): ASCII-compatible
/// charsets keep their ASCII, which is all a report's name needs (`.json.gz`). White space between two encoded
/// words is dropped (RFC 2047 §6.2).
pub fn decode_words(value: &str) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(value.len());
    let mut rest = value;
    let mut after_word = false;
    while let Some(start) = rest.find("=?") {
        let decoded = encoded_word(&rest[start..]);
        let Some((bytes, used)) = decoded else {
            out.extend_from_slice(&rest.as_bytes()[..start + 2]);
            rest = &rest[start + 2..];
            after_word = false;
            continue;
        };
        let between = &rest[..start];
        if !(after_word && between.trim().is_empty()) {
            out.extend_from_slice(between.as_bytes());
        }
        out.extend(bytes);
        rest = &rest[start + used..];
        after_word = true;
    }
    out.extend_from_slice(rest.as_bytes());
    String::from_utf8_lossy(&out).into_owned()
}

/// One encoded word at the start of `s`: its bytes and its length.
fn encoded_word(s: &str) -> Option<(Vec<u8>, usize)> {
    let body = s.strip_prefix("=?")?;
    let (_charset, rest) = body.split_once('?')?;
    let (enc, rest) = rest.split_once('?')?;
    let end = rest.find("?=")?;
    let text = &rest[..end];
    if text.contains(char::is_whitespace) {
        return None;
    }
    let bytes = match enc {
        "B" | "b" => base64(text.as_bytes()),
        "Q" | "q" => {
            // RFC 2047 §4.2: `_` is a space; `=XX` as in quoted-printable
            let spaced: Vec<u8> = text
                .bytes()
                .map(|b| if b == b'_' { b' ' } else { b })
                .collect();
            quoted_printable(&spaced)
        }
        _ => return None,
    };
    Some((bytes, s.len() - rest.len() + end + 2))
}

/// Base64 (RFC 2045 §6.8), leniently: characters outside the alphabet (line breaks, stray spaces) are ignored
/// as the RFC asks, decoding stops at the first `=`, and a dangling sixth of a byte is dropped.
pub fn base64(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in text {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// Quoted-printable (RFC 2045 §6.7): `=XX` is a byte, `=` at the end of a line (white space allowed after it)
/// is a soft line break; anything else, a malformed `=` included, is kept as it is.
pub fn quoted_printable(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] != b'=' {
            out.push(text[i]);
            i += 1;
            continue;
        }
        if let (Some(h), Some(l)) = (
            text.get(i + 1).copied().and_then(hex),
            text.get(i + 2).copied().and_then(hex),
        ) {
            out.push(h << 4 | l);
            i += 3;
            continue;
        }
        let ws = text[i + 1..]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        match text.get(i + 1 + ws) {
            Some(b'\r') if text.get(i + 2 + ws) == Some(&b'\n') => i += 3 + ws,
            Some(b'\n') => i += 2 + ws,
            None => i += 1 + ws,
            Some(_) => {
                out.push(b'=');
                i += 1;
            }
        }
    }
    out
}

/// A leaf of a message's MIME tree: what a report finder needs of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaf<'a> {
    /// `type/subtype` in lower case; `text/plain` when the part has no Content-Type (RFC 2045 §5.2).
    pub content_type: String,
    /// The file name: Content-Disposition's `filename`, else Content-Type's `name` (RFC 2183 §2.3), encoded
    /// words decoded; empty when there is none.
    pub name: String,
    /// The body with its Content-Transfer-Encoding undone (RFC 2045 §6: base64 and quoted-printable; 7bit,
    /// 8bit, binary and unknown encodings as they are).
    pub body: Cow<'a, [u8]>,
    /// How many `message/rfc822` parts enclose it (0 for the message's own parts).
    pub forwarded: usize,
}

/// Every leaf part of a message, depth first in document order, walking multiparts (RFC 2046 §5.1) and
/// forwarded messages (`message/rfc822`, RFC 2046 §5.2.1) down to [`MAX_DEPTH`] levels; `visit` returns false
/// to stop. Parts are decoded one at a time, when visited.
pub fn walk<'a>(message: &'a [u8], mut visit: impl FnMut(Leaf<'a>) -> bool) {
    // (entity bytes, depth, forwarded count, default media type), last in first out; pushed in reverse so
    // that parts come out in document order
    let mut stack: Vec<(&'a [u8], usize, usize)> = vec![(message, 0, 0)];
    while let Some((entity, depth, forwarded)) = stack.pop() {
        let (head, body) = split_head(entity);
        let fields = fields(head);
        let field = |name: &str| fields.iter().find(|f| f.name == name).map(|f| f.value());
        let ctype = field("content-type")
            .map(|v| Params::parse(&v))
            .unwrap_or_default();
        let media = if ctype.value.contains('/') {
            ctype.value.clone()
        } else {
            // RFC 2045 §5.2: no (or a syntactically bad) Content-Type is text/plain
            "text/plain".to_owned()
        };
        let encoding = field("content-transfer-encoding")
            .map(|v| v.trim().to_ascii_lowercase())
            .unwrap_or_default();
        if media.starts_with("multipart/") {
            if depth >= MAX_DEPTH {
                continue;
            }
            let Some(boundary) = ctype.get("boundary").filter(|b| !b.is_empty()) else {
                continue;
            };
            let parts = multipart_parts(body, boundary.as_bytes());
            for part in parts.into_iter().rev() {
                stack.push((part, depth + 1, forwarded));
            }
            continue;
        }
        if media == "message/rfc822" {
            if depth < MAX_DEPTH {
                // RFC 2046 §5.2.1: only 7bit, 8bit or binary are allowed; a decoded body would be owned, so
                // an encoded forward is looked into only when it needs no decoding
                if matches!(encoding.as_str(), "" | "7bit" | "8bit" | "binary") {
                    stack.push((body, depth + 1, forwarded + 1));
                }
            }
            continue;
        }
        let name = field("content-disposition")
            .map(|v| Params::parse(&v))
            .and_then(|d| d.get("filename").map(str::to_owned))
            .or_else(|| ctype.get("name").map(str::to_owned))
            .map(|n| decode_words(&n))
            .unwrap_or_default();
        let body = match encoding.as_str() {
            "base64" => Cow::Owned(base64(body)),
            "quoted-printable" => Cow::Owned(quoted_printable(body)),
            _ => Cow::Borrowed(body),
        };
        let leaf = Leaf {
            content_type: media,
            name,
            body,
            forwarded,
        };
        if !visit(leaf) {
            return;
        }
    }
}

/// The body parts of a multipart body (RFC 2046 §5.1.1): what lies between delimiter lines `--boundary`, the
/// line break before a delimiter belonging to it; the preamble and the epilogue after `--boundary--` are
/// dropped. White space after a delimiter is allowed (transport padding); a missing close delimiter ends the
/// last part at the end of the body.
fn multipart_parts<'a>(body: &'a [u8], boundary: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    let mut open: Option<usize> = None;
    for Line {
        start,
        text_end,
        next,
    } in lines(body)
    {
        let line = &body[start..text_end];
        if let Some(after) = line
            .strip_prefix(b"--")
            .and_then(|l| l.strip_prefix(boundary))
        {
            let close = after.starts_with(b"--");
            let rest = if close { &after[2..] } else { after };
            if rest.iter().all(|b| b.is_ascii_whitespace()) {
                if let Some(from) = open.take() {
                    // the CRLF (or LF) before the delimiter is part of it
                    let mut to = start.max(from);
                    if to > from && body[to - 1] == b'\n' {
                        to -= 1;
                        if to > from && body[to - 1] == b'\r' {
                            to -= 1;
                        }
                    }
                    parts.push(&body[from..to]);
                }
                if close {
                    return parts;
                }
                open = Some(next.min(body.len()));
            }
        }
    }
    if let Some(from) = open {
        parts.push(&body[from..]);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_table() {
        for (input, value, want) in [
            (
                "application/tlsrpt+gzip; name=\"a b.json.gz\"",
                "application/tlsrpt+gzip",
                vec![("name", "a b.json.gz")],
            ),
            (
                "Multipart/Report; report-type=tlsrpt;\r\n\tboundary=\"_x;y_\"",
                "multipart/report",
                vec![("report-type", "tlsrpt"), ("boundary", "_x;y_")],
            ),
            (
                "attachment; filename*=utf-8''r%C3%A9port.json.gz",
                "attachment",
                vec![("filename", "réport.json.gz")],
            ),
            (
                "attachment; filename*1=\"rt.json\"; filename*0=\"repo\"; filename*2*=%2Egz",
                "attachment",
                vec![("filename", "report.json.gz")],
            ),
            (
                "text/plain (a comment); charset=\"us-ascii\" (another)",
                "text/plain",
                vec![("charset", "us-ascii")],
            ),
            (
                "attachment; filename=\"q\\\"uote\"",
                "attachment",
                vec![("filename", "q\"uote")],
            ),
            ("", "", vec![]),
            (";;;=;a", "", vec![]),
        ] {
            let p = Params::parse(input);
            assert_eq!(p.value, value, "{input}");
            let got: Vec<(&str, &str)> = p
                .params
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            assert_eq!(got, want, "{input}");
        }
    }

    #[test]
    fn transfer_encodings() {
        assert_eq!(base64(b"aGVs\r\nbG8=\r\n"), b"hello");
        assert_eq!(base64(b"aGVsbG8"), b"hello");
        assert_eq!(base64(b"a GV!sbG8=trailing"), b"hello");
        assert_eq!(base64(b"=="), b"");
        assert_eq!(quoted_printable(b"caf=C3=A9 =\r\nok"), "café ok".as_bytes());
        assert_eq!(quoted_printable(b"soft= \nbreak"), b"softbreak");
        assert_eq!(quoted_printable(b"bad =ZZ and end="), b"bad =ZZ and end");
        assert_eq!(
            decode_words("=?UTF-8?B?csOpcG9ydA==?= =?utf-8?q?=2Ejson_x?="),
            "réport.json x"
        );
        assert_eq!(decode_words("plain =?broken"), "plain =?broken");
        assert_eq!(decode_words("a =?x?Z?abc?= b"), "a =?x?Z?abc?= b");
    }

    #[test]
    fn head_and_fields() {
        let m = b"A: 1\r\nB: two\r\n  folded\r\nno colon\n\nbody\r\n";
        let (head, body) = split_head(m);
        assert_eq!(body, b"body\r\n");
        let f = fields(head);
        assert_eq!(f.len(), 3);
        assert_eq!(f[1].name, "b");
        assert_eq!(f[1].raw, b"B: two\r\n  folded");
        assert_eq!(f[1].value(), " two  folded");
        assert_eq!(f[2].name, "");
        assert_eq!(split_head(b"only: head"), (&b"only: head"[..], &b""[..]));
    }

    fn leaves(m: &[u8]) -> Vec<(String, String, Vec<u8>, usize)> {
        let mut out = Vec::new();
        walk(m, |l| {
            out.push((l.content_type, l.name, l.body.into_owned(), l.forwarded));
            true
        });
        out
    }

    #[test]
    fn multipart_walk() {
        let m = b"Content-Type: multipart/mixed; boundary=b\n\npreamble\n--b\n\nplain\n--b  \nContent-Type: multipart/alternative; boundary=\"c\"\n\n--c\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--c--\r\n--b\nContent-Type: message/rfc822\n\nContent-Type: application/tlsrpt+json\nContent-Transfer-Encoding: quoted-printable\n\n{=22a=22: 1}\n--b--\nepilogue\n--b\nignored\n";
        let got = leaves(m);
        assert_eq!(
            got,
            vec![
                ("text/plain".into(), "".into(), b"plain".to_vec(), 0),
                ("text/html".into(), "".into(), b"<p>x</p>".to_vec(), 0),
                (
                    "application/tlsrpt+json".into(),
                    "".into(),
                    b"{\"a\": 1}".to_vec(),
                    1
                ),
            ]
        );
        // an unclosed multipart ends at the end; a multipart without a boundary has no parts
        assert_eq!(
            leaves(b"Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n").len(),
            1
        );
        assert!(leaves(b"Content-Type: multipart/mixed\n\n--b\n\nx\n").is_empty());
    }

    #[test]
    fn nesting_is_bounded() {
        let mut deep = String::new();
        for i in 0..10_000 {
            deep.push_str(&format!(
                "Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n"
            ));
        }
        deep.push_str("Content-Type: text/plain\r\n\r\nhi\r\n");
        assert!(leaves(deep.as_bytes()).is_empty());
        let mut fwd = String::new();
        for _ in 0..10_000 {
            fwd.push_str("Content-Type: message/rfc822\r\n\r\n");
        }
        fwd.push_str("\r\nhi\r\n");
        assert!(leaves(fwd.as_bytes()).is_empty());
    }
}
