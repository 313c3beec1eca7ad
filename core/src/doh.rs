//! DNS over HTTPS (RFC 8484) for the live check: the query a shell sends, and the resolver's answer turned into a
//! [`Dns`] fact — following CNAME chains (the delegation RFC 8461 §8.2 describes) and keeping the AD bit, which
//! says whether the resolver validated the answer with DNSSEC.
//!
//! The DNS message format (RFC 1035 §4) is read and written here, for the three record types the check needs:
//! hickory-proto did the job but cost the worker ~130 KB gzip of wasm (a third of it), for ~150 lines of code that
//! is fuzzed (`fuzz/fuzz_targets/doh_answer.rs`) and tested against hickory's encoder.

pub use crate::check::plan::{Answer, Kind};
use crate::check::Dns;

const TYPE_CNAME: u16 = 5;
const TYPE_MX: u16 = 15;
const TYPE_TXT: u16 = 16;
const CLASS_IN: u16 = 1;

impl Kind {
    fn record_type(self) -> u16 {
        match self {
            Kind::Txt => TYPE_TXT,
            Kind::Mx => TYPE_MX,
        }
    }
}

/// The longest CNAME chain followed (resolvers give the whole chain in one answer).
const MAX_CHAIN: usize = 8;
/// Most compression pointers followed in one name (a loop is an error, not a hang).
const MAX_POINTERS: usize = 32;

/// A query in wire format: id 0 so HTTP caches can share answers (RFC 8484 §4.1), recursion desired, and the
/// AD bit set to ask for the validation result (RFC 6840 §5.7).
pub fn query(name: &str, kind: Kind) -> Result<Vec<u8>, String> {
    let name = name.trim_end_matches('.');
    let mut m = vec![0, 0, 0x01, 0x20, 0, 1, 0, 0, 0, 0, 0, 0];
    if name.len() > 253 {
        return Err(format!("`{name}` is longer than 253 characters"));
    }
    for label in name.split('.') {
        if label.is_empty() || label.len() > 63 || !label.is_ascii() {
            return Err(format!("`{name}` is not a host name (label `{label}`)"));
        }
        m.push(label.len() as u8);
        m.extend_from_slice(label.as_bytes());
    }
    m.push(0);
    m.extend_from_slice(&kind.record_type().to_be_bytes());
    m.extend_from_slice(&CLASS_IN.to_be_bytes());
    Ok(m)
}

/// The GET URL for a query (RFC 8484 §4.1: `dns` is the message in base64url without padding). `endpoint` may be
/// a URI template ending in `{?dns}`, as resolvers publish them.
pub fn get_url(endpoint: &str, name: &str, kind: Kind) -> Result<String, String> {
    let msg = query(name, kind)?;
    let base = endpoint.trim().trim_end_matches("{?dns}");
    let sep = if base.contains('?') { '&' } else { '?' };
    Ok(format!(
        "{base}{sep}dns={}",
        data_encoding::BASE64URL_NOPAD.encode(&msg)
    ))
}

/// A resource record of the answer section, as far as the check cares.
enum Data {
    Cname(String),
    Mx(u16, String),
    Txt(String),
    Other,
}

/// Reads messages: bounds-checked, every error names the byte where it happened.
struct Reader<'a> {
    msg: &'a [u8],
}

