//! Date expressions: finding them and resolving them against the publication date.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use regex::Regex;
use sitrep_model::{ByteSpan, DatePrecision};

use crate::pattern::compile;

/// A date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Where the expression is.
    pub span: ByteSpan,
    /// First day, when resolved.
    pub start: Option<Date>,
    /// Last day, when resolved.
    pub end: Option<Date>,
    /// How exact the expression is.
    pub precision: DatePrecision,
    /// Whether the expression needed the publication date ("on Sunday", "yesterday").
    pub relative: bool,
    /// Whether it is a day without a year used as the name of an event ("the September 11
    /// attacks"): it names an event, it does not date the sentence it is in.
    pub names_event: bool,
    /// For a time counted back from the event being told ("two days earlier", "the day
    /// before", "hours earlier"): how far back. Such a mention has no days of its own (start
    /// and end are `None`) until [`DateMention::counted_back_from`] gives it that event's day.
    pub earlier: Option<Earlier>,
}

/// How far before the event being told a mention is ("two days earlier": 2 days).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Earlier {
    /// How many units back (0 for "hours earlier": the same day, another moment).
    pub amount: i64,
    /// The unit: days, weeks, months or years.
    pub unit: DatePrecision,
}

impl DateMention {
    /// Whether the mention was resolved to days.
    pub fn is_resolved(&self) -> bool {
        self.start.is_some()
    }

    /// A time counted back ([`DateMention::earlier`]) from the event dated `anchor`, given
    /// its days: "two days earlier" than a Tuesday is the Sunday, "a week earlier" the week
    /// around the day seven days before, "a month earlier" the month before. `None` for a
    /// mention that is not counted back.
    pub fn counted_back_from(&self, anchor: Date) -> Option<DateMention> {
        let back = self.earlier?;
        let (start, end) = days_back(anchor, back.amount, back.unit)?;
        Some(DateMention {
            start: Some(start),
            end: Some(end),
            ..self.clone()
        })
    }
}

/// The days `amount` units of `unit` before `anchor`: that day, the week around it (±3
/// days), its month or its year.
fn days_back(anchor: Date, amount: i64, unit: DatePrecision) -> Option<(Date, Date)> {
    let d = match unit {
        DatePrecision::Day => anchor.checked_sub(amount.days()).ok()?,
        DatePrecision::Week => anchor.checked_sub((7 * amount).days()).ok()?,
        DatePrecision::Month => anchor.checked_sub(amount.months()).ok()?,
        DatePrecision::Year => anchor.checked_sub(amount.years()).ok()?,
    };
    Some(match unit {
        DatePrecision::Day => (d, d),
        DatePrecision::Week => (d.checked_sub(3.days()).ok()?, d.checked_add(3.days()).ok()?),
        DatePrecision::Month => (d.first_of_month(), d.last_of_month()),
        DatePrecision::Year => (
            Date::new(d.year(), 1, 1).ok()?,
            Date::new(d.year(), 12, 31).ok()?,
        ),
    })
}

/// The precision of a unit of time named in a text ("days", "week", "months", "year"); hours
/// and anything shorter than a day are a day.
fn unit_precision(unit: &str) -> DatePrecision {
    if unit.starts_with("week") {
        DatePrecision::Week
    } else if unit.starts_with("month") {
        DatePrecision::Month
    } else if unit.starts_with("year") || unit.starts_with("decade") {
        DatePrecision::Year
    } else {
        DatePrecision::Day
    }
}

const MONTH: &str = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";
/// A month spelt out in full, for expressions whose abbreviations read as other words.
const MONTH_NAME: &str = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)";
/// A weekday before a full date ("Sunday, April 12", "Sat 12 Apr"): abbreviations are safe there.
const WEEKDAY_PREFIX: &str = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)\.?,?\s+)?";
/// A weekday on its own: full names only ("Mon State", "The Sun", "Sat" are not days).
const WEEKDAY: &str = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let month_day = format!(
        r"\b{WEEKDAY_PREFIX}{MONTH}\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    );
    let day_month = format!(
        r"\b{WEEKDAY_PREFIX}(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    );
    let month_year = format!(r"\b{MONTH}\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b");
    // What follows the month decides: a year makes it absolute ("since May 2014"), a day
    // makes it a day ("since Jan. 28"), unless after "in" ("In March 15 people died").
    let in_month = format!(
        r"\b(?P<prep>(?:[Ii]n|[Dd]uring|[Ss]ince|[Ee]arly|[Ll]ate)\s+|[Mm]id-\s*|[Mm]id\s+){MONTH}(?:,?\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b|\s+(?P<day>\d{{1,2}})\b|\b)"
    );
    let weekday = format!(
        r"\b(?P<qual>(?i:(?:late|early)\s+(?:on\s+)?|last\s+|this\s+|next\s+|on\s+))?{WEEKDAY}(?:'s|’s)?(?:\s+(?:morning|afternoon|evening|night))?\b"
    );
    let list: Vec<(Kind, String)> = vec![
        (Kind::Iso, r"\b(?P<year>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b".to_string()),
        (Kind::Numeric, NUMERIC.to_string()),
        (Kind::MonthDay, month_day),
        (Kind::DayMonth, day_month),
        (Kind::MonthYear, month_year),
        (Kind::InMonth, in_month),
        (Kind::Weekday, weekday),
        (Kind::Relative, r"(?i)\b(?P<rel>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today|earlier\s+this\s+week|this\s+week|last\s+week|last\s+weekend|earlier\s+this\s+month|this\s+month|last\s+month|earlier\s+this\s+year|this\s+year|last\s+year)\b".to_string()),
        (Kind::Ago, r"(?i)\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b".to_string()),
        (Kind::Earlier, r"(?i)\b(?:(?:(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|an?|a\s+few|few|several)\s+)?(?P<unit>hours?|days?|weeks?|months?|years?|decades?)\s+(?P<word>earlier|before)|the\s+(?P<prev>previous|preceding)\s+(?P<prev_unit>day|night|evening|week|month|year)|the\s+(?P<before_unit>day|night|evening)\s+before)\b(?P<stop>\s*[,.;:])?".to_string()),
        (Kind::LastMonth, format!(r"\b(?P<qual>[Ll]ast\s+)?{MONTH_NAME}(?:\s+(?P<qual_after>last\s+year))?\b")),
        (Kind::Year, r"\b(?P<pre>(?:[Ii]n|[Ss]ince|[Dd]uring|[Oo]f|[Tt]he|[Ee]arly|[Ll]ate|[Mm]id)\s+|[Mm]id-\s*)(?P<year>(?:19[5-9]|20[0-4])\d)\b(?P<post>\s*[-–]\s*\d)?".to_string()),
    ];
    list.into_iter().map(|(k, p)| (k, compile(&p))).collect()
});

/// "11/09/2012", "11.09.2012", "11/09/12".
const NUMERIC: &str =
    r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d\d|\d\d)\b";

/// Which part of a numeric date is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    DayFirst,
    MonthFirst,
}

/// The order the text's own unambiguous numeric dates use ("25/12/2014" → day first), when
/// they all agree.
fn numeric_order_of(text: &str) -> Option<Order> {
    static RE: LazyLock<Regex> = LazyLock::new(|| compile(NUMERIC));
    let (mut day_first, mut month_first) = (false, false);
    for caps in RE.captures_iter(text) {
        let part = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
        match (part("a"), part("b")) {
            (Some(a), Some(b)) if a > 12 && (1..=12).contains(&b) => day_first = true,
            (Some(a), Some(b)) if b > 12 && (1..=12).contains(&a) => month_first = true,
            _ => {}
        }
    }
    match (day_first, month_first) {
        (true, false) => Some(Order::DayFirst),
        (false, true) => Some(Order::MonthFirst),
        _ => None,
    }
}

