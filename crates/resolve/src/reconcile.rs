//! The fields of an incident reported by several sources, reconciled from what each reported.
//!
//! [`reconcile`] takes the reports in precedence order (the incident's leader first; see
//! [`crate::Precedence`]), so every "first" below is the same whatever order the reports
//! arrived in. One report is returned unchanged. For more:
//!
//! | field | rule |
//! | --- | --- |
//! | `event_type` | the type most reports give, `unknown` not counting; background mentions vote only when no news report gives a type; ties go to the first report |
//! | `date` | the most precise of the resolved dates (day, week, month, year); among those, the range most reports give, ties to the first; a report without a resolved range counts only when none has one |
//! | `time` | the time most reports give, ties to the first |
//! | `location` | the most precise place (point, city, admin2, admin1, country); among those, the place most reports give (by GeoNames id, else name), ties to the first |
//! | `perpetrators` | every named group, once, in order of first report; `claimed` when any report says it claimed; unnamed actors ("gunmen") only when no report names a group, from the first report that has any |
//! | `targets` | every kind and nationality, once, in order of first report; `unknown` only when nothing else is known |
//! | `weapons` | the union in taxonomy order; `unknown` only when nothing else is known |
//! | `killed`, `wounded`, `kidnapped`, `attackers_killed`, `attackers_wounded` | the range across reports: `min` the largest lower bound any report gives, `max` the largest figure any report gives (a lower or an upper bound) when some report gives an upper bound, else open; the words are those of the report with the largest figure. So a later "death toll rises to 9" raises both |
//! | `background` | true only when every report is background |
//! | `confidence` | the highest |
//! | `evidence` | empty: offsets point into one article's text, so evidence stays with each source |

use std::collections::HashMap;
use std::hash::Hash;

use sitrep_model::{
    Count, EventDate, EventType, Incident, Location, LocationPrecision, Perpetrator, Target,
    TargetType, Weapon,
};

use sitrep_model::DatePrecision;

/// The incident several reports describe, by the rules of this module; `None` for no reports.
/// `sources` must be in precedence order, the leader first.
///
/// ```
/// use sitrep_model::{Count, EventType, Incident};
/// use sitrep_resolve::reconcile;
///
/// let report = |min, max| {
///     let mut i = Incident::new(EventType::Bombing);
///     i.killed = Some(Count { min, max, text: String::new() });
///     i
/// };
/// let merged = reconcile(&[report(Some(5), Some(5)), report(Some(9), None), report(None, Some(12))]).unwrap();
/// assert_eq!(merged.killed.map(|c| (c.min, c.max)), Some((Some(9), Some(12))));
/// ```
pub fn reconcile(sources: &[Incident]) -> Option<Incident> {
    match sources {
        [] => None,
        [only] => Some(only.clone()),
        _ => Some(Incident {
            event_type: event_type(sources),
            date: date(sources),
            time: most_common(sources.iter().filter_map(|s| s.time.clone())),
            location: location(sources),
            perpetrators: perpetrators(sources),
            targets: targets(sources),
            weapons: weapons(sources),
            killed: count(sources.iter().map(|s| s.killed.as_ref())),
            wounded: count(sources.iter().map(|s| s.wounded.as_ref())),
            kidnapped: count(sources.iter().map(|s| s.kidnapped.as_ref())),
            attackers_killed: count(sources.iter().map(|s| s.attackers_killed.as_ref())),
            attackers_wounded: count(sources.iter().map(|s| s.attackers_wounded.as_ref())),
            background: sources.iter().all(|s| s.background),
            confidence: sources.iter().map(|s| s.confidence).fold(0.0, f32::max),
            evidence: Vec::new(),
        }),
    }
}

/// The value given most often, ties to the one given first.
fn most_common<T: Eq + Hash + Clone>(values: impl Iterator<Item = T>) -> Option<T> {
    most_common_by(values, Clone::clone)
}

