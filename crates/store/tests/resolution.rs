//! Resolution through the store: reports of one event merge, unrelated ones do not, the result
//! does not depend on the order articles arrive in, and merged ids stay reachable.

mod common;

use jiff::civil::Date;
use sitrep_model::{
    Article, ArticleId, ArticleMeta, Count, CountryCode, DatePrecision, EventDate, EventType,
    ExtractedArticle, Incident, IncidentId, Location, LocationPrecision, Perpetrator,
    StoredIncident, Target, TargetType,
};
use sitrep_store::{IncidentChanges, IncidentFilter, InsertOutcome, Store};

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn article(id: &str, published: &str) -> Article {
    Article {
        id: ArticleId::new(id),
        text: format!("Report {id}."),
        published: Some(date(published)),
        title: Some(format!("Headline {id}")),
        url: Some(format!("https://news.example/{id}")),
        source: Some(format!("Outlet {id}")),
    }
}

fn item(a: Article, incidents: Vec<Incident>) -> (Article, ExtractedArticle) {
    let e = ExtractedArticle {
        article: ArticleMeta::from(&a),
        incidents,
    };
    (a, e)
}

/// A report of an event: type, day, place (name, lat, lon) in `country`.
fn report(kind: EventType, day: &str, country: &str, place: (&str, f64, f64)) -> Incident {
    let mut i = Incident::new(kind);
    i.date = Some(EventDate {
        start: Some(date(day)),
        end: Some(date(day)),
        precision: DatePrecision::Day,
        text: day.into(),
    });
    i.location = Some(Location {
        name: place.0.into(),
        country: CountryCode::new(country).unwrap(),
        country_name: country.into(),
        admin1: Some(format!("{} Province", place.0)),
        admin2: None,
        lat: place.1,
        lon: place.2,
        geonames_id: None,
        precision: LocationPrecision::City,
        text: place.0.into(),
    });
    i.confidence = 0.8;
    i
}

fn killed(mut i: Incident, min: Option<u32>, max: Option<u32>) -> Incident {
    i.killed = Some(Count {
        min,
        max,
        text: format!("{min:?}-{max:?}"),
    });
    i
}

fn by(mut i: Incident, name: &str, claimed: bool) -> Incident {
    i.perpetrators = vec![Perpetrator {
        name: Some(name.into()),
        claimed,
        text: name.into(),
    }];
    i
}

fn aimed_at(mut i: Incident, kind: TargetType) -> Incident {
    i.targets = vec![Target {
        kind,
        nationality: None,
        text: kind.to_string(),
    }];
    i
}

const KABUL: (&str, f64, f64) = ("Kabul", 34.5553, 69.2075);
const JALALABAD: (&str, f64, f64) = ("Jalalabad", 34.4265, 70.4515);
const KANDAHAR: (&str, f64, f64) = ("Kandahar", 31.6133, 65.7101);
const KUNDUZ: (&str, f64, f64) = ("Kunduz", 36.728, 68.8681);
const HERAT: (&str, f64, f64) = ("Herat", 34.3482, 62.1997);
const GHAZNI: (&str, f64, f64) = ("Ghazni", 33.5492, 68.4233);

/// Five outlets on one Kabul bombing (tolls rising, one date a day off, one type unknown) and
/// five unrelated attacks in Afghanistan on the same day.
fn corpus() -> Vec<(Article, ExtractedArticle)> {
    let day = "2016-07-23";
    vec![
        item(
            article("wire-1", "2016-07-23"),
            vec![killed(
                report(EventType::Bombing, day, "AF", KABUL),
                Some(61),
                Some(61),
            )],
        ),
        item(
            article("wire-2", "2016-07-24"),
            vec![by(
                killed(
                    report(EventType::Bombing, day, "AF", KABUL),
                    Some(80),
                    Some(80),
                ),
                "Islamic State Khorasan Province",
                true,
            )],
        ),
        item(
            article("wire-3", "2016-07-24"),
            vec![killed(
                report(
                    EventType::Unknown,
                    "2016-07-24",
                    "AF",
                    (KABUL.0, 34.53, 69.17),
                ),
                Some(50),
                None,
            )],
        ),
        item(
            article("wire-4", "2016-07-25"),
            vec![killed(
                report(EventType::Bombing, day, "AF", KABUL),
                Some(80),
                Some(81),
            )],
        ),
        item(
            article("wire-5", "2016-07-23"),
            vec![report(EventType::Bombing, day, "AF", KABUL)],
        ),
        item(
            article("other-1", "2016-07-23"),
            vec![aimed_at(
                report(EventType::ArmedAssault, day, "AF", JALALABAD),
                TargetType::Police,
            )],
        ),
        item(
            article("other-2", "2016-07-23"),
            vec![report(EventType::Kidnapping, day, "AF", KANDAHAR)],
        ),
        item(
            article("other-3", "2016-07-23"),
            vec![report(EventType::AirStrike, day, "AF", KUNDUZ)],
        ),
        item(
            article("other-4", "2016-07-23"),
            vec![by(
                report(EventType::Bombing, day, "AF", HERAT),
                "Taliban",
                false,
            )],
        ),
        item(
            article("other-5", "2016-07-23"),
            vec![report(EventType::ArmedClash, day, "AF", GHAZNI)],
        ),
    ]
}

