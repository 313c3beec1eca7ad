//! DNS over HTTPS (RFC 8484) for the live check: the query a shell sends, and the resolver's answer turned into a
//! [`Dns`] fact — following CNAME chains (the delegation RFC 8461 §8.2 describes) and keeping the AD bit, which
//! says whether the resolver validated the answer with DNSSEC. Wire encoding is hickory-proto's; this module only
//! decides what the answer means for the check.

use crate::check::Dns;
use hickory_proto::op::{Message, MessageType, OpCode, Query, ResponseCode};
use hickory_proto::rr::{Name, RData, RecordType};

/// The record types the check asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// TXT: `_mta-sts`, `_smtp._tls` and the mistakes the check looks for.
    Txt,
    /// MX: the hosts the policy must cover.
    Mx,
}

impl Kind {
    fn record_type(self) -> RecordType {
        match self {
            Kind::Txt => RecordType::TXT,
            Kind::Mx => RecordType::MX,
        }
    }
}

/// The longest CNAME chain followed (resolvers give the whole chain in one answer).
const MAX_CHAIN: usize = 8;

/// A query in wire format: id 0 so HTTP caches can share answers (RFC 8484 §4.1), recursion desired, and the
/// AD bit set to ask for the validation result (RFC 6840 §5.7).
pub fn query(name: &str, kind: Kind) -> Result<Vec<u8>, String> {
    let name =
        Name::from_ascii(format!("{}.", name.trim_end_matches('.'))).map_err(|e| e.to_string())?;
    let mut m = Message::new(0, MessageType::Query, OpCode::Query);
    m.metadata.recursion_desired = true;
    m.metadata.authentic_data = true;
    m.add_query(Query::query(name, kind.record_type()));
    m.to_vec().map_err(|e| e.to_string())
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

/// What a resolver answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The records (TXT strings joined, MX hosts by preference), NXDOMAIN, or why the query failed.
    pub dns: Dns,
    /// The AD bit: the resolver validated the answer with DNSSEC.
    pub authenticated: bool,
}

/// Reads the resolver's answer to [`query`] for `name`.
pub fn answer(name: &str, kind: Kind, wire: &[u8]) -> Answer {
    let failed = |why: String| Answer {
        dns: Dns::Failed(why),
        authenticated: false,
    };
    let msg = match Message::from_vec(wire) {
        Ok(m) => m,
        Err(e) => return failed(format!("malformed DNS answer: {e}")),
    };
    if msg.metadata.message_type != MessageType::Response {
        return failed("the resolver sent a query, not an answer".into());
    }
    let authenticated = msg.metadata.authentic_data;
    let dns = match msg.metadata.response_code {
        ResponseCode::NoError => Dns::Records(records(name, kind, &msg)),
        ResponseCode::NXDomain => Dns::NoSuchName,
        other => Dns::Failed(other.to_string()),
    };
    Answer { dns, authenticated }
}

fn key(n: &Name) -> String {
    n.to_ascii().trim_end_matches('.').to_ascii_lowercase()
}

/// The records for `name` or for the end of its CNAME chain.
fn records(name: &str, kind: Kind, msg: &Message) -> Vec<String> {
    let mut owners = vec![name.trim_end_matches('.').to_ascii_lowercase()];
    for _ in 0..MAX_CHAIN {
        let next = msg.answers.iter().find_map(|r| match &r.data {
            RData::CNAME(t) if owners.contains(&key(&r.name)) && !owners.contains(&key(&t.0)) => {
                Some(key(&t.0))
            }
            _ => None,
        });
        match next {
            Some(n) => owners.push(n),
            None => break,
        }
    }
    let ours = msg
        .answers
        .iter()
        .filter(|r| owners.contains(&key(&r.name)));
    match kind {
        Kind::Txt => ours
            .filter_map(|r| match &r.data {
                RData::TXT(t) => Some(
                    t.txt_data
                        .iter()
                        .map(|s| String::from_utf8_lossy(s))
                        .collect::<String>(),
                ),
                _ => None,
            })
            .collect(),
        Kind::Mx => {
            let mut hosts: Vec<(u16, String)> = ours
                .filter_map(|r| match &r.data {
                    RData::MX(m) => Some((m.preference, key(&m.exchange))),
                    _ => None,
                })
                // "." is a null MX (RFC 7505): the domain takes no mail
                .filter(|(_, h)| !h.is_empty())
                .collect();
            hosts.sort();
            hosts.dedup();
            hosts.into_iter().map(|(_, h)| h).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_proto::rr::rdata::{CNAME, MX, TXT};
    use hickory_proto::rr::Record;

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
                Dns::Failed(ResponseCode::ServFail.to_string()),
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
    fn garbage_and_queries_are_failures_not_panics() {
        for wire in [
            &b""[..],
            b"\x00\x01",
            b"<html>not dns</html>",
            &query("example.com", Kind::Txt).expect("q"),
        ] {
            assert!(matches!(
                answer("example.com", Kind::Txt, wire).dns,
                Dns::Failed(_)
            ));
        }
    }
}
