//! A DNS zone answered over UDP (for `mtasts check --resolver`) and, through [`crate::http`], over HTTPS
//! (RFC 8484, for the worker's `DOH_URL`) — the same answers both ways.

use hickory_proto::op::{Message, OpCode, ResponseCode};
use hickory_proto::rr::rdata::{A, CNAME, MX, TXT};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use std::collections::{HashMap, HashSet};
use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::sync::{Arc, RwLock};

/// The records served. Every MX host and every `mta-sts.*` name resolves to 127.0.0.1.
#[derive(Debug, Default, Clone)]
pub struct Zone {
    /// TXT records by owner.
    pub txt: HashMap<String, Vec<String>>,
    /// MX hosts by owner, in preference order.
    pub mx: HashMap<String, Vec<String>>,
    /// Aliases: owner → target.
    pub cname: HashMap<String, String>,
    /// Owners whose answers carry the AD bit (as if the resolver validated them with DNSSEC).
    pub signed: HashSet<String>,
    /// Domains (with every name under them) the resolver never answers: a resolver that is down, as the
    /// checker sees it — over UDP no reply, over HTTPS a 503.
    pub unreachable: HashSet<String>,
}

/// What the zone makes of a datagram.
#[derive(Debug)]
pub enum Outcome {
    /// The response message, wire format.
    Message(Vec<u8>),
    /// A query for a name under [`Zone::unreachable`]: no answer at all.
    Silence,
    /// Not a DNS query.
    NotAQuery,
}

fn name(s: &str) -> Name {
    Name::from_ascii(format!("{s}.")).expect("name")
}

impl Zone {
    /// The reply to a wire-format query.
    pub fn reply(&self, wire: &[u8]) -> Outcome {
        let Ok(req) = Message::from_vec(wire) else {
            return Outcome::NotAQuery;
        };
        let down = req.queries.iter().any(|q| {
            let n = q
                .name()
                .to_ascii()
                .trim_end_matches('.')
                .to_ascii_lowercase();
            self.unreachable
                .iter()
                .any(|d| n == *d || n.ends_with(&format!(".{d}")))
        });
        if down {
            return Outcome::Silence;
        }
        self.answer(&req)
            .map_or(Outcome::NotAQuery, Outcome::Message)
    }

    /// The answer to a query.
    fn answer(&self, req: &Message) -> Option<Vec<u8>> {
        let mut resp = Message::response(req.metadata.id, OpCode::Query);
        resp.metadata.recursion_desired = req.metadata.recursion_desired;
        resp.metadata.recursion_available = true;
        let mut known = false;
        for q in &req.queries {
            resp.add_query(q.clone());
            let mut key = q
                .name()
                .to_ascii()
                .trim_end_matches('.')
                .to_ascii_lowercase();
            let mut owner = q.name().clone();
            if self.signed.contains(&key) {
                resp.metadata.authentic_data = true;
            }
            // CNAME delegation (RFC 8461 §8.2): the alias, then the target's records
            if let Some(target) = self.cname.get(&key) {
                let t = name(target);
                resp.add_answer(Record::from_rdata(
                    owner.clone(),
                    60,
                    RData::CNAME(CNAME(t.clone())),
                ));
                key = target.clone();
                owner = t;
                known = true;
            }
            let txt = self.txt.get(&key);
            let mx = self.mx.get(&key);
            let is_host =
                key.starts_with("mta-sts.") || self.mx.values().flatten().any(|h| *h == key);
            known |= txt.is_some() || mx.is_some() || is_host;
            match q.query_type() {
                RecordType::TXT => {
                    for t in txt.into_iter().flatten() {
                        // one character-string holds at most 255 bytes (RFC 1035 §3.3): longer records
                        // (a DKIM key) are split into several, which resolvers join (RFC 7208 §3.3)
                        let strings: Vec<String> = t
                            .as_bytes()
                            .chunks(255)
                            .map(|c| String::from_utf8_lossy(c).into_owned())
                            .collect();
                        let data = RData::TXT(TXT::new(strings));
                        resp.add_answer(Record::from_rdata(owner.clone(), 60, data));
                    }
                }
                RecordType::MX => {
                    for (i, h) in mx.into_iter().flatten().enumerate() {
                        let data = RData::MX(MX::new(10 + i as u16, name(h)));
                        resp.add_answer(Record::from_rdata(owner.clone(), 60, data));
                    }
                }
                RecordType::A if is_host => {
                    let data = RData::A(A(Ipv4Addr::LOCALHOST));
                    resp.add_answer(Record::from_rdata(owner.clone(), 60, data));
                }
                _ => {}
            }
        }
        if !known {
            resp.metadata.response_code = ResponseCode::NXDomain;
        }
        resp.to_vec().ok()
    }
}

/// Serves the zone over UDP on a loopback port; the zone can be changed while it runs.
pub fn serve_udp(zone: Arc<RwLock<Zone>>) -> SocketAddr {
    let sock = UdpSocket::bind("127.0.0.1:0").expect("udp");
    let addr = sock.local_addr().expect("addr");
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok((n, peer)) = sock.recv_from(&mut buf) {
            let reply = zone.read().map(|z| z.reply(&buf[..n]));
            if let Ok(Outcome::Message(bytes)) = reply {
                let _ = sock.send_to(&bytes, peer);
            }
        }
    });
    addr
}
