//! Calendar days as numbers, and inclusive ranges of them: the arithmetic of date matching and
//! blocking, without allocation or fallible calls.

use jiff::civil::Date;

/// A day as the number of days since 1970-01-01 (negative before it), in the proleptic
/// Gregorian calendar.
pub type DayNumber = i32;

/// The day number of a calendar date (1970-01-01 is 0).
///
/// ```
/// use sitrep_resolve::day_number;
/// assert_eq!(day_number("1970-01-01".parse().unwrap()), 0);
/// assert_eq!(day_number("2015-04-12".parse().unwrap()), 16537);
/// ```
pub fn day_number(date: Date) -> DayNumber {
    // Howard Hinnant's `days_from_civil`: years counted from March, in 400-year eras.
    let (month, day) = (i32::from(date.month()), i32::from(date.day()));
    let year = i32::from(date.year()) - i32::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// An inclusive range of days, `first <= last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DayRange {
    /// First day.
    pub first: DayNumber,
    /// Last day (inclusive).
    pub last: DayNumber,
}

impl DayRange {
    /// The range of two dates in either order.
    pub fn new(a: Date, b: Date) -> DayRange {
        let (a, b) = (day_number(a), day_number(b));
        DayRange {
            first: a.min(b),
            last: a.max(b),
        }
    }

    /// Number of days covered.
    pub fn len_days(&self) -> u32 {
        self.last.abs_diff(self.first) + 1
    }

    /// Days strictly between the two ranges: 0 when they overlap or touch (one ends the day
    /// before the other starts).
    pub fn gap_days(&self, other: &DayRange) -> u32 {
        if self.last < other.first {
            (other.first - self.last - 1).unsigned_abs()
        } else if other.last < self.first {
            (self.first - other.last - 1).unsigned_abs()
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn day_numbers_agree_with_jiff_across_eras_and_leap_days() {
        let epoch = date("1970-01-01");
        for s in [
            "1970-01-01",
            "1969-12-31",
            "2000-02-29",
            "2000-03-01",
            "1900-02-28",
            "1900-03-01",
            "2012-09-11",
            "2024-12-31",
            "0001-01-01",
            "9999-12-31",
        ] {
            let d = date(s);
            let expected = d.since((jiff::Unit::Day, epoch)).unwrap().get_days();
            assert_eq!(day_number(d), expected, "{s}");
        }
    }

    #[test]
    fn consecutive_days_have_consecutive_numbers() {
        let mut d = date("1999-12-25");
        for _ in 0..800 {
            let next = d.tomorrow().unwrap();
            assert_eq!(day_number(next), day_number(d) + 1, "{d}");
            d = next;
        }
    }

    #[test]
    fn gaps_count_the_days_between() {
        let r = |a: &str, b: &str| DayRange::new(date(a), date(b));
        let sunday = r("2015-04-12", "2015-04-12");
        assert_eq!(sunday.gap_days(&r("2015-04-13", "2015-04-13")), 0);
        assert_eq!(sunday.gap_days(&r("2015-04-14", "2015-04-14")), 1);
        assert_eq!(r("2015-04-16", "2015-04-16").gap_days(&sunday), 3);
        assert_eq!(sunday.gap_days(&r("2015-04-01", "2015-04-30")), 0);
        assert_eq!(r("2015-04-30", "2015-04-01"), r("2015-04-01", "2015-04-30"));
        assert_eq!(r("2015-04-01", "2015-04-30").len_days(), 30);
    }
}