/// The value whose `key` is given most often, ties to the first; the value returned is the
/// first one with that key.
fn most_common_by<T, K: Eq + Hash>(
    values: impl Iterator<Item = T>,
    key: impl Fn(&T) -> K,
) -> Option<T> {
    let mut counts: HashMap<K, (usize, usize)> = HashMap::new();
    let mut firsts: Vec<T> = Vec::new();
    for value in values {
        let k = key(&value);
        let next = firsts.len();
        let entry = counts.entry(k).or_insert((0, next));
        entry.0 += 1;
        if entry.1 == next {
            firsts.push(value);
        }
    }
    let (_, &(_, index)) = counts
        .iter()
        .max_by(|(_, (n1, i1)), (_, (n2, i2))| n1.cmp(n2).then(i2.cmp(i1)))?;
    firsts.into_iter().nth(index)
}

fn event_type(sources: &[Incident]) -> EventType {
    let vote = |background: bool| {
        most_common(
            sources
                .iter()
                .filter(|s| s.background == background && s.event_type != EventType::Unknown)
                .map(|s| s.event_type),
        )
    };
    vote(false)
        .or_else(|| vote(true))
        .unwrap_or(EventType::Unknown)
}

fn date_rank(precision: DatePrecision) -> u8 {
    match precision {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Year => 3,
    }
}

fn date(sources: &[Incident]) -> Option<EventDate> {
    let resolved = || {
        sources
            .iter()
            .filter_map(|s| s.date.as_ref())
            .filter(|d| d.start.is_some())
    };
    let Some(best) = resolved().map(|d| date_rank(d.precision)).min() else {
        return sources.iter().find_map(|s| s.date.clone());
    };
    most_common_by(resolved().filter(|d| date_rank(d.precision) == best), |d| {
        (d.start, d.end)
    })
    .cloned()
}

fn location_rank(precision: LocationPrecision) -> u8 {
    match precision {
        LocationPrecision::Point => 0,
        LocationPrecision::City => 1,
        LocationPrecision::Admin2 => 2,
        LocationPrecision::Admin1 => 3,
        LocationPrecision::Country => 4,
    }
}

fn location(sources: &[Incident]) -> Option<Location> {
    let located = || sources.iter().filter_map(|s| s.location.as_ref());
    let best = located().map(|l| location_rank(l.precision)).min()?;
    most_common_by(
        located().filter(|l| location_rank(l.precision) == best),
        // One place whatever the spelling of each report ("Shindand", "Shīnḏanḏ"): its
        // GeoNames id when it has one.
        |l| match l.geonames_id {
            Some(id) => (Some(id), None, l.country),
            None => (None, Some(l.name.to_lowercase()), l.country),
        },
    )
    .cloned()
}

fn perpetrators(sources: &[Incident]) -> Vec<Perpetrator> {
    let mut named: Vec<Perpetrator> = Vec::new();
    for p in sources.iter().flat_map(|s| &s.perpetrators) {
        let Some(name) = &p.name else { continue };
        match named.iter_mut().find(|q| {
            q.name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        }) {
            Some(q) if p.claimed && !q.claimed => {
                q.claimed = true;
                q.text.clone_from(&p.text);
            }
            Some(_) => {}
            None => named.push(p.clone()),
        }
    }
    if !named.is_empty() {
        return named;
    }
    sources
        .iter()
        .find(|s| !s.perpetrators.is_empty())
        .map(|s| s.perpetrators.clone())
        .unwrap_or_default()
}

fn targets(sources: &[Incident]) -> Vec<Target> {
    let mut all: Vec<Target> = Vec::new();
    for t in sources.iter().flat_map(|s| &s.targets) {
        if !all
            .iter()
            .any(|u| u.kind == t.kind && u.nationality == t.nationality)
        {
            all.push(t.clone());
        }
    }
    if all.iter().any(|t| t.kind != TargetType::Unknown) {
        all.retain(|t| t.kind != TargetType::Unknown);
    }
    all
}

fn weapons(sources: &[Incident]) -> Vec<Weapon> {
    let mut all: Vec<Weapon> = sources.iter().flat_map(|s| s.weapons.clone()).collect();
    all.sort();
    all.dedup();
    if all.iter().any(|w| *w != Weapon::Unknown) {
        all.retain(|w| *w != Weapon::Unknown);
    }
    all
}

/// The range across reports (see the module table); `None` when no report gives a figure.
fn count<'a>(counts: impl Iterator<Item = Option<&'a Count>>) -> Option<Count> {
    let counts: Vec<&Count> = counts.flatten().collect();
    let min = counts.iter().filter_map(|c| c.min).max();
    let any_max = counts.iter().any(|c| c.max.is_some());
    let largest = counts.iter().flat_map(|c| [c.min, c.max]).flatten().max()?;
    // The words of the first report that gives the largest figure.
    let text = counts
        .iter()
        .find(|c| c.min == Some(largest) || c.max == Some(largest))
        .map(|c| c.text.clone())
        .unwrap_or_default();
    Some(Count {
        min,
        max: any_max.then_some(largest),
        text,
    })
}

