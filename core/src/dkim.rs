//! DKIM (RFC 6376) verification of mailed TLS reports, as RFC 8460 §3 requires: "Reports sent via SMTP MUST
//! contain a valid DKIM signature by the reporting domain. Reports lacking such a signature MUST be ignored
//! by the recipient. DKIM signatures MUST NOT use the "l=" attribute".
//!
//! Pure: a shell asks [`key_queries`] which `<selector>._domainkey.<domain>` TXT records it needs, fetches them
//! its own way (the worker through DNS over HTTPS, the live check's code), and hands the answers to [`judge`].
//! Only `rsa-sha256` is verified (RFC 8301 forbids `rsa-sha1`; every report sender seen signs with RSA); a
//! message also signed with another algorithm passes on its RSA signature.

use crate::diag::{Code, Diagnostic, Span};
use data_encoding::BASE64;
use rsa::pkcs1v15::{Signature as RsaSignature, VerifyingKey};
use rsa::signature::Verifier;
use rsa::PublicKey;
use sha2::{Digest, Sha256};

/// Most signatures looked at in one message (each costs a DNS query): a sender needs one or two.
pub const MAX_SIGNATURES: usize = 5;

/// Most header names one signature may list in `h=`: senders sign a dozen; each name costs a pass over the
/// header fields, so an absurd list could burn the worker's CPU. A longer list is taken as malformed.
pub const MAX_SIGNED_HEADERS: usize = 64;

/// Header or body canonicalization (RFC 6376 §3.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Canon {
    /// §3.4.1 (headers) and §3.4.3 (body): as is.
    Simple,
    /// §3.4.2 and §3.4.4: white space folded.
    Relaxed,
}

/// One `DKIM-Signature` header field, parsed (RFC 6376 §3.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// `d=`: the signing domain, lower case.
    pub domain: String,
    /// `s=`: the selector.
    pub selector: String,
    /// `a=`.
    pub algorithm: String,
    /// `c=` header canonicalization.
    pub header_canon: Canon,
    /// `c=` body canonicalization.
    pub body_canon: Canon,
    /// `h=`: the signed header fields, in order, lower case.
    pub headers: Vec<String>,
    /// `bh=`: the body hash.
    pub body_hash: Vec<u8>,
    /// `b=`: the signature.
    pub signature: Vec<u8>,
    /// `l=`: a body length limit (RFC 8460 §3 forbids it).
    pub body_length: Option<u64>,
    /// Index of the header field in the message (to leave it out of its own hash but its `b=`).
    field: usize,
}

impl Signature {
    /// The DNS name of its key: `<selector>._domainkey.<domain>` (RFC 6376 §3.6.2.1).
    pub fn key_name(&self) -> String {
        format!("{}._domainkey.{}", self.selector, self.domain)
    }
}

/// A header field as it appears in the message (CRLF line ends, folding kept).
#[derive(Debug, Clone)]
struct Field {
    name: String,
    /// The whole field: name, colon, value with folding, without the final CRLF.
    raw: Vec<u8>,
}

/// The message with CRLF line ends (a bare LF counts as CRLF, as SMTP would have sent it), split into header
/// fields and body.
struct Message {
    fields: Vec<Field>,
    body: Vec<u8>,
}

fn crlf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 40);
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' && (i == 0 || bytes[i - 1] != b'\r') {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

fn parse_message(bytes: &[u8]) -> Message {
    let bytes = crlf(bytes);
    let (head, body) = crate::mime::split_head(&bytes);
    let fields = crate::mime::fields(head)
        .into_iter()
        .map(|f| Field {
            name: f.name,
            raw: f.raw.to_vec(),
        })
        .collect();
    Message {
        fields,
        body: body.to_vec(),
    }
}

/// `tag=value` pairs of a DKIM tag list (RFC 6376 §3.2), white space removed around names and values.
fn tags(value: &str) -> Vec<(String, String)> {
    value
        .split(';')
        .filter_map(|t| {
            let (k, v) = t.split_once('=')?;
            Some((k.trim().to_owned(), v.trim().to_owned()))
        })
        .collect()
}

fn b64(v: &str) -> Option<Vec<u8>> {
    let clean: String = v.chars().filter(|c| !c.is_whitespace()).collect();
    BASE64.decode(clean.as_bytes()).ok()
}

