//! Publication dates as sources write them: metadata values in HTML pages, feed timestamps,
//! `WARC-Date`.
//!
//! Accepted: what [`sitrep_model::parse_published`] accepts (`YYYY-MM-DD`, RFC 3339); a date
//! followed by a time in some other shape (`2015-04-13T01:20:00+0200`, `2015-04-13 01:20`);
//! and RFC 2822 (`Mon, 13 Apr 2015 01:20:00 +0200`, as in RSS), also with a wrong weekday.
//! The date is always the calendar date as written, in the writer's own offset: the day the
//! article was published where it was published, never shifted to UTC.

use jiff::civil::Date;

/// The calendar date of a timestamp as written, or `None` when the value is no date.
pub(crate) fn date_as_written(value: &str) -> Option<Date> {
    let value = value.trim();
    if let Ok(date) = sitrep_model::parse_published(value) {
        return Some(date);
    }
    if let Some(date) = leading_iso_date(value) {
        return Some(date);
    }
    rfc2822_date(value)
}

/// `YYYY-MM-DD` at the start, followed by the end, `T`, a space or `_`.
fn leading_iso_date(value: &str) -> Option<Date> {
    let date: Date = value.get(..10)?.parse().ok()?;
    match value.as_bytes().get(10) {
        None | Some(b'T' | b't' | b' ' | b'_') => Some(date),
        _ => None,
    }
}

fn rfc2822_date(value: &str) -> Option<Date> {
    let parser = jiff::fmt::rfc2822::DateTimeParser::new();
    if let Ok(zoned) = parser.parse_zoned_datetime(value) {
        return Some(zoned.date());
    }
    // Feeds often have a wrong or unusual weekday ("Thurs, …"): retry without it.
    let without_weekday = value.split_once(',').map(|(_, rest)| rest.trim())?;
    if let Ok(zoned) = parser.parse_zoned_datetime(without_weekday) {
        return Some(zoned.date());
    }
    // Time zone names RFC 2822 does not know ("CEST", "IST"): read the date part alone.
    let mut words = without_weekday.split_whitespace();
    let (day, month, year) = (words.next()?, words.next()?, words.next()?);
    let day: i8 = day.parse().ok()?;
    let year: i16 = year.parse().ok()?;
    let month = month_number(month)?;
    Date::new(year, month, day).ok()
}

fn month_number(name: &str) -> Option<i8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let prefix = name.get(..3)?.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == prefix)
        .map(|i| i as i8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn iso_dates_and_timestamps_keep_their_own_date() {
        assert_eq!(date_as_written("2015-04-13"), day("2015-04-13"));
        assert_eq!(
            date_as_written("2015-04-13T01:20:00+02:00"),
            day("2015-04-13")
        );
        assert_eq!(
            date_as_written("2015-04-13T01:20:00+0200"),
            day("2015-04-13")
        );
        assert_eq!(date_as_written("2015-04-13 01:20"), day("2015-04-13"));
    }

    #[test]
    fn rfc2822_dates_keep_their_own_date() {
        assert_eq!(
            date_as_written("Mon, 13 Apr 2015 01:20:00 +0200"),
            day("2015-04-13")
        );
        assert_eq!(
            date_as_written("Fri, 13 Apr 2015 01:20:00 GMT"),
            day("2015-04-13")
        );
        assert_eq!(
            date_as_written("Mon, 13 Apr 2015 01:20:00 CEST"),
            day("2015-04-13")
        );
        assert_eq!(
            date_as_written("13 Apr 2015 01:20:00 +0000"),
            day("2015-04-13")
        );
    }

    #[test]
    fn junk_is_no_date() {
        assert_eq!(date_as_written("yesterday"), None);
        assert_eq!(date_as_written("2015-04-13garbage"), None);
        assert_eq!(date_as_written(""), None);
        assert_eq!(date_as_written("Mon, 99 Foo 2015"), None);
    }
}
