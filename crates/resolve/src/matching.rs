//! When two reports describe the same incident.
//!
//! Two reports match when every rule below holds. The rules are symmetric, so "a matches b"
//! and "b matches a" always agree.
//!
//! 1. **Different articles.** Two incidents one article reports are two incidents: extraction
//!    already decided that ([`mentions_match`] only; [`matches()`] compares bare incidents).
//! 2. **Same country.** Both have a location, in the same country. A report without a place
//!    matches nothing: on a given day there are too many events in the world to guess.
//! 3. **Dates overlap within their precision.** Both date ranges are known and no whole day
//!    lies between them: `day` dates may differ by one day (time zones, "late on Sunday"
//!    reported on Monday), and a `week`, `month` or `year` range matches any date inside it
//!    (or the day before or after). An undated news report stands for the week before its
//!    article was published ([`crate::ASSUMED_WINDOW_DAYS`]); an undated background mention
//!    matches nothing.
//! 4. **Compatible event types.** Equal, either `unknown`, or both in one family of
//!    [`types_compatible`]: reports of one event often name it differently (gunmen and
//!    suicide bombers: `armed_assault` or `bombing`). Two different types of one family are
//!    a *vague* agreement, like a coarse place or date (rule 7).
//! 5. **Nearby places.** Both `point`/`city`: within [`MAX_DISTANCE_KM`] (25 km). When one is
//!    an `admin2` or an `admin1`: the same first-level division. When one is only a `country` (or an `admin1`
//!    comparison lacks a division name), the place is *coarse*.
//! 6. **Compatible actors.** When both name perpetrator groups, they share one; when both name
//!    specific targets (anything but `unknown`, `other`, `private_citizens`), they share a kind.
//! 7. **Corroboration of vague agreements.** The place may be coarse, either date may be
//!    `month`, `year` or assumed from publication, and the types may differ within a family.
//!    With one of these, the pair must also share something specific: a named group, a
//!    specific target kind, or the same death toll (above zero). With two or more, they do not
//!    match at all: "an attack in Syria in 2015" is not one incident, and a shooting and a
//!    bombing in one province on one day are two.

use sitrep_geo::haversine_km;
use sitrep_model::{EventType, Incident, LocationPrecision};

use crate::mention::{Mention, PlaceView, Profile};

/// The farthest apart two precisely located reports of one incident may be placed.
pub const MAX_DISTANCE_KM: f64 = 25.0;

/// Whether two incidents, as reported, are the same event, by the rules of this module (all
/// but rule 1, which needs the articles). Undated incidents match nothing here, since there
/// is no publication date to anchor them.
///
/// ```
/// use sitrep_model::{CountryCode, EventDate, EventType, Incident, Location, LocationPrecision, DatePrecision};
/// use sitrep_resolve::matches;
///
/// let report = |kind, day: &str, lat: f64| {
///     let mut i = Incident::new(kind);
///     i.date = Some(EventDate { start: Some(day.parse().unwrap()), end: Some(day.parse().unwrap()),
///                               precision: DatePrecision::Day, text: String::new() });
///     i.location = Some(Location { name: "Kabul".into(), country: CountryCode::new("AF").unwrap(),
///         country_name: "Afghanistan".into(), admin1: Some("Kabul".into()), admin2: None, lat, lon: 69.2,
///         geonames_id: None, precision: LocationPrecision::City, text: String::new() });
///     i
/// };
/// let a = report(EventType::Bombing, "2016-07-23", 34.55);
/// assert!(matches(&a, &report(EventType::Unknown, "2016-07-24", 34.60)));
/// assert!(!matches(&a, &report(EventType::Bombing, "2016-07-25", 34.55)), "two days apart");
/// assert!(!matches(&a, &report(EventType::Kidnapping, "2016-07-23", 34.55)));
/// ```
pub fn matches(a: &Incident, b: &Incident) -> bool {
    profiles_match(&Profile::new(a, None), &Profile::new(b, None))
}

/// Whether two mentions report the same incident: every rule of this module, the different
/// articles rule included.
pub fn mentions_match(a: &Mention, b: &Mention) -> bool {
    a.key().article != b.key().article && profiles_match(&a.profile, &b.profile)
}