/// The `DKIM-Signature` fields of a message (at most [`MAX_SIGNATURES`]); a malformed one is left out.
pub fn signatures(message: &[u8]) -> Vec<Signature> {
    let m = parse_message(message);
    signatures_of(&m)
}

fn signatures_of(m: &Message) -> Vec<Signature> {
    m.fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.name == "dkim-signature")
        .take(MAX_SIGNATURES)
        .filter_map(|(i, f)| parse_signature(&crate::mime::unfolded_value(&f.raw), i))
        .collect()
}

fn parse_signature(value: &str, field: usize) -> Option<Signature> {
    let t = tags(value);
    let get = |k: &str| t.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    if get("v")? != "1" {
        return None;
    }
    let canon = |s: &str| match s.trim() {
        "relaxed" => Some(Canon::Relaxed),
        "simple" | "" => Some(Canon::Simple),
        _ => None,
    };
    let (hc, bc) = match get("c") {
        None => (Canon::Simple, Canon::Simple),
        Some(c) => match c.split_once('/') {
            Some((h, b)) => (canon(h)?, canon(b)?),
            None => (canon(c)?, Canon::Simple),
        },
    };
    Some(Signature {
        domain: get("d")?.trim_end_matches('.').to_ascii_lowercase(),
        selector: get("s")?.to_owned(),
        algorithm: get("a")?.to_ascii_lowercase(),
        header_canon: hc,
        body_canon: bc,
        headers: {
            let h: Vec<String> = get("h")?
                .split(':')
                .map(|h| h.trim().to_ascii_lowercase())
                .filter(|h| !h.is_empty())
                .collect();
            if h.len() > MAX_SIGNED_HEADERS {
                return None;
            }
            h
        },
        body_hash: b64(get("bh")?)?,
        signature: b64(get("b")?)?,
        body_length: get("l").and_then(|l| l.parse().ok()),
        field,
    })
}

