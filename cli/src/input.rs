//! Reading inputs: a file path or `-` for stdin, as bytes, with a one-line error naming the file.

use std::io::Read;

/// Reads `path` (or stdin for `-`). The error is a one-line message for the user.
pub fn read(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(buf);
    }
    std::fs::read(path).map_err(|e| format!("cannot read `{path}`: {e}"))
}

/// The name to show for an input.
pub fn display_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}
