//! Reading quantities of people: "two", "twenty-five", "1,200", "a dozen", "dozens", "at least
//! five", "between 5 and 7", "as many as 40".
//!
//! A quantity is a range `{min, max}`, either end possibly unknown:
//!
//! | words | min | max |
//! |---|---|---|
//! | "two", "about 40", "some 40" | 2 / 40 | 2 / 40 |
//! | "at least 5", "more than 5", "over 5" | 5 | – |
//! | "up to 40", "as many as 40", "nearly 40" | – | 40 |
//! | "between 5 and 7", "5 to 7", "5-7" | 5 | 7 |
//! | "dozens" / "scores" / "hundreds" / "thousands" / "several" | 24 / 40 / 200 / 2000 / 3 | – |
//! | "a dozen" / "half a dozen" / "a couple of" / "both" | 12 / 6 / 2 / 2 | same |
//!
//! "a"/"an" read as one only when the caller allows it (before a singular noun: "a soldier").

use std::ops::Range;

use sitrep_model::ByteSpan;

use crate::tokens::{Token, TokenKind};

/// A number of people as a range; `None` is an unknown bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    /// Lower bound.
    pub min: Option<u32>,
    /// Upper bound.
    pub max: Option<u32>,
}

impl Quantity {
    /// An exact figure.
    pub const fn exact(n: u32) -> Self {
        Quantity {
            min: Some(n),
            max: Some(n),
        }
    }

    /// A lower bound only.
    pub const fn at_least(n: u32) -> Self {
        Quantity {
            min: Some(n),
            max: None,
        }
    }

    /// An upper bound only.
    pub const fn at_most(n: u32) -> Self {
        Quantity {
            min: None,
            max: Some(n),
        }
    }

    /// The exact value when min equals max.
    pub fn as_exact(&self) -> Option<u32> {
        match (self.min, self.max) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    }

    /// The sum of two quantities ("two soldiers and a civilian"): bounds add where both known.
    pub fn plus(self, other: Quantity) -> Quantity {
        let add = |a: Option<u32>, b: Option<u32>| Some(a?.saturating_add(b?));
        Quantity {
            min: add(self.min, other.min).or(self.min).or(other.min),
            max: add(self.max, other.max),
        }
    }
}

/// A quantity found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuantityMatch {
    /// The quantity read.
    pub quantity: Quantity,
    /// Indices of the tokens it covers (into the slice given to [`read_quantity`]).
    pub tokens: Range<usize>,
    /// Byte span of those tokens.
    pub span: ByteSpan,
}

/// Reads a quantity starting at token `i`, hedges included. `allow_article` lets "a"/"an" stand
/// for one. Returns `None` when no quantity starts there.
pub fn read_quantity(
    text: &str,
    tokens: &[Token],
    i: usize,
    allow_article: bool,
) -> Option<QuantityMatch> {
    let word = |k: usize| tokens.get(k).map(|t| t.text(text));
    let is = |k: usize, w: &str| word(k).is_some_and(|t| t.eq_ignore_ascii_case(w));

    // "between 5 and 7"
    if is(i, "between")
        && let Some((low, after_low)) = read_base(text, tokens, i + 1, false)
        && (is(after_low, "and") || is(after_low, "to"))
        && let Some((high, end)) = read_base(text, tokens, after_low + 1, false)
        && is_ascending(low, high)
    {
        return Some(matched(tokens, i..end, range_of(low, high)));
    }

    let (hedge, start) = read_hedge(text, tokens, i);
    // "2018-07-30", "30/07/2018": a date or a code, no count of anything.
    if in_numeric_chain(text, tokens, start) {
        return None;
    }
    let (base, mut end) = read_base(text, tokens, start, allow_article && hedge.is_none())?;

    // "5 to 7", "5-7", "five or six"
    let mut quantity = base;
    let joiner_is_range =
        is(end, "to") || is(end, "or") || word(end).is_some_and(|w| w == "-" || w == "–");
    if joiner_is_range
        && base.as_exact().is_some()
        && let Some((high, after)) = read_base(text, tokens, end + 1, false)
        && high.as_exact().is_some_and(|h| Some(h) > base.as_exact())
    {
        quantity = range_of(base, high);
        end = after;
    }

    let quantity = match (hedge, quantity.as_exact()) {
        (Some(Hedge::AtLeast), Some(n)) => Quantity::at_least(n),
        (Some(Hedge::AtMost), Some(n)) => Quantity::at_most(n),
        (Some(Hedge::AtLeast), None) => Quantity {
            min: quantity.min,
            max: None,
        },
        (Some(Hedge::AtMost), None) => Quantity {
            min: None,
            max: quantity.max.or(quantity.min),
        },
        _ => quantity,
    };
    Some(matched(tokens, i..end, quantity))
}

