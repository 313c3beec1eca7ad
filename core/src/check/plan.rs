//! The live check's plan: what every shell asks and fetches, in which order, under which limits — so the CLI and
//! the worker execute one plan and only differ in how they reach the network.
//!
//! 1. Ask the five DNS questions of [`Question::ALL`] (they do not depend on each other: ask them at once).
//! 2. Fetch the policy only when [`wants_policy`] says the `_mta-sts` answer justifies it (RFC 8461 §3.3: a
//!    sender fetches only after finding a record), from [`policy_url`], without following redirects, reading at
//!    most [`POLICY_CAP`] bytes plus one (RFC 8461 §3.3), within the timeout.
//! 3. Where port 25 can be opened, STARTTLS on each MX (RFC 8461 §4.2).
//! 4. Build the [`Facts`] with [`facts`] and judge them with [`super::judge`].

use super::{Dns, Facts, Fetch, MxTls};
use crate::policy;

/// The record types the check asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// TXT: `_mta-sts`, `_smtp._tls` and the mistakes the check looks for.
    Txt,
    /// MX: the hosts the policy must cover.
    Mx,
}

/// What a resolver answered to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The records (TXT strings joined, MX hosts by preference), NXDOMAIN, or why the query failed.
    pub dns: Dns,
    /// The AD bit: the resolver validated the answer with DNSSEC.
    pub authenticated: bool,
}

impl Answer {
    /// An answer that never came: the resolver could not be asked (the checker's problem, not the domain's).
    pub fn unanswered(why: impl Into<String>) -> Answer {
        Answer {
            dns: Dns::Unanswered(why.into()),
            authenticated: false,
        }
    }
}

/// One DNS question of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// TXT `_mta-sts.<domain>` (RFC 8461 §3.1), CNAMEs followed (§8.2).
    Sts,
    /// TXT `_smtp._tls.<domain>` (RFC 8460 §3).
    Tlsrpt,
    /// TXT at the domain itself: a `v=STSv1` record published at the apex by mistake.
    Apex,
    /// TXT at the draft-era `_smtp-tlsrpt.<domain>`.
    OldTlsrpt,
    /// MX of the domain: the hosts the policy must cover (RFC 8461 §4.1).
    Mx,
}

impl Question {
    /// Every question, in the order [`facts`] takes their answers.
    pub const ALL: [Question; 5] = [
        Question::Sts,
        Question::Tlsrpt,
        Question::Apex,
        Question::OldTlsrpt,
        Question::Mx,
    ];

    /// The name asked.
    pub fn name(self, domain: &str) -> String {
        match self {
            Question::Sts => format!("_mta-sts.{domain}"),
            Question::Tlsrpt => format!("_smtp._tls.{domain}"),
            Question::Apex | Question::Mx => domain.to_owned(),
            Question::OldTlsrpt => format!("_smtp-tlsrpt.{domain}"),
        }
    }

    /// The record type asked.
    pub fn kind(self) -> Kind {
        match self {
            Question::Mx => Kind::Mx,
            _ => Kind::Txt,
        }
    }

    /// This question's answer among `answers` (given in [`Question::ALL`] order).
    pub fn answer_in(self, answers: &[Answer]) -> Option<&Answer> {
        let i = Question::ALL.iter().position(|q| *q == self)?;
        answers.get(i)
    }

    /// Whether the answer's DNSSEC validation counts for the verdict's DNSSEC note: the policy discovery
    /// (`_mta-sts`) and the MX set are what an attacker would forge (RFC 8461 §10.2).
    pub fn counts_for_dnssec(self) -> bool {
        matches!(self, Question::Sts | Question::Mx)
    }
}

/// Largest policy body read (RFC 8461 §3.3: 64 KB); shells read one byte more, so a larger body is judged too large.
pub const POLICY_CAP: usize = policy::MAX_POLICY_BYTES;

/// The host serving the policy (RFC 8461 §3.3).
pub fn policy_host(domain: &str) -> String {
    format!("mta-sts.{domain}")
}

/// The path of the policy on its host (RFC 8461 §3.3, the well-known URI of §9.1).
pub const POLICY_PATH: &str = "/.well-known/mta-sts.txt";

/// The policy URL (RFC 8461 §3.3).
pub fn policy_url(domain: &str) -> String {
    format!("https://{}{POLICY_PATH}", policy_host(domain))
}

