//! Date-times in reports (RFC 8460 §4.3: RFC 3339 `date-time`), read leniently: a missing time zone (Microsoft
//! sends `2024-01-01T00:00:00`) is read as UTC, and a space may stand for `T`.

use ::time::format_description::well_known::Rfc3339;
use ::time::OffsetDateTime;

/// A parsed date-time and whether it had to be read leniently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parsed {
    /// Seconds since the Unix epoch, UTC.
    pub unix: i64,
    /// True when the text had no time zone and was read as UTC.
    pub assumed_utc: bool,
}

/// Parses an RFC 3339 date-time; `None` when it is not one even leniently.
pub fn parse(s: &str) -> Option<Parsed> {
    let s = s.trim();
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        return Some(Parsed {
            unix: t.unix_timestamp(),
            assumed_utc: false,
        });
    }
    let mut fixed = s.replacen(' ', "T", 1);
    let time_part = fixed.split_once(['T', 't']).map(|x| x.1).unwrap_or("");
    let has_zone = time_part.ends_with(['Z', 'z']) || time_part.contains(['+', '-']);
    if !has_zone {
        fixed.push('Z');
    }
    OffsetDateTime::parse(&fixed, &Rfc3339)
        .ok()
        .map(|t| Parsed {
            unix: t.unix_timestamp(),
            assumed_utc: !has_zone,
        })
}

/// The UTC calendar day (`YYYY-MM-DD`) of a Unix time.
pub fn day(unix: i64) -> String {
    let Ok(t) = OffsetDateTime::from_unix_timestamp(unix) else {
        return String::new();
    };
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

/// RFC 3339 text (UTC, `Z`) of a Unix time.
pub fn rfc3339(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_table() {
        let rows = [
            ("2016-04-01T00:00:00Z", Some((1459468800, false))),
            ("2016-04-01T02:00:00+02:00", Some((1459468800, false))),
            ("2016-04-01T00:00:00", Some((1459468800, true))),
            ("2016-04-01 00:00:00Z", Some((1459468800, false))),
            ("2016-04-01T00:00:00.123Z", Some((1459468800, false))),
            ("yesterday", None),
            ("", None),
        ];
        for (s, want) in rows {
            assert_eq!(parse(s).map(|p| (p.unix, p.assumed_utc)), want, "{s}");
        }
        assert_eq!(day(1459468800), "2016-04-01");
        assert_eq!(rfc3339(1459468800), "2016-04-01T00:00:00Z");
    }
}
