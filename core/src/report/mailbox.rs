//! Mailboxes of report e-mail: an mbox file (RFC 4155, the mboxo and mboxrd variants) split into its messages.
//! Where an admin's reports already sit (a mail client's export, a server's spool), `mtasts report` reads them
//! all; Maildir folders are a directory of one message per file, walked by the shell.

/// True when `bytes` look like an mbox file: it starts with a `From ` separator line (RFC 4155 §2).
pub fn is_mbox(bytes: &[u8]) -> bool {
    bytes.starts_with(b"From ")
}

/// Most messages taken from one mbox file (a bound, far above any report mailbox a person keeps in one file).
pub const MAX_MESSAGES: usize = 1_000_000;

/// The messages of an mbox file, each without its `From ` separator line and with `>From ` quoting undone
/// (mboxrd: one `>` removed from lines matching `^>+From `). A separator is a `From ` line at the start or after
/// an empty line, as writers of both variants put them.
pub fn split_mbox(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut messages: Vec<Vec<u8>> = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let mut previous_blank = true;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        let bare = line.strip_suffix(b"\n").unwrap_or(line);
        let bare = bare.strip_suffix(b"\r").unwrap_or(bare);
        if previous_blank && bare.starts_with(b"From ") {
            if let Some(m) = current.take() {
                messages.push(trim_separator_blank(m));
            }
            if messages.len() >= MAX_MESSAGES {
                return messages;
            }
            current = Some(Vec::new());
            previous_blank = false;
            continue;
        }
        previous_blank = bare.is_empty();
        let Some(m) = current.as_mut() else {
            // text before the first separator is not a message
            continue;
        };
        let quoted = bare.iter().take_while(|&&b| b == b'>').count();
        if quoted > 0 && bare[quoted..].starts_with(b"From ") {
            m.extend_from_slice(&line[1..]);
        } else {
            m.extend_from_slice(line);
        }
    }
    if let Some(m) = current {
        messages.push(trim_separator_blank(m));
    }
    messages
}

/// The empty line that precedes the next separator belongs to the mbox format, not to the message.
fn trim_separator_blank(mut m: Vec<u8>) -> Vec<u8> {
    if m.ends_with(b"\r\n\r\n") {
        m.truncate(m.len() - 2);
    } else if m.ends_with(b"\n\n") {
        m.truncate(m.len() - 1);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mbox_table() {
        let mbox = b"From a@b Mon Jan  1 00:00:00 2024\nSubject: one\n\nbody\n>From quoted\n>>From twice\n\nFrom c@d Tue Jan  2 00:00:00 2024\nSubject: two\n\nnot From at the start is kept\n";
        let m = split_mbox(mbox);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0], b"Subject: one\n\nbody\nFrom quoted\n>From twice\n");
        assert_eq!(m[1], b"Subject: two\n\nnot From at the start is kept\n");
        assert!(is_mbox(mbox));
        assert!(!is_mbox(b"Subject: x\n\n"));
        assert!(split_mbox(b"").is_empty());
        assert!(split_mbox(b"no separator at all\n").is_empty());
        // CRLF files
        let crlf = b"From a@b x\r\nSubject: one\r\n\r\nbody\r\n\r\nFrom c@d y\r\nSubject: two\r\n\r\nx\r\n";
        let m = split_mbox(crlf);
        assert_eq!(
            m,
            [
                &b"Subject: one\r\n\r\nbody\r\n"[..],
                b"Subject: two\r\n\r\nx\r\n"
            ]
        );
    }
}
