//! Times of day: "1:20 a.m.", "1.20am", "at around 13:45", "2 p.m.", "0130 GMT", "midnight",
//! "noon".

use std::sync::LazyLock;

use regex::Regex;
use sitrep_model::ByteSpan;

use crate::pattern::compile;

/// A time of day found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeMention {
    /// Where it is.
    pub span: ByteSpan,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
}

impl TimeMention {
    /// The time as `HH:MM`.
    pub fn to_hh_mm(&self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?xi)
        \b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?:\s*(?P<ampm1>[ap])\.?\s?m\b\.?|\b(?P<num>[,.:]\d)?)
      | \b(?P<hd>1[0-2]|0?[1-9])\.(?P<md>[0-5]\d)\s*(?P<ampmd>[ap])\.?\s?m\b\.?
      | \b(?P<h2>1[0-2]|0?[1-9])\s*(?P<ampm2>[ap])\.?\s?m\b\.?
      | \b(?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)\s*(?:GMT|UTC|local\s+time|hours|hrs)\b
      | \b(?P<midnight>midnight)\b
      | \b(?P<noon>noon|midday)\b",
    )
});

/// Finds times of day in `text[range]`; spans are offsets into the whole `text`.
pub fn find_times(text: &str, range: std::ops::Range<usize>) -> Vec<TimeMention> {
    let slice = &text[range.clone()];
    let mut out = Vec::new();
    for caps in TIME.captures_iter(slice) {
        let whole = caps.get(0).expect("group 0 always matches");
        let span = ByteSpan {
            start: range.start + whole.start(),
            end: range.start + whole.end(),
        };
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u8>().ok());
        if caps.name("num").is_some() {
            continue; // "1:50,000", "3:16.2": a ratio or a number, not a time
        }
        let (hour, minute, ampm) = if let (Some(h), Some(m)) = (num("h"), num("m")) {
            (h, m, caps.name("ampm1"))
        } else if let (Some(h), Some(m)) = (num("hd"), num("md")) {
            (h, m, caps.name("ampmd"))
        } else if let Some(h) = num("h2") {
            (h, 0, caps.name("ampm2"))
        } else if let Some(hhmm) = caps.name("hhmm") {
            let v: u16 = hhmm.as_str().parse().unwrap_or(0);
            ((v / 100) as u8, (v % 100) as u8, None)
        } else if caps.name("midnight").is_some() {
            (0, 0, None)
        } else {
            (12, 0, None)
        };
        let hour = match ampm.map(|m| m.as_str().to_ascii_lowercase()) {
            Some(p) if p == "p" && hour < 12 => hour + 12,
            Some(a) if a == "a" && hour == 12 => 0,
            Some(_) if hour > 12 => continue, // "13:20 pm" is not a time
            _ => hour,
        };
        out.push(TimeMention { span, hour, minute });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(text: &str) -> Vec<String> {
        find_times(text, 0..text.len())
            .iter()
            .map(TimeMention::to_hh_mm)
            .collect()
    }

    #[test]
    fn twelve_hour_clock() {
        assert_eq!(times("at around 1:20 a.m. in Tripoli"), ["01:20"]);
        assert_eq!(times("at 2 p.m. on Friday"), ["14:00"]);
        assert_eq!(times("shortly before 11pm"), ["23:00"]);
        assert_eq!(times("at 12:15 a.m."), ["00:15"]);
        assert_eq!(times("at 12 pm"), ["12:00"]);
    }

    #[test]
    fn twenty_four_hour_clock_and_military_time() {
        assert_eq!(times("the blast at 13:45 local time"), ["13:45"]);
        assert_eq!(times("at 0130 GMT"), ["01:30"]);
    }

    #[test]
    fn words_for_times() {
        assert_eq!(times("shortly after midnight"), ["00:00"]);
        assert_eq!(times("around noon"), ["12:00"]);
    }

    #[test]
    fn numbers_that_are_not_times() {
        assert!(times("24-hour security").is_empty());
        assert!(times("Route 9 and 2,000 people in 2015").is_empty());
        assert!(times("a 3-2 vote").is_empty());
    }

    /// The words the one time in `text` covers, and the time.
    fn covered(text: &str) -> (&str, String) {
        let found = find_times(text, 0..text.len());
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        (&text[found[0].span.range()], found[0].to_hh_mm())
    }

    #[test]
    fn hours_and_minutes_with_a_m_or_p_m() {
        assert_eq!(
            covered("gunmen fired at the compound at around 1:20 a.m. in Tripoli"),
            ("1:20 a.m.", "01:20".to_string())
        );
        assert_eq!(times("at 1:20 am"), ["01:20"]);
        assert_eq!(times("at 1:20AM"), ["01:20"]);
        assert_eq!(times("at 9:05 p.m. local time"), ["21:05"]);
        assert_eq!(times("at 12:40 p.m."), ["12:40"]);
        assert_eq!(times("at 11:59 pm"), ["23:59"]);
    }

    #[test]
    fn hours_and_minutes_with_a_dot() {
        assert_eq!(
            covered("The bomb went off at 1.20am near the market"),
            ("1.20am", "01:20".to_string())
        );
        assert_eq!(times("shortly after 10.45 p.m."), ["22:45"]);
        // Without a.m. or p.m. a dot makes a number, not a time.
        assert!(times("a 2.5 magnitude tremor and 1.20 million people").is_empty());
        assert!(times("at 13.20pm").is_empty());
    }

    #[test]
    fn hours_alone_with_a_m_or_p_m() {
        assert_eq!(times("at 2 p.m. on Friday"), ["14:00"]);
        assert_eq!(times("around 5am"), ["05:00"]);
        assert_eq!(times("at 12 a.m."), ["00:00"]);
        assert_eq!(times("by 7 P.M."), ["19:00"]);
        // "a" and "m" as words are not a.m.
        assert!(times("killed 5 a man said").is_empty());
    }

    #[test]
    fn twenty_four_hour_clock() {
        assert_eq!(times("at 00:45 the shelling began"), ["00:45"]);
        assert_eq!(times("at 23:10, two blasts"), ["23:10"]);
        assert_eq!(times("at 7:05"), ["07:05"]);
        assert!(times("at 24:10").is_empty());
        assert!(times("at 13:20 pm").is_empty());
        assert!(times("at 10:75").is_empty());
    }

    #[test]
    fn military_time_with_a_zone_or_hours() {
        assert_eq!(times("at 2320 GMT"), ["23:20"]);
        assert_eq!(times("at 0545 UTC"), ["05:45"]);
        assert_eq!(times("at 1430 hours"), ["14:30"]);
        assert_eq!(times("at 1430 hrs"), ["14:30"]);
        assert_eq!(times("at 0900 local time"), ["09:00"]);
        // A four-digit number alone is not a time.
        assert!(times("some 1430 troops").is_empty());
        assert!(times("at 2460 GMT").is_empty());
    }

    #[test]
    fn midnight_and_noon() {
        assert_eq!(
            covered("The attack began shortly after midnight on Sunday."),
            ("midnight", "00:00".to_string())
        );
        assert_eq!(times("just before midday"), ["12:00"]);
        assert_eq!(times("at 12 noon"), ["12:00"]);
        assert!(times("the noonday sun and midnighters").is_empty());
    }

    #[test]
    fn local_time_and_gmt_both_found() {
        assert_eq!(
            times("at 1:20 a.m. local time (2320 GMT) on Sunday"),
            ["01:20", "23:20"]
        );
    }

    #[test]
    fn ratios_and_scores_are_not_times() {
        assert!(times("on a 1:50,000 map").is_empty());
        assert!(times("a ratio of 1:20.5").is_empty());
        assert!(times("the 9/11 attacks").is_empty());
    }

    #[test]
    fn spans_are_offsets_into_the_whole_text() {
        let text = "Headline. At 2 p.m. a bomb exploded.";
        let start = text.find("At").unwrap();
        let found = find_times(text, start..text.len());
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.range()], "2 p.m.");
    }
}
