//! Whether a number counts people rather than an age, a time, a road, a sum of money, a year or a
//! distance.

use sitrep_text::TokenKind;

use crate::analysis::Analysis;

const NOT_PEOPLE_AFTER: &[&str] = &[
    "year",
    "years",
    "year-old",
    "years-old",
    "month",
    "months",
    "day",
    "days",
    "week",
    "weeks",
    "hour",
    "hours",
    "minute",
    "minutes",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "metres",
    "meters",
    "metre",
    "meter",
    "feet",
    "percent",
    "per",
    "%",
    "times",
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "o'clock",
    "kg",
    "kilograms",
    "kilogrammes",
    "pounds",
    "tons",
    "tonnes",
    "dollars",
    "euros",
    "rupees",
    "afghanis",
    "naira",
    "pesos",
    "shillings",
    "rounds",
    "shots",
    "bullets",
    "vehicles",
    "cars",
    "houses",
    "homes",
    "buildings",
    "shops",
    "rockets",
    "mortars",
    "shells",
    "bombs",
    "grenades",
    "mines",
    "p.m",
    "a.m",
    "gmt",
    "utc",
    "th",
    "st",
    "nd",
    "rd",
];

const NOT_PEOPLE_BEFORE: &[&str] = &[
    "$",
    "€",
    "£",
    "¥",
    "aged",
    "age",
    "ages",
    "route",
    "highway",
    "road",
    "no",
    "number",
    "nos",
    "rs",
    "usd",
    "us$",
    "at",
    "since",
    "from",
    "until",
    "by",
    "of",
    "page",
    "chapter",
    "article",
    "resolution",
    "flight",
    "unit",
    "battalion",
    "brigade",
    "division",
    "platoon",
    "block",
    "sector",
    "phase",
    "district",
    "zone",
    "camp",
    "kilometer",
    "km",
    "mile",
];

/// Whether the number at tokens `first..end` counts people rather than years, ages, money,
/// times, roads or distances.
pub(super) fn is_count(a: &Analysis<'_>, first: usize, end: usize) -> bool {
    let before = first
        .checked_sub(1)
        .map(|i| a.word(i).to_ascii_lowercase())
        .unwrap_or_default();
    if NOT_PEOPLE_BEFORE.contains(&before.as_str())
        && a.tokens[first].kind == TokenKind::Number
        && !of_a_loss(a, first)
    {
        return false;
    }
    // "DHAKA, March 30 A blogger was hacked to death": the day of a date, not a count.
    if a.dates
        .iter()
        .any(|d| d.span.overlaps(&a.tokens[first].span))
    {
        return false;
    }
    has_count_shape(a, first, end)
}

/// Whether the figure at `first` is what a noun of loss is of: "the deaths of 40 people",
/// "claimed the lives of 12", "the killing of 3 guards". After any other "of" a figure is a
/// part, a size or a date ("a convoy of 40 trucks", "the night of 12 May").
fn of_a_loss(a: &Analysis<'_>, first: usize) -> bool {
    first >= 2
        && a.is(first - 1, "of")
        && a.is_any(
            first - 2,
            &[
                "death", "deaths", "lives", "killing", "killings", "murder", "murders",
            ],
        )
}

/// Whether the number at tokens `first..end` has the shape of a count of people, whatever
/// word comes before it: no unit, time or year.
pub(super) fn has_count_shape(a: &Analysis<'_>, first: usize, end: usize) -> bool {
    let after = a.word(end).to_ascii_lowercase();
    if NOT_PEOPLE_AFTER.contains(&after.as_str())
        || after.starts_with("year")
        || (after == "-" && a.word(end + 1).to_ascii_lowercase().starts_with("year"))
    {
        return false;
    }
    // "2 a.m.", "1:20"
    if a.word(end) == ":" {
        return false;
    }
    if a.tokens[first].kind == TokenKind::Number {
        let raw = a.word(first);
        if raw.len() == 4
            && !raw.contains(',')
            && raw.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
        {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::casualties::tests::statements;
    use crate::casualties::{CasualtyKind::*, Side::*};

    #[test]
    fn numbers_that_are_not_casualties() {
        assert!(statements("The man, aged 34, was arrested at 2 a.m. on Route 9.").is_empty());
        assert!(
            statements("He was paid $5,000 in 2015 and killed nobody.")
                .iter()
                .all(|s| s.2 == Some(0))
        );
        assert!(
            statements("A 34-year-old was wounded.")
                .iter()
                .all(|s| s.2 != Some(34))
        );
        // A dateline's day run into the first sentence.
        let s = statements("DHAKA, March 30 A blogger was hacked to death on Monday.");
        assert!(s.iter().all(|s| s.2 != Some(30)), "{s:?}");
        // A figure right after a date is still one.
        assert_eq!(
            statements("On 12 May, 30 people were killed."),
            [(Killed, Victims, Some(30), Some(30))]
        );
    }
}