fn is_wsp(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// The body as hashed (RFC 6376 §3.4.3 simple, §3.4.4 relaxed).
pub fn canonical_body(body: &[u8], canon: Canon) -> Vec<u8> {
    let body = crlf(body);
    let mut lines: Vec<Vec<u8>> = body
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l).to_vec())
        .collect();
    // the split leaves one empty piece after the last CRLF
    if body.ends_with(b"\r\n") {
        lines.pop();
    }
    if canon == Canon::Relaxed {
        for l in &mut lines {
            let mut out = Vec::with_capacity(l.len());
            let mut in_ws = false;
            for &b in l.iter() {
                if is_wsp(b) {
                    in_ws = true;
                } else {
                    if in_ws {
                        out.push(b' ');
                    }
                    in_ws = false;
                    out.push(b);
                }
            }
            *l = out;
        }
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let mut out = Vec::with_capacity(body.len());
    for l in &lines {
        out.extend_from_slice(l);
        out.extend_from_slice(b"\r\n");
    }
    if out.is_empty() && canon == Canon::Simple {
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// A header field as hashed (RFC 6376 §3.4.1 simple, §3.4.2 relaxed), without the final CRLF.
fn canonical_field(raw: &[u8], canon: Canon) -> Vec<u8> {
    if canon == Canon::Simple {
        return raw.to_vec();
    }
    let colon = raw.iter().position(|&b| b == b':').unwrap_or(raw.len());
    let name = String::from_utf8_lossy(&raw[..colon])
        .trim()
        .to_ascii_lowercase();
    let value: Vec<u8> = raw.get(colon + 1..).unwrap_or(&[]).to_vec();
    let mut out = name.into_bytes();
    out.push(b':');
    let mut in_ws = false;
    let mut started = false;
    for &b in value.iter().filter(|&&b| b != b'\r' && b != b'\n') {
        if is_wsp(b) {
            in_ws = true;
        } else {
            if in_ws && started {
                out.push(b' ');
            }
            in_ws = false;
            started = true;
            out.push(b);
        }
    }
    out
}

/// The signature field with the value of its `b=` tag removed (RFC 6376 §3.7), other bytes as they are.
fn without_b(raw: &[u8]) -> Vec<u8> {
    let s = String::from_utf8_lossy(raw).into_owned();
    let Some((name, value)) = s.split_once(':') else {
        return raw.to_vec();
    };
    let parts: Vec<String> = value
        .split(';')
        .map(|t| match t.split_once('=') {
            Some((k, _)) if k.trim() == "b" => format!("{k}="),
            _ => t.to_owned(),
        })
        .collect();
    format!("{name}:{}", parts.join(";")).into_bytes()
}

/// What is hashed for the signature (RFC 6376 §3.7): the `h=` fields, each taken from the bottom up, then the
/// signature field itself with an empty `b=` and no final CRLF.
fn signed_data(m: &Message, sig: &Signature) -> Vec<u8> {
    let mut used = vec![false; m.fields.len()];
    let mut out = Vec::new();
    for h in &sig.headers {
        let pick = (0..m.fields.len())
            .rev()
            .find(|&i| !used[i] && m.fields[i].name == *h);
        // a name with no (more) instances signs nothing (RFC 6376 §5.4.2)
        if let Some(i) = pick {
            used[i] = true;
            out.extend_from_slice(&canonical_field(&m.fields[i].raw, sig.header_canon));
            out.extend_from_slice(b"\r\n");
        }
    }
    if let Some(f) = m.fields.get(sig.field) {
        out.extend_from_slice(&canonical_field(&without_b(&f.raw), sig.header_canon));
    }
    out
}

/// The message's body with CRLF line ends, as a signer hashes it (before canonicalization).
pub fn body(message: &[u8]) -> Vec<u8> {
    parse_message(message).body
}

/// What a signer signs when it puts `signature_field` (a whole `DKIM-Signature: …` field with an empty `b=`)
/// on top of `message` (RFC 6376 §3.7): the same bytes [`verify`] checks, so the testbed's signer and this
/// verifier cannot drift apart. `None` when the field does not parse.
pub fn signed_data_for(message: &[u8], signature_field: &str) -> Option<Vec<u8>> {
    let mut m = parse_message(message);
    m.fields.insert(
        0,
        Field {
            name: "dkim-signature".into(),
            raw: crlf(signature_field.as_bytes()),
        },
    );
    let sig = parse_signature(&crate::mime::unfolded_value(&m.fields[0].raw), 0)?;
    Some(signed_data(&m, &sig))
}

/// Why one signature did not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// `l=` is used (RFC 8460 §3).
    BodyLength,
    /// Not `rsa-sha256`.
    Algorithm(String),
    /// No usable key at the name (no record, revoked, not RSA, not for e-mail).
    Key(String),
    /// The body was changed after signing.
    BodyHash,
    /// The signature does not match the signed header fields.
    Signature,
}

impl Failure {
    /// A short English reason for logs and the `reason` argument of a refusal.
    pub fn reason(&self) -> String {
        match self {
            Failure::BodyLength => "l= limits the signed body".into(),
            Failure::Algorithm(a) => format!("algorithm {a} is not verified"),
            Failure::Key(why) => format!("key: {why}"),
            Failure::BodyHash => "body hash mismatch (the body was changed)".into(),
            Failure::Signature => "signature mismatch".into(),
        }
    }
}

/// The RSA key of a DKIM key record (RFC 6376 §3.6.1): `p=` is SubjectPublicKeyInfo, or a bare PKCS#1 key.
fn rsa_key(records: &[String]) -> Result<PublicKey, Failure> {
    use rsa::pkcs1::DecodeRsaPublicKey;
    use rsa::pkcs8::DecodePublicKey;
    let rec = records
        .iter()
        .find(|r| r.contains("p="))
        .ok_or_else(|| Failure::Key("no key record".into()))?;
    let t = tags(rec);
    let get = |k: &str| t.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    if get("v").is_some_and(|v| v != "DKIM1") {
        return Err(Failure::Key("not v=DKIM1".into()));
    }
    if get("k").is_some_and(|k| !k.eq_ignore_ascii_case("rsa")) {
        return Err(Failure::Key("not an RSA key".into()));
    }
    // s= lists the services the key is for: `*`, `email` (RFC 6376) or `tlsrpt` (RFC 8460 §3)
    if let Some(s) = get("s") {
        if !s
            .split(':')
            .any(|x| matches!(x.trim(), "*" | "email" | "tlsrpt"))
        {
            return Err(Failure::Key(format!("service type s={s}")));
        }
    }
    let p = get("p").unwrap_or("");
    if p.is_empty() {
        return Err(Failure::Key("revoked (empty p=)".into()));
    }
    let der = b64(p).ok_or_else(|| Failure::Key("p= is not base64".into()))?;
    PublicKey::from_public_key_der(&der)
        .or_else(|_| PublicKey::from_pkcs1_der(&der))
        .map_err(|_| Failure::Key("p= is not an RSA public key".into()))
}

/// Verifies one signature with the key record(s) found at its [`Signature::key_name`].
pub fn verify(message: &[u8], sig: &Signature, key_records: &[String]) -> Result<(), Failure> {
    verify_in(&parse_message(message), sig, key_records)
}

fn verify_in(m: &Message, sig: &Signature, key_records: &[String]) -> Result<(), Failure> {
    // RFC 8460 §3: "DKIM signatures MUST NOT use the "l=" attribute"
    if sig.body_length.is_some() {
        return Err(Failure::BodyLength);
    }
    // RFC 8301 §3.1: rsa-sha1 MUST NOT be used for signing or verifying
    if sig.algorithm != "rsa-sha256" {
        return Err(Failure::Algorithm(sig.algorithm.clone()));
    }
    let key = rsa_key(key_records)?;
    if Sha256::digest(canonical_body(&m.body, sig.body_canon)).as_slice() != sig.body_hash {
        return Err(Failure::BodyHash);
    }
    let signature =
        RsaSignature::try_from(sig.signature.as_slice()).map_err(|_| Failure::Signature)?;
    VerifyingKey::<Sha256>::new(key)
        .verify(&signed_data(m, sig), &signature)
        .map_err(|_| Failure::Signature)
}

/// The DNS names of the keys [`judge`] needs, one per signature (a shell fetches their TXT records).
pub fn key_queries(message: &[u8]) -> Vec<String> {
    let mut names: Vec<String> = signatures(message)
        .iter()
        .map(Signature::key_name)
        .collect();
    names.dedup();
    names
}

/// The domain of the message's `From:` (RFC 5322 §3.6.2), lower case: the reporting domain the signature
/// must belong to.
pub fn from_domain(message: &[u8]) -> Option<String> {
    from_domain_of(&parse_message(message))
}

fn from_domain_of(m: &Message) -> Option<String> {
    let f = m.fields.iter().find(|f| f.name == "from")?;
    let v = crate::mime::unfolded_value(&f.raw);
    let addr = match (v.rfind('<'), v.rfind('>')) {
        (Some(a), Some(b)) if a < b => &v[a + 1..b],
        _ => v.trim(),
    };
    let d = addr.rsplit_once('@')?.1.trim().trim_end_matches('.');
    (!d.is_empty()).then(|| d.to_ascii_lowercase())
}

/// True when signing domain `d` may speak for `from` (the same domain, or one of its parents, as DMARC's
/// relaxed alignment: `google.com` signs for mail from `smtp-tls-reporting.google.com`).
pub fn aligned(d: &str, from: &str) -> bool {
    from == d || from.ends_with(&format!(".{d}"))
}

/// The verdict on a mailed report (RFC 8460 §3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A valid signature by the reporting domain (`d=`).
    Pass {
        /// The signing domain.
        domain: String,
    },
    /// Why the report must be ignored.
    Fail(Diagnostic),
}