/// Words that make a weekday part of a name rather than a date: "Bloody Sunday", "Good Friday",
/// "the Sunday Times".
const NAME_BEFORE_WEEKDAY: &[&str] = &[
    "Bloody", "Black", "Good", "Holy", "Palm", "Easter", "Ash", "Maundy", "Super", "Cyber", "Whit",
    "Shrove", "Clean", "Great", "Orthodox",
];
const NAME_AFTER_WEEKDAY: &[&str] = &[
    "Times",
    "Telegraph",
    "Express",
    "Mirror",
    "Herald",
    "Post",
    "Tribune",
    "Independent",
    "Observer",
    "Mail",
    "Star",
    "World",
    "Sport",
];

/// The word ending just before `at` (skipping spaces and tabs); empty after punctuation.
fn word_before(text: &str, at: usize) -> &str {
    let head = text[..at].trim_end_matches([' ', '\t']);
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    &head[start..]
}

fn word_after(text: &str, at: usize) -> &str {
    let tail = text[at..].trim_start_matches([' ', '\t']);
    let end = tail
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(tail.len());
    &tail[..end]
}

/// Whether the expression at `span` is part of a name ("Bloody Sunday", "Russia Today").
fn is_part_of_name(kind: Kind, caps: &regex::Captures<'_>, text: &str, span: ByteSpan) -> bool {
    match kind {
        Kind::Weekday => {
            // "on Sunday" or "last Friday" is a day whatever follows.
            caps.name("qual").is_none()
                && (NAME_BEFORE_WEEKDAY.contains(&word_before(text, span.start))
                    || NAME_AFTER_WEEKDAY.contains(&word_after(text, span.end)))
        }
        Kind::Relative => {
            // "Russia Today", "USA Today", "India Today": a capitalised "Today" right after a
            // capitalised word (in the same sentence) is a title.
            let rel = caps.name("rel").map_or("", |m| m.as_str());
            let before = word_before(text, span.start);
            rel == "Today"
                && before.chars().next().is_some_and(char::is_uppercase)
                && !text[..span.start]
                    .trim_end_matches([' ', '\t'])
                    .ends_with(['.', '!', '?'])
        }
        Kind::Earlier => {
            // "Hours earlier, a bomb …" or "… three hours earlier." tell another moment;
            // "may leave four hours earlier during Ramadan" compares times of day.
            let hours = caps
                .name("unit")
                .is_some_and(|u| u.as_str().to_ascii_lowercase().starts_with("hour"));
            let leads = text[..span.start]
                .trim_end()
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            hours && caps.name("stop").is_none() && !leads
        }
        _ => false,
    }
}

/// How a day named without its year ("September 11", "14 March") is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameUse {
    /// As a date: "on September 11", "September 11 was quiet".
    Date,
    /// As the name of an event: "the September 11 attacks", "the July 15 coup". The name
    /// says which day but not which year: it may be any year's.
    EventName,
    /// As the name of something that is not an event: "the March 14 alliance".
    Name,
}

/// Nouns that make a day named before them the name of an event ("the September 11 attacks").
const EVENT_NAME_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "attackers",
    "bombing",
    "bombings",
    "bombers",
    "blast",
    "blasts",
    "massacre",
    "massacres",
    "shooting",
    "shootings",
    "killings",
    "explosion",
    "explosions",
    "raid",
    "raids",
    "ambush",
    "assault",
    "siege",
    "hijacking",
    "hijackings",
    "hijackers",
    "strikes",
    "atrocity",
    "atrocities",
    "terror",
    "terrorist",
    "coup",
    "riots",
    "violence",
    "tragedy",
    "commission",
];

/// Nouns that make a day named before them part of a name that is no date at all ("the March
/// 14 alliance", "the April 6 movement", "the 17 May agreement").
const NAME_NOUNS: &[&str] = &[
    "movement",
    "alliance",
    "coalition",
    "bloc",
    "camp",
    "revolution",
    "uprising",
    "agreement",
    "accord",
    "declaration",
    "party",
];

/// Words before a day that make it a date whatever follows ("on September 11 attackers…").
const DATE_PREPOSITIONS: &[&str] = &[
    "on", "since", "until", "till", "by", "before", "after", "from", "to", "through", "between",
    "and", "or", "of",
];

/// How the day without a year at `span` is used: a noun right after it ("attacks",
/// "alliance") makes it a modifier of that noun, a name, unless a preposition before it makes
/// it a date.
fn name_use(text: &str, span: ByteSpan) -> NameUse {
    let before = word_before(text, span.start).to_ascii_lowercase();
    if DATE_PREPOSITIONS.contains(&before.as_str()) {
        return NameUse::Date;
    }
    let after = word_after(text, span.end).to_ascii_lowercase();
    if NAME_NOUNS.contains(&after.as_str()) {
        NameUse::Name
    } else if EVENT_NAME_NOUNS.contains(&after.as_str()) {
        NameUse::EventName
    } else {
        NameUse::Date
    }
}

