//! `mtasts report --imap imaps://user@host[:port]/Folder`: the report messages of an IMAP folder (RFC 3501),
//! over implicit TLS (RFC 8314, port 993 by default; rustls, the web's roots or `--ca-file`). The password is
//! read from the environment (`MTASTS_IMAP_PASSWORD`) or a file (`--imap-password-file`), never from the command
//! line, where other users could see it. Read-only unless asked: the folder is opened with EXAMINE and messages
//! are fetched with `BODY.PEEK[]`, so no flag changes; `--mark-seen` selects it and fetches `BODY[]` instead
//! (marking what was read as seen). `--since DATE` narrows the search (`SEARCH SINCE`). Progress goes to stderr.

use crate::sources::Item;
use std::io::Write;
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::Duration;

/// The environment variable holding the IMAP password.
pub const PASSWORD_ENV: &str = "MTASTS_IMAP_PASSWORD";
/// Messages fetched per command.
const BATCH: usize = 100;
/// Network timeout for connecting and for each read.
const TIMEOUT: Duration = Duration::from_secs(60);

/// What to read over IMAP.
pub struct Source {
    /// `imaps://user@host[:port]/Folder`.
    pub url: String,
    /// A file holding the password (else [`PASSWORD_ENV`]).
    pub password_file: Option<PathBuf>,
    /// Only messages since this day (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Fetch with `BODY[]` (marks messages seen) instead of `BODY.PEEK[]`.
    pub mark_seen: bool,
    /// Trust only these CAs (PEM).
    pub ca_file: Option<PathBuf>,
}

/// The parts of an `imaps://` URL (RFC 5092's form, without the parts this reader does not need).
#[derive(Debug, PartialEq, Eq)]
struct Target {
    user: String,
    host: String,
    port: u16,
    folder: String,
}

fn parse_url(s: &str) -> Result<Target, String> {
    let bad = |why: &str| {
        format!("`{s}` is not an IMAP folder URL ({why}); write imaps://user@host[:port]/Folder")
    };
    let u = url::Url::parse(s).map_err(|e| bad(&e.to_string()))?;
    if u.scheme() != "imaps" {
        return Err(bad(
            "only imaps:// is read: the password must not cross the network in clear",
        ));
    }
    if u.password().is_some() {
        return Err(bad(&format!(
            "no password in the URL: put it in {PASSWORD_ENV} or a file"
        )));
    }
    let user = mtasts_core::record::tlsrpt::percent_decode(u.username());
    if user.is_empty() {
        return Err(bad("the user is missing"));
    }
    let host = u
        .host_str()
        .ok_or_else(|| bad("the host is missing"))?
        .to_owned();
    let folder = mtasts_core::record::tlsrpt::percent_decode(u.path().trim_start_matches('/'));
    Ok(Target {
        user,
        host,
        port: u.port().unwrap_or(993),
        folder: if folder.is_empty() {
            "INBOX".into()
        } else {
            folder
        },
    })
}

/// `YYYY-MM-DD` as an IMAP date (`1-Dec-2026`, RFC 3501 §9 `date`).
fn imap_date(day: &str) -> Result<String, String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let bad = || format!("--since takes a day as YYYY-MM-DD, not `{day}`");
    let parsed = mtasts_core::report::time::parse(&format!("{day}T00:00:00Z")).ok_or_else(bad)?;
    let norm = mtasts_core::report::time::day(parsed.unix);
    let mut it = norm.split('-');
    let (y, m, d) = (it.next(), it.next(), it.next());
    let (Some(y), Some(m), Some(d)) = (y, m, d) else {
        return Err(bad());
    };
    let m: usize = m.parse().map_err(|_| bad())?;
    let d: u32 = d.parse().map_err(|_| bad())?;
    Ok(format!(
        "{d}-{}-{y}",
        MONTHS.get(m.wrapping_sub(1)).ok_or_else(bad)?
    ))
}

fn password(src: &Source) -> Result<String, String> {
    match &src.password_file {
        Some(p) => std::fs::read_to_string(p)
            .map(|s| s.trim_end_matches(['\r', '\n']).to_owned())
            .map_err(|e| format!("cannot read `{}`: {e}", p.display())),
        None => std::env::var(PASSWORD_ENV).map_err(|_| {
            format!("the IMAP password goes in {PASSWORD_ENV} or --imap-password-file (never on the command line)")
        }),
    }
}