/// Rules 2–7 on precomputed profiles.
pub(crate) fn profiles_match(a: &Profile, b: &Profile) -> bool {
    let (Some(pa), Some(pb)) = (&a.place, &b.place) else {
        return false;
    };
    if pa.country != pb.country {
        return false;
    }
    let (Some(wa), Some(wb)) = (a.window, b.window) else {
        return false;
    };
    if wa.gap_days(&wb) > 0 {
        return false;
    }
    if !types_compatible(a.event_type, b.event_type) {
        return false;
    }
    if !a.groups.is_empty() && !b.groups.is_empty() && !shares(&a.groups, &b.groups) {
        return false;
    }
    if !a.target_kinds.is_empty()
        && !b.target_kinds.is_empty()
        && !shares(&a.target_kinds, &b.target_kinds)
    {
        return false;
    }
    let coarse_place = match places_match(pa, pb) {
        PlaceMatch::Near => false,
        PlaceMatch::Coarse => true,
        PlaceMatch::Apart => return false,
    };
    let other_type = a.event_type != b.event_type
        && a.event_type != EventType::Unknown
        && b.event_type != EventType::Unknown;
    let vague = [coarse_place, a.coarse_date || b.coarse_date, other_type]
        .into_iter()
        .filter(|&v| v)
        .count();
    match vague {
        0 => true,
        1 => corroborated(a, b),
        _ => false,
    }
}

/// How two places in one country relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlaceMatch {
    /// Within 25 km, or in the same first-level division when one is only that precise.
    Near,
    /// Compatible only because one says too little (a country, a division without a name).
    Coarse,
    /// Different places.
    Apart,
}

fn places_match(a: &PlaceView, b: &PlaceView) -> PlaceMatch {
    use LocationPrecision::{Admin1, Admin2, City, Country, Point};
    match (a.precision, b.precision) {
        (Country, _) | (_, Country) => PlaceMatch::Coarse,
        (Point | City, Point | City) => {
            if haversine_km(a.lat, a.lon, b.lat, b.lon) <= MAX_DISTANCE_KM {
                PlaceMatch::Near
            } else {
                PlaceMatch::Apart
            }
        }
        (Admin1 | Admin2, _) | (_, Admin1 | Admin2) => match (&a.admin1, &b.admin1) {
            (Some(x), Some(y)) if x == y => PlaceMatch::Near,
            (Some(_), Some(_)) => PlaceMatch::Apart,
            _ => PlaceMatch::Coarse,
        },
    }
}

/// Rule 7: something specific in common.
fn corroborated(a: &Profile, b: &Profile) -> bool {
    shares(&a.groups, &b.groups)
        || shares(&a.target_kinds, &b.target_kinds)
        || (a.killed.is_some() && a.killed == b.killed)
}

