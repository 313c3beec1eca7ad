//! `mtasts report` over mailboxes: the corpus e-mails in an mbox file and in a Maildir, mixed with ordinary mail,
//! give the same summary as the same e-mails read as files; the ordinary mail is skipped and counted.

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

mod common;
use common::corpus_mails;

fn report_json(args: &[String]) -> Value {
    let out = Command::cargo_bin("mtasts")
        .expect("binary")
        .env_remove("LANG")
        .args(["report", "--format", "json"])
        .args(args)
        .output()
        .expect("run");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

const ORDINARY: &[&str] = &[
    "From: alice@example.net\nTo: bob@example.com\nSubject: lunch\nMessage-ID: <1@example.net>\n\nSee you.\nFrom the kitchen\n",
    "From: list@example.org\nSubject: newsletter\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain\n\nhi\n--x\nContent-Type: application/pdf; name=\"a.pdf\"\n\n%PDF\n--x--\n",
];

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("mtasts-mailbox-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("scratch");
    d
}

#[test]
fn mbox_and_maildir_give_the_summary_of_the_files() {
    let mails = corpus_mails();
    let files: Vec<String> = mails.iter().map(|p| p.display().to_string()).collect();
    let want = report_json(&files);
    assert_eq!(want["skipped"], 0);

    // an mbox (mboxrd: body lines starting with "From " quoted) with the reports and ordinary mail
    let dir = scratch("mbox");
    let mut mbox = Vec::new();
    let mut messages: Vec<Vec<u8>> = mails
        .iter()
        .map(|p| std::fs::read(p).expect("eml"))
        .collect();
    messages.extend(ORDINARY.iter().map(|m| m.as_bytes().to_vec()));
    for m in &messages {
        mbox.extend_from_slice(b"From sender@example.net Tue Dec  1 06:00:00 2026\n");
        for line in m.split_inclusive(|&b| b == b'\n') {
            let quoted = line.iter().take_while(|&&b| b == b'>').count();
            if line[quoted..].starts_with(b"From ") {
                mbox.push(b'>');
            }
            mbox.extend_from_slice(line);
        }
        if !mbox.ends_with(b"\n") {
            mbox.push(b'\n');
        }
        mbox.push(b'\n');
    }
    let path = dir.join("reports.mbox");
    std::fs::write(&path, &mbox).expect("write mbox");
    let got = report_json(&[path.display().to_string()]);
    assert_eq!(got["summary"], want["summary"], "mbox");
    assert_eq!(got["skipped"], ORDINARY.len());
    assert_eq!(got["errors"].as_array().map(Vec::len), Some(0));

    // a Maildir: new/ and cur/, tmp/ ignored
    let md = scratch("maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(md.join(sub)).expect("maildir");
    }
    for (i, m) in messages.iter().enumerate() {
        let sub = if i % 2 == 0 { "cur" } else { "new" };
        std::fs::write(md.join(sub).join(format!("1733000000.{i}.host:2,S")), m).expect("msg");
    }
    std::fs::write(md.join("tmp").join("partial"), b"garbage").expect("tmp");
    let got = report_json(&[md.display().to_string()]);
    assert_eq!(got["summary"], want["summary"], "Maildir");
    assert_eq!(got["skipped"], ORDINARY.len());

    // a plain directory is refused with a reason (exit 2)
    let plain = scratch("plain");
    let out = Command::cargo_bin("mtasts")
        .expect("binary")
        .args(["report", &plain.display().to_string()])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Maildir"));
    // the human output counts the skipped mail
    let out = Command::cargo_bin("mtasts")
        .expect("binary")
        .env("LANG", "C")
        .args(["report", &path.display().to_string()])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains("2 messages in the mailbox are not TLS reports"));
}
