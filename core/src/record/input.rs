//! Turns what a user pastes into candidate TXT record values.
//!
//! Accepted forms, mixed freely, one record per line:
//! - a bare value: `v=STSv1; id=20240101T000000`;
//! - quoted strings, which DNS joins without any separator (RFC 7208 §3.3 describes the same rule for SPF):
//!   `"v=STSv1; " "id=1"`;
//! - zone-file or `dig` lines: `_mta-sts.example.com. 300 IN TXT "v=STSv1; id=1"`, where the owner name is kept
//!   so the record's name can be checked, parentheses may span lines, `;` comments and records of other types
//!   (a CNAME in `dig` output) are skipped.
//!
//! Each candidate keeps a byte map from its value back to the input, so diagnostics point at what was pasted.

use crate::diag::{Code, Diagnostic, Span};

/// One TXT record value found in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The owner name from zone/dig output (`_mta-sts.example.com.`), with its span, when present.
    pub owner: Option<(String, Span)>,
    /// The record value, quoted strings joined.
    pub value: String,
    /// `map[i]` is the input offset of `value` byte `i`; one extra entry maps the end of the value.
    pub map: Vec<usize>,
    /// Where the whole record is in the input.
    pub span: Span,
}

impl Candidate {
    /// Maps a span of `value` to a span of the input.
    pub fn input_span(&self, s: Span) -> Span {
        let at = |i: usize| self.map.get(i).copied().unwrap_or(self.span.end);
        if s.start == s.end {
            return Span::point(at(s.start));
        }
        Span::new(at(s.start), at(s.end - 1) + 1)
    }
    /// True when the value came from quoted strings (zone/dig form).
    pub fn quoted(&self) -> bool {
        self.map.first().is_some_and(|&i| i > self.span.start) || self.owner.is_some()
    }
}

/// Splits `text` into candidate records; diagnostics report unclosed quotes.
pub fn candidates(text: &str) -> (Vec<Candidate>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for (start, end) in logical_lines(text) {
        let line = &text[start..end];
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with(';') {
            continue;
        }
        if let Some(c) = parse_line(text, start, end, &mut diags) {
            out.push(c);
        }
    }
    (out, diags)
}