impl Reader<'_> {
    fn u16_at(&self, at: usize) -> Result<u16, String> {
        match self.msg.get(at..at + 2) {
            Some(b) => Ok(u16::from_be_bytes([b[0], b[1]])),
            None => Err(format!("message ends at byte {}", self.msg.len())),
        }
    }

    /// A domain name at `at` (RFC 1035 §4.1.4 compression allowed), lower-case without the final dot, and where
    /// the name ends in the message.
    fn name_at(&self, mut at: usize) -> Result<(String, usize), String> {
        let mut name = String::new();
        let mut end = None;
        let mut pointers = 0;
        loop {
            let len = *self
                .msg
                .get(at)
                .ok_or_else(|| format!("name runs past the end at byte {at}"))?
                as usize;
            match len {
                0 => return Ok((name, end.unwrap_or(at + 1))),
                1..=63 => {
                    let label = self
                        .msg
                        .get(at + 1..at + 1 + len)
                        .ok_or_else(|| format!("label runs past the end at byte {at}"))?;
                    if !name.is_empty() {
                        name.push('.');
                    }
                    name.push_str(&String::from_utf8_lossy(label).to_ascii_lowercase());
                    if name.len() > 255 {
                        return Err(format!("name longer than 255 bytes at byte {at}"));
                    }
                    at += 1 + len;
                }
                0xC0..=0xFF => {
                    pointers += 1;
                    if pointers > MAX_POINTERS {
                        return Err(format!("compression loop at byte {at}"));
                    }
                    let target = (self.u16_at(at)? & 0x3FFF) as usize;
                    end.get_or_insert(at + 2);
                    at = target;
                }
                _ => return Err(format!("bad label length {len} at byte {at}")),
            }
        }
    }

    /// One resource record at `at`: owner, type, data, and where the next record starts.
    fn record_at(&self, at: usize) -> Result<(String, Data, usize), String> {
        let (owner, at) = self.name_at(at)?;
        let rtype = self.u16_at(at)?;
        let len = self.u16_at(at + 8)? as usize;
        let start = at + 10;
        let rdata = self
            .msg
            .get(start..start + len)
            .ok_or_else(|| format!("record data runs past the end at byte {start}"))?;
        let data = match rtype {
            TYPE_CNAME => Data::Cname(self.name_at(start)?.0),
            TYPE_MX => Data::Mx(self.u16_at(start)?, self.name_at(start + 2)?.0),
            TYPE_TXT => {
                // character-strings (RFC 1035 §3.3.14), joined as senders do (RFC 8461 §3.1)
                let mut text = Vec::new();
                let mut i = 0;
                while i < rdata.len() {
                    let n = rdata[i] as usize;
                    let s = rdata.get(i + 1..i + 1 + n).ok_or_else(|| {
                        format!("TXT string runs past its record at byte {}", start + i)
                    })?;
                    text.extend_from_slice(s);
                    i += 1 + n;
                }
                Data::Txt(String::from_utf8_lossy(&text).into_owned())
            }
            _ => Data::Other,
        };
        Ok((owner, data, start + len))
    }
}

/// Reads the resolver's answer to [`query`] for `name`.
pub fn answer(name: &str, kind: Kind, wire: &[u8]) -> Answer {
    match parse(name, kind, wire) {
        Ok(a) => a,
        Err(why) => Answer {
            // the resolver's fault, not the domain's: no verdict on the domain from it
            dns: Dns::Unanswered(format!("malformed DNS answer: {why}")),
            authenticated: false,
        },
    }
}

fn parse(name: &str, kind: Kind, wire: &[u8]) -> Result<Answer, String> {
    let r = Reader { msg: wire };
    let flags = r.u16_at(2)?;
    if flags & 0x8000 == 0 {
        return Err("the resolver sent a query, not an answer".into());
    }
    let authenticated = flags & 0x0020 != 0;
    let rcode = flags & 0x000F;
    let (questions, answers) = (r.u16_at(4)?, r.u16_at(6)?);
    let dns = match rcode {
        0 => {
            let mut at = 12;
            for _ in 0..questions {
                at = r.name_at(at)?.1 + 4;
            }
            let mut records = Vec::with_capacity(answers as usize);
            for _ in 0..answers {
                let (owner, data, next) = r.record_at(at)?;
                records.push((owner, data));
                at = next;
            }
            Dns::Records(select(name, kind, records))
        }
        3 => Dns::NoSuchName,
        2 => Dns::Failed("SERVFAIL".into()),
        5 => Dns::Failed("REFUSED".into()),
        other => Dns::Failed(format!("DNS error code {other}")),
    };
    Ok(Answer { dns, authenticated })
}