/// Whether the number at token `k` is one of three or more numbers joined by "-", "/" or "."
/// with no space between ("2018-07-30", "30/07/2018", "12.05.2019").
fn in_numeric_chain(text: &str, tokens: &[Token], k: usize) -> bool {
    let is_number = |j: usize| tokens.get(j).is_some_and(|t| t.kind == TokenKind::Number);
    if !is_number(k) {
        return false;
    }
    let joined = |left: usize, right: usize| tokens[left].span.end == tokens[right].span.start;
    let is_joiner = |j: usize| matches!(tokens[j].text(text), "-" | "/" | ".");
    let mut count = 1;
    // Leftwards: "<number><joiner>" right before.
    let mut j = k;
    while j >= 2 && is_joiner(j - 1) && is_number(j - 2) && joined(j - 2, j - 1) && joined(j - 1, j)
    {
        count += 1;
        j -= 2;
    }
    // Rightwards: "<joiner><number>" right after.
    let mut j = k;
    while j + 2 < tokens.len()
        && is_joiner(j + 1)
        && is_number(j + 2)
        && joined(j, j + 1)
        && joined(j + 1, j + 2)
    {
        count += 1;
        j += 2;
    }
    count >= 3
}

/// Whether `high` can close a range that `low` opens: "between 5 and 7" can, "between two
/// hundred and a dozen" cannot.
fn is_ascending(low: Quantity, high: Quantity) -> bool {
    match (low.min.or(low.max), high.max.or(high.min)) {
        (Some(lo), Some(hi)) => lo <= hi,
        _ => false,
    }
}

fn range_of(low: Quantity, high: Quantity) -> Quantity {
    Quantity {
        min: low.min,
        max: high.max.or(high.min),
    }
}

fn matched(tokens: &[Token], range: Range<usize>, quantity: Quantity) -> QuantityMatch {
    let span = ByteSpan {
        start: tokens[range.start].span.start,
        end: tokens[range.end - 1].span.end,
    };
    QuantityMatch {
        quantity,
        tokens: range,
        span,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hedge {
    AtLeast,
    AtMost,
    Approximately,
}

const HEDGES: &[(&[&str], Hedge)] = &[
    (&["at", "least"], Hedge::AtLeast),
    (&["more", "than"], Hedge::AtLeast),
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["in", "excess", "of"], Hedge::AtLeast),
    (&["upwards", "of"], Hedge::AtLeast),
    (&["over"], Hedge::AtLeast),
    (&["up", "to"], Hedge::AtMost),
    (&["as", "many", "as"], Hedge::AtMost),
    (&["no", "more", "than"], Hedge::AtMost),
    (&["at", "most"], Hedge::AtMost),
    (&["nearly"], Hedge::AtMost),
    (&["almost"], Hedge::AtMost),
    (&["close", "to"], Hedge::AtMost),
    (&["fewer", "than"], Hedge::AtMost),
    (&["less", "than"], Hedge::AtMost),
    (&["about"], Hedge::Approximately),
    (&["around"], Hedge::Approximately),
    (&["at", "around"], Hedge::Approximately),
    (&["approximately"], Hedge::Approximately),
    (&["roughly"], Hedge::Approximately),
    (&["some"], Hedge::Approximately),
    (&["an", "estimated"], Hedge::Approximately),
    (&["estimated"], Hedge::Approximately),
    (&["a", "reported"], Hedge::Approximately),
    (&["a", "total", "of"], Hedge::Approximately),
    (&["another"], Hedge::Approximately),
    (&["an", "additional"], Hedge::Approximately),
    (&["a", "further"], Hedge::Approximately),
];

fn read_hedge(text: &str, tokens: &[Token], i: usize) -> (Option<Hedge>, usize) {
    let mut best: Option<(Hedge, usize)> = None;
    for (words, hedge) in HEDGES {
        let fits = words
            .iter()
            .enumerate()
            .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.is(text, w)));
        if fits && best.is_none_or(|(_, len)| words.len() > len) {
            best = Some((*hedge, words.len()));
        }
    }
    match best {
        Some((hedge, len)) => (Some(hedge), i + len),
        None => (None, i),
    }
}

