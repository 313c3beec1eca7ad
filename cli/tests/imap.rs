//! `mtasts report --imap` against a real IMAP server on loopback: Debian's dovecot, started here with a
//! certificate from the testbed's test CA and a Maildir holding the corpus e-mails and ordinary mail. The summary
//! must equal the one `mtasts report` gives for the same files; reading changes no flag unless --mark-seen.
//! Without dovecot or root (dovecot drops privileges to its own users), the test is skipped, saying why.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

mod common;
use common::corpus_mails;
use std::process::Child;

const ORDINARY: &[&str] = &[
    "From: alice@example.net\r\nTo: reports@example.com\r\nSubject: lunch\r\nMessage-ID: <1@example.net>\r\n\r\nSee you.\r\n",
    "From: list@example.org\r\nTo: reports@example.com\r\nSubject: news\r\nMessage-ID: <2@example.org>\r\n\r\nhi\r\n",
];

/// Why this machine cannot run the test, if it cannot.
fn unavailable() -> Option<String> {
    let which = std::process::Command::new("sh")
        .args(["-c", "command -v dovecot"])
        .output()
        .ok()?;
    if !which.status.success() {
        return Some(
            "dovecot is not installed (Debian: dovecot-imapd; scripts/setup.sh installs it)".into(),
        );
    }
    let uid = std::process::Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        return Some("dovecot needs root here (it switches to its own users)".into());
    }
    None
}

struct Dovecot {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!(
                "dovecot.log:\n{}",
                std::fs::read_to_string(self.dir.join("dovecot.log")).unwrap_or_default()
            );
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port")
}

/// Starts dovecot on loopback with implicit TLS, user `reports` (password `secret`), whose INBOX is a Maildir
/// of the corpus e-mails (half in new/, half in cur/) and the ordinary mail.
fn start(dir: &Path) -> Dovecot {
    let _ = std::fs::remove_dir_all(dir);
    let maildir = dir.join("home/reports/Maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).expect("maildir");
    }
    let mut messages: Vec<Vec<u8>> = corpus_mails()
        .iter()
        .map(|p| std::fs::read(p).expect("eml"))
        .collect();
    messages.extend(ORDINARY.iter().map(|m| m.as_bytes().to_vec()));
    for (i, m) in messages.iter().enumerate() {
        let (sub, name) = if i % 2 == 0 {
            ("new", format!("1733000000.M{i}P1.test"))
        } else {
            ("cur", format!("1733000000.M{i}P1.test:2,"))
        };
        std::fs::write(maildir.join(sub).join(name), m).expect("message");
    }
    let pki = mtasts_testbed::pki::Pki::new();
    pki.write_ca(dir);
    let (cert, key) = pki.write_server(dir, "imap", &["localhost"]);
    std::fs::write(dir.join("passwd"), "reports:{PLAIN}secret\n").expect("passwd");
    let port = free_port();
    let d = dir.display();
    let conf = format!(
        r#"protocols = imap
listen = 127.0.0.1
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
info_log_path = {d}/dovecot.log
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
first_valid_uid = 1
mail_location = maildir:~/Maildir
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/passwd
}}
userdb {{
  driver = static
  args = uid={{uid}} gid={{gid}} home={d}/home/%u
}}
"#,
        cert = cert.display(),
        key = key.display()
    );
    // dovecot will not serve mail as root: the mailbox belongs to `nobody`
    let id = |flag: &str| {
        let out = std::process::Command::new("id")
            .args([flag, "nobody"])
            .output()
            .expect("id");
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    let (uid, gid) = (id("-u"), id("-g"));
    let conf = conf.replace("{uid}", &uid).replace("{gid}", &gid);
    let chown = std::process::Command::new("chown")
        .args(["-R", &format!("{uid}:{gid}")])
        .arg(dir.join("home"))
        .status()
        .expect("chown");
    assert!(chown.success());
    for sub in ["run", "state"] {
        std::fs::create_dir_all(dir.join(sub)).expect("dirs");
    }
    let conf_path = dir.join("dovecot.conf");
    std::fs::write(&conf_path, conf).expect("conf");
    let child = std::process::Command::new("dovecot")
        .args(["-F", "-c"])
        .arg(&conf_path)
        .spawn()
        .expect("dovecot");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok(),
        "dovecot did not listen: {}",
        std::fs::read_to_string(dir.join("dovecot.log")).unwrap_or_default()
    );
    Dovecot {
        child,
        port,
        dir: dir.to_owned(),
    }
}