/// The records for `name` or for the end of its CNAME chain.
fn select(name: &str, kind: Kind, records: Vec<(String, Data)>) -> Vec<String> {
    let mut owners = vec![name.trim_end_matches('.').to_ascii_lowercase()];
    for _ in 0..MAX_CHAIN {
        let next = records.iter().find_map(|(owner, d)| match d {
            Data::Cname(t) if owners.contains(owner) && !owners.contains(t) => Some(t.clone()),
            _ => None,
        });
        match next {
            Some(n) => owners.push(n),
            None => break,
        }
    }
    let mut txt = Vec::new();
    let mut mx = Vec::new();
    for (owner, d) in records {
        if !owners.contains(&owner) {
            continue;
        }
        match d {
            Data::Txt(t) if kind == Kind::Txt => txt.push(t),
            // "." is a null MX (RFC 7505): the domain takes no mail
            Data::Mx(pref, host) if kind == Kind::Mx && !host.is_empty() => mx.push((pref, host)),
            _ => {}
        }
    }
    if kind == Kind::Txt {
        return txt;
    }
    mx.sort();
    mx.dedup();
    mx.into_iter().map(|(_, h)| h).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_proto::op::{Message, OpCode, ResponseCode};
    use hickory_proto::rr::rdata::{CNAME, MX, TXT};
    use hickory_proto::rr::{Name, RData, Record, RecordType};

    fn key(n: &Name) -> String {
        n.to_ascii().trim_end_matches('.').to_ascii_lowercase()
    }

    fn name(s: &str) -> Name {
        Name::from_ascii(format!("{s}.")).expect("name")
    }

    fn response(code: ResponseCode, ad: bool, answers: Vec<Record>) -> Vec<u8> {
        let mut m = Message::response(0, OpCode::Query);
        m.metadata.response_code = code;
        m.metadata.authentic_data = ad;
        for a in answers {
            m.add_answer(a);
        }
        m.to_vec().expect("wire")
    }

    fn txt(owner: &str, parts: &[&str]) -> Record {
        let parts = parts.iter().map(|s| s.to_string()).collect();
        Record::from_rdata(name(owner), 60, RData::TXT(TXT::new(parts)))
    }

    #[test]
    fn query_is_a_recursive_txt_question_with_id_zero() {
        let q = Message::from_vec(&query("_mta-sts.example.com", Kind::Txt).expect("q"))
            .expect("parse");
        assert_eq!(q.metadata.id, 0);
        assert!(q.metadata.recursion_desired && q.metadata.authentic_data);
        assert_eq!(q.queries[0].query_type(), RecordType::TXT);
        assert_eq!(key(q.queries[0].name()), "_mta-sts.example.com");
        assert!(query("bad..name", Kind::Txt).is_err());
    }

    #[test]
    fn get_url_encodes_base64url_and_accepts_templates() {
        let plain = get_url("https://dns.example/dns-query", "example.com", Kind::Mx).expect("url");
        let templ = get_url(
            "https://dns.example/dns-query{?dns}",
            "example.com",
            Kind::Mx,
        )
        .expect("url");
        assert_eq!(plain, templ);
        let b64 = plain
            .strip_prefix("https://dns.example/dns-query?dns=")
            .expect("prefix");
        assert!(!b64.contains(['+', '/', '=']));
        let with_q = get_url("https://dns.example/q?x=1", "example.com", Kind::Mx).expect("url");
        assert!(with_q.starts_with("https://dns.example/q?x=1&dns="));
    }

    #[test]
    fn answers_become_facts() {
        let d = "example.com";
        let sts = "_mta-sts.example.com";
        let rows: Vec<(&str, Kind, Vec<u8>, Dns, bool)> = vec![
            (
                "split TXT strings are joined",
                Kind::Txt,
                response(
                    ResponseCode::NoError,
                    true,
                    vec![txt(sts, &["v=STSv1; ", "id=1"])],
                ),
                Dns::Records(vec!["v=STSv1; id=1".into()]),
                true,
            ),
            (
                "CNAME delegation is followed",
                Kind::Txt,
                response(
                    ResponseCode::NoError,
                    false,
                    vec![
                        Record::from_rdata(
                            name(sts),
                            60,
                            RData::CNAME(CNAME(name("_mta-sts.provider.net"))),
                        ),
                        txt("_mta-sts.provider.net", &["v=STSv1; id=2"]),
                        txt("unrelated.example", &["v=spf1 -all"]),
                    ],
                ),
                Dns::Records(vec!["v=STSv1; id=2".into()]),
                false,
            ),
            (
                "MX by preference, null MX dropped",
                Kind::Mx,
                response(
                    ResponseCode::NoError,
                    false,
                    vec![
                        Record::from_rdata(
                            name(d),
                            60,
                            RData::MX(MX::new(20, name("MX2.example.com"))),
                        ),
                        Record::from_rdata(
                            name(d),
                            60,
                            RData::MX(MX::new(10, name("mx1.example.com"))),
                        ),
                        Record::from_rdata(name(d), 60, RData::MX(MX::new(0, Name::root()))),
                    ],
                ),
                Dns::Records(vec!["mx1.example.com".into(), "mx2.example.com".into()]),
                false,
            ),
            (
                "NODATA",
                Kind::Txt,
                response(ResponseCode::NoError, false, vec![]),
                Dns::Records(vec![]),
                false,
            ),
            (
                "NXDOMAIN",
                Kind::Txt,
                response(ResponseCode::NXDomain, true, vec![]),
                Dns::NoSuchName,
                true,
            ),
            (
                "SERVFAIL",
                Kind::Txt,
                response(ResponseCode::ServFail, false, vec![]),
                Dns::Failed("SERVFAIL".into()),
                false,
            ),
        ];
        for (what, kind, wire, dns, ad) in rows {
            let q = if kind == Kind::Mx { d } else { sts };
            assert_eq!(
                answer(q, kind, &wire),
                Answer {
                    dns,
                    authenticated: ad
                },
                "{what}"
            );
        }
    }

    #[test]
    fn malformed_messages_say_what_and_where() {
        let head = |an: u8| vec![0, 0, 0x81, 0x80, 0, 1, 0, an, 0, 0, 0, 0];
        let mut looped = head(0);
        looped.extend_from_slice(&[0xC0, 12, 0, 16, 0, 1]);
        let mut bad_len = head(0);
        bad_len.extend_from_slice(&[0x40, b'a', 0, 0, 16, 0, 1]);
        let mut short_rdata = head(1);
        short_rdata.extend_from_slice(&[0, 0, 16, 0, 1]); // question: root, TXT, IN
        short_rdata.extend_from_slice(&[0, 0, 16, 0, 1, 0, 0, 0, 60, 0, 9, 3, b'a', b'b']);
        let mut long_txt = head(1);
        long_txt.extend_from_slice(&[0, 0, 16, 0, 1]);
        long_txt.extend_from_slice(&[0, 0, 16, 0, 1, 0, 0, 0, 60, 0, 2, 5, b'a']);
        for (what, wire, says) in [
            ("pointer loop", looped, "compression loop at byte 12"),
            ("label length 64", bad_len, "bad label length 64 at byte 12"),
            (
                "record data past the end",
                short_rdata,
                "record data runs past the end",
            ),
            (
                "TXT string past its record",
                long_txt,
                "TXT string runs past its record",
            ),
        ] {
            match answer("", Kind::Txt, &wire).dns {
                // a malformed answer is the resolver's fault: unanswered, no verdict on the domain
                Dns::Unanswered(why) => assert!(why.contains(says), "{what}: {why}"),
                other => panic!("{what}: {other:?}"),
            }
        }
    }

    #[test]
    fn garbage_and_queries_are_failures_not_panics() {
        for wire in [
            &b""[..],
            b"\x00\x01",
            b"<html>not dns</html>",
            &query("example.com", Kind::Txt).expect("q"),
        ] {
            assert!(matches!(
                answer("example.com", Kind::Txt, wire).dns,
                Dns::Unanswered(_)
            ));
        }
    }
}