/// A day without a year used as an event's name ("the September 11 attacks") is the most
/// recent such day only when the text itself dates that day: another mention, not a name,
/// resolved to the same month and day ("on Friday" in a report of "the November 13 attacks"
/// of that Friday). Otherwise the name may be of any year ("the September 11 attacks" in a
/// 2016 article are the 2001 attacks): it stays unresolved, a day without start or end.
fn settle_event_names(found: &mut [DateMention], named: &[(usize, i8, i8)]) {
    for &(i, month, day) in named {
        let span = found[i].span;
        let dated = found
            .iter()
            .enumerate()
            .filter(|(j, m)| {
                !named.iter().any(|n| n.0 == *j)
                    && !m.span.overlaps(&span)
                    && m.precision == DatePrecision::Day
            })
            .find_map(|(_, m)| {
                m.start
                    .filter(|s| m.end == Some(*s) && s.month() == month && s.day() == day)
            });
        let m = &mut found[i];
        m.start = dated;
        m.end = dated;
        m.relative = true;
        m.names_event = true;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Iso,
    Numeric,
    MonthDay,
    DayMonth,
    MonthYear,
    InMonth,
    Weekday,
    Relative,
    Ago,
    /// Counted back from the event being told: "two days earlier", "the day before".
    Earlier,
    /// A named month of the past year: "last September", "September last year".
    LastMonth,
    Year,
}

/// Finds date expressions in `text[range]` and resolves them against `published`. Spans are
/// offsets into the whole `text`; overlapping candidates keep the longest, and the result is
/// in text order.
pub fn find_dates(text: &str, range: Range<usize>, published: Option<Date>) -> Vec<DateMention> {
    let slice = &text[range.clone()];
    let order = numeric_order_of(slice);
    let mut found: Vec<DateMention> = Vec::new();
    // Days without a year used as the name of an event: (index in `found`, month, day).
    let mut named: Vec<(usize, i8, i8)> = Vec::new();
    for (kind, regex) in PATTERNS.iter() {
        for (offset, caps) in search_windows(*kind, slice)
            .into_iter()
            .flat_map(|(offset, window)| regex.captures_iter(window).map(move |c| (offset, c)))
        {
            let whole = caps.get(0).expect("group 0 always matches");
            let span = ByteSpan {
                start: range.start + offset + whole.start(),
                end: range.start + offset + whole.end(),
            };
            if is_part_of_name(*kind, &caps, text, span) {
                continue;
            }
            let day_without_year =
                matches!(kind, Kind::MonthDay | Kind::DayMonth) && caps.name("year").is_none();
            let use_as = if day_without_year {
                name_use(text, span)
            } else {
                NameUse::Date
            };
            if use_as == NameUse::Name {
                continue;
            }
            if let Some(mention) = resolve(*kind, &caps, span, published, order) {
                if use_as == NameUse::EventName
                    && let Some(month) = caps.name("month").and_then(|m| month_number(m.as_str()))
                    && let Some(day) = caps.name("day").and_then(|m| m.as_str().parse().ok())
                {
                    named.push((found.len(), month, day));
                }
                found.push(mention);
            }
        }
    }
    settle_event_names(&mut found, &named);
    // Keep the longest of overlapping mentions (a full date beats its weekday or month part).
    found.sort_by_key(|m| (std::cmp::Reverse(m.span.len()), m.span.start));
    let mut kept: Vec<DateMention> = Vec::new();
    for m in found {
        if !kept.iter().any(|k| k.span.overlaps(&m.span)) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.span.start);
    kept
}

/// What every time counted back contains: "earlier", "before", "previous", "preceding"
/// without their first letter, so that a plain literal search (fast) finds them in any case.
static EARLIER_WORDS: LazyLock<Regex> = LazyLock::new(|| compile(r"arlier|efore|revious|receding"));

/// How many bytes around one of [`EARLIER_WORDS`] a time counted back may reach.
const EARLIER_REACH_BEFORE: usize = 32;
const EARLIER_REACH_AFTER: usize = 24;

/// The parts of `slice` that the pattern of `kind` is run over, with their offsets. A time
/// counted back ("two days earlier") starts with words as common as "the" or "day", which no
/// search can skip quickly: its pattern runs only around the rare words it must contain.
fn search_windows(kind: Kind, slice: &str) -> Vec<(usize, &str)> {
    if kind != Kind::Earlier {
        return vec![(0, slice)];
    }
    EARLIER_WORDS
        .find_iter(slice)
        .map(|m| {
            let mut start = m.start().saturating_sub(EARLIER_REACH_BEFORE);
            while !slice.is_char_boundary(start) {
                start -= 1;
            }
            // Back to the start of a word: a window never begins inside one.
            while let Some(c) = slice[..start].chars().next_back()
                && !c.is_whitespace()
            {
                start -= c.len_utf8();
            }
            let mut end = (m.end() + EARLIER_REACH_AFTER).min(slice.len());
            while !slice.is_char_boundary(end) {
                end += 1;
            }
            (start, &slice[start..end])
        })
        .collect()
}

fn resolve(
    kind: Kind,
    caps: &regex::Captures<'_>,
    span: ByteSpan,
    published: Option<Date>,
    order: Option<Order>,
) -> Option<DateMention> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
    let day_of = |d: Date| DateMention {
        span,
        start: Some(d),
        end: Some(d),
        precision: DatePrecision::Day,
        relative: false,
        names_event: false,
        earlier: None,
    };
    let unresolved = |precision| DateMention {
        span,
        start: None,
        end: None,
        precision,
        relative: true,
        names_event: false,
        earlier: None,
    };
    let relative = |start: Date, end: Date, precision| DateMention {
        span,
        start: Some(start),
        end: Some(end),
        precision,
        relative: true,
        names_event: false,
        earlier: None,
    };

    match kind {
        Kind::Iso => {
            let d = Date::new(num("year")? as i16, num("m")? as i8, num("d")? as i8).ok()?;
            Some(day_of(d))
        }
        Kind::Numeric => {
            let (a, b) = (num("a")?, num("b")?);
            let year = expand_year(num("year")?);
            let us = Date::new(year as i16, a as i8, b as i8).ok();
            let eu = Date::new(year as i16, b as i8, a as i8).ok();
            // Dots are the day-first convention ("11.09.2012"); slashes follow the text's
            // other numeric dates, else the reading not after publication, else US order.
            let order = match caps.name("sep").map(|m| m.as_str()) {
                Some(".") => Some(Order::DayFirst),
                _ => order,
            };
            let d = match (us, eu) {
                (Some(u), Some(e)) if u != e => match (order, published) {
                    (Some(Order::DayFirst), _) => e,
                    (Some(Order::MonthFirst), _) => u,
                    (None, Some(p)) => nearest_not_after(p, &[u, e]).unwrap_or(u),
                    (None, None) => u,
                },
                (Some(u), _) => u,
                (None, Some(e)) => e,
                (None, None) => return None,
            };
            Some(day_of(d))
        }
        Kind::MonthDay | Kind::DayMonth => {
            let month = month_number(caps.name("month")?.as_str())?;
            let day = num("day")? as i8;
            match num("year") {
                Some(y) => Some(day_of(Date::new(y as i16, month, day).ok()?)),
                None => match published {
                    Some(p) => {
                        // "April 31" is no date; "February 29" is one, in leap years only.
                        Date::new(2000, month, day).ok()?;
                        match most_recent_month_day(p, month, day) {
                            Some(d) => Some(DateMention {
                                relative: true,
                                ..day_of(d)
                            }),
                            None => Some(unresolved(DatePrecision::Day)),
                        }
                    }
                    None => Some(unresolved(DatePrecision::Day)),
                },
            }
        }
        Kind::MonthYear => {
            let month = month_number(caps.name("month")?.as_str())?;
            let first = Date::new(num("year")? as i16, month, 1).ok()?;
            Some(DateMention {
                span,
                start: Some(first),
                end: Some(first.last_of_month()),
                precision: DatePrecision::Month,
                relative: false,
                names_event: false,
                earlier: None,
            })
        }
        Kind::InMonth => {
            let month_match = caps.name("month")?;
            let month = month_number(month_match.as_str())?;
            // "May" alone is too often the verb; only the explicit prepositions reach here.
            if let Some(year) = num("year") {
                let first = Date::new(year as i16, month, 1).ok()?;
                return Some(DateMention {
                    span,
                    start: Some(first),
                    end: Some(first.last_of_month()),
                    precision: DatePrecision::Month,
                    relative: false,
                    names_event: false,
                    earlier: None,
                });
            }
            let mention = match published {
                None => unresolved(DatePrecision::Month),
                Some(p) => {
                    let year = if month <= p.month() {
                        p.year()
                    } else {
                        p.year() - 1
                    };
                    let first = Date::new(year, month, 1).ok()?;
                    relative(first, first.last_of_month(), DatePrecision::Month)
                }
            };
            if caps.name("day").is_none() {
                return Some(mention);
            }
            let prep = caps.name("prep")?.as_str().to_ascii_lowercase();
            if !(prep.starts_with("in") || prep.starts_with("during")) {
                return None; // "since Jan. 28": the day reading is the date
            }
            // "In March 15 people died": the month, without the count.
            let end = span.start + (month_match.end() - caps.get(0)?.start());
            Some(DateMention {
                span: ByteSpan { end, ..span },
                ..mention
            })
        }
        Kind::Weekday => {
            let qualifier = caps
                .name("qual")
                .map(|m| m.as_str().trim().to_ascii_lowercase());
            if qualifier.as_deref() == Some("next") {
                return None; // a future day is not when an incident happened
            }
            let weekday = weekday_of(caps.name("weekday")?.as_str())?;
            let Some(p) = published else {
                return Some(unresolved(DatePrecision::Day));
            };
            let mut back = (p.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset())
                .rem_euclid(7);
            if back == 0 && qualifier.as_deref() == Some("last") {
                back = 7;
            }
            let d = p.checked_sub((back as i64).days()).ok()?;
            Some(relative(d, d, DatePrecision::Day))
        }
        Kind::Relative => {
            let rel = caps.name("rel")?.as_str().to_ascii_lowercase();
            let rel = rel.split_whitespace().collect::<Vec<_>>().join(" ");
            let precision = match rel.as_str() {
                "this week" | "last week" | "earlier this week" | "last weekend" => {
                    DatePrecision::Week
                }
                "this month" | "last month" | "earlier this month" => DatePrecision::Month,
                "this year" | "last year" | "earlier this year" => DatePrecision::Year,
                _ => DatePrecision::Day,
            };
            let Some(p) = published else {
                return Some(unresolved(precision));
            };
            let monday = p
                .checked_sub((p.weekday().to_monday_zero_offset() as i64).days())
                .ok()?;
            let (start, end) = match rel.as_str() {
                "yesterday" | "last night" => {
                    let d = p.checked_sub(1.day()).ok()?;
                    (d, d)
                }
                "the day before yesterday" => {
                    let d = p.checked_sub(2.days()).ok()?;
                    (d, d)
                }
                "this week" | "earlier this week" => (monday, p),
                "last week" => (
                    monday.checked_sub(7.days()).ok()?,
                    monday.checked_sub(1.day()).ok()?,
                ),
                "last weekend" => (
                    monday.checked_sub(2.days()).ok()?,
                    monday.checked_sub(1.day()).ok()?,
                ),
                "this month" | "earlier this month" => (p.first_of_month(), p),
                "last month" => {
                    let prev = p.first_of_month().checked_sub(1.day()).ok()?;
                    (prev.first_of_month(), prev)
                }
                "this year" | "earlier this year" => (Date::new(p.year(), 1, 1).ok()?, p),
                "last year" => (
                    Date::new(p.year() - 1, 1, 1).ok()?,
                    Date::new(p.year() - 1, 12, 31).ok()?,
                ),
                _ => (p, p), // today, tonight, this morning, earlier today
            };
            Some(relative(start, end, precision))
        }
        Kind::Ago => {
            let n_text = caps.name("n")?.as_str().to_ascii_lowercase();
            let n: i64 = match n_text.as_str() {
                "a" => 1,
                word => number_word(word).or_else(|| word.parse().ok())?,
            };
            let unit = caps.name("unit")?.as_str().to_ascii_lowercase();
            let precision = unit_precision(&unit);
            let Some(p) = published else {
                return Some(unresolved(precision));
            };
            let (start, end) = days_back(p, n, precision)?;
            Some(relative(start, end, precision))
        }
        Kind::Earlier => {
            let lower = |name: &str| caps.name(name).map(|m| m.as_str().to_ascii_lowercase());
            // "two days before the election" counts back from the election, not from the
            // event being told: "before" must close its phrase ("… two days before, gunmen",
            // "the day before.").
            let before =
                lower("word").as_deref() == Some("before") || caps.name("before_unit").is_some();
            if before && caps.name("stop").is_none() {
                return None;
            }
            let earlier = if let Some(unit) = lower("unit") {
                let n = lower("n").map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "));
                match n.as_deref() {
                    // Hours back: another moment of the same day.
                    _ if unit.starts_with("hour") => Earlier {
                        amount: 0,
                        unit: DatePrecision::Day,
                    },
                    // "Days earlier": about a week before; "weeks earlier": a month.
                    None if unit == "days" => Earlier {
                        amount: 1,
                        unit: DatePrecision::Week,
                    },
                    None if unit == "weeks" => Earlier {
                        amount: 1,
                        unit: DatePrecision::Month,
                    },
                    None => return None,
                    Some(n) => Earlier {
                        amount: match n {
                            "a" | "an" | "one" => 1,
                            "a few" | "few" | "several" => 3,
                            word => number_word(word).or_else(|| word.parse().ok())?,
                        } * if unit.starts_with("decade") { 10 } else { 1 },
                        unit: unit_precision(&unit),
                    },
                }
            } else {
                let unit = lower("prev_unit").or_else(|| lower("before_unit"))?;
                Earlier {
                    amount: 1,
                    unit: unit_precision(&unit),
                }
            };
            // The span ends with the expression, not the punctuation after it.
            let end = caps.name("stop").map_or(span.end, |m| span.end - m.len());
            Some(DateMention {
                span: ByteSpan { end, ..span },
                start: None,
                end: None,
                precision: earlier.unit,
                relative: true,
                names_event: false,
                earlier: Some(earlier),
            })
        }
        Kind::LastMonth => {
            if caps.name("qual").is_none() && caps.name("qual_after").is_none() {
                return None; // a month alone: other patterns read it
            }
            let month = month_number(caps.name("month")?.as_str())?;
            let Some(p) = published else {
                return Some(unresolved(DatePrecision::Month));
            };
            // "last September": the most recent September before this month; "September
            // last year": the previous year's.
            let year = if caps.name("qual_after").is_some() || month >= p.month() {
                p.year() - 1
            } else {
                p.year()
            };
            let first = Date::new(year, month, 1).ok()?;
            Some(relative(first, first.last_of_month(), DatePrecision::Month))
        }
        Kind::Year => {
            if caps.name("post").is_some() {
                return None; // "2006-2016": a span of years, not a date
            }
            let year = num("year")? as i16;
            // The match starts at the preposition; the mention is the year itself.
            let year_match = caps.name("year")?;
            let offset = year_match.start() - caps.get(0)?.start();
            let span = ByteSpan {
                start: span.start + offset,
                end: span.end,
            };
            Some(DateMention {
                span,
                start: Some(Date::new(year, 1, 1).ok()?),
                end: Some(Date::new(year, 12, 31).ok()?),
                precision: DatePrecision::Year,
                relative: false,
                names_event: false,
                earlier: None,
            })
        }
    }
}

