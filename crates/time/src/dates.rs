//! Date expressions: finding them and resolving them against the publication date.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use regex::Regex;
use sitrep_model::{ByteSpan, DatePrecision};

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
}

impl DateMention {
    /// Whether the mention was resolved to days.
    pub fn is_resolved(&self) -> bool {
        self.start.is_some()
    }
}

const MONTH: &str = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";
const WEEKDAY: &str = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)\.?";

static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let month_day = format!(
        r"\b(?:{WEEKDAY},?\s+)?{MONTH}\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    )
    .replace("(?P<weekday>", "(?P<wd>");
    let day_month = format!(
        r"\b(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    );
    let month_year = format!(r"\b{MONTH}\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b");
    let in_month = format!(r"\b(?:in|during|since|early|late|mid-?)\s+{MONTH}\b");
    let weekday = format!(
        r"\b(?P<qual>(?:late|early)\s+(?:on\s+)?|last\s+|this\s+|next\s+|on\s+)?{WEEKDAY}(?:'s|’s)?(?:\s+(?:morning|afternoon|evening|night))?\b"
    );
    let list: Vec<(Kind, String)> = vec![
        (Kind::Iso, r"\b(?P<year>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b".to_string()),
        (Kind::Numeric, r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d\d|\d\d)\b".to_string()),
        (Kind::MonthDay, month_day),
        (Kind::DayMonth, day_month),
        (Kind::MonthYear, month_year),
        (Kind::InMonth, in_month),
        (Kind::Weekday, weekday),
        (Kind::Relative, r"(?i)\b(?P<rel>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today|earlier\s+this\s+week|this\s+week|last\s+week|last\s+weekend|earlier\s+this\s+month|this\s+month|last\s+month|earlier\s+this\s+year|this\s+year|last\s+year)\b".to_string()),
        (Kind::Ago, r"(?i)\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b".to_string()),
        (Kind::Year, r"\b(?P<pre>(?:[Ii]n|[Ss]ince|[Dd]uring|[Oo]f|[Tt]he|[Ee]arly|[Ll]ate|[Mm]id-?)\s+)(?P<year>(?:19[5-9]|20[0-4])\d)\b(?P<post>\s*[-–]\s*\d)?".to_string()),
    ];
    list.into_iter()
        .map(|(k, p)| (k, Regex::new(&p).expect("date patterns are valid")))
        .collect()
});

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
    Year,
}

/// Finds date expressions in `text[range]` and resolves them against `published`. Spans are
/// offsets into the whole `text`; overlapping candidates keep the longest, and the result is
/// in text order.
pub fn find_dates(text: &str, range: Range<usize>, published: Option<Date>) -> Vec<DateMention> {
    let slice = &text[range.clone()];
    let mut found: Vec<DateMention> = Vec::new();
    for (kind, regex) in PATTERNS.iter() {
        for caps in regex.captures_iter(slice) {
            let whole = caps.get(0).expect("group 0 always matches");
            let span = ByteSpan {
                start: range.start + whole.start(),
                end: range.start + whole.end(),
            };
            if let Some(mention) = resolve(*kind, &caps, span, published) {
                found.push(mention);
            }
        }
    }
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

fn resolve(
    kind: Kind,
    caps: &regex::Captures<'_>,
    span: ByteSpan,
    published: Option<Date>,
) -> Option<DateMention> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
    let day_of = |d: Date| DateMention {
        span,
        start: Some(d),
        end: Some(d),
        precision: DatePrecision::Day,
        relative: false,
    };
    let unresolved = |precision| DateMention {
        span,
        start: None,
        end: None,
        precision,
        relative: true,
    };
    let relative = |start: Date, end: Date, precision| DateMention {
        span,
        start: Some(start),
        end: Some(end),
        precision,
        relative: true,
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
            let d = match (us, eu) {
                (Some(u), Some(e)) if u != e => match published {
                    Some(p) => nearest_not_after(p, &[u, e]).unwrap_or(u),
                    None => u,
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
                        let d = most_recent_month_day(p, month, day)?;
                        Some(DateMention {
                            relative: true,
                            ..day_of(d)
                        })
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
            })
        }
        Kind::InMonth => {
            let month = month_number(caps.name("month")?.as_str())?;
            // "May" alone is too often the verb; only the explicit prepositions reach here.
            let Some(p) = published else {
                return Some(unresolved(DatePrecision::Month));
            };
            let year = if month <= p.month() {
                p.year()
            } else {
                p.year() - 1
            };
            let first = Date::new(year, month, 1).ok()?;
            Some(relative(first, first.last_of_month(), DatePrecision::Month))
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
                "a" | "one" => 1,
                "two" => 2,
                "three" => 3,
                "four" => 4,
                "five" => 5,
                "six" => 6,
                "seven" => 7,
                "eight" => 8,
                "nine" => 9,
                "ten" => 10,
                digits => digits.parse().ok()?,
            };
            let unit = caps.name("unit")?.as_str().to_ascii_lowercase();
            let precision = if unit.starts_with("day") {
                DatePrecision::Day
            } else if unit.starts_with("week") {
                DatePrecision::Week
            } else if unit.starts_with("month") {
                DatePrecision::Month
            } else {
                DatePrecision::Year
            };
            let Some(p) = published else {
                return Some(unresolved(precision));
            };
            let d = match precision {
                DatePrecision::Day => p.checked_sub(n.days()).ok()?,
                DatePrecision::Week => p.checked_sub((7 * n).days()).ok()?,
                DatePrecision::Month => p.checked_sub(n.months()).ok()?,
                DatePrecision::Year => p.checked_sub(n.years()).ok()?,
            };
            let (start, end) = match precision {
                DatePrecision::Day => (d, d),
                DatePrecision::Week => {
                    (d.checked_sub(3.days()).ok()?, d.checked_add(3.days()).ok()?)
                }
                DatePrecision::Month => (d.first_of_month(), d.last_of_month()),
                DatePrecision::Year => (
                    Date::new(d.year(), 1, 1).ok()?,
                    Date::new(d.year(), 12, 31).ok()?,
                ),
            };
            Some(relative(start, end, precision))
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
            })
        }
    }
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
/// slightly before the local day of the event); February 29 looks back to the last leap year.
fn most_recent_month_day(p: Date, month: i8, day: i8) -> Option<Date> {
    let slack = p.checked_add(2.days()).ok()?;
    (0..8)
        .filter_map(|back| Date::new(p.year() - back, month, day).ok())
        .find(|d| *d <= slack)
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
        // leap day: the last February 29 before publication
        assert_eq!(
            day("on February 29", Some("2017-06-01")),
            Some(d("2016-02-29"))
        );
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
}