fn everything() -> IncidentFilter {
    IncidentFilter {
        include_background: true,
        ..IncidentFilter::default()
    }
}

/// Every incident, by id.
fn dump(store: &Store) -> Vec<StoredIncident> {
    let mut all = store.query(&everything()).unwrap();
    all.sort_by(|a, b| a.id.cmp(&b.id));
    all
}

fn ingest(items: &[(Article, ExtractedArticle)], batch: usize) -> Store {
    let mut store = common::fresh_store();
    for chunk in items.chunks(batch) {
        store.insert_batch(chunk).unwrap();
    }
    store
}

fn id_of(article: &str, ordinal: usize) -> IncidentId {
    IncidentId::for_mention(&ArticleId::new(article), ordinal)
}

#[test]
fn five_reports_of_one_bombing_and_five_other_attacks_make_six_incidents() {
    let store = ingest(&corpus(), 100);
    let all = dump(&store);
    assert_eq!(all.len(), 6, "{all:#?}");
    let kabul = all.iter().find(|i| i.sources.len() == 5).unwrap();
    // The leader: a precise news report first by key among day/city reports.
    assert_eq!(kabul.id, id_of("wire-1", 0));
    let incident = &kabul.incident;
    assert_eq!(incident.event_type, EventType::Bombing);
    let k = incident.killed.as_ref().unwrap();
    assert_eq!((k.min, k.max), (Some(80), Some(81)));
    assert_eq!(incident.perpetrators.len(), 1);
    assert!(incident.perpetrators[0].claimed);
    assert_eq!(
        incident.date.as_ref().unwrap().start,
        Some(date("2016-07-23"))
    );
    // Each source keeps its own values.
    let wire3 = kabul
        .sources
        .iter()
        .find(|s| s.article_id.as_str() == "wire-3")
        .unwrap();
    assert_eq!(wire3.incident.event_type, EventType::Unknown);
    assert_eq!(wire3.url.as_deref(), Some("https://news.example/wire-3"));
    for other in all.iter().filter(|i| i.sources.len() == 1) {
        assert!(other.sources[0].article_id.as_str().starts_with("other-"));
    }
}

#[test]
fn any_order_and_any_batching_gives_the_same_incidents_and_ids() {
    let items = corpus();
    let expected = dump(&ingest(&items, 100));
    let mut reversed = items.clone();
    reversed.reverse();
    assert_eq!(dump(&ingest(&reversed, 100)), expected);
    assert_eq!(dump(&ingest(&reversed, 1)), expected);
    // A rotation and an interleaving, in batches of three.
    let mut rotated = items.clone();
    rotated.rotate_left(4);
    assert_eq!(dump(&ingest(&rotated, 3)), expected);
    let interleaved: Vec<_> = items
        .iter()
        .step_by(2)
        .chain(items.iter().skip(1).step_by(2))
        .cloned()
        .collect();
    assert_eq!(dump(&ingest(&interleaved, 2)), expected);
}

#[test]
fn a_report_that_takes_the_lead_changes_the_id_and_the_old_id_still_resolves() {
    let items = corpus();
    let mut store = common::fresh_store();
    // wire-2 alone: it leads.
    store.insert_batch(&items[1..2]).unwrap();
    let first = id_of("wire-2", 0);
    assert!(store.incident(&first).unwrap().is_some());
    // wire-1 precedes it (same precision, smaller key): it takes the lead.
    store.insert_batch(&items[0..1]).unwrap();
    let now = id_of("wire-1", 0);
    assert_eq!(store.incident(&first).unwrap(), None);
    assert_eq!(
        store.current_incident_id(&first).unwrap(),
        Some(now.clone())
    );
    assert_eq!(store.current_incident_id(&now).unwrap(), Some(now.clone()));
    assert_eq!(
        store
            .current_incident_id(&IncidentId::new("inc-none"))
            .unwrap(),
        None
    );
    assert_eq!(store.incident(&now).unwrap().unwrap().sources.len(), 2);
}