fn mtasts(password: &str) -> Command {
    let mut c = Command::cargo_bin("mtasts").expect("binary");
    c.env_remove("LANG").env("MTASTS_IMAP_PASSWORD", password);
    c
}

/// `mtasts report --format json --imap URL --ca-file CA` plus `extra`, with `password` in the environment.
fn imap_report(password: &str, url: &str, ca: &str, extra: &[&str]) -> std::process::Output {
    let mut c = mtasts(password);
    if password.is_empty() {
        c.env_remove("MTASTS_IMAP_PASSWORD");
    }
    c.args(["report", "--format", "json", "--imap", url, "--ca-file", ca])
        .args(extra)
        .output()
        .expect("run")
}

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("JSON")
}

/// Names of the Maildir's message files with the \Seen flag (`S` in the info part).
fn seen(dir: &Path) -> usize {
    ["cur", "new"]
        .iter()
        .flat_map(|s| {
            std::fs::read_dir(dir.join("home/reports/Maildir").join(s))
                .into_iter()
                .flatten()
                .flatten()
        })
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .split_once(":2,")
                .is_some_and(|(_, flags)| flags.contains('S'))
        })
        .count()
}

#[test]
fn an_imap_folder_gives_the_summary_of_its_files_read_only_unless_asked() {
    if let Some(why) = unavailable() {
        eprintln!("skipped: {why}");
        return;
    }
    let dir = std::env::temp_dir().join(format!("mtasts-imap-{}", std::process::id()));
    let dc = start(&dir);
    let files: Vec<String> = corpus_mails()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let want = json_of(
        &mtasts("")
            .args(["report", "--format", "json"])
            .args(&files)
            .output()
            .expect("run")
            .stdout,
    );
    let url = format!("imaps://reports@localhost:{}/INBOX", dc.port);
    let ca = dir.join("ca.pem").display().to_string();
    let out = imap_report("secret", &url, &ca, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = json_of(&out.stdout);
    assert_eq!(got["summary"], want["summary"]);
    assert_eq!(got["skipped"], ORDINARY.len());
    assert_eq!(seen(&dir), 0, "read-only: no message marked seen");

    // the password from a file; --since a day after every message: nothing
    let pw = dir.join("pw");
    std::fs::write(&pw, "secret\n").expect("pw");
    let pw = pw.display().to_string();
    let later = imap_report(
        "",
        &url,
        &ca,
        &["--since", "2099-01-01", "--imap-password-file", &pw],
    );
    assert!(
        later.status.success(),
        "{}",
        String::from_utf8_lossy(&later.stderr)
    );
    assert_eq!(json_of(&later.stdout)["summary"]["reports"], 0);

    // --mark-seen marks what it read
    assert!(imap_report("secret", &url, &ca, &["--mark-seen"])
        .status
        .success());
    assert_eq!(seen(&dir), corpus_mails().len() + ORDINARY.len());

    // refusals, each with a reason and exit 2: wrong password, no password, a password in the URL, the web's
    // roots for a private CA
    for (args, env, why) in [
        (vec!["--imap", &url, "--ca-file", &ca], "wrong", "refused"),
        (
            vec!["--imap", &url, "--ca-file", &ca],
            "",
            "MTASTS_IMAP_PASSWORD",
        ),
        (
            vec!["--imap", "imaps://reports:secret@localhost/INBOX"],
            "secret",
            "no password in the URL",
        ),
        (vec!["--imap", &url], "secret", ""),
    ] {
        let mut c = mtasts(env);
        if env.is_empty() {
            c.env_remove("MTASTS_IMAP_PASSWORD");
        }
        let out = c.arg("report").args(&args).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(why),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    drop(dc);
}
