//! `Date*` operators: W3C ISO 8601 dates or epoch seconds, compared as instants.
//!
//! Source: IAM User Guide, "IAM JSON policy elements: Condition operators", date condition
//! operators (W3C implementations of ISO 8601, or epoch time); the W3C profile ("Date and Time
//! Formats", W3C note) allows `YYYY-MM`, `YYYY-MM-DD` and `YYYY-MM-DDThh:mm[:ss[.s]]TZD` with
//! `TZD` = `Z` or `±hh:mm`.

/// Nanoseconds since 1970-01-01T00:00:00Z.
pub(crate) type Instant = i128;

const NANOS: i128 = 1_000_000_000;

/// Reads a date, or `None` when it is neither a W3C date nor epoch seconds. A run of digits is
/// read as epoch seconds (so the W3C year-only form `2024` is not supported).
pub(crate) fn parse(text: &str) -> Option<Instant> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if !digits.is_empty() && digits.len() <= 12 && digits.bytes().all(|b| b.is_ascii_digit()) {
        let seconds: i128 = digits.parse().ok()?;
        let sign = if text.starts_with('-') { -1 } else { 1 };
        return Some(sign * seconds * NANOS);
    }
    let (date, time) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let days = parse_date(date)?;
    let nanos = match time {
        Some(t) => parse_time(t)?,
        None => 0,
    };
    Some(i128::from(days) * 86_400 * NANOS + nanos)
}

/// `YYYY-MM` or `YYYY-MM-DD` as days since the epoch.
fn parse_date(date: &str) -> Option<i64> {
    let mut parts = date.split('-');
    let year = number(parts.next()?, 4)?;
    let month = number(parts.next()?, 2)?;
    let day = match parts.next() {
        Some(d) => number(d, 2)?,
        None => 1,
    };
    if parts.next().is_some() || !(1..=12).contains(&month) {
        return None;
    }
    if day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// `hh:mm[:ss[.fraction]]TZD` as nanoseconds into the day, corrected by the offset.
fn parse_time(time: &str) -> Option<i128> {
    let (clock, offset) = if let Some(clock) = time.strip_suffix('Z') {
        (clock, 0)
    } else {
        let at = time.rfind(['+', '-'])?;
        let sign = if time[at..].starts_with('-') { -1 } else { 1 };
        let (h, m) = time[at + 1..].split_once(':')?;
        let (h, m) = (number(h, 2)?, number(m, 2)?);
        if h > 23 || m > 59 {
            return None;
        }
        (&time[..at], sign * (h * 3600 + m * 60))
    };
    let mut parts = clock.split(':');
    let hour = number(parts.next()?, 2)?;
    let minute = number(parts.next()?, 2)?;
    let (second, fraction) = match parts.next() {
        Some(s) => match s.split_once('.') {
            Some((s, f)) => (number(s, 2)?, fraction_nanos(f)?),
            None => (number(s, 2)?, 0),
        },
        None => (0, 0),
    };
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let seconds = hour * 3600 + minute * 60 + second - offset;
    Some(i128::from(seconds) * NANOS + fraction)
}

/// Exactly `width` ASCII digits.
fn number(text: &str, width: usize) -> Option<i64> {
    if text.len() != width || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Fractional seconds, one digit or more; digits past nanoseconds are dropped.
fn fraction_nanos(text: &str) -> Option<i128> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut nanos = 0i128;
    for i in 0..9 {
        let digit = text.as_bytes().get(i).map_or(0, |b| b - b'0');
        nanos = nanos * 10 + i128::from(digit);
    }
    Some(nanos)
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a proleptic Gregorian date: count whole 400-year eras from a
/// March-based year, so that the leap day falls at the end of each year.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let shifted_month = (month + 9) % 12; // March = 0
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_w3c_dates_and_epoch_seconds() {
        let table: &[(&str, Option<i128>)] = &[
            ("1970-01-01", Some(0)),
            ("1970-01-01T00:00:00Z", Some(0)),
            ("0", Some(0)),
            ("1700000000", Some(1_700_000_000 * NANOS)),
            ("2023-11-14T22:13:20Z", Some(1_700_000_000 * NANOS)),
            ("2023-11-14T23:13:20+01:00", Some(1_700_000_000 * NANOS)),
            ("2023-11-14T17:13:20-05:00", Some(1_700_000_000 * NANOS)),
            ("2023-11-14T22:13Z", Some(1_699_999_980 * NANOS)),
            (
                "2023-11-14T22:13:20.5Z",
                Some(1_700_000_000 * NANOS + NANOS / 2),
            ),
            ("2000-02-29", Some(951_782_400 * NANOS)),
            ("2020-03", Some(1_583_020_800 * NANOS)),
            ("1969-12-31", Some(-86_400 * NANOS)),
            ("2001-02-29", None),
            ("2020-13-01", None),
            ("2020-01-01T00:00:00", None),
            ("2020-01-01T24:00:00Z", None),
            ("2020-1-1", None),
            ("yesterday", None),
            ("", None),
            ("2020-01-01T00:00:00.Z", None),
        ];
        for &(text, expected) in table {
            assert_eq!(parse(text), expected, "{text}");
        }
    }
}