#[cfg(test)]
mod tests {
    use sitrep_model::{ByteSpan, Evidence, EvidenceField, GeonamesId};

    use super::*;
    use crate::matching::tests::{day, group, kabul, place, range, target};

    fn figures(min: Option<u32>, max: Option<u32>, text: &str) -> Incident {
        let mut i = kabul();
        i.killed = Some(Count {
            min,
            max,
            text: text.into(),
        });
        i
    }

    fn range_of(c: &Option<Count>) -> Option<(Option<u32>, Option<u32>)> {
        c.as_ref().map(|c| (c.min, c.max))
    }

    #[test]
    fn one_report_is_returned_unchanged_and_none_gives_nothing() {
        let mut i = kabul();
        i.evidence = vec![Evidence {
            field: EvidenceField::Location,
            span: ByteSpan { start: 0, end: 5 },
        }];
        assert_eq!(reconcile(std::slice::from_ref(&i)), Some(i));
        assert_eq!(reconcile(&[]), None);
    }

    #[test]
    fn tolls_take_the_largest_minimum_and_the_largest_figure() {
        let merged = reconcile(&[
            figures(Some(5), Some(5), "five killed"),
            figures(Some(9), Some(9), "death toll rises to 9"),
            figures(Some(7), None, "at least seven"),
        ])
        .unwrap();
        assert_eq!(range_of(&merged.killed), Some((Some(9), Some(9))));
        assert_eq!(merged.killed.unwrap().text, "death toll rises to 9");
    }

    #[test]
    fn tolls_stay_open_when_no_report_gives_an_upper_bound() {
        let merged = reconcile(&[
            figures(Some(5), None, "at least five"),
            figures(Some(8), None, "at least eight"),
        ])
        .unwrap();
        assert_eq!(range_of(&merged.killed), Some((Some(8), None)));
    }

    #[test]
    fn tolls_become_a_range_when_reports_disagree() {
        let merged = reconcile(&[
            figures(Some(12), Some(12), "12 killed"),
            figures(None, Some(40), "as many as 40"),
            kabul(),
        ])
        .unwrap();
        assert_eq!(range_of(&merged.killed), Some((Some(12), Some(40))));
        assert_eq!(merged.wounded, None, "unknown stays unknown");
    }

    #[test]
    fn a_zero_toll_is_kept_until_a_report_gives_more() {
        let merged = reconcile(&[figures(Some(0), Some(0), "no one"), kabul()]).unwrap();
        assert_eq!(range_of(&merged.killed), Some((Some(0), Some(0))));
        let merged = reconcile(&[
            figures(Some(0), Some(0), "no one"),
            figures(Some(2), Some(2), "two"),
        ])
        .unwrap();
        assert_eq!(range_of(&merged.killed), Some((Some(2), Some(2))));
    }

    #[test]
    fn the_most_precise_date_wins_then_the_most_reported() {
        let with_date = |d| {
            let mut i = kabul();
            i.date = Some(d);
            i
        };
        let merged = reconcile(&[
            with_date(range("2016-07-01", "2016-07-31", DatePrecision::Month)),
            with_date(day("2016-07-23")),
            with_date(day("2016-07-24")),
            with_date(day("2016-07-24")),
        ])
        .unwrap();
        assert_eq!(merged.date, Some(day("2016-07-24")));
        let tie = reconcile(&[with_date(day("2016-07-23")), with_date(day("2016-07-24"))]).unwrap();
        assert_eq!(tie.date, Some(day("2016-07-23")), "ties go to the first");
    }

    #[test]
    fn the_most_precise_place_wins() {
        let mut province = kabul();
        let mut l = place("AF", "Kabul Province", Some("Kabul"), 34.5, 69.0);
        l.precision = LocationPrecision::Admin1;
        province.location = Some(l);
        let mut point = kabul();
        let mut p = place("AF", "Shah Shaheed", Some("Kabul"), 34.53, 69.21);
        p.precision = LocationPrecision::Point;
        p.geonames_id = Some(GeonamesId(1));
        point.location = Some(p.clone());
        let merged = reconcile(&[province, kabul(), point]).unwrap();
        assert_eq!(merged.location, Some(p));
    }

