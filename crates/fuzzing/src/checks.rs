//! Invariants shared by several targets, and the optional first line that carries a
//! publication date. Each check panics with what broke and the value that broke it.

use jiff::civil::Date;
use sitrep_model::{ByteSpan, Count};

/// Asserts that `span` is a char-aligned range of `text` (what [`ByteSpan::new`] checks).
pub(crate) fn span_in(text: &str, span: ByteSpan, what: &str) {
    assert!(
        ByteSpan::new(text, span.start, span.end).is_ok(),
        "{what}: span {}..{} is not a char-aligned range of a text of {} bytes",
        span.start,
        span.end,
        text.len()
    );
}

/// Asserts that a count's bounds are in order.
pub(crate) fn count_in_order(count: Option<&Count>, what: &str) {
    if let Some(Count {
        min: Some(min),
        max: Some(max),
        ..
    }) = count
    {
        assert!(min <= max, "{what}: min {min} > max {max}");
    }
}

/// Asserts what [`sitrep_text::clean_text`] promises of its result: no `\r`, no control
/// characters other than `\n` and `\t`, no leading or trailing blank line, never two blank
/// lines in a row.
pub(crate) fn cleaned(text: &str) {
    if let Some(c) = text
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
    {
        panic!("cleaned text holds control character {c:?}: {text:?}");
    }
    if text.is_empty() {
        return;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let blank = |line: &&str| line.trim().is_empty();
    assert!(
        !lines.first().is_some_and(blank) && !lines.last().is_some_and(blank),
        "cleaned text starts or ends with a blank line: {text:?}"
    );
    assert!(
        !lines.windows(2).any(|pair| pair.iter().all(blank)),
        "cleaned text holds two blank lines in a row: {text:?}"
    );
}

/// Splits off a first line that `parse` reads as a date: `(Some(date), rest)`, else
/// `(None, data)`. Seeds and findings stay plain text: `2015-04-13\nGunmen attacked…`.
pub(crate) fn first_line_date(
    data: &[u8],
    parse: impl Fn(&str) -> Option<Date>,
) -> (Option<Date>, &[u8]) {
    let Some(newline) = data.iter().position(|&b| b == b'\n') else {
        return (None, data);
    };
    let date = std::str::from_utf8(&data[..newline])
        .ok()
        .and_then(|line| parse(line.trim_end_matches('\r')));
    match date {
        Some(date) => (Some(date), &data[newline + 1..]),
        None => (None, data),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_line_is_split_off() {
        let parse = |line: &str| line.parse::<Date>().ok();
        let (date, rest) = first_line_date(b"2015-04-13\nGunmen attacked.", parse);
        assert_eq!(date, Some(jiff::civil::date(2015, 4, 13)));
        assert_eq!(rest, b"Gunmen attacked.");
        let (date, rest) = first_line_date(b"Gunmen attacked.\nLater.", parse);
        assert_eq!((date, rest), (None, &b"Gunmen attacked.\nLater."[..]));
    }

    #[test]
    #[should_panic(expected = "two blank lines")]
    fn two_blank_lines_are_caught() {
        cleaned("a\n\n\nb");
    }
}