/// Whether two sorted lists share an element.
fn shares<T: Ord>(a: &[T], b: &[T]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Families of event types that reports of one event are seen to mix. Two types are
/// compatible when they are equal, either is `unknown`, or some family holds both.
///
/// | family | types |
/// | --- | --- |
/// | attacks on people | armed_assault, assassination, hostage_barricade, armed_clash |
/// | explosives | bombing, facility_attack, assassination, armed_assault |
/// | abductions | kidnapping, hostage_barricade, hijacking |
/// | bombardment | air_strike, shelling, bombing |
/// | fighting | armed_clash, shelling |
/// | unrest | riot, unarmed_assault, facility_attack |
pub const TYPE_FAMILIES: &[&[EventType]] = {
    use EventType::*;
    &[
        &[ArmedAssault, Assassination, HostageBarricade, ArmedClash],
        &[Bombing, FacilityAttack, Assassination, ArmedAssault],
        &[Kidnapping, HostageBarricade, Hijacking],
        &[AirStrike, Shelling, Bombing],
        &[ArmedClash, Shelling],
        &[Riot, UnarmedAssault, FacilityAttack],
    ]
};

/// Whether two event types can describe one event (see [`TYPE_FAMILIES`]).
pub fn types_compatible(a: EventType, b: EventType) -> bool {
    a == b
        || a == EventType::Unknown
        || b == EventType::Unknown
        || TYPE_FAMILIES
            .iter()
            .any(|family| family.contains(&a) && family.contains(&b))
}

#[cfg(test)]
pub(crate) mod tests {
    use sitrep_model::{
        ArticleId, CountryCode, DatePrecision, EventDate, Location, Perpetrator, Target, TargetType,
    };

    use super::*;
    use crate::mention::MentionKey;

    /// A bombing on 2016-07-23 in Kabul city, with nothing else known.
    pub(crate) fn kabul() -> Incident {
        let mut i = Incident::new(EventType::Bombing);
        i.date = Some(day("2016-07-23"));
        i.location = Some(place("AF", "Kabul", Some("Kabul"), 34.5553, 69.2075));
        i
    }

    pub(crate) fn day(d: &str) -> EventDate {
        EventDate {
            start: Some(d.parse().unwrap()),
            end: Some(d.parse().unwrap()),
            precision: DatePrecision::Day,
            text: d.to_string(),
        }
    }

    pub(crate) fn range(start: &str, end: &str, precision: DatePrecision) -> EventDate {
        EventDate {
            start: Some(start.parse().unwrap()),
            end: Some(end.parse().unwrap()),
            precision,
            text: String::new(),
        }
    }

    pub(crate) fn place(
        country: &str,
        name: &str,
        admin1: Option<&str>,
        lat: f64,
        lon: f64,
    ) -> Location {
        Location {
            name: name.into(),
            country: CountryCode::new(country).unwrap(),
            country_name: country.into(),
            admin1: admin1.map(Into::into),
            admin2: None,
            lat,
            lon,
            geonames_id: None,
            precision: LocationPrecision::City,
            text: name.into(),
        }
    }

    pub(crate) fn group(name: &str) -> Perpetrator {
        Perpetrator {
            name: Some(name.into()),
            claimed: false,
            text: name.into(),
        }
    }

    pub(crate) fn target(kind: TargetType) -> Target {
        Target {
            kind,
            nationality: None,
            text: kind.to_string(),
        }
    }

    fn with(mut i: Incident, f: impl FnOnce(&mut Incident)) -> Incident {
        f(&mut i);
        i
    }

    fn coarse(mut i: Incident, precision: LocationPrecision) -> Incident {
        if let Some(l) = &mut i.location {
            l.precision = precision;
        }
        i
    }

    #[test]
    fn same_day_same_city_matches() {
        assert!(matches(&kabul(), &kabul()));
    }

    #[test]
    fn day_dates_may_differ_by_one_day_not_two() {
        let next = with(kabul(), |i| i.date = Some(day("2016-07-24")));
        let after = with(kabul(), |i| i.date = Some(day("2016-07-25")));
        assert!(matches(&kabul(), &next));
        assert!(matches(&next, &kabul()));
        assert!(!matches(&kabul(), &after));
    }

    #[test]
    fn a_week_matches_the_days_inside_it() {
        let week = with(kabul(), |i| {
            i.date = Some(range("2016-07-18", "2016-07-24", DatePrecision::Week))
        });
        assert!(matches(&kabul(), &week));
        let earlier = with(kabul(), |i| i.date = Some(day("2016-07-10")));
        assert!(!matches(&earlier, &week));
    }

    #[test]
    fn different_countries_never_match() {
        let other = with(kabul(), |i| {
            i.location = Some(place("PK", "Kabul", Some("Kabul"), 34.5553, 69.2075))
        });
        assert!(!matches(&kabul(), &other));
    }

    #[test]
    fn places_more_than_25_km_apart_do_not_match() {
        // About 20 km north, then about 40 km north.
        let near = with(kabul(), |i| {
            i.location = Some(place("AF", "Qarabagh", Some("Kabul"), 34.7353, 69.2075))
        });
        let far = with(kabul(), |i| {
            i.location = Some(place("AF", "Charikar", Some("Parwan"), 34.9153, 69.2075))
        });
        assert!(matches(&kabul(), &near));
        assert!(!matches(&kabul(), &far));
    }

    #[test]
    fn a_province_matches_its_cities_and_not_others() {
        let province = coarse(
            with(kabul(), |i| {
                i.location = Some(place("AF", "Kabul", Some("Kabul"), 34.5, 69.0))
            }),
            LocationPrecision::Admin1,
        );
        let kandahar = with(kabul(), |i| {
            i.location = Some(place("AF", "Kandahar", Some("Kandahar"), 31.61, 65.71))
        });
        assert!(matches(&kabul(), &province));
        assert!(!matches(&kandahar, &province));
    }

    #[test]
    fn a_district_matches_the_towns_of_its_province_however_far_from_its_centre() {
        // A district's centre may lie more than 25 km from the town a report names.
        let district = coarse(
            with(kabul(), |i| {
                i.location = Some(place("AF", "Paghman", Some("Kabul"), 34.9, 68.8))
            }),
            LocationPrecision::Admin2,
        );
        let kandahar = with(kabul(), |i| {
            i.location = Some(place("AF", "Kandahar", Some("Kandahar"), 31.61, 65.71))
        });
        assert!(matches(&kabul(), &district));
        assert!(matches(&district, &kabul()));
        assert!(!matches(&kandahar, &district));
    }

    #[test]
    fn a_country_only_report_needs_corroboration() {
        let vague = coarse(kabul(), LocationPrecision::Country);
        assert!(!matches(&kabul(), &vague));
        let claimed = |i: Incident| with(i, |i| i.perpetrators = vec![group("Taliban")]);
        assert!(matches(&claimed(kabul()), &claimed(vague.clone())));
        let police = |i: Incident| with(i, |i| i.targets = vec![target(TargetType::Police)]);
        assert!(matches(&police(kabul()), &police(vague.clone())));
        let toll = |i: Incident| {
            with(i, |i| {
                i.killed = Some(sitrep_model::Count {
                    min: Some(7),
                    max: Some(7),
                    text: String::new(),
                })
            })
        };
        assert!(matches(&toll(kabul()), &toll(vague)));
    }

    #[test]
    fn a_month_or_year_needs_corroboration_and_never_with_a_vague_place() {
        let month = with(kabul(), |i| {
            i.date = Some(range("2016-07-01", "2016-07-31", DatePrecision::Month))
        });
        assert!(!matches(&kabul(), &month));
        let police = |i: Incident| with(i, |i| i.targets = vec![target(TargetType::Police)]);
        assert!(matches(&police(kabul()), &police(month.clone())));
        let vague = coarse(police(month), LocationPrecision::Country);
        assert!(!matches(&police(kabul()), &vague));
    }

    #[test]
    fn related_but_different_types_need_corroboration() {
        let shooting = with(kabul(), |i| i.event_type = EventType::ArmedAssault);
        assert!(!matches(&kabul(), &shooting));
        let claimed = |i: Incident| with(i, |i| i.perpetrators = vec![group("Taliban")]);
        assert!(matches(&claimed(kabul()), &claimed(shooting.clone())));
        // Different types and a vague place: two vague agreements are not enough.
        let vague = coarse(claimed(shooting), LocationPrecision::Country);
        assert!(!matches(&claimed(kabul()), &vague));
    }

    #[test]
    fn different_named_groups_do_not_match() {
        let taliban = with(kabul(), |i| i.perpetrators = vec![group("Taliban")]);
        let is = with(kabul(), |i| i.perpetrators = vec![group("Islamic State")]);
        let both = with(kabul(), |i| {
            i.perpetrators = vec![group("Islamic State"), group("taliban")]
        });
        assert!(!matches(&taliban, &is));
        assert!(matches(&taliban, &both), "shares one, case ignored");
        assert!(matches(&taliban, &kabul()), "unnamed is compatible");
    }

    #[test]
    fn different_specific_targets_do_not_match_but_civilians_say_nothing() {
        let police = with(kabul(), |i| i.targets = vec![target(TargetType::Police)]);
        let school = with(kabul(), |i| {
            i.targets = vec![target(TargetType::Educational)]
        });
        let civilians = with(kabul(), |i| {
            i.targets = vec![target(TargetType::PrivateCitizens)]
        });
        assert!(!matches(&police, &school));
        assert!(matches(&police, &civilians));
    }

    #[test]
    fn unlocated_or_undated_incidents_match_nothing() {
        let nowhere = with(kabul(), |i| i.location = None);
        let never = with(kabul(), |i| i.date = None);
        assert!(!matches(&nowhere, &nowhere));
        assert!(!matches(&never, &never));
    }

    #[test]
    fn undated_news_matches_a_corroborated_report_of_the_week_before_publication() {
        let key = |a: &str| MentionKey::new(ArticleId::new(a), 0);
        let published = Some("2016-07-25".parse().unwrap());
        let police = |i: Incident| with(i, |i| i.targets = vec![target(TargetType::Police)]);
        let dated = Mention::new(key("a"), police(kabul()), published);
        let undated = Mention::new(
            key("b"),
            police(with(kabul(), |i| i.date = None)),
            published,
        );
        assert!(mentions_match(&dated, &undated));
        let late = Mention::new(
            key("c"),
            police(with(kabul(), |i| i.date = None)),
            Some("2016-08-10".parse().unwrap()),
        );
        assert!(!mentions_match(&dated, &late));
    }

    #[test]
    fn two_mentions_of_one_article_never_match() {
        let a = Mention::new(MentionKey::new(ArticleId::new("a"), 0), kabul(), None);
        let b = Mention::new(MentionKey::new(ArticleId::new("a"), 1), kabul(), None);
        assert!(!mentions_match(&a, &b));
    }

    #[test]
    fn type_compatibility_is_symmetric_and_reflexive() {
        for &a in EventType::ALL {
            assert!(types_compatible(a, a));
            assert!(types_compatible(a, EventType::Unknown));
            for &b in EventType::ALL {
                assert_eq!(types_compatible(a, b), types_compatible(b, a), "{a} {b}");
            }
        }
        assert!(types_compatible(
            EventType::Bombing,
            EventType::ArmedAssault
        ));
        assert!(!types_compatible(EventType::Bombing, EventType::Kidnapping));
        assert!(!types_compatible(EventType::AirStrike, EventType::Riot));
    }
}