#[test]
fn batches_say_how_many_incidents_were_created_updated_and_merged() {
    let items = corpus();
    let mut store = common::fresh_store();
    let outcome = store.insert_batch_resolved(&items[1..2]).unwrap();
    assert_eq!(
        outcome.incidents,
        IncidentChanges {
            created: 1,
            updated: 0,
            merged: 0
        }
    );
    // wire-3 joins wire-2's incident; wire-1 then takes its lead (a new id, the same incident).
    let outcome = store.insert_batch_resolved(&items[2..3]).unwrap();
    assert_eq!(
        outcome.incidents,
        IncidentChanges {
            created: 0,
            updated: 1,
            merged: 0
        }
    );
    let outcome = store.insert_batch_resolved(&items[0..1]).unwrap();
    assert_eq!(
        outcome.incidents,
        IncidentChanges {
            created: 0,
            updated: 1,
            merged: 0
        },
        "the same incident under a new id"
    );
    assert_eq!(
        outcome.articles,
        vec![InsertOutcome::Inserted { incidents: 1 }]
    );
    // Again: nothing changes.
    let before = dump(&store);
    let outcome = store.insert_batch_resolved(&items[0..3]).unwrap();
    assert_eq!(outcome.incidents, IncidentChanges::default());
    assert_eq!(outcome.articles, vec![InsertOutcome::Skipped; 3]);
    assert_eq!(dump(&store), before);
}

#[test]
fn a_later_higher_toll_updates_the_incident() {
    let mut store = common::fresh_store();
    let first = report(EventType::Bombing, "2016-07-23", "AF", KABUL);
    store
        .insert_batch(&[item(
            article("day-1", "2016-07-23"),
            vec![killed(first.clone(), Some(5), None)],
        )])
        .unwrap();
    store
        .insert_batch(&[item(
            article("day-2", "2016-07-24"),
            vec![killed(first, Some(9), Some(9))],
        )])
        .unwrap();
    let all = dump(&store);
    assert_eq!(all.len(), 1);
    let k = all[0].incident.killed.as_ref().unwrap();
    assert_eq!((k.min, k.max), (Some(9), Some(9)));
}

#[test]
fn a_background_mention_links_to_the_stored_incident_in_either_order() {
    let news = item(
        article("2012-report", "2012-09-12"),
        vec![aimed_at(
            report(
                EventType::ArmedAssault,
                "2012-09-11",
                "LY",
                ("Benghazi", 32.1167, 20.0667),
            ),
            TargetType::Diplomatic,
        )],
    );
    let mut past = aimed_at(
        report(
            EventType::Unknown,
            "2012-09-11",
            "LY",
            ("Benghazi", 32.1167, 20.0667),
        ),
        TargetType::Diplomatic,
    );
    past.background = true;
    let later = item(
        article("2013-article", "2013-10-03"),
        vec![
            report(
                EventType::ArmedAssault,
                "2013-10-02",
                "LY",
                ("Tripoli", 32.8872, 13.1913),
            ),
            past,
        ],
    );
    for order in [vec![news.clone(), later.clone()], vec![later, news]] {
        let store = ingest(&order, 1);
        let all = dump(&store);
        assert_eq!(all.len(), 2, "{all:#?}");
        let benghazi = store.incident(&id_of("2012-report", 0)).unwrap().unwrap();
        assert_eq!(benghazi.sources.len(), 2);
        assert!(!benghazi.incident.background);
        assert_eq!(benghazi.incident.event_type, EventType::ArmedAssault);
    }
}

#[test]
fn unlocated_reports_stay_apart() {
    let mut a = report(EventType::Bombing, "2016-07-23", "AF", KABUL);
    a.location = None;
    let store = ingest(
        &[
            item(article("x", "2016-07-23"), vec![a.clone()]),
            item(article("y", "2016-07-23"), vec![a]),
        ],
        10,
    );
    assert_eq!(dump(&store).len(), 2);
}