/// Judges a mailed report: it passes with one valid `rsa-sha256` signature without `l=` whose `d=` is the
/// `From:` domain or a parent of it. `keys` answers each name of [`key_queries`] with its TXT records (`None`:
/// the lookup failed). The refusal names the first reason, in the order a sender would fix them.
pub fn judge(message: &[u8], keys: &dyn Fn(&str) -> Option<Vec<String>>) -> Verdict {
    let m = parse_message(message);
    let sigs = signatures_of(&m);
    let from = from_domain_of(&m).unwrap_or_default();
    if sigs.is_empty() {
        // RFC 8460 §3: "Reports lacking such a signature MUST be ignored"
        return Verdict::Fail(
            Diagnostic::new(Code::DkimMissing, Span::default()).arg("from", &from),
        );
    }
    let mut first: Option<Diagnostic> = None;
    for sig in &sigs {
        let result = match keys(&sig.key_name()) {
            None => Err(Failure::Key(format!("no answer for {}", sig.key_name()))),
            Some(records) => verify_in(&m, sig, &records),
        };
        let refusal = match result {
            Ok(()) if aligned(&sig.domain, &from) => {
                return Verdict::Pass {
                    domain: sig.domain.clone(),
                }
            }
            // RFC 8460 §3: a signature "by the reporting domain"
            Ok(()) => Diagnostic::new(Code::DkimWrongDomain, Span::default())
                .arg("domain", &sig.domain)
                .arg("from", &from),
            Err(Failure::BodyLength) => {
                Diagnostic::new(Code::DkimBodyLength, Span::default()).arg("domain", &sig.domain)
            }
            Err(f) => Diagnostic::new(Code::DkimInvalid, Span::default())
                .arg("domain", &sig.domain)
                .arg("reason", f.reason()),
        };
        first.get_or_insert(refusal);
    }
    Verdict::Fail(first.unwrap_or_else(|| Diagnostic::new(Code::DkimMissing, Span::default())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6376 §3.4.5's examples of body canonicalization.
    #[test]
    fn body_canonicalization_table() {
        let body = b" C \r\nD \t E\r\n\r\n\r\n";
        assert_eq!(canonical_body(body, Canon::Relaxed), b" C\r\nD E\r\n");
        assert_eq!(canonical_body(body, Canon::Simple), b" C \r\nD \t E\r\n");
        for (input, canon, want) in [
            (&b""[..], Canon::Simple, &b"\r\n"[..]),
            (b"", Canon::Relaxed, b""),
            (b"\r\n\r\n", Canon::Simple, b"\r\n"),
            (b"a\nb\n", Canon::Simple, b"a\r\nb\r\n"),
            (b"a", Canon::Relaxed, b"a\r\n"),
        ] {
            assert_eq!(canonical_body(input, canon), want, "{input:?} {canon:?}");
        }
    }

    /// RFC 6376 §3.4.5's header example.
    #[test]
    fn header_canonicalization_table() {
        assert_eq!(canonical_field(b"A: X", Canon::Relaxed), b"a:X");
        assert_eq!(
            canonical_field(b"B : Y\t\r\n\tZ  ", Canon::Relaxed),
            b"b:Y Z"
        );
        assert_eq!(
            canonical_field(b"B : Y\t\r\n\tZ  ", Canon::Simple),
            b"B : Y\t\r\n\tZ  "
        );
    }

    #[test]
    fn b_tag_value_is_removed_and_nothing_else() {
        assert_eq!(
            without_b(b"DKIM-Signature: v=1; bh=abc; b=xy\r\n z; d=a.b"),
            b"DKIM-Signature: v=1; bh=abc; b=; d=a.b"
        );
    }

    #[test]
    fn from_domain_and_alignment_table() {
        for (from, want) in [
            (
                "From: Google <noreply-smtp-tls-reporting@google.com>",
                Some("google.com"),
            ),
            ("From: tlsrpt@Mail.Example.COM", Some("mail.example.com")),
            ("From: nobody", None),
        ] {
            let msg = format!("{from}\r\nSubject: x\r\n\r\nbody\r\n");
            assert_eq!(from_domain(msg.as_bytes()).as_deref(), want, "{from}");
        }
        assert!(aligned("google.com", "smtp-tls-reporting.google.com"));
        assert!(aligned("google.com", "google.com"));
        assert!(!aligned("google.com", "evilgoogle.com"));
        assert!(!aligned("mail.google.com", "google.com"));
    }

    #[test]
    fn unsigned_and_malformed_signatures_fail_without_panicking() {
        let none = b"From: a@b.example\r\n\r\nhi\r\n";
        assert!(matches!(judge(none, &|_| None), Verdict::Fail(d) if d.code == Code::DkimMissing));
        let long_h = format!(
            "DKIM-Signature: v=1; a=rsa-sha256; d=b.example; s=s; h={}; bh=; b=",
            vec!["from"; 100_000].join(":")
        );
        for junk in [
            long_h.as_str(),
            "DKIM-Signature: v=1; a=rsa-sha256; d=b.example; s=s; h=from; bh=!!; b=??",
            "DKIM-Signature: ;;;;===",
            "DKIM-Signature: v=1; a=rsa-sha256; d=b.example; s=s; h=from; bh=; b=; l=9999999999999999999999",
        ] {
            let msg = format!("{junk}\r\nFrom: a@b.example\r\n\r\nhi\r\n");
            assert!(matches!(judge(msg.as_bytes(), &|_| Some(vec![])), Verdict::Fail(_)));
        }
    }
}
