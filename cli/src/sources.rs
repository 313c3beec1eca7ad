//! Where `mtasts report` finds report messages: files (`-` for standard input), mbox files (RFC 4155, split by
//! core) and Maildir folders (every message in `cur/` and `new/`), and IMAP folders ([`crate::imap`]). A message
//! that comes from a mailbox and is not a report is skipped and counted, not an error: a mailbox holds other mail.

use crate::input;
use mtasts_core::report::mailbox;
use std::path::Path;

/// One message or file to read.
pub struct Item {
    /// What to call it in the output (`path`, `mbox#3`, `Maildir/cur/…`).
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// True when it came out of a mailbox (then "not a report" is a skip, not an error).
    pub in_mailbox: bool,
}

/// The messages at `path`: a Maildir folder's, an mbox file's, or the file itself.
pub fn expand(path: &str) -> Result<Vec<Item>, String> {
    let p = Path::new(path);
    if path != "-" && p.is_dir() {
        return maildir(p);
    }
    let bytes = input::read(path)?;
    let name = input::display_name(path);
    if mailbox::is_mbox(&bytes) {
        let messages = mailbox::split_mbox(&bytes);
        if messages.len() > 1 {
            return Ok(messages
                .into_iter()
                .enumerate()
                .map(|(i, bytes)| Item {
                    name: format!("{name}#{}", i + 1),
                    bytes,
                    in_mailbox: true,
                })
                .collect());
        }
    }
    Ok(vec![Item {
        name: name.to_owned(),
        bytes,
        in_mailbox: false,
    }])
}

/// Every message of a Maildir (`cur/` and `new/`, in name order; `tmp/` holds messages still being written).
fn maildir(dir: &Path) -> Result<Vec<Item>, String> {
    let subdirs: Vec<_> = ["cur", "new"]
        .iter()
        .map(|s| dir.join(s))
        .filter(|d| d.is_dir())
        .collect();
    if subdirs.is_empty() {
        return Err(format!(
            "`{}` is a directory but not a Maildir (no cur/ or new/)",
            dir.display()
        ));
    }
    let mut files = Vec::new();
    for d in subdirs {
        let entries =
            std::fs::read_dir(&d).map_err(|e| format!("cannot read `{}`: {e}", d.display()))?;
        for e in entries.flatten() {
            if e.file_type().is_ok_and(|t| t.is_file()) {
                files.push(e.path());
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let bytes =
                std::fs::read(&f).map_err(|e| format!("cannot read `{}`: {e}", f.display()))?;
            Ok(Item {
                name: f.display().to_string(),
                bytes,
                in_mailbox: true,
            })
        })
        .collect()
}