/// "one" … "ten" as a number.
fn number_word(word: &str) -> Option<i64> {
    const WORDS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS.iter().position(|w| *w == word).map(|i| i as i64 + 1)
}

fn expand_year(y: i32) -> i32 {
    match y {
        0..=49 => 2000 + y,
        50..=99 => 1900 + y,
        _ => y,
    }
}

/// The candidate nearest to `p` that is not after it; else the earliest after it.
fn nearest_not_after(p: Date, candidates: &[Date]) -> Option<Date> {
    candidates
        .iter()
        .copied()
        .filter(|d| *d <= p)
        .max()
        .or_else(|| candidates.iter().copied().min())
}

/// The most recent `month`/`day` not later than two days after `p` (a report may be dated
/// slightly before the local day of the event) and less than a year before `p`: a day named
/// without its year is one of the past year. February 29 in an article of the year after a
/// leap year (from March on) has no such day and stays unresolved rather than a guess.
fn most_recent_month_day(p: Date, month: i8, day: i8) -> Option<Date> {
    let slack = p.checked_add(2.days()).ok()?;
    let year_before = p.checked_sub(1.year()).ok()?;
    [p.year() + 1, p.year(), p.year() - 1]
        .into_iter()
        .filter_map(|year| Date::new(year, month, day).ok())
        .find(|d| *d <= slack && *d > year_before)
}

fn month_number(name: &str) -> Option<i8> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| lower.starts_with(m))
        .map(|i| i as i8 + 1)
}