/// A pseudo-random corpus over a small space of places, days, types and groups, so that many
/// reports match and leaders change hands often.
fn random_corpus(n: usize, seed: u64) -> Vec<(Article, ExtractedArticle)> {
    let mut state = seed | 1;
    let mut next = move |m: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m) as usize
    };
    let places = [KABUL, ("Paghman", 34.5875, 68.9533), JALALABAD];
    let kinds = [
        EventType::Bombing,
        EventType::ArmedAssault,
        EventType::Unknown,
        EventType::Kidnapping,
    ];
    let groups = ["Taliban", "Islamic State"];
    (0..n)
        .map(|k| {
            let day = date("2016-07-10")
                .checked_add(jiff::Span::new().days(next(12) as i64))
                .unwrap()
                .to_string();
            let published = date(&day).tomorrow().unwrap().to_string();
            let mentions = 1 + next(2);
            let incidents = (0..mentions)
                .map(|m| {
                    let mut i = report(kinds[next(4)], &day, "AF", places[next(3)]);
                    if next(3) == 0 {
                        i.date.as_mut().unwrap().precision = DatePrecision::Month;
                        i.date.as_mut().unwrap().start = Some(date("2016-07-01"));
                        i.date.as_mut().unwrap().end = Some(date("2016-07-31"));
                    }
                    if next(2) == 0 {
                        i = by(i, groups[next(2)], next(2) == 0);
                    }
                    if next(2) == 0 {
                        i = killed(i, Some(next(20) as u32), None);
                    }
                    i.background = m > 0 && next(2) == 0;
                    i
                })
                .collect();
            item(article(&format!("r{k:03}"), &published), incidents)
        })
        .collect()
}

#[test]
fn random_corpora_resolve_the_same_in_any_order() {
    for seed in [1u64, 7, 42] {
        let items = random_corpus(120, seed);
        let expected = dump(&ingest(&items, 120));
        assert!(
            expected.len() < items.len(),
            "the corpus should merge some reports"
        );
        let mut shuffled = items.clone();
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        for batch in [1, 7, 50] {
            assert_eq!(dump(&ingest(&shuffled, batch)), expected, "seed {seed}");
        }
    }
}

#[test]
fn a_report_that_precedes_two_incidents_merges_them() {
    let mut store = common::fresh_store();
    let on = |day: &str| report(EventType::Bombing, day, "AF", KABUL);
    // Two days apart: two incidents.
    store
        .insert_batch(&[
            item(article("x", "2016-07-22"), vec![on("2016-07-21")]),
            item(article("y", "2016-07-24"), vec![on("2016-07-23")]),
        ])
        .unwrap();
    assert_eq!(dump(&store).len(), 2);
    // A report of the day between, first in precedence order: it leads both.
    let outcome = store
        .insert_batch_resolved(&[item(article("a", "2016-07-23"), vec![on("2016-07-22")])])
        .unwrap();
    assert_eq!(
        outcome.incidents,
        IncidentChanges {
            created: 0,
            updated: 1,
            merged: 1
        }
    );
    let all = dump(&store);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].id, id_of("a", 0));
    for old in ["x", "y"] {
        assert_eq!(
            store.current_incident_id(&id_of(old, 0)).unwrap(),
            Some(id_of("a", 0))
        );
    }
}

#[test]
fn ids_that_lived_only_inside_a_batch_get_no_alias() {
    let items = corpus();
    let mut store = common::fresh_store();
    // wire-2 leads until wire-1, later in the same batch, takes over: wire-2's id was never
    // committed, so it is not an alias.
    store
        .insert_batch(&[items[1].clone(), items[0].clone()])
        .unwrap();
    assert_eq!(
        store.current_incident_id(&id_of("wire-2", 0)).unwrap(),
        None
    );
    assert!(store.incident(&id_of("wire-1", 0)).unwrap().is_some());
}

#[test]
fn the_map_follows_the_reconciled_place() {
    use sitrep_store::BoundingBox;
    let mut store = common::fresh_store();
    // First only the province is known, then a report names the town.
    let mut province = report(
        EventType::Bombing,
        "2016-07-23",
        "AF",
        ("Nangarhar", 34.3, 70.6),
    );
    if let Some(l) = &mut province.location {
        l.precision = LocationPrecision::Admin1;
        l.admin1 = Some("Nangarhar".into());
    }
    // The town's report dates the attack only to the week, so the province's report keeps
    // the lead (and the id) while the place becomes the town.
    let mut town = report(EventType::Bombing, "2016-07-23", "AF", JALALABAD);
    if let Some(l) = &mut town.location {
        l.admin1 = Some("Nangarhar".into());
    }
    if let Some(d) = &mut town.date {
        d.start = Some(date("2016-07-18"));
        d.end = Some(date("2016-07-24"));
        d.precision = DatePrecision::Week;
    }
    let in_box = |store: &Store, bbox: &str| {
        store
            .count(&IncidentFilter {
                bbox: Some(bbox.parse::<BoundingBox>().unwrap()),
                ..IncidentFilter::default()
            })
            .unwrap()
    };
    store
        .insert_batch(&[item(article("p", "2016-07-24"), vec![province])])
        .unwrap();
    assert_eq!(in_box(&store, "70.5,34.2,70.7,34.35"), 1);
    store
        .insert_batch(&[item(article("t", "2016-07-24"), vec![town.clone()])])
        .unwrap();
    let all = dump(&store);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].id, id_of("p", 0));
    assert_eq!(all[0].incident.location.as_ref().unwrap().name, "Jalalabad");
    assert_eq!(in_box(&store, "70.5,34.2,70.7,34.35"), 0, "no stale point");
    assert_eq!(in_box(&store, "70.4,34.4,70.5,34.45"), 1);
    // A third report that changes nothing else keeps the point where it is.
    store
        .insert_batch(&[item(article("u", "2016-07-24"), vec![town])])
        .unwrap();
    assert_eq!(in_box(&store, "70.4,34.4,70.5,34.45"), 1);
}

