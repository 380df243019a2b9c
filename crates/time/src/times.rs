//! Times of day: "1:20 a.m.", "at around 13:45", "2 p.m.", "0130 GMT", "midnight", "noon".

use std::sync::LazyLock;

use regex::Regex;
use sitrep_model::ByteSpan;

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
    Regex::new(
        r"(?xi)
        \b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b(?:\s*(?P<ampm1>[ap])\.?\s?m\b\.?)?
      | \b(?P<h2>1[0-2]|0?[1-9])\s*(?P<ampm2>[ap])\.?\s?m\b\.?
      | \b(?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)\s*(?:GMT|UTC|local\s+time|hours|hrs)\b
      | \b(?P<midnight>midnight)\b
      | \b(?P<noon>noon|midday)\b",
    )
    .expect("the time pattern is valid")
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
        let (hour, minute, ampm) = if let (Some(h), Some(m)) = (num("h"), num("m")) {
            (h, m, caps.name("ampm1"))
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
}