/// Vague plural quantities and the lower bound each stands for.
const VAGUE: &[(&str, u32)] = &[
    ("dozens", 24),
    ("scores", 40),
    ("hundreds", 200),
    ("thousands", 2000),
    ("several", 3),
];

/// Reads a bare number (no hedge) at `i`: digits, number words, "a dozen", "dozens of".
fn read_base(
    text: &str,
    tokens: &[Token],
    i: usize,
    allow_article: bool,
) -> Option<(Quantity, usize)> {
    let token = tokens.get(i)?;
    let is = |k: usize, w: &str| tokens.get(k).is_some_and(|t| t.is(text, w));
    let raw = token.text(text);

    if token.kind == TokenKind::Number {
        let value = parse_digits(raw)?;
        // "2 million"
        if let Some(scale) = tokens.get(i + 1).and_then(|t| scale_word(t.text(text))) {
            return Some((Quantity::exact(value.saturating_mul(scale)), i + 2));
        }
        return Some((Quantity::exact(value), i + 1));
    }
    if token.kind != TokenKind::Word {
        return None;
    }
    let lower = raw.to_ascii_lowercase();
    if let Some(&(_, min)) = VAGUE.iter().find(|(w, _)| *w == lower) {
        let end = if is(i + 1, "of") { i + 2 } else { i + 1 };
        return Some((Quantity::at_least(min), end));
    }
    match lower.as_str() {
        "tens" if is(i + 1, "of") => return Some((Quantity::at_least(20), i + 2)),
        "dozen" => return Some((Quantity::exact(12), i + 1)),
        "half" if is(i + 1, "a") && is(i + 2, "dozen") => return Some((Quantity::exact(6), i + 3)),
        "both" => return Some((Quantity::exact(2), i + 1)),
        "a" | "an" => {
            if is(i + 1, "dozen") {
                return Some((Quantity::exact(12), i + 2));
            }
            if is(i + 1, "couple") {
                let end = if is(i + 2, "of") { i + 3 } else { i + 2 };
                return Some((Quantity::exact(2), end));
            }
            if is(i + 1, "pair") && is(i + 2, "of") {
                return Some((Quantity::exact(2), i + 3));
            }
            if is(i + 1, "few") {
                return Some((Quantity::at_least(2), i + 2));
            }
            if is(i + 1, "single") {
                return Some((Quantity::exact(1), i + 2));
            }
            if let Some(scale) = tokens.get(i + 1).and_then(|t| scale_word(t.text(text))) {
                // "a hundred", "a thousand"
                return Some((Quantity::exact(scale), i + 2));
            }
            if allow_article {
                return Some((Quantity::exact(1), i + 1));
            }
            return None;
        }
        _ => {}
    }
    let (value, end) = read_cardinal_words(text, tokens, i)?;
    Some((Quantity::exact(value), end))
}

