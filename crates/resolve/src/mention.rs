//! Mentions: one article's report of one incident, with what matching needs precomputed, and
//! the precedence order that decides which report leads an incident.

use std::cmp::Ordering;

use jiff::civil::Date;
use sitrep_model::{
    ArticleId, CountryCode, DatePrecision, EventType, Incident, IncidentId, LocationPrecision,
    TargetType,
};

use crate::days::{DayRange, day_number};

/// The longest date range that still takes part in matching, in days. A longer range (a
/// multi-year span) says too little about when an event happened to tell it apart from others.
pub const MAX_WINDOW_DAYS: u32 = 400;

/// How many days before its article's publication an undated report is assumed to have
/// happened, for matching only (the stored date stays unknown): `published - 6 ..= published`.
pub const ASSUMED_WINDOW_DAYS: i32 = 7;

/// Which report: mention number `ordinal` (0 = the article's main incident) of an article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MentionKey {
    /// The article.
    pub article: ArticleId,
    /// Position in the article's extraction output.
    pub ordinal: u32,
}

impl MentionKey {
    /// The key of mention `ordinal` of `article`.
    pub fn new(article: ArticleId, ordinal: u32) -> MentionKey {
        MentionKey { article, ordinal }
    }

    /// The id of the incident this mention leads, when it leads one:
    /// [`IncidentId::for_mention`].
    pub fn incident_id(&self) -> IncidentId {
        IncidentId::for_mention(&self.article, self.ordinal as usize)
    }
}

impl std::fmt::Display for MentionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}#{}", self.article, self.ordinal)
    }
}

/// The order in which reports claim the lead of an incident: news before background, then the
/// more precise date (day, week, month, year, undated), then the more precise place (point,
/// city, admin1, country, none), then the key (article id, ordinal) to make it total.
///
/// It depends only on the report itself, never on when it arrived: this is what makes
/// resolution independent of ingest order (see [`crate::clustering`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Precedence {
    background: bool,
    date_rank: u8,
    location_rank: u8,
    key: MentionKey,
}

impl Precedence {
    /// The key this precedence ends with.
    pub fn key(&self) -> &MentionKey {
        &self.key
    }
}

/// A place as matching sees it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlaceView {
    pub country: CountryCode,
    pub admin1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub precision: LocationPrecision,
}

/// The fields of a report that matching compares, computed once.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Profile {
    pub event_type: EventType,
    /// When it happened, as days; `None` when unknown and not assumable.
    pub window: Option<DayRange>,
    /// Whether `window` is coarse: month or year precision, or assumed from publication.
    pub coarse_date: bool,
    pub place: Option<PlaceView>,
    /// Named perpetrators, lower-cased, sorted, without repeats.
    pub groups: Vec<String>,
    /// Target kinds that say something specific (not unknown, other or private citizens),
    /// sorted, without repeats.
    pub target_kinds: Vec<TargetType>,
    /// The best killed figure, when above zero.
    pub killed: Option<u32>,
}

impl Profile {
    /// The profile of an incident reported in an article published on `published`.
    pub fn new(incident: &Incident, published: Option<Date>) -> Profile {
        let given = incident.date.as_ref().and_then(|d| {
            let start = d.start?;
            let end = d.end.unwrap_or(start);
            Some((DayRange::new(start, end), d.precision))
        });
        let (window, coarse_date) = match given {
            Some((range, precision)) => (
                Some(range),
                matches!(precision, DatePrecision::Month | DatePrecision::Year),
            ),
            // An undated report of news happened shortly before it was published; an undated
            // mention of a past event could have happened any time.
            None if !incident.background => {
                let assumed = published.map(|p| {
                    let last = day_number(p);
                    DayRange {
                        first: last - (ASSUMED_WINDOW_DAYS - 1),
                        last,
                    }
                });
                (assumed, true)
            }
            None => (None, true),
        };
        let window = window.filter(|w| w.len_days() <= MAX_WINDOW_DAYS);
        let place = incident.location.as_ref().map(|l| PlaceView {
            country: l.country,
            admin1: l.admin1.as_ref().map(|a| a.to_lowercase()),
            lat: l.lat,
            lon: l.lon,
            precision: l.precision,
        });
        let mut groups: Vec<String> = incident
            .perpetrators
            .iter()
            .filter_map(|p| p.name.as_deref())
            .map(str::to_lowercase)
            .collect();
        groups.sort();
        groups.dedup();
        let mut target_kinds: Vec<TargetType> = incident
            .targets
            .iter()
            .map(|t| t.kind)
            .filter(|k| is_specific_target(*k))
            .collect();
        target_kinds.sort();
        target_kinds.dedup();
        Profile {
            event_type: incident.event_type,
            window,
            coarse_date,
            place,
            groups,
            target_kinds,
            killed: incident
                .killed
                .as_ref()
                .and_then(|c| c.best())
                .filter(|&n| n > 0),
        }
    }
}

/// Whether a target kind tells attacks apart: "civilians" or "unknown" do not.
pub(crate) fn is_specific_target(kind: TargetType) -> bool {
    !matches!(
        kind,
        TargetType::Unknown | TargetType::Other | TargetType::PrivateCitizens
    )
}

/// One article's report of one incident, ready for matching: the reported values, the key
/// that names it and its article's publication date (which anchors undated reports).
#[derive(Debug, Clone)]
pub struct Mention {
    precedence: Precedence,
    incident: Incident,
    published: Option<Date>,
    pub(crate) profile: Profile,
}