/// Whether the `_mta-sts` answer justifies fetching the policy: a sender fetches only after finding a record
/// (RFC 8461 §3.3). Any TXT record counts, so a broken record is judged together with its policy.
pub fn wants_policy(sts: &Dns) -> bool {
    matches!(sts, Dns::Records(r) if !r.is_empty())
}

/// [`wants_policy`] for the `_mta-sts` answer among `answers` (in [`Question::ALL`] order).
pub fn answers_want_policy(answers: &[Answer]) -> bool {
    Question::Sts
        .answer_in(answers)
        .is_some_and(|a| wants_policy(&a.dns))
}

/// The DNSSEC fact from the AD bits of the answers (in [`Question::ALL`] order): validated only when every
/// answer that counts was (RFC 8461 §10.2); `None` when one of them never came.
pub fn dnssec_of(answers: &[Answer]) -> Option<bool> {
    let mut all = true;
    for (q, a) in Question::ALL.iter().zip(answers) {
        if q.counts_for_dnssec() {
            if matches!(a.dns, Dns::Unanswered(_)) {
                return None;
            }
            all &= a.authenticated;
        }
    }
    Some(all)
}

/// Builds the facts from the answers (in [`Question::ALL`] order; missing ones count as unanswered), the policy
/// fetch, and the STARTTLS results (`None` when the shell could not test port 25).
pub fn facts(
    domain: &str,
    answers: Vec<Answer>,
    policy: Option<Fetch>,
    mx_tls: Option<Vec<(String, MxTls)>>,
    dnssec: Option<bool>,
) -> Facts {
    let mut answers = answers.into_iter();
    let mut next = || {
        answers
            .next()
            .map_or_else(|| Dns::Unanswered("not asked".into()), |a| a.dns)
    };
    let (sts_txt, tlsrpt_txt, apex, old, mx) = (next(), next(), next(), next(), next());
    Facts {
        domain: domain.to_owned(),
        sts_txt,
        tlsrpt_txt,
        apex_txt: Some(apex),
        old_tlsrpt_txt: Some(old),
        mx,
        policy,
        smtp_tested: mx_tls.is_some(),
        mx_tls: mx_tls.unwrap_or_default(),
        dnssec,
        previous: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_table() {
        let names: Vec<(String, Kind)> = Question::ALL
            .iter()
            .map(|q| (q.name("example.com"), q.kind()))
            .collect();
        assert_eq!(
            names,
            [
                ("_mta-sts.example.com".to_owned(), Kind::Txt),
                ("_smtp._tls.example.com".to_owned(), Kind::Txt),
                ("example.com".to_owned(), Kind::Txt),
                ("_smtp-tlsrpt.example.com".to_owned(), Kind::Txt),
                ("example.com".to_owned(), Kind::Mx),
            ]
        );
        assert_eq!(
            policy_url("example.com"),
            "https://mta-sts.example.com/.well-known/mta-sts.txt"
        );
        assert_eq!(POLICY_CAP, 65536);
        for (sts, want) in [
            (Dns::Records(vec!["v=STSv1; id=1".into()]), true),
            (Dns::Records(vec!["v=spf1 -all".into()]), true),
            (Dns::Records(vec![]), false),
            (Dns::NoSuchName, false),
            (Dns::Failed("SERVFAIL".into()), false),
            (Dns::Unanswered("timeout".into()), false),
        ] {
            assert_eq!(wants_policy(&sts), want, "{sts:?}");
        }
    }

    #[test]
    fn dnssec_counts_sts_and_mx_only() {
        let a = |ad: bool| Answer {
            dns: Dns::Records(vec![]),
            authenticated: ad,
        };
        for (answers, want) in [
            (
                vec![a(true), a(false), a(false), a(false), a(true)],
                Some(true),
            ),
            (
                vec![a(true), a(true), a(true), a(true), a(false)],
                Some(false),
            ),
            (
                vec![a(true), a(true), a(true), a(true), Answer::unanswered("x")],
                None,
            ),
        ] {
            assert_eq!(dnssec_of(&answers), want);
        }
        let answers = vec![a(true), a(false), a(false), a(false), a(true)];
        assert_eq!(Question::Mx.answer_in(&answers), Some(&a(true)));
        assert_eq!(Question::Mx.answer_in(&answers[..1]), None);
        assert!(!answers_want_policy(&answers), "no record at _mta-sts");
        let f = facts("example.com", vec![a(true)], None, None, None);
        assert_eq!(f.mx, Dns::Unanswered("not asked".into()));
        assert!(!f.smtp_tested);
    }
}