/// A pseudo-random corpus that mixes what the store's lookup passes over before reading a
/// report (event types of every family, places near the 25 km limit, provinces spelt in
/// several cases and scripts, districts, whole-country places), so that a lookup that skipped a report
/// it should have compared would group differently from the in-memory reference.
fn sieve_corpus(n: usize, seed: u64) -> Vec<(Article, ExtractedArticle)> {
    let mut state = seed | 1;
    let mut next = move |m: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m) as usize
    };
    let kinds = [
        EventType::Bombing,
        EventType::ArmedAssault,
        EventType::Unknown,
        EventType::Kidnapping,
        EventType::AirStrike,
        EventType::Shelling,
        EventType::Riot,
        EventType::FacilityAttack,
    ];
    let provinces = [
        Some("Kabul"),
        Some("KABUL"),
        Some("Nangarhār"),
        Some("NANGARHĀR"),
        None,
    ];
    (0..n)
        .map(|k| {
            let day = date("2016-07-10")
                .checked_add(jiff::Span::new().days(next(6) as i64))
                .unwrap()
                .to_string();
            let published = date(&day).tomorrow().unwrap().to_string();
            let incidents = (0..1 + next(2))
                .map(|_| {
                    // 0.05° steps of latitude: 0.2° (22 km) apart matches, 0.25° does not.
                    let lat = KABUL.1 + 0.05 * next(7) as f64;
                    let mut i = report(
                        kinds[next(kinds.len() as u64)],
                        &day,
                        "AF",
                        ("P", lat, KABUL.2),
                    );
                    let location = i.location.as_mut().unwrap();
                    location.admin1 = provinces[next(provinces.len() as u64)].map(String::from);
                    location.precision = match next(7) {
                        0 => LocationPrecision::Admin1,
                        1 => LocationPrecision::Country,
                        2 => LocationPrecision::Point,
                        3 => LocationPrecision::Admin2,
                        _ => LocationPrecision::City,
                    };
                    if next(3) == 0 {
                        let date = i.date.as_mut().unwrap();
                        date.precision = DatePrecision::Month;
                        date.start = Some(self::date("2016-07-01"));
                        date.end = Some(self::date("2016-07-31"));
                    }
                    if next(2) == 0 {
                        i = by(i, "Taliban", false);
                    }
                    if next(3) == 0 {
                        i = killed(i, Some(3), Some(3));
                    }
                    i
                })
                .collect();
            item(article(&format!("s{k:03}"), &published), incidents)
        })
        .collect()
}

#[test]
fn the_store_groups_reports_as_the_in_memory_reference_does() {
    use sitrep_resolve::{Mention, MentionKey, cluster};
    use std::collections::{BTreeMap, BTreeSet};

    for seed in [3u64, 11, 99] {
        let items = sieve_corpus(150, seed);
        let mentions: Vec<Mention> = items
            .iter()
            .flat_map(|(a, e)| {
                e.incidents.iter().enumerate().map(|(n, i)| {
                    let key = MentionKey::new(a.id.clone(), u32::try_from(n).unwrap());
                    Mention::new(key, i.clone(), a.published)
                })
            })
            .collect();
        let mut expected: BTreeMap<IncidentId, BTreeSet<String>> = BTreeMap::new();
        for (key, leader) in cluster(mentions) {
            expected
                .entry(leader.incident_id())
                .or_default()
                .insert(key.article.to_string());
        }
        assert!(
            expected.len() < items.len(),
            "the corpus should merge some reports"
        );
        for batch in [1, 40] {
            let found: BTreeMap<IncidentId, BTreeSet<String>> = dump(&ingest(&items, batch))
                .into_iter()
                .map(|i| {
                    let sources = i.sources.iter().map(|s| s.article_id.to_string()).collect();
                    (i.id, sources)
                })
                .collect();
            assert_eq!(found, expected, "seed {seed}, batch {batch}");
        }
    }
}