impl Mention {
    /// Prepares a report for matching.
    pub fn new(key: MentionKey, incident: Incident, published: Option<Date>) -> Mention {
        let published = published.filter(|_| Mention::needs_published(&incident));
        let profile = Profile::new(&incident, published);
        let date_rank = match (&incident.date, profile.window) {
            (Some(d), Some(_)) if d.start.is_some() => match d.precision {
                DatePrecision::Day => 0,
                DatePrecision::Week => 1,
                DatePrecision::Month => 2,
                DatePrecision::Year => 3,
            },
            _ => 4,
        };
        let location_rank = match incident.location.as_ref().map(|l| l.precision) {
            Some(LocationPrecision::Point) => 0,
            Some(LocationPrecision::City) => 1,
            Some(LocationPrecision::Admin2) => 2,
            Some(LocationPrecision::Admin1) => 3,
            Some(LocationPrecision::Country) => 4,
            None => 5,
        };
        Mention {
            precedence: Precedence {
                background: incident.background,
                date_rank,
                location_rank,
                key,
            },
            incident,
            published,
            profile,
        }
    }

    /// Whether [`Mention::new`] uses the publication date for this incident: only for an
    /// undated news report (see [`ASSUMED_WINDOW_DAYS`]). Callers that read it from storage may
    /// skip the read otherwise.
    pub fn needs_published(incident: &Incident) -> bool {
        !incident.background && incident.date.as_ref().and_then(|d| d.start).is_none()
    }

    /// Which report this is.
    pub fn key(&self) -> &MentionKey {
        &self.precedence.key
    }

    /// Its place in the order of precedence.
    pub fn precedence(&self) -> &Precedence {
        &self.precedence
    }

    /// The values the article reported.
    pub fn incident(&self) -> &Incident {
        &self.incident
    }

    /// Takes the reported values back.
    pub fn into_incident(self) -> Incident {
        self.incident
    }

    /// The article's publication date, kept only when matching uses it (an undated news
    /// report, [`Mention::needs_published`]); `None` otherwise.
    pub fn published(&self) -> Option<Date> {
        self.published
    }

    /// The days matching compares: the reported date range, or for undated news the week
    /// before publication; `None` when neither is known or the range is longer than
    /// [`MAX_WINDOW_DAYS`].
    pub fn window(&self) -> Option<DayRange> {
        self.profile.window
    }

    /// The country matching and blocking use.
    pub fn country(&self) -> Option<CountryCode> {
        self.profile.place.as_ref().map(|p| p.country)
    }
}

impl PartialEq for Mention {
    /// Mentions are the same when their keys are: a key names one stored report.
    fn eq(&self, other: &Self) -> bool {
        self.precedence.key == other.precedence.key
    }
}

impl Eq for Mention {}

impl PartialOrd for Mention {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Mention {
    /// Mentions sort in [`Precedence`] order.
    fn cmp(&self, other: &Self) -> Ordering {
        self.precedence.cmp(&other.precedence)
    }
}

#[cfg(test)]
mod tests {
    use sitrep_model::{EventDate, EventType};

    use super::*;

    fn key(article: &str) -> MentionKey {
        MentionKey::new(ArticleId::new(article), 0)
    }

    fn dated(precision: DatePrecision, start: &str, end: &str) -> Incident {
        let mut i = Incident::new(EventType::Bombing);
        i.date = Some(EventDate {
            start: Some(start.parse().unwrap()),
            end: Some(end.parse().unwrap()),
            precision,
            text: String::new(),
        });
        i
    }

    #[test]
    fn news_precedes_background_and_precise_dates_precede_vague_ones() {
        let day = Mention::new(
            key("z"),
            dated(DatePrecision::Day, "2015-04-12", "2015-04-12"),
            None,
        );
        let month = Mention::new(
            key("a"),
            dated(DatePrecision::Month, "2015-04-01", "2015-04-30"),
            None,
        );
        let mut past = dated(DatePrecision::Day, "2012-09-11", "2012-09-11");
        past.background = true;
        let past = Mention::new(key("0"), past, None);
        let undated = Mention::new(key("b"), Incident::new(EventType::Bombing), None);
        let mut sorted = [&past, &undated, &month, &day];
        sorted.sort();
        let keys: Vec<&str> = sorted.iter().map(|m| m.key().article.as_str()).collect();
        assert_eq!(keys, ["z", "a", "b", "0"]);
    }

    #[test]
    fn undated_news_is_assumed_to_be_from_the_week_before_publication() {
        let m = Mention::new(
            key("a"),
            Incident::new(EventType::Bombing),
            Some("2015-04-13".parse().unwrap()),
        );
        let w = m.window().unwrap();
        assert_eq!(w.last, day_number("2015-04-13".parse().unwrap()));
        assert_eq!(w.len_days(), 7);
        assert!(m.profile.coarse_date);
        // Not for background: a past event could be from any time.
        let mut past = Incident::new(EventType::Bombing);
        past.background = true;
        let m = Mention::new(key("b"), past, Some("2015-04-13".parse().unwrap()));
        assert_eq!(m.window(), None);
    }

    #[test]
    fn multi_year_ranges_do_not_take_part_in_matching() {
        let m = Mention::new(
            key("a"),
            dated(DatePrecision::Year, "2011-01-01", "2013-12-31"),
            None,
        );
        assert_eq!(m.window(), None);
    }
}