/// Reads every message of the folder (since `--since`), as mailbox items.
pub fn fetch(src: &Source) -> Result<Vec<Item>, String> {
    let t = parse_url(&src.url)?;
    let since = src.since.as_deref().map(imap_date).transpose()?;
    let pass = password(src)?;
    let tls = crate::tls::client_config(src.ca_file.as_deref())?;
    let name = rustls_pki_types::ServerName::try_from(t.host.clone())
        .map_err(|e| format!("`{}`: {e}", t.host))?;
    let addr = format!("{}:{}", t.host, t.port);
    let tcp = std::net::ToSocketAddrs::to_socket_addrs(&addr)
        .map_err(|e| format!("{addr}: {e}"))?
        .find_map(|a| TcpStream::connect_timeout(&a, TIMEOUT).ok())
        .ok_or_else(|| format!("cannot connect to {addr}"))?;
    tcp.set_read_timeout(Some(TIMEOUT))
        .map_err(|e| e.to_string())?;
    tcp.set_write_timeout(Some(TIMEOUT))
        .map_err(|e| e.to_string())?;
    let conn = rustls::ClientConnection::new(tls, name).map_err(|e| e.to_string())?;
    let stream = rustls::StreamOwned::new(conn, tcp);
    let mut client = imap::Client::new(stream);
    client
        .read_greeting()
        .map_err(|e| format!("{addr}: no IMAP greeting: {e}"))?;
    let mut session = client
        .login(&t.user, &pass)
        .map_err(|(e, _)| format!("{addr}: login as {} refused: {e}", t.user))?;
    let opened = if src.mark_seen {
        session.select(&t.folder)
    } else {
        // read-only: nothing this reader does changes a flag (RFC 3501 §6.3.2)
        session.examine(&t.folder)
    };
    opened.map_err(|e| format!("folder `{}`: {e}", t.folder))?;
    let query = match &since {
        Some(d) => format!("SINCE {d}"),
        None => "ALL".to_owned(),
    };
    let mut seqs: Vec<u32> = session
        .search(&query)
        .map_err(|e| format!("SEARCH {query}: {e}"))?
        .into_iter()
        .collect();
    seqs.sort_unstable();
    let what = if src.mark_seen {
        "BODY[]"
    } else {
        "BODY.PEEK[]"
    };
    let mut items = Vec::with_capacity(seqs.len());
    let total = seqs.len();
    for chunk in seqs.chunks(BATCH) {
        let set: Vec<String> = chunk.iter().map(u32::to_string).collect();
        let fetches = session
            .fetch(set.join(","), what)
            .map_err(|e| format!("FETCH: {e}"))?;
        for f in fetches.iter() {
            items.push(Item {
                name: format!("imaps://{}/{}#{}", t.host, t.folder, f.message),
                bytes: f.body().unwrap_or_default().to_vec(),
                in_mailbox: true,
            });
        }
        if total > BATCH {
            let mut err = std::io::stderr();
            let _ = write!(err, "\rimap: {}/{total} messages", items.len());
            let _ = err.flush();
        }
    }
    if total > BATCH {
        eprintln!();
    }
    let _ = session.logout();
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_table() {
        assert_eq!(
            parse_url("imaps://reports%40example.com@imap.example.com/TLS%20Reports"),
            Ok(Target {
                user: "reports@example.com".into(),
                host: "imap.example.com".into(),
                port: 993,
                folder: "TLS Reports".into()
            })
        );
        assert_eq!(
            parse_url("imaps://u@127.0.0.1:10993").map(|t| (t.port, t.folder)),
            Ok((10993, "INBOX".to_owned()))
        );
        for bad in [
            "imap://u@host/INBOX",
            "imaps://u:secret@host/INBOX",
            "imaps://host/INBOX",
            "not a url",
        ] {
            assert!(parse_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn imap_date_table() {
        assert_eq!(imap_date("2026-12-01"), Ok("1-Dec-2026".into()));
        assert_eq!(imap_date("2024-02-29"), Ok("29-Feb-2024".into()));
        assert!(imap_date("2026-13-01").is_err());
        assert!(imap_date("yesterday").is_err());
    }
}