fn weekday_of(name: &str) -> Option<Weekday> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    Some(match lower.get(..3)? {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn one(text: &str, published: Option<&str>) -> DateMention {
        let found = find_dates(text, 0..text.len(), published.map(d));
        assert_eq!(
            found.len(),
            1,
            "expected one date in {text:?}, found {found:?}"
        );
        found.into_iter().next().unwrap()
    }

    fn day(text: &str, published: Option<&str>) -> Option<Date> {
        let m = one(text, published);
        assert_eq!(m.precision, DatePrecision::Day, "{text:?}");
        assert_eq!(m.start, m.end);
        m.start
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(day("on September 11, 2012 in", None), Some(d("2012-09-11")));
        assert_eq!(day("on Sept. 11, 2012,", None), Some(d("2012-09-11")));
        assert_eq!(day("on 12 April 2015 at", None), Some(d("2015-04-12")));
        assert_eq!(
            day("on Sunday, April 12, 2015", None),
            Some(d("2015-04-12"))
        );
        assert_eq!(day("dated 2015-04-12.", None), Some(d("2015-04-12")));
        assert_eq!(day("the 3rd of March 2019", None), Some(d("2019-03-03")));
    }

    #[test]
    fn numeric_dates_pick_the_order_from_context() {
        assert_eq!(day("01/03/2000: Gunmen", None), Some(d("2000-01-03")));
        assert_eq!(day("on 25/12/2014", None), Some(d("2014-12-25")));
        // Both readings valid: the one not after publication wins.
        assert_eq!(
            day("on 11/09/2012", Some("2012-09-12")),
            Some(d("2012-09-11"))
        );
        assert_eq!(
            day("on 09/11/2012", Some("2012-09-12")),
            Some(d("2012-09-11"))
        );
    }

    #[test]
    fn month_and_day_without_year_look_back() {
        assert_eq!(
            day("on January 28 in Tripoli", Some("2015-04-13")),
            Some(d("2015-01-28"))
        );
        // year boundary: "December 30" in a January 2 article
        assert_eq!(
            day("on December 30", Some("2016-01-02")),
            Some(d("2015-12-30"))
        );
        // leap day: the February 29 of the past year; none in it, no guess
        assert_eq!(
            day("on February 29", Some("2017-01-10")),
            Some(d("2016-02-29"))
        );
        assert_eq!(one("on February 29", Some("2017-06-01")).start, None);
        // unresolved without a publication date
        let m = one("on January 28", None);
        assert_eq!((m.start, m.precision), (None, DatePrecision::Day));
    }

    #[test]
    fn weekdays_resolve_to_the_latest_on_or_before_publication() {
        // 2015-04-13 was a Monday.
        assert_eq!(
            day("said the government on Sunday.", Some("2015-04-13")),
            Some(d("2015-04-12"))
        );
        assert_eq!(
            day("when Sunday’s attack was", Some("2015-04-13")),
            Some(d("2015-04-12"))
        );
        assert_eq!(
            day("On Wednesday evening, gunmen", Some("2013-10-04")),
            Some(d("2013-10-02"))
        );
        assert_eq!(
            day("late on Friday", Some("2013-10-04")),
            Some(d("2013-10-04"))
        );
        assert_eq!(
            day("last Friday", Some("2013-10-04")),
            Some(d("2013-09-27"))
        );
        assert_eq!(day("on Monday", Some("2015-04-13")), Some(d("2015-04-13")));
        let m = one("on Sunday", None);
        assert!(m.start.is_none() && m.relative);
    }

    #[test]
    fn relative_words() {
        assert_eq!(day("yesterday", Some("2020-03-01")), Some(d("2020-02-29")));
        assert_eq!(day("Last night", Some("2020-01-01")), Some(d("2019-12-31")));
        assert_eq!(
            day("three days ago", Some("2020-01-02")),
            Some(d("2019-12-30"))
        );
        let week = one("last week", Some("2015-04-15"));
        assert_eq!(
            (week.start, week.end, week.precision),
            (
                Some(d("2015-04-06")),
                Some(d("2015-04-12")),
                DatePrecision::Week
            )
        );
        let month = one("earlier this month", Some("2015-04-15"));
        assert_eq!(
            (month.start, month.end, month.precision),
            (
                Some(d("2015-04-01")),
                Some(d("2015-04-15")),
                DatePrecision::Month
            )
        );
        let last_month = one("last month", Some("2015-01-15"));
        assert_eq!(
            (last_month.start, last_month.end),
            (Some(d("2014-12-01")), Some(d("2014-12-31")))
        );
        let m = one("yesterday", None);
        assert!(m.start.is_none());
    }

    #[test]
    fn months_and_years() {
        let m = one("in January 2015", None);
        assert_eq!(
            (m.start, m.end, m.precision),
            (
                Some(d("2015-01-01")),
                Some(d("2015-01-31")),
                DatePrecision::Month
            )
        );
        let m = one("in March", Some("2016-02-10"));
        assert_eq!(
            (m.start, m.precision),
            (Some(d("2015-03-01")), DatePrecision::Month)
        );
        let m = one("since 2012", None);
        assert_eq!(
            (m.start, m.end, m.precision),
            (
                Some(d("2012-01-01")),
                Some(d("2012-12-31")),
                DatePrecision::Year
            )
        );
    }

    #[test]
    fn things_that_are_not_dates() {
        for text in [
            "© 2006-2016 Mideast Time",
            "a 24-hour guard",
            "Route 9",
            "$2,500",
            "May we go",
            "the 2,000 people",
            "next Monday",
        ] {
            assert!(
                find_dates(text, 0..text.len(), Some(d("2015-04-13"))).is_empty(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn overlapping_mentions_keep_the_longest() {
        let text = "On Wednesday, September 11, 2013, and on Friday";
        let found = find_dates(text, 0..text.len(), Some(d("2013-09-14")));
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].start, Some(d("2013-09-11")));
        assert_eq!(found[1].start, Some(d("2013-09-13")));
    }

    /// `(start, end, precision)` of the one date in `text`.
    fn range(text: &str, published: Option<&str>) -> (Option<Date>, Option<Date>, DatePrecision) {
        let m = one(text, published);
        (m.start, m.end, m.precision)
    }

    /// The words the one date in `text` covers.
    fn covered(text: &str, published: Option<&str>) -> String {
        let m = one(text, published);
        text[m.span.range()].to_string()
    }

    fn none_in(text: &str, published: Option<&str>) {
        let found = find_dates(text, 0..text.len(), published.map(d));
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }

    #[test]
    fn month_day_year() {
        for text in [
            "Gunmen stormed the compound on September 11, 2012, killing four.",
            "The consulate was attacked on Sept. 11, 2012.",
            "The consulate was attacked on Sep 11 2012.",
            "The consulate was attacked on September 11th, 2012.",
            "The consulate was attacked on Tuesday, September 11, 2012.",
            "The consulate was attacked on Tues., Sept. 11, 2012.",
        ] {
            let m = one(text, Some("2015-04-13"));
            assert_eq!(
                (m.start, m.end, m.precision, m.relative),
                (
                    Some(d("2012-09-11")),
                    Some(d("2012-09-11")),
                    DatePrecision::Day,
                    false
                ),
                "{text:?}"
            );
        }
        assert_eq!(
            covered("attacked on Tuesday, September 11, 2012, by", None),
            "Tuesday, September 11, 2012"
        );
    }

    #[test]
    fn day_month_year() {
        assert_eq!(
            day("The embassy was hit on 12 April 2015 by gunfire.", None),
            Some(d("2015-04-12"))
        );
        assert_eq!(
            day("A bomb exploded on 12th April, 2015.", None),
            Some(d("2015-04-12"))
        );
        assert_eq!(
            day("on the 12th of April 2015", None),
            Some(d("2015-04-12"))
        );
        assert_eq!(
            day("Sunday 12 April 2015: a blast", None),
            Some(d("2015-04-12"))
        );
        assert_eq!(
            covered("SAT 1 and Sat 11 Apr 2015", None),
            "Sat 11 Apr 2015"
        );
        // A day that does not exist is not a day; its month and year still are.
        assert_eq!(
            range("on 31 April 2015", None),
            (
                Some(d("2015-04-01")),
                Some(d("2015-04-30")),
                DatePrecision::Month
            )
        );
        none_in("on February 30, 2016", None);
    }

    #[test]
    fn iso_dates() {
        assert_eq!(
            day("Posted 2012-09-11 by staff", None),
            Some(d("2012-09-11"))
        );
        none_in("ref 2012-13-01", None);
    }

    #[test]
    fn month_day_without_year_is_the_most_recent() {
        // "Sept. 11" two days after: this year's.
        assert_eq!(
            day(
                "militants attacked the consulate on Sept. 11 and",
                Some("2012-09-13")
            ),
            Some(d("2012-09-11"))
        );
        // Later in the year than publication: last year's.
        assert_eq!(
            day("the attack of Sept. 11 in Benghazi", Some("2013-05-02")),
            Some(d("2012-09-11"))
        );
        assert_eq!(
            day("since Jan. 28, when gunmen", Some("2015-04-13")),
            Some(d("2015-01-28"))
        );
        assert_eq!(
            day("on 28 January in Tripoli", Some("2015-04-13")),
            Some(d("2015-01-28"))
        );
        // Up to two days after publication still counts as this year (time zones).
        assert_eq!(
            day("on April 15", Some("2015-04-13")),
            Some(d("2015-04-15"))
        );
        assert_eq!(
            day("on April 16", Some("2015-04-13")),
            Some(d("2014-04-16"))
        );
        let m = one("on January 28", Some("2015-04-13"));
        assert!(m.relative);
    }

    #[test]
    fn numeric_dates_in_the_texts_own_order() {
        // A day-first date elsewhere in the text settles the ambiguous one...
        let text = "Clashes on 25/12/2014 and again on 11/09/2014 left dozens dead.";
        let found = find_dates(text, 0..text.len(), Some(d("2015-01-10")));
        let days: Vec<_> = found.iter().map(|m| m.start).collect();
        assert_eq!(days, [Some(d("2014-12-25")), Some(d("2014-09-11"))]);
        // ...and so does a month-first one.
        let text = "Clashes on 12/25/2014 and again on 11/09/2014 left dozens dead.";
        let found = find_dates(text, 0..text.len(), Some(d("2015-01-10")));
        let days: Vec<_> = found.iter().map(|m| m.start).collect();
        assert_eq!(days, [Some(d("2014-12-25")), Some(d("2014-11-09"))]);
        // Dots are the day-first convention.
        assert_eq!(day("Attack on 11.09.2012", None), Some(d("2012-09-11")));
        assert_eq!(
            day("Attack on 11.09.2012", Some("2012-12-01")),
            Some(d("2012-09-11"))
        );
        // Two-digit years.
        assert_eq!(day("on 25/12/14", None), Some(d("2014-12-25")));
        assert_eq!(day("on 25/12/98", None), Some(d("1998-12-25")));
        // Both readings after publication: the earlier one.
        assert_eq!(
            day("on 11/09/2012", Some("2012-01-01")),
            Some(d("2012-09-11"))
        );
        none_in("on 13/13/2012", None);
    }

    #[test]
    fn weekday_constructions() {
        // 2013-10-04 was a Friday.
        let p = Some("2013-10-04");
        for (text, expected) in [
            (
                "On Wednesday evening, gunmen fired at the embassy.",
                "2013-10-02",
            ),
            ("Gunmen fired at the embassy on Wednesday.", "2013-10-02"),
            ("Wednesday's attack on the embassy", "2013-10-02"),
            ("On Wednesday night a bomb went off.", "2013-10-02"),
            ("late Thursday afternoon", "2013-10-03"),
            ("Early on Tuesday, rockets hit the airport.", "2013-10-01"),
            ("Last Friday, gunmen opened fire.", "2013-09-27"),
            ("This Monday, gunmen opened fire.", "2013-09-30"),
            ("a bomb on Saturday morning", "2013-09-28"),
            (
                "On Sunday World leaders condemned the attack.",
                "2013-09-29",
            ),
            (
                "They crossed the border by Thursday afternoon.",
                "2013-10-03",
            ),
        ] {
            assert_eq!(day(text, p), Some(d(expected)), "{text:?}");
        }
        // The expression, its preposition and its part of the day are the mention.
        assert_eq!(
            covered("On Wednesday evening, gunmen fired", p),
            "On Wednesday evening"
        );
        assert_eq!(covered("said the government on Sunday.", p), "on Sunday");
    }

    #[test]
    fn a_weekday_in_the_future_is_no_incident_date() {
        none_in("Talks resume next Monday.", Some("2013-10-04"));
        none_in("Next Monday, talks resume.", Some("2013-10-04"));
    }

    #[test]
    fn a_weekday_on_the_publication_day() {
        // Published on a Sunday.
        assert_eq!(
            day("a bomb on Sunday morning", Some("2015-04-12")),
            Some(d("2015-04-12"))
        );
        // "last Sunday" is the week before.
        assert_eq!(
            day("a bomb last Sunday", Some("2015-04-12")),
            Some(d("2015-04-05"))
        );
    }

    #[test]
    fn names_that_contain_weekdays_or_today_are_not_dates() {
        let p = Some("2015-04-13");
        for text in [
            "the anniversary of Bloody Sunday in Derry",
            "marches on Good Friday",
            "Easter Sunday services",
            "the Good Friday Agreement",
            "he told the Sunday Times",
            "the Sunday Telegraph reported",
            "fighting in Mon State",
            "he told The Sun that",
            "Sat on the fence",
            "Russia Today reported",
            "according to USA Today",
        ] {
            none_in(text, p);
        }
        // but the words themselves still are.
        assert_eq!(day("Today, gunmen attacked", p), Some(d("2015-04-13")));
        assert_eq!(
            day("Gunmen attacked the base. Today the army", p),
            Some(d("2015-04-13"))
        );
    }

    #[test]
    fn days_relative_to_publication() {
        let p = Some("2015-04-13");
        for (text, expected) in [
            ("yesterday", "2015-04-12"),
            ("Yesterday, gunmen", "2015-04-12"),
            ("last night", "2015-04-12"),
            ("the day before yesterday", "2015-04-11"),
            ("today", "2015-04-13"),
            ("tonight", "2015-04-13"),
            ("this morning", "2015-04-13"),
            ("This afternoon", "2015-04-13"),
            ("earlier today", "2015-04-13"),
            ("three days ago", "2015-04-10"),
            ("3 days ago", "2015-04-10"),
            ("a day ago", "2015-04-12"),
        ] {
            let m = one(text, p);
            assert_eq!(
                (m.start, m.end, m.precision, m.relative),
                (
                    Some(d(expected)),
                    Some(d(expected)),
                    DatePrecision::Day,
                    true
                ),
                "{text:?}"
            );
        }
    }

    #[test]
    fn weeks_relative_to_publication() {
        // 2015-04-15 was a Wednesday.
        let p = Some("2015-04-15");
        let week = |s: &str, e: &str| (Some(d(s)), Some(d(e)), DatePrecision::Week);
        assert_eq!(range("last week", p), week("2015-04-06", "2015-04-12"));
        assert_eq!(range("Last week", p), week("2015-04-06", "2015-04-12"));
        assert_eq!(
            range("earlier this week", p),
            week("2015-04-13", "2015-04-15")
        );
        assert_eq!(range("this week", p), week("2015-04-13", "2015-04-15"));
        assert_eq!(range("last weekend", p), week("2015-04-11", "2015-04-12"));
        assert_eq!(range("a week ago", p), week("2015-04-05", "2015-04-11"));
        assert_eq!(range("two weeks ago", p), week("2015-03-29", "2015-04-04"));
    }

    #[test]
    fn months_relative_to_publication() {
        let p = Some("2015-04-15");
        let month = |s: &str, e: &str| (Some(d(s)), Some(d(e)), DatePrecision::Month);
        assert_eq!(
            range("earlier this month", p),
            month("2015-04-01", "2015-04-15")
        );
        assert_eq!(
            range("Earlier this month, a bomb", p),
            month("2015-04-01", "2015-04-15")
        );
        assert_eq!(range("this month", p), month("2015-04-01", "2015-04-15"));
        assert_eq!(range("last month", p), month("2015-03-01", "2015-03-31"));
        assert_eq!(
            range("two months ago", p),
            month("2015-02-01", "2015-02-28")
        );
        // A month named alone: the most recent one.
        assert_eq!(range("in January", p), month("2015-01-01", "2015-01-31"));
        assert_eq!(
            range("In January, gunmen attacked", p),
            month("2015-01-01", "2015-01-31")
        );
        assert_eq!(
            range("in mid-January", p),
            month("2015-01-01", "2015-01-31")
        );
        assert_eq!(
            range("since early March", p),
            month("2015-03-01", "2015-03-31")
        );
        assert_eq!(range("during April", p), month("2015-04-01", "2015-04-30"));
        assert_eq!(range("in late May", p), month("2014-05-01", "2014-05-31"));
        // A day after the month makes it a day, except after "in" (a count follows).
        assert_eq!(day("since Jan. 28, when", p), Some(d("2015-01-28")));
        assert_eq!(day("since January 28", p), Some(d("2015-01-28")));
        assert_eq!(
            range("In March 15 people died", p),
            month("2015-03-01", "2015-03-31")
        );
        assert_eq!(covered("In March 15 people died", p), "In March");
        // "May" alone is the verb.
        none_in("Gunmen May attack", p);
        none_in("it may happen", p);
    }

    #[test]
    fn months_and_years_named_in_full() {
        let month = |s: &str, e: &str| (Some(d(s)), Some(d(e)), DatePrecision::Month);
        assert_eq!(
            range("in January 2015", None),
            month("2015-01-01", "2015-01-31")
        );
        assert_eq!(
            range("since May 2014", None),
            month("2014-05-01", "2014-05-31")
        );
        assert_eq!(
            range("in February of 2016", None),
            month("2016-02-01", "2016-02-29")
        );
        let year = |y: &str| {
            (
                Some(d(&format!("{y}-01-01"))),
                Some(d(&format!("{y}-12-31"))),
                DatePrecision::Year,
            )
        };
        assert_eq!(range("in 2012", None), year("2012"));
        assert_eq!(range("In 2012, militants", None), year("2012"));
        assert_eq!(range("the 2012 attack", None), year("2012"));
        assert_eq!(range("in mid-2014", None), year("2014"));
        assert_eq!(range("in late 2013", None), year("2013"));
        // The mention is the year, not its preposition.
        assert_eq!(covered("in mid-2014 the", None), "2014");
        let p = Some("2015-04-13");
        assert_eq!(range("last year", p), year("2014"));
        assert_eq!(
            range("earlier this year", p),
            (
                Some(d("2015-01-01")),
                Some(d("2015-04-13")),
                DatePrecision::Year
            )
        );
        assert_eq!(range("two years ago", p), year("2013"));
        none_in("in the 1990s", p);
        none_in("from 2011-2014", p);
    }

    #[test]
    fn year_boundaries() {
        // An article of January 2, 2016 (a Saturday).
        let p = Some("2016-01-02");
        assert_eq!(day("on December 30", p), Some(d("2015-12-30")));
        assert_eq!(day("on 31 December", p), Some(d("2015-12-31")));
        assert_eq!(day("on January 1", p), Some(d("2016-01-01")));
        assert_eq!(day("on Wednesday", p), Some(d("2015-12-30")));
        assert_eq!(day("three days ago", p), Some(d("2015-12-30")));
        assert_eq!(day("yesterday", Some("2016-01-01")), Some(d("2015-12-31")));
        assert_eq!(
            range("last month", p),
            (
                Some(d("2015-12-01")),
                Some(d("2015-12-31")),
                DatePrecision::Month
            )
        );
        assert_eq!(
            range("in December", p),
            (
                Some(d("2015-12-01")),
                Some(d("2015-12-31")),
                DatePrecision::Month
            )
        );
        assert_eq!(
            range("last week", p),
            (
                Some(d("2015-12-21")),
                Some(d("2015-12-27")),
                DatePrecision::Week
            )
        );
        assert_eq!(
            range("last year", p),
            (
                Some(d("2015-01-01")),
                Some(d("2015-12-31")),
                DatePrecision::Year
            )
        );
        // A report dated December 31 of an event on January 1 (time zones): the slack crosses
        // the year.
        assert_eq!(
            day("on January 1", Some("2015-12-31")),
            Some(d("2016-01-01"))
        );
        assert_eq!(
            day("on January 3", Some("2015-12-31")),
            Some(d("2015-01-03"))
        );
    }

    #[test]
    fn leap_days() {
        // In a 2024 article, February 29 is this year's...
        assert_eq!(
            day("on February 29", Some("2024-03-05")),
            Some(d("2024-02-29"))
        );
        assert_eq!(day("on Feb. 29", Some("2024-02-29")), Some(d("2024-02-29")));
        // ...and still the most recent one early in 2025.
        assert_eq!(
            day("on February 29", Some("2025-01-15")),
            Some(d("2024-02-29"))
        );
        // From March 2025 there has been no February 29 in the past year: no guess.
        let m = one("on February 29", Some("2025-03-10"));
        assert_eq!(
            (m.start, m.end, m.precision, m.relative),
            (None, None, DatePrecision::Day, true)
        );
        // Before the 2024 leap day, the last one was four years back: no guess either.
        assert!(one("on February 29", Some("2024-02-20")).start.is_none());
        assert_eq!(
            day("on February 29, 2024", Some("2025-06-01")),
            Some(d("2024-02-29"))
        );
        none_in("on February 29, 2025", None);
        none_in("on 29/02/2025", None);
        assert_eq!(day("on 29/02/2024", None), Some(d("2024-02-29")));
        // Relative days across the leap day.
        assert_eq!(day("yesterday", Some("2024-03-01")), Some(d("2024-02-29")));
        assert_eq!(day("yesterday", Some("2025-03-01")), Some(d("2025-02-28")));
        assert_eq!(
            day("on Thursday", Some("2024-03-01")),
            Some(d("2024-02-29"))
        );
        assert_eq!(
            range("last month", Some("2024-03-10")),
            (
                Some(d("2024-02-01")),
                Some(d("2024-02-29")),
                DatePrecision::Month
            )
        );
        assert_eq!(
            range("a year ago", Some("2024-02-29")),
            (
                Some(d("2023-01-01")),
                Some(d("2023-12-31")),
                DatePrecision::Year
            )
        );
    }

    #[test]
    fn relative_dates_without_publication_stay_unresolved() {
        for (text, precision) in [
            ("on Sunday", DatePrecision::Day),
            ("Wednesday evening", DatePrecision::Day),
            ("yesterday", DatePrecision::Day),
            ("three days ago", DatePrecision::Day),
            ("on January 28", DatePrecision::Day),
            ("last week", DatePrecision::Week),
            ("earlier this week", DatePrecision::Week),
            ("a week ago", DatePrecision::Week),
            ("earlier this month", DatePrecision::Month),
            ("last month", DatePrecision::Month),
            ("in January", DatePrecision::Month),
            ("last year", DatePrecision::Year),
        ] {
            let m = one(text, None);
            assert_eq!(
                (m.start, m.end, m.precision, m.relative),
                (None, None, precision, true),
                "{text:?}"
            );
        }
        // Absolute dates need no publication date.
        for text in [
            "September 11, 2012",
            "12 April 2015",
            "January 2015",
            "in 2012",
        ] {
            let m = one(text, None);
            assert!(m.is_resolved() && !m.relative, "{text:?}");
        }
    }

    #[test]
    fn times_counted_back_from_the_event_told_wait_for_its_day() {
        let p = Some("2015-04-13");
        let back = |text: &str| {
            let m = one(text, p);
            assert_eq!((m.start, m.end), (None, None), "{text:?}");
            (
                text[m.span.range()].to_string(),
                m.earlier.map(|e| (e.amount, e.unit)),
            )
        };
        use DatePrecision::{Day, Month, Week, Year};
        assert_eq!(
            back("Two days earlier, gunmen"),
            ("Two days earlier".to_string(), Some((2, Day)))
        );
        assert_eq!(
            back("a week earlier"),
            ("a week earlier".to_string(), Some((1, Week)))
        );
        assert_eq!(
            back("hours earlier"),
            ("hours earlier".to_string(), Some((0, Day)))
        );
        assert_eq!(
            back("the day before, a bomb"),
            ("the day before".to_string(), Some((1, Day)))
        );
        assert_eq!(
            back("the previous month"),
            ("the previous month".to_string(), Some((1, Month)))
        );
        assert_eq!(
            back("3 years before."),
            ("3 years before".to_string(), Some((3, Year)))
        );
        // Counted back from something else the sentence names: no date of the event told.
        for text in [
            "two days before the election",
            "the day before the attack",
            "hours before the rally",
            "staff may leave four hours earlier during Ramadan",
        ] {
            assert!(
                find_dates(text, 0..text.len(), Some(d("2015-04-13")))
                    .iter()
                    .all(|m| m.earlier.is_none()),
                "{text:?}"
            );
        }
        // Given the day of the event told.
        let days = |text: &str, anchor: &str| {
            let m = one(text, p)
                .counted_back_from(d(anchor))
                .expect("counted back");
            (m.start, m.end, m.precision)
        };
        assert_eq!(
            days("two days earlier", "2015-04-14"),
            (Some(d("2015-04-12")), Some(d("2015-04-12")), Day)
        );
        assert_eq!(
            days("hours earlier", "2015-04-14"),
            (Some(d("2015-04-14")), Some(d("2015-04-14")), Day)
        );
        assert_eq!(
            days("a month earlier", "2015-03-31"),
            (Some(d("2015-02-01")), Some(d("2015-02-28")), Month)
        );
        assert_eq!(
            days("a decade earlier", "2015-03-31"),
            (Some(d("2005-01-01")), Some(d("2005-12-31")), Year)
        );
        assert_eq!(
            days("two decades earlier", "2015-03-31"),
            (Some(d("1995-01-01")), Some(d("1995-12-31")), Year)
        );
        assert_eq!(one("on Sunday", p).counted_back_from(d("2015-04-14")), None);
    }

    #[test]
    fn last_with_a_month_is_the_past_year_s() {
        let p = Some("2015-04-13");
        let month = |text: &str| {
            let m = one(text, p);
            assert_eq!(m.precision, DatePrecision::Month, "{text:?}");
            (m.start, m.end)
        };
        assert_eq!(
            month("last September"),
            (Some(d("2014-09-01")), Some(d("2014-09-30")))
        );
        assert_eq!(
            month("last February"),
            (Some(d("2015-02-01")), Some(d("2015-02-28")))
        );
        // This month's name: the one a year before.
        assert_eq!(
            month("last April"),
            (Some(d("2014-04-01")), Some(d("2014-04-30")))
        );
        assert_eq!(
            month("in February last year"),
            (Some(d("2014-02-01")), Some(d("2014-02-28")))
        );
        assert_eq!(one("last September", None).start, None);
    }

    #[test]
    fn seed_background_incidents() {
        // Seed 000, published 2015-04-13: the embassy attack "on Sunday" and the hotel attack
        // "on January 28".
        let text = "The Sunday attack came following violence that killed ten people on January 28 in Tripoli.";
        let found = find_dates(text, 0..text.len(), Some(d("2015-04-13")));
        let got: Vec<_> = found
            .iter()
            .map(|m| (&text[m.span.range()], m.start))
            .collect();
        assert_eq!(
            got,
            [
                ("Sunday", Some(d("2015-04-12"))),
                ("January 28", Some(d("2015-01-28")))
            ]
        );
        // Seed 003, published 2013-10-04: the embassy attack "On Wednesday evening" and the
        // Benghazi consulate attack "on September 11, 2012".
        let text = "Militants attacked the U.S. consulate in Benghazi and killed Ambassador Christopher Stevens and three other Americans on September 11, 2012.";
        assert_eq!(day(text, Some("2013-10-04")), Some(d("2012-09-11")));
        assert_eq!(
            day(
                "On Wednesday evening, a group of unidentified gunmen fired at the embassy in Tripoli.",
                Some("2013-10-04")
            ),
            Some(d("2013-10-02"))
        );
    }

    #[test]
    fn a_day_without_year_naming_an_event_is_not_this_years() {
        // In a 2016 article, "the September 11 attacks" are those of 2001: no year is guessed.
        for text in [
            "the deadliest attack since the September 11 attacks",
            "since the Sept. 11 attacks on New York",
            "the 11 September attacks",
            "the September 11 Commission",
        ] {
            let m = one(text, Some("2016-09-20"));
            assert_eq!(
                (m.start, m.end, m.precision, m.names_event),
                (None, None, DatePrecision::Day, true),
                "{text:?}"
            );
        }
        // The text may date the day itself: the Friday of "the November 13 attacks".
        let text = "Gunmen attacked cafes on Friday. The November 13 attacks killed 130 people.";
        let found = find_dates(text, 0..text.len(), Some(d("2015-11-15")));
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].start, Some(d("2015-11-13")));
        assert!(found[1].names_event && !found[0].names_event);
        // A preposition makes it a date whatever follows.
        assert_eq!(
            day(
                "on September 11 attackers stormed the consulate",
                Some("2012-09-13")
            ),
            Some(d("2012-09-11"))
        );
        // Without such a date even a recent one stays unresolved: the name says which day,
        // not which year.
        assert_eq!(
            day("The September 11 raid was the first.", Some("2012-09-13")),
            None
        );
    }

    #[test]
    fn a_day_naming_an_alliance_is_no_date() {
        none_in("the March 14 alliance", Some("2016-05-10"));
        none_in("leaders of the 14 March coalition met", Some("2016-05-10"));
        none_in("the April 6 movement", Some("2016-05-10"));
    }

    proptest::proptest! {
        /// Any text, any sub-range: no panic, and every mention lies inside the range on char
        /// boundaries with its days in order.
        #[test]
        fn spans_stay_inside_the_range(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "on", "Sunday", "Bloody", "Times", "Today", "Russia", "in", "mid-", "January",
                "28", "2015", "11/09/2012", "25/12/2014", "since", "Feb.", "29", "last", "week",
                "ago", "three", "days", ".", ",", "é", "—", "\n", "’s", "evening", "Sat",
            ]), 0..24),
            cut in 0usize..200,
            published in proptest::option::of(0i64..20_000),
        ) {
            let text = words.join(" ");
            let mut start = cut.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let published = published.map(|n| d("1990-01-01").checked_add(n.days()).unwrap());
            for m in find_dates(&text, start..text.len(), published) {
                proptest::prop_assert!(start <= m.span.start && m.span.end <= text.len());
                proptest::prop_assert!(text.get(m.span.range()).is_some());
                if let (Some(s), Some(e)) = (m.start, m.end) {
                    proptest::prop_assert!(s <= e);
                }
            }
        }
    }
}
