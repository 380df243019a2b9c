//! The readers of words: dates and times of day (`sitrep-time`), and tokens, sentences and
//! quantities of people (`sitrep-text`), on any text (invalid UTF-8 replaced). Extraction
//! gives them cleaned text; these targets hold them to their contracts on any string.

use std::ops::Range;

use jiff::ToSpan;
use jiff::civil::Date;
use sitrep_model::ByteSpan;
use sitrep_text::{TokenKind, read_quantity, split_sentences, tokenize};
use sitrep_time::{find_dates, find_times};

use crate::checks::{first_line_date, span_in};

/// How many days after the publication date a relative date may fall ("on January 28" read on
/// January 26 is the coming one: two days of slack for time zones and late copy).
const RELATIVE_SLACK_DAYS: i64 = 2;

/// Finds and resolves dates and times of day, as extraction does, in the whole text and in
/// each sentence.
///
/// An optional first line is the publication date, any date `jiff` can hold
/// (`2015-04-13`, `-009999-01-01`, `9999-12-31`): the readers of feeds and pages can hand on
/// any of them. Every date is read with that publication date and with none.
///
/// Checks: mentions lie inside the range searched, on char boundaries, in text order and
/// without overlap; a date has both ends or neither, in order; a relative expression (other
/// than a day naming an event, which takes its year from the text) is not resolved without a
/// publication date, and with one it starts no later than two days after it; a time is a
/// valid hour and minute.
pub fn dates(data: &[u8]) {
    let (published, body) = first_line_date(data, |line| line.trim().parse::<Date>().ok());
    let text = String::from_utf8_lossy(body);
    let text = text.as_ref();
    let whole = std::iter::once(0..text.len());
    let sentences = split_sentences(text).into_iter().map(|s| s.span.range());
    let anchors: &[Option<Date>] = match published {
        Some(_) => &[published, None],
        None => &[None],
    };
    for range in whole.chain(sentences) {
        for &anchor in anchors {
            check_dates(text, &range, anchor);
        }
        for time in find_times(text, range.clone()) {
            within(text, time.span, &range, "time");
            assert!(
                time.hour < 24 && time.minute < 60,
                "time {}:{} is no time of day",
                time.hour,
                time.minute
            );
        }
    }
}

/// The dates found in `text[range]` against `anchor`, checked.
fn check_dates(text: &str, range: &Range<usize>, anchor: Option<Date>) {
    let mut previous_end = range.start;
    for mention in find_dates(text, range.clone(), anchor) {
        let span = mention.span;
        within(text, span, range, "date");
        assert!(
            span.start >= previous_end,
            "date mentions out of order or overlapping at {}..{}",
            span.start,
            span.end
        );
        previous_end = span.end;
        assert_eq!(
            mention.start.is_some(),
            mention.end.is_some(),
            "date with one end only: {mention:?}"
        );
        if let (Some(start), Some(end)) = (mention.start, mention.end) {
            assert!(start <= end, "date starts after it ends: {mention:?}");
        }
        // A day without a year naming an event ("the September 11 attacks") takes its year
        // from another date of the text, with or without an anchor.
        if !mention.relative || mention.names_event {
            continue;
        }
        match (anchor, mention.start) {
            (None, Some(_)) => panic!("relative date resolved without an anchor: {mention:?}"),
            (Some(anchor), Some(start)) => {
                // Near the end of time, no slack is left to add.
                let latest = anchor
                    .checked_add(RELATIVE_SLACK_DAYS.days())
                    .unwrap_or(Date::MAX);
                assert!(
                    start <= latest,
                    "relative date {mention:?} starts after {anchor} + slack"
                );
            }
            _ => {}
        }
    }
}

/// Tokenises, splits into sentences and reads a quantity at every token, with and without
/// "a"/"an" standing for one.
///
/// Checks: tokens are non-empty, in order, without overlap, on char boundaries and hold no
/// white space; sentences are in order, on char boundaries and trimmed; a quantity starts at
/// the token asked for, covers whole tokens, has a span from its first token's start to its
/// last token's end and `min <= max`.
pub fn numbers(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let tokens = tokenize(text);
    let mut previous_end = 0;
    for token in &tokens {
        span_in(text, token.span, "token");
        assert!(
            token.span.start >= previous_end && !token.span.is_empty(),
            "token {}..{} empty, out of order or overlapping",
            token.span.start,
            token.span.end
        );
        previous_end = token.span.end;
        let word = token.text(text);
        assert!(
            !word.chars().any(char::is_whitespace),
            "token {word:?} holds white space"
        );
        if token.kind == TokenKind::Word {
            let _ = sitrep_text::number_word_value(word);
        }
    }
    let mut previous_end = 0;
    for sentence in split_sentences(text) {
        span_in(text, sentence.span, "sentence");
        assert!(
            sentence.span.start >= previous_end,
            "sentences out of order or overlapping"
        );
        previous_end = sentence.span.end;
        let words = sentence.text(text);
        assert_eq!(words, words.trim(), "sentence not trimmed");
    }
    for i in 0..tokens.len() {
        for allow_article in [false, true] {
            let Some(found) = read_quantity(text, &tokens, i, allow_article) else {
                continue;
            };
            let covered = &found.tokens;
            assert!(
                covered.start == i && covered.end > i && covered.end <= tokens.len(),
                "quantity at token {i} covers tokens {covered:?} of {}",
                tokens.len()
            );
            let expected = ByteSpan {
                start: tokens[covered.start].span.start,
                end: tokens[covered.end - 1].span.end,
            };
            assert_eq!(found.span, expected, "quantity span is not its tokens'");
            if let (Some(min), Some(max)) = (found.quantity.min, found.quantity.max) {
                assert!(
                    min <= max,
                    "quantity {:?} read from {:?}",
                    found.quantity,
                    &text[found.span.range()]
                );
            }
        }
    }
}

/// Asserts that a mention found in `range` lies inside it, on char boundaries.
fn within(text: &str, span: ByteSpan, range: &Range<usize>, what: &str) {
    span_in(text, span, what);
    assert!(
        range.start <= span.start && span.end <= range.end,
        "{what} {}..{} outside the range {range:?} searched",
        span.start,
        span.end
    );
}
