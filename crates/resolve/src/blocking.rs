//! Blocking: the keys under which a report is filed so that the reports it may match are
//! found by index lookups instead of by comparing every pair.
//!
//! A key is a country and a date bucket of [`BUCKET_DAYS`] days (buckets are numbered from
//! 1970-01-01). A report is filed under every bucket that the days `first ..= last + 1` of its
//! window ([`Mention::window`]) touch. Two reports that match are in one country and have no
//! whole day between their windows, so one of them covers a day that the other's extended
//! range also covers: **matching reports always share a key** (checked by a property test).
//!
//! Reports without a country or a window get no key: they match nothing (rules 2 and 3 of
//! [`crate::matching`]), so they are never looked up and never found; each stays an incident
//! of its own. A `day` report gets one or two keys, a `month` five or six, a `year` 53.

use sitrep_model::CountryCode;

use crate::days::{DayNumber, DayRange};
use crate::mention::Mention;

/// The width of a date bucket in days.
pub const BUCKET_DAYS: i32 = 7;

/// One blocking key: a country and a bucket of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockKey {
    /// Country of the report.
    pub country: CountryCode,
    /// `day_number.div_euclid(BUCKET_DAYS)`.
    pub bucket: i32,
}

/// The bucket of one day.
pub fn bucket_of(day: DayNumber) -> i32 {
    day.div_euclid(BUCKET_DAYS)
}

/// The buckets a window is filed under: those of `first ..= last + 1`, as an inclusive range.
pub fn buckets(window: DayRange) -> std::ops::RangeInclusive<i32> {
    bucket_of(window.first)..=bucket_of(window.last.saturating_add(1))
}

/// Every key a report is filed and looked up under; empty when it has no country or window.
pub fn block_keys(mention: &Mention) -> Vec<BlockKey> {
    match (mention.country(), mention.window()) {
        (Some(country), Some(window)) => buckets(window)
            .map(|bucket| BlockKey { country, bucket })
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use sitrep_model::{
        ArticleId, DatePrecision, EventDate, EventType, Incident, LocationPrecision,
    };

    use super::*;
    use crate::matching::mentions_match;
    use crate::matching::tests::{kabul, place};
    use crate::mention::MentionKey;

    fn mention(article: &str, incident: Incident) -> Mention {
        Mention::new(
            MentionKey::new(ArticleId::new(article), 0),
            incident,
            Some("2016-07-30".parse().unwrap()),
        )
    }

    #[test]
    fn a_day_gets_one_or_two_keys_and_a_year_53() {
        let m = mention("a", kabul());
        assert!((1..=2).contains(&block_keys(&m).len()));
        let mut year = kabul();
        year.date = Some(EventDate {
            start: Some("2016-01-01".parse().unwrap()),
            end: Some("2016-12-31".parse().unwrap()),
            precision: DatePrecision::Year,
            text: String::new(),
        });
        let n = block_keys(&mention("b", year)).len();
        assert!((53..=54).contains(&n), "{n}");
    }

    #[test]
    fn unlocated_reports_get_no_key() {
        let mut i = kabul();
        i.location = None;
        assert!(block_keys(&mention("a", i)).is_empty());
    }

    fn arbitrary_incident() -> impl Strategy<Value = Incident> {
        let precision = prop_oneof![
            Just(DatePrecision::Day),
            Just(DatePrecision::Week),
            Just(DatePrecision::Month),
            Just(DatePrecision::Year),
        ];
        (
            proptest::option::of((0i64..60, 0i64..40, precision)),
            0usize..3,
            0.0f64..0.5,
            proptest::sample::select(EventType::ALL),
            any::<bool>(),
        )
            .prop_map(|(date, where_, dlat, kind, background)| {
                let base: jiff::civil::Date = "2016-07-01".parse().unwrap();
                let mut i = Incident::new(kind);
                i.background = background;
                i.date = date.map(|(start, len, precision)| EventDate {
                    start: base.checked_add(jiff::Span::new().days(start)).ok(),
                    end: base.checked_add(jiff::Span::new().days(start + len)).ok(),
                    precision,
                    text: String::new(),
                });
                i.location = match where_ {
                    0 => None,
                    1 => Some(place("AF", "Kabul", Some("Kabul"), 34.5 + dlat, 69.2)),
                    _ => {
                        let mut l = place("AF", "Afghanistan", None, 33.0, 65.0);
                        l.precision = LocationPrecision::Country;
                        Some(l)
                    }
                };
                i
            })
    }

    proptest! {
        #[test]
        fn matching_reports_share_a_key(a in arbitrary_incident(), b in arbitrary_incident()) {
            let (a, b) = (mention("a", a), mention("b", b));
            if mentions_match(&a, &b) {
                let keys = block_keys(&a);
                prop_assert!(block_keys(&b).iter().any(|k| keys.contains(k)));
            }
        }
    }
}
