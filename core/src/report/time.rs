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

/// One place on a calendar axis of days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// A day with data: its index in the days given.
    Day(usize),
    /// A day without data (`YYYY-MM-DD`), drawn as a gap.
    Empty(String),
    /// A run of more than the allowed empty days, drawn as one break: its first and last day and its length.
    Break {
        /// The first empty day.
        from: String,
        /// The last empty day.
        to: String,
        /// How many days.
        days: u32,
    },
}

/// The Julian day of `YYYY-MM-DD`.
fn julian(day: &str) -> Option<i32> {
    let mut parts = day.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let month = ::time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    ::time::Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?)
        .ok()
        .map(::time::Date::to_julian_day)
}

fn from_julian(j: i32) -> String {
    ::time::Date::from_julian_day(j)
        .map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()))
        .unwrap_or_default()
}

/// Lays days (`YYYY-MM-DD`, sorted, each once) on a calendar axis: every calendar day from the first to the last
/// has a slot, so a day without reports shows as a gap rather than disappearing, and a run of more than
/// `max_gap` empty days is one [`Slot::Break`] (a report of 2016 beside one of 2026 does not make 3,700 slots).
/// A day that does not parse keeps its place after the one before it.
pub fn calendar(days: &[&str], max_gap: u32) -> Vec<Slot> {
    let mut out = Vec::with_capacity(days.len());
    let mut prev: Option<i32> = None;
    for (i, day) in days.iter().enumerate() {
        let j = julian(day);
        if let (Some(p), Some(j)) = (prev, j) {
            let empty = j.saturating_sub(p).saturating_sub(1);
            if empty > 0 && empty as u32 <= max_gap {
                out.extend((p + 1..j).map(|e| Slot::Empty(from_julian(e))));
            } else if empty > 0 {
                out.push(Slot::Break {
                    from: from_julian(p + 1),
                    to: from_julian(j - 1),
                    days: empty as u32,
                });
            }
        }
        out.push(Slot::Day(i));
        prev = j.or(prev);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_table() {
        let e = |d: &str| Slot::Empty(d.to_owned());
        assert_eq!(
            calendar(&["2026-02-27", "2026-03-02"], 14),
            vec![Slot::Day(0), e("2026-02-28"), e("2026-03-01"), Slot::Day(1)]
        );
        assert_eq!(
            calendar(&["2016-04-01", "2026-05-13", "2026-05-14"], 14),
            vec![
                Slot::Day(0),
                Slot::Break {
                    from: "2016-04-02".into(),
                    to: "2026-05-12".into(),
                    days: 3693
                },
                Slot::Day(1),
                Slot::Day(2)
            ]
        );
        assert_eq!(
            calendar(&["2025-12-31", "junk", "2026-01-02"], 14),
            vec![Slot::Day(0), Slot::Day(1), e("2026-01-01"), Slot::Day(2)]
        );
        assert_eq!(calendar(&[], 14), vec![]);
    }

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