/// Lines, except that a parenthesis opened outside quotes continues the record over newlines (zone files).
fn logical_lines(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let (mut start, mut depth, mut in_quote, mut i) = (0usize, 0i32, false, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_quote => i += 1,
            b'"' => in_quote = !in_quote,
            b'(' if !in_quote => depth += 1,
            b')' if !in_quote => depth = (depth - 1).max(0),
            b';' if !in_quote && depth > 0 => {
                // a comment inside parentheses runs to the end of the line
                while i + 1 < bytes.len() && bytes[i + 1] != b'\n' {
                    i += 1;
                }
            }
            b'\n' if depth == 0 => {
                in_quote = false;
                lines.push((start, i));
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        lines.push((start, bytes.len()));
    }
    lines
}

/// Parses one logical line into a candidate; `None` for records of another type.
fn parse_line(
    text: &str,
    start: usize,
    end: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<Candidate> {
    let line = &text[start..end];
    let Some(first_quote) = line.find('"') else {
        return bare_or_zone_unquoted(text, start, end);
    };
    // Tokens before the first quote: owner, TTL, class, type (any of them may be absent).
    let head = &line[..first_quote];
    let tokens: Vec<(usize, &str)> = tokenize(head).map(|(o, t)| (start + o, t)).collect();
    let type_pos = tokens
        .iter()
        .position(|(_, t)| t.eq_ignore_ascii_case("TXT"));
    if type_pos.is_none() && tokens.iter().any(|(_, t)| is_rr_type(t)) {
        return None; // e.g. a CNAME line of dig output
    }
    let owner = match (type_pos, tokens.first()) {
        (Some(_), Some(&(off, tok)))
            if !line.starts_with([' ', '\t'])
                && !is_ttl(tok)
                && !is_class(tok)
                && !tok.eq_ignore_ascii_case("TXT") =>
        {
            Some((tok.to_owned(), Span::new(off, off + tok.len())))
        }
        _ => None,
    };
    // bytes, not chars: `\DDD` escapes are octets (RFC 1035 §5.1), so UTF-8 written as escapes (what `dig`
    // prints for non-ASCII) joins back into characters; invalid UTF-8 becomes U+FFFD at its place
    let mut raw = Vec::new();
    let mut map = Vec::new();
    let bytes = text.as_bytes();
    let mut i = start + first_quote;
    let mut last = i;
    while i < end {
        match bytes[i] {
            b'"' => {
                let open = i;
                i += 1;
                let mut closed = false;
                while i < end {
                    match bytes[i] {
                        b'"' => {
                            closed = true;
                            i += 1;
                            break;
                        }
                        b'\\' if i + 1 < end => {
                            let len = unescape(&bytes[i + 1..end], &mut raw);
                            map.resize(raw.len(), i);
                            i += 1 + len;
                        }
                        b => {
                            raw.push(b);
                            map.push(i);
                            i += 1;
                        }
                    }
                }
                if !closed {
                    diags.push(Diagnostic::new(
                        Code::InputUnclosedQuote,
                        Span::new(open, end),
                    ));
                }
                last = i;
            }
            b'(' | b')' | b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b';' => break, // comment
            _ => {
                // unquoted text after quoted strings: not part of a TXT value
                i += 1;
            }
        }
    }
    let (value, mut map) = utf8_with_map(&raw, &map);
    map.push(last.saturating_sub(1).max(start));
    Some(Candidate {
        owner,
        value,
        map,
        span: Span::new(start, end),
    })
}

/// A line without quotes: a bare value, unless it is an unquoted zone line (`name IN TXT v=...`) or another type.
fn bare_or_zone_unquoted(text: &str, start: usize, end: usize) -> Option<Candidate> {
    let line = &text[start..end];
    let line_trim_end = line.trim_end_matches(['\r', '\n']);
    let tokens: Vec<(usize, &str)> = tokenize(line_trim_end).collect();
    if let Some(pos) = tokens
        .iter()
        .position(|(_, t)| t.eq_ignore_ascii_case("TXT"))
    {
        let before_ok = tokens[..pos]
            .iter()
            .all(|(_, t)| is_ttl(t) || is_class(t) || t.contains('.'));
        if before_ok && pos + 1 < tokens.len() {
            let (voff, _) = tokens[pos + 1];
            let value = &line_trim_end[voff..];
            let owner = tokens
                .first()
                .filter(|(_, t)| pos > 0 && !is_ttl(t) && !is_class(t))
                .map(|&(o, t)| (t.to_owned(), Span::new(start + o, start + o + t.len())));
            return Some(identity(value, start + voff, owner, Span::new(start, end)));
        }
    }
    if tokens.len() >= 3
        && tokens.iter().take(4).any(|(_, t)| is_class(t))
        && tokens.iter().any(|(_, t)| is_rr_type(t))
    {
        return None;
    }
    Some(identity(line_trim_end, start, None, Span::new(start, end)))
}

fn identity(value: &str, at: usize, owner: Option<(String, Span)>, span: Span) -> Candidate {
    let map = (0..=value.len()).map(|i| at + i).collect();
    Candidate {
        owner,
        value: value.to_owned(),
        map,
        span,
    }
}

/// The text of `raw` (U+FFFD for each invalid sequence) and the input offset of each of its bytes.
fn utf8_with_map(raw: &[u8], map: &[usize]) -> (String, Vec<usize>) {
    if let Ok(s) = std::str::from_utf8(raw) {
        return (s.to_owned(), map.to_vec());
    }
    let (mut value, mut out) = (String::new(), Vec::new());
    let mut at = 0;
    for chunk in raw.utf8_chunks() {
        value.push_str(chunk.valid());
        out.extend_from_slice(&map[at..at + chunk.valid().len()]);
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            value.push('\u{fffd}');
            out.extend([map[at]; 3]);
            at += chunk.invalid().len();
        }
    }
    (value, out)
}

/// RFC 1035 §5.1 escapes: `\X` is X, `\DDD` is the octet DDD (decimal, at most 255). Appends the octets to
/// `out` and returns how many input bytes the escape took (after the backslash).
fn unescape(rest: &[u8], out: &mut Vec<u8>) -> usize {
    if rest.len() >= 3 && rest[..3].iter().all(u8::is_ascii_digit) {
        let n = u32::from(rest[0] - b'0') * 100
            + u32::from(rest[1] - b'0') * 10
            + u32::from(rest[2] - b'0');
        match u8::try_from(n) {
            Ok(b) => out.push(b),
            Err(_) => out.extend_from_slice("\u{fffd}".as_bytes()),
        }
        return 3;
    }
    // `\X`: X itself, a whole character
    let len = match rest.first() {
        None => return 0,
        Some(b) if *b < 0x80 => 1,
        Some(b) if *b >= 0xf0 => 4,
        Some(b) if *b >= 0xe0 => 3,
        Some(_) => 2,
    }
    .min(rest.len());
    out.extend_from_slice(&rest[..len]);
    len
}

fn tokenize(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split([' ', '\t', '(', ')'])
        .scan(0usize, |pos, tok| {
            let off = *pos;
            *pos += tok.len() + 1;
            Some((off, tok))
        })
        .filter(|(_, t)| !t.is_empty())
}

fn is_ttl(t: &str) -> bool {
    !t.is_empty()
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b"smhdwSMHDW".contains(&b))
        && t.as_bytes()[0].is_ascii_digit()
}