    #[test]
    fn a_place_gets_the_votes_of_all_its_spellings() {
        let at = |name: &str, id: u32, lat: f64| {
            let mut i = kabul();
            let mut l = place("DZ", name, None, lat, 5.41);
            l.geonames_id = Some(GeonamesId(id));
            i.location = Some(l);
            i
        };
        let merged = reconcile(&[
            at("Sidi Aich", 2, 36.6),
            at("Setif", 1, 36.19),
            at("Sétif", 1, 36.19),
        ])
        .unwrap();
        let location = merged.location.unwrap();
        assert_eq!(location.geonames_id, Some(GeonamesId(1)));
        assert_eq!(location.name, "Setif", "the first spelling of the winner");
    }

    #[test]
    fn the_type_most_news_reports_give_wins_and_unknown_does_not_vote() {
        let typed = |t, background| {
            let mut i = kabul();
            i.event_type = t;
            i.background = background;
            i
        };
        let merged = reconcile(&[
            typed(EventType::Unknown, false),
            typed(EventType::ArmedAssault, false),
            typed(EventType::Unknown, false),
            typed(EventType::Bombing, true),
            typed(EventType::Bombing, true),
        ])
        .unwrap();
        assert_eq!(merged.event_type, EventType::ArmedAssault);
        assert!(!merged.background);
        let past = reconcile(&[
            typed(EventType::Unknown, true),
            typed(EventType::Bombing, true),
        ])
        .unwrap();
        assert_eq!(past.event_type, EventType::Bombing);
        assert!(past.background);
    }

    #[test]
    fn claims_count_when_any_report_gives_one() {
        let mut a = kabul();
        a.perpetrators = vec![group("Taliban")];
        let mut b = kabul();
        let mut claimed = group("Taliban");
        claimed.claimed = true;
        claimed.text = "the Taliban claimed".into();
        b.perpetrators = vec![claimed.clone()];
        let mut c = kabul();
        c.perpetrators = vec![Perpetrator {
            name: None,
            claimed: false,
            text: "gunmen".into(),
        }];
        let merged = reconcile(&[c.clone(), a, b]).unwrap();
        assert_eq!(merged.perpetrators, vec![claimed]);
        // Unnamed actors only when nobody is named.
        let merged = reconcile(&[kabul(), c.clone()]).unwrap();
        assert_eq!(merged.perpetrators, c.perpetrators);
    }

    #[test]
    fn targets_and_weapons_are_the_union_without_unknown() {
        let mut a = kabul();
        a.targets = vec![target(TargetType::Unknown)];
        a.weapons = vec![Weapon::Unknown];
        let mut b = kabul();
        b.targets = vec![
            target(TargetType::Police),
            target(TargetType::PrivateCitizens),
        ];
        b.weapons = vec![Weapon::Firearms];
        let mut c = kabul();
        c.targets = vec![target(TargetType::Police)];
        c.weapons = vec![Weapon::Explosives];
        let merged = reconcile(&[a, b, c]).unwrap();
        let kinds: Vec<TargetType> = merged.targets.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [TargetType::Police, TargetType::PrivateCitizens]);
        assert_eq!(merged.weapons, [Weapon::Firearms, Weapon::Explosives]);
    }

    #[test]
    fn evidence_stays_with_the_sources_and_confidence_is_the_highest() {
        let mut a = kabul();
        a.confidence = 0.4;
        a.evidence = vec![Evidence {
            field: EvidenceField::Location,
            span: ByteSpan { start: 0, end: 5 },
        }];
        let mut b = kabul();
        b.confidence = 0.9;
        let merged = reconcile(&[a, b]).unwrap();
        assert!(merged.evidence.is_empty());
        assert_eq!(merged.confidence, 0.9);
    }

    #[test]
    fn most_common_breaks_ties_by_first_appearance() {
        assert_eq!(most_common([3, 1, 1, 3].into_iter()), Some(3));
        assert_eq!(most_common([3, 1, 1].into_iter()), Some(1));
        assert_eq!(most_common(std::iter::empty::<u8>()), None);
    }
}
