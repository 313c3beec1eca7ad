//! Signs test report e-mails with the testbed's DKIM key (RFC 6376, `rsa-sha256`, relaxed/relaxed), so the
//! worker's RFC 8460 §3 check meets real signatures on loopback. The key (`keys/`) is for tests only; the
//! testbed's DNS publishes it at `mtasts-test._domainkey.<domain>` for every domain in [`SIGNERS`].

use data_encoding::BASE64;
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::DecodePrivateKey;
use rsa::signature::{SignatureEncoding, Signer};
use sha2::{Digest, Sha256};

/// The selector of the test key.
pub const SELECTOR: &str = "mtasts-test";
/// The test key's public half, base64 SubjectPublicKeyInfo (a key record's `p=`).
pub const PUBLIC_KEY_B64: &str = include_str!("../keys/dkim-test.pub.b64");
const PRIVATE_KEY_DER: &[u8] = include_bytes!("../keys/dkim-test.pk8.der");

/// The domains whose key the testbed publishes: the senders of the corpus's e-mails and of the test reports.
pub const SIGNERS: &[&str] = &[
    "google.com",
    "microsoft.com",
    "mail.ru",
    "sender.example",
    "example.com",
    "reporter.test",
];

/// The TXT record of the test key (RFC 6376 §3.6.1), without `s=`, as the big senders publish theirs.
pub fn key_record() -> String {
    format!("v=DKIM1; k=rsa; p={}", PUBLIC_KEY_B64.trim())
}

/// The header fields signed when present (RFC 8460 §5.3 asks for its two headers to be signed).
const SIGNED: &str = "from:to:subject:date:message-id:mime-version:content-type:tls-report-domain:tls-report-submitter";

/// How to sign.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Add `l=` with the body's length (RFC 8460 §3 forbids it: the worker must refuse).
    pub body_length: bool,
}

/// `message` with a `DKIM-Signature` by `domain` on top.
pub fn sign(message: &[u8], domain: &str, opts: &Options) -> Vec<u8> {
    use mtasts_core::dkim::{self, Canon};
    let body = dkim::canonical_body(&dkim::body(message), Canon::Relaxed);
    let bh = BASE64.encode(&Sha256::digest(&body));
    let l = if opts.body_length {
        format!(" l={};", body.len())
    } else {
        String::new()
    };
    let field = format!(
        "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={domain}; s={SELECTOR};\r\n\th={SIGNED};{l} bh={bh}; b="
    );
    let data = dkim::signed_data_for(message, &field).expect("the testbed's own field parses");
    let key = rsa::PrivateKey::from_pkcs8_der(PRIVATE_KEY_DER).expect("test key");
    let sig = SigningKey::<Sha256>::new(key).sign(&data);
    let mut out = format!("{field}{}\r\n", BASE64.encode(&sig.to_bytes())).into_bytes();
    out.extend_from_slice(message);
    out
}