fn is_class(t: &str) -> bool {
    ["IN", "CH", "HS", "CS"]
        .iter()
        .any(|c| t.eq_ignore_ascii_case(c))
}

fn is_rr_type(t: &str) -> bool {
    [
        "A", "AAAA", "CNAME", "MX", "NS", "SOA", "TXT", "SPF", "CAA", "RRSIG", "DNAME", "PTR",
        "SRV", "TLSA", "HTTPS", "SVCB",
    ]
    .iter()
    .any(|c| t.eq_ignore_ascii_case(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        candidates(text).0.into_iter().map(|c| c.value).collect()
    }

    #[test]
    fn forms_table() {
        let rows: &[(&str, &str, &[&str])] = &[
            ("bare", "v=STSv1; id=1", &["v=STSv1; id=1"]),
            ("quoted", "\"v=STSv1; id=1\"", &["v=STSv1; id=1"]),
            ("split strings join without space", "\"v=STSv1; \" \"id=1\"", &["v=STSv1; id=1"]),
            ("dig line", "_mta-sts.example.com. 300 IN TXT \"v=STSv1; \" \"id=1\"", &["v=STSv1; id=1"]),
            ("escaped quote", r#""a\"b" "\059""#, &["a\"b;"]),
            // dig prints UTF-8 as decimal escapes of its octets: they join back into the character
            ("utf-8 as \\DDD", r#""caf\195\169""#, &["café"]),
            ("invalid octet", r#""a\255b""#, &["a\u{fffd}b"]),
            ("escape past 255", r#""a\999b""#, &["a\u{fffd}b"]),
            ("two lines", "v=STSv1; id=1\nv=spf1 -all\n", &["v=STSv1; id=1", "v=spf1 -all"]),
            ("dig comments skipped", ";; ANSWER SECTION:\n_smtp._tls.example.com. 60 IN TXT \"v=TLSRPTv1; rua=mailto:a@b.c\"\n", &["v=TLSRPTv1; rua=mailto:a@b.c"]),
            ("cname skipped", "_mta-sts.example.com. 300 IN CNAME _mta-sts.other.net.\n_mta-sts.other.net. 300 IN TXT \"v=STSv1; id=2\"", &["v=STSv1; id=2"]),
            ("parentheses", "_mta-sts IN TXT ( \"v=STSv1; \"\n  \"id=3\" )", &["v=STSv1; id=3"]),
            ("unquoted zone", "_mta-sts.example.com. IN TXT v=STSv1;id=4", &["v=STSv1;id=4"]),
            ("crlf", "v=STSv1; id=1\r\n", &["v=STSv1; id=1"]),
        ];
        for (name, input, want) in rows {
            assert_eq!(values(input), *want, "{name}");
        }
    }

    #[test]
    fn owner_and_spans_map_back() {
        let text = "_mta-sts.example.com. 300 IN TXT \"v=STSv1; \" \"id=1\"";
        let (cands, diags) = candidates(text);
        assert!(diags.is_empty());
        let c = &cands[0];
        assert_eq!(
            c.owner.as_ref().map(|o| o.0.as_str()),
            Some("_mta-sts.example.com.")
        );
        let id_at = c.value.find("id=").unwrap_or_default();
        let s = c.input_span(Span::new(id_at, id_at + 4));
        assert_eq!(&text[s.start..s.end], "id=1");
    }

    #[test]
    fn unclosed_quote_is_reported() {
        let (_, diags) = candidates("\"v=STSv1; id=1");
        assert_eq!(diags[0].code, Code::InputUnclosedQuote);
    }
}