fn parse_digits(raw: &str) -> Option<u32> {
    if raw.contains('.') && !raw.contains(',') {
        // A decimal ("3.5") is not a number of people; "1.200" (European thousands) is rare in
        // English copy and read as not-a-count too.
        return None;
    }
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn scale_word(word: &str) -> Option<u32> {
    match word.to_ascii_lowercase().as_str() {
        "hundred" => Some(100),
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        _ => None,
    }
}

/// The value of one number word or hyphenated compound: "two" → 2, "twenty-five" → 25.
pub fn number_word_value(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    if let Some((tens, units)) = lower.split_once(['-', '‐', '‑']) {
        let t = simple_number(tens)?;
        let u = simple_number(units)?;
        return (t >= 20 && t % 10 == 0 && (1..10).contains(&u)).then_some(t + u);
    }
    simple_number(&lower)
}

fn simple_number(word: &str) -> Option<u32> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(n) = UNITS.iter().position(|w| *w == word) {
        return Some(n as u32);
    }
    TENS.iter()
        .position(|w| *w == word)
        .map(|n| (n as u32 + 2) * 10)
}

/// "three hundred and twenty-five", "twenty five", "two thousand".
fn read_cardinal_words(text: &str, tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    #[derive(PartialEq)]
    enum Last {
        Nothing,
        Tens,
        Other,
        Scale,
    }
    let word_at = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(text))
    };
    let (mut total, mut current) = (0u32, 0u32);
    let mut last = Last::Nothing;
    let mut k = i;
    while let Some(word) = word_at(k) {
        if let Some(v) = number_word_value(word) {
            let fits = match last {
                Last::Nothing | Last::Scale => true,
                Last::Tens => (1..10).contains(&v),
                Last::Other => false,
            };
            if !fits {
                break;
            }
            current = current.saturating_add(v);
            last = if v >= 20 && v % 10 == 0 {
                Last::Tens
            } else {
                Last::Other
            };
        } else if last != Last::Nothing
            && let Some(scale) = scale_word(word)
        {
            if scale == 100 {
                current = current.max(1).saturating_mul(100);
            } else {
                total = total.saturating_add(current.max(1).saturating_mul(scale));
                current = 0;
            }
            last = Last::Scale;
        } else if last == Last::Scale
            && word.eq_ignore_ascii_case("and")
            && word_at(k + 1).and_then(number_word_value).is_some()
        {
            // "three hundred and twelve": the number goes on after "and".
        } else {
            break;
        }
        k += 1;
    }
    (last != Last::Nothing).then_some((total.saturating_add(current), k))
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn a_date_written_in_numbers_is_no_quantity() {
        for (text, at) in [
            ("date 2018-07-30 Four tourists were killed", 3),
            ("on 30/07/2018 three people died", 3),
            ("date 2017-02-23 3 soldiers were killed", 1),
        ] {
            let tokens = tokenize(text);
            assert!(
                read_quantity(text, &tokens, at, false).is_none(),
                "{text} at {at}"
            );
        }
        // Two numbers joined are a range.
        let text = "5-7 people were hurt";
        let tokens = tokenize(text);
        assert!(read_quantity(text, &tokens, 0, false).is_some());
    }

    fn read(text: &str) -> Option<Quantity> {
        let tokens = tokenize(text);
        read_quantity(text, &tokens, 0, false).map(|m| m.quantity)
    }

    fn read_article(text: &str) -> Option<Quantity> {
        let tokens = tokenize(text);
        read_quantity(text, &tokens, 0, true).map(|m| m.quantity)
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(read("7 people"), Some(Quantity::exact(7)));
        assert_eq!(read("1,250 people"), Some(Quantity::exact(1250)));
        assert_eq!(read("two guards"), Some(Quantity::exact(2)));
        assert_eq!(read("Eleven soldiers"), Some(Quantity::exact(11)));
        assert_eq!(read("twenty-five villagers"), Some(Quantity::exact(25)));
        assert_eq!(read("twenty five villagers"), Some(Quantity::exact(25)));
        assert_eq!(
            read("three hundred and twelve pilgrims"),
            Some(Quantity::exact(312))
        );
        assert_eq!(read("a hundred people"), Some(Quantity::exact(100)));
        assert_eq!(read("two thousand people"), Some(Quantity::exact(2000)));
    }

    #[test]
    fn adjacent_separate_numbers_do_not_merge() {
        assert_eq!(read("two three"), Some(Quantity::exact(2)));
        assert_eq!(read("five twenty"), Some(Quantity::exact(5)));
    }

    #[test]
    fn dozens_and_other_vague_plurals_give_lower_bounds() {
        assert_eq!(read("dozens of people"), Some(Quantity::at_least(24)));
        assert_eq!(read("scores of people"), Some(Quantity::at_least(40)));
        assert_eq!(read("hundreds were hurt"), Some(Quantity::at_least(200)));
        assert_eq!(read("several shops"), Some(Quantity::at_least(3)));
        assert_eq!(read("tens of thousands"), Some(Quantity::at_least(20)));
    }

    #[test]
    fn dozen_forms_are_exact() {
        assert_eq!(read("a dozen soldiers"), Some(Quantity::exact(12)));
        assert_eq!(read("half a dozen soldiers"), Some(Quantity::exact(6)));
        assert_eq!(read("a couple of shops"), Some(Quantity::exact(2)));
    }

    #[test]
    fn hedges_set_one_bound() {
        assert_eq!(read("at least 12 people"), Some(Quantity::at_least(12)));
        assert_eq!(
            read("more than twenty people"),
            Some(Quantity::at_least(20))
        );
        assert_eq!(read("as many as 40 Koreans"), Some(Quantity::at_most(40)));
        assert_eq!(read("up to 9 people"), Some(Quantity::at_most(9)));
        assert_eq!(read("nearly 30 people"), Some(Quantity::at_most(30)));
        assert_eq!(read("about 40 people"), Some(Quantity::exact(40)));
        assert_eq!(read("at least dozens"), Some(Quantity::at_least(24)));
    }

    #[test]
    fn a_falling_pair_after_between_is_no_range() {
        assert_eq!(read("between two hundred and a dozen people"), None);
        assert_eq!(read("between 7 and 5 people"), None);
    }

    #[test]
    fn ranges() {
        assert_eq!(
            read("between 5 and 7 people"),
            Some(Quantity {
                min: Some(5),
                max: Some(7)
            })
        );
        assert_eq!(
            read("5 to 7 people"),
            Some(Quantity {
                min: Some(5),
                max: Some(7)
            })
        );
        assert_eq!(
            read("five or six people"),
            Some(Quantity {
                min: Some(5),
                max: Some(6)
            })
        );
        assert_eq!(
            read("12-15 people"),
            Some(Quantity {
                min: Some(12),
                max: Some(15)
            })
        );
        // a descending pair is not a range
        assert_eq!(read("7 to 5"), Some(Quantity::exact(7)));
    }

    #[test]
    fn articles_count_only_when_allowed() {
        assert_eq!(read("a soldier"), None);
        assert_eq!(read_article("a soldier"), Some(Quantity::exact(1)));
        assert_eq!(read_article("an officer"), Some(Quantity::exact(1)));
    }

    #[test]
    fn not_numbers() {
        assert_eq!(read("the soldiers"), None);
        assert_eq!(read("3.5 km"), None);
        assert_eq!(read(""), None);
    }

    #[test]
    fn sums_add_known_bounds() {
        let sum = Quantity::exact(2).plus(Quantity::exact(1));
        assert_eq!(sum, Quantity::exact(3));
        let sum = Quantity::at_least(24).plus(Quantity::exact(1));
        assert_eq!(sum, Quantity::at_least(25));
    }

    #[test]
    fn match_span_covers_the_hedge() {
        let text = "at least five people";
        let tokens = tokenize(text);
        let m = read_quantity(text, &tokens, 0, false).unwrap();
        assert_eq!(&text[m.span.range()], "at least five");
        assert_eq!(m.tokens, 0..3);
    }
}
