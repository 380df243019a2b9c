//! The store through its public API: round trips, idempotence, every filter, paging, files.

mod common;

use std::collections::BTreeMap;

use jiff::civil::Date;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use sitrep_model::{
    Article, ArticleId, ArticleMeta, ByteSpan, Count, CountryCode, DatePrecision, EventDate,
    EventType, Evidence, EvidenceField, ExtractedArticle, Incident, IncidentId, IncidentSource,
    Location, LocationPrecision, Perpetrator, StoredIncident, Target, TargetType, Weapon,
};
use sitrep_store::{BoundingBox, Error, IncidentFilter, InsertOutcome, Store, StoreStats};

// ---- helpers that build test values ---------------------------------------------------------

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn article(id: &str, published: Option<&str>, text: &str) -> Article {
    Article {
        id: ArticleId::new(id),
        text: text.to_string(),
        published: published.map(date),
        title: Some(format!("Headline of {id}")),
        url: Some(format!("https://news.example/{id}")),
        source: Some("Test Wire".to_string()),
    }
}

fn extracted(article: &Article, incidents: Vec<Incident>) -> ExtractedArticle {
    ExtractedArticle {
        article: ArticleMeta::from(article),
        incidents,
    }
}

fn on(mut incident: Incident, start: &str, end: &str, precision: DatePrecision) -> Incident {
    incident.date = Some(EventDate {
        start: Some(date(start)),
        end: Some(date(end)),
        precision,
        text: format!("on {start}"),
    });
    incident
}

fn on_day(incident: Incident, day: &str) -> Incident {
    on(incident, day, day, DatePrecision::Day)
}

fn at(mut incident: Incident, country: &str, place: &str, lat: f64, lon: f64) -> Incident {
    incident.location = Some(Location {
        name: place.to_string(),
        country: CountryCode::new(country).unwrap(),
        country_name: format!("Country {country}"),
        admin1: Some(format!("{place} Province")),
        admin2: None,
        lat,
        lon,
        geonames_id: None,
        precision: LocationPrecision::City,
        text: place.to_string(),
    });
    incident
}

fn killed(mut incident: Incident, min: Option<u32>, max: Option<u32>) -> Incident {
    incident.killed = Some(Count {
        min,
        max,
        text: "killed".to_string(),
    });
    incident
}

fn by(mut incident: Incident, names: &[&str]) -> Incident {
    incident.perpetrators = names
        .iter()
        .map(|name| Perpetrator {
            name: Some(name.to_string()),
            claimed: false,
            text: name.to_string(),
        })
        .collect();
    incident
}

fn background(mut incident: Incident) -> Incident {
    incident.background = true;
    incident
}

fn ids(found: &[StoredIncident]) -> Vec<IncidentId> {
    found.iter().map(|s| s.id.clone()).collect()
}

fn id_of(article: &str, ordinal: usize) -> IncidentId {
    IncidentId::for_mention(&ArticleId::new(article), ordinal)
}

// ---- a fixed population for the filter tests -------------------------------------------------

/// Article ids, each with one main incident (ordinal 0); "tripoli" also has a background one.
fn populated() -> Store {
    let mut store = common::fresh_store();
    let new = Incident::new;
    let items = vec![
        (
            article(
                "tripoli",
                Some("2015-04-13"),
                "Gunmen attacked an embassy in Tripoli.",
            ),
            vec![
                by(
                    killed(
                        at(
                            on_day(new(EventType::ArmedAssault), "2015-04-12"),
                            "LY",
                            "Tripoli",
                            32.8872,
                            13.1913,
                        ),
                        Some(2),
                        Some(2),
                    ),
                    &["Islamic State"],
                ),
                background(by(
                    killed(
                        at(
                            on_day(new(EventType::ArmedAssault), "2012-09-11"),
                            "LY",
                            "Benghazi",
                            32.1167,
                            20.0667,
                        ),
                        Some(4),
                        Some(4),
                    ),
                    &["Ansar al-Sharia"],
                )),
            ],
        ),
        (
            article("misrata", Some("2015-04-12"), "A blast hit Misrata."),
            vec![killed(
                at(
                    on_day(new(EventType::Bombing), "2015-04-12"),
                    "LY",
                    "Misrata",
                    32.3754,
                    15.0925,
                ),
                Some(0),
                Some(0),
            )],
        ),
        (
            article("kabul", Some("2016-07-24"), "At least 80 died in Kabul."),
            vec![by(
                killed(
                    at(
                        on_day(new(EventType::Bombing), "2016-07-23"),
                        "AF",
                        "Kabul",
                        34.5553,
                        69.2075,
                    ),
                    Some(80),
                    None,
                ),
                &["Islamic State Khorasan Province"],
            )],
        ),
        (
            article("maiduguri", Some("2015-01-11"), "Up to 20 were killed."),
            vec![by(
                killed(
                    at(
                        on_day(new(EventType::Bombing), "2015-01-10"),
                        "NG",
                        "Maiduguri",
                        11.8333,
                        13.15,
                    ),
                    None,
                    Some(20),
                ),
                &["Boko Haram"],
            )],
        ),
        (
            article("mogadishu", Some("2017-10-15"), "A truck bomb exploded."),
            vec![{
                let mut i = at(
                    on_day(new(EventType::Bombing), "2017-10-14"),
                    "SO",
                    "Mogadishu",
                    2.0469,
                    45.3182,
                );
                i.perpetrators = vec![Perpetrator {
                    name: None,
                    claimed: false,
                    text: "militants".into(),
                }];
                i
            }],
        ),
        (
            article("aleppo", None, "Air strikes over three days."),
            vec![by(
                killed(
                    at(
                        on(
                            new(EventType::AirStrike),
                            "2016-09-23",
                            "2016-09-25",
                            DatePrecision::Day,
                        ),
                        "SY",
                        "Aleppo",
                        36.2021,
                        37.1343,
                    ),
                    Some(30),
                    Some(45),
                ),
                &["Syrian Air Force", "Russian Air Force"],
            )],
        ),
        (
            article(
                "unplaced",
                Some("2015-03-20"),
                "Clashes in March left no dead.",
            ),
            vec![by(
                killed(
                    on(
                        new(EventType::ArmedClash),
                        "2015-03-01",
                        "2015-03-31",
                        DatePrecision::Month,
                    ),
                    Some(0),
                    Some(0),
                ),
                &["Émirat Brigade"],
            )],
        ),
        (
            article("undated", Some("2014-06-01"), "Shelling was reported."),
            vec![at(
                new(EventType::Shelling),
                "LY",
                "Sirte",
                31.2089,
                16.5887,
            )],
        ),
    ];
    let batch: Vec<_> = items
        .into_iter()
        .map(|(a, incidents)| {
            let e = extracted(&a, incidents);
            (a, e)
        })
        .collect();
    let outcomes = store.insert_batch(&batch).unwrap();
    assert!(
        outcomes
            .iter()
            .all(|o| matches!(o, InsertOutcome::Inserted { .. }))
    );
    store
}

/// The main incidents' article ids matching `filter`, in result order; also checks that
/// `count` agrees with `query` when no paging is asked.
fn labels(store: &Store, filter: &IncidentFilter) -> Vec<String> {
    let found = store.query(filter).unwrap();
    if filter.limit.is_none() && filter.offset == 0 {
        assert_eq!(
            store.count(filter).unwrap(),
            found.len() as u64,
            "count for {filter:?}"
        );
    }
    found
        .iter()
        .map(|s| {
            let article = s.sources[0].article_id.as_str();
            if s.id == id_of(article, 0) {
                article.to_string()
            } else {
                format!("{article}#1")
            }
        })
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn set(names: &[&str]) -> Vec<String> {
    sorted(names.iter().map(|s| s.to_string()).collect())
}

fn country(code: &str) -> Option<CountryCode> {
    Some(CountryCode::new(code).unwrap())
}

fn bbox(s: &str) -> Option<BoundingBox> {
    Some(s.parse().unwrap())
}

// ---- round trip and idempotence ------------------------------------------------------------

#[test]
fn article_with_main_and_background_incident_reads_back_equal() {
    let mut store = common::fresh_store();
    let text = "Gunmen stormed the embassy in Tripoli on Sunday, killing two guards — a year after Benghazi.";
    let a = article("emb-1", Some("2015-04-13"), text);
    let mut main = by(
        killed(
            at(
                on_day(Incident::new(EventType::ArmedAssault), "2015-04-12"),
                "LY",
                "Tripoli",
                32.887_209_999_999_996,
                13.191_338_1,
            ),
            Some(2),
            Some(2),
        ),
        &["Islamic State"],
    );
    main.time = Some("01:20".into());
    main.targets = vec![Target {
        kind: TargetType::Diplomatic,
        nationality: country("KR"),
        text: "the embassy".into(),
    }];
    main.weapons = vec![Weapon::Firearms];
    main.wounded = Some(Count {
        min: Some(1),
        max: None,
        text: "at least one".into(),
    });
    main.attackers_killed = Some(Count {
        min: Some(1),
        max: Some(1),
        text: "one gunman".into(),
    });
    main.confidence = 0.87;
    let words = text.find("killing two guards").unwrap();
    let span = ByteSpan::new(text, words, words + "killing two guards".len()).unwrap();
    main.evidence = vec![Evidence {
        field: EvidenceField::Killed,
        span,
    }];
    let past = background(on(
        Incident::new(EventType::ArmedAssault),
        "2012-01-01",
        "2012-12-31",
        DatePrecision::Year,
    ));
    let e = extracted(&a, vec![main.clone(), past.clone()]);

    assert_eq!(
        store.insert_article(&a, &e).unwrap(),
        InsertOutcome::Inserted { incidents: 2 }
    );
    assert!(store.has_article(&a.id).unwrap());
    assert!(!store.has_article(&ArticleId::new("other")).unwrap());
    assert_eq!(store.article(&a.id).unwrap(), Some(a.clone()));
    assert_eq!(store.article(&ArticleId::new("other")).unwrap(), None);
    assert_eq!(
        store.stats().unwrap(),
        StoreStats {
            articles: 1,
            incidents: 2,
            mentions: 2
        }
    );

    let source = |incident: &Incident| IncidentSource {
        article_id: a.id.clone(),
        source: a.source.clone(),
        title: a.title.clone(),
        url: a.url.clone(),
        published: a.published,
        incident: incident.clone(),
    };
    let main_id = IncidentId::for_mention(&a.id, 0);
    let past_id = IncidentId::for_mention(&a.id, 1);
    let stored_main = StoredIncident {
        id: main_id.clone(),
        incident: main.clone(),
        sources: vec![source(&main)],
    };
    let stored_past = StoredIncident {
        id: past_id.clone(),
        incident: past.clone(),
        sources: vec![source(&past)],
    };
    assert_eq!(store.incident(&main_id).unwrap(), Some(stored_main.clone()));
    assert_eq!(store.incident(&past_id).unwrap(), Some(stored_past.clone()));
    assert_eq!(store.incident(&IncidentId::new("inc-none")).unwrap(), None);

    // Background is not news by default.
    assert_eq!(
        store.query(&IncidentFilter::default()).unwrap(),
        vec![stored_main.clone()]
    );
    let all = IncidentFilter {
        include_background: true,
        ..IncidentFilter::default()
    };
    assert_eq!(store.query(&all).unwrap(), vec![stored_main, stored_past]);
}

#[test]
fn inserting_an_article_twice_is_skipped_and_changes_nothing() {
    let mut store = common::fresh_store();
    let a = article("dup", Some("2020-01-02"), "A bomb went off.");
    let first = extracted(
        &a,
        vec![killed(Incident::new(EventType::Bombing), Some(3), Some(3))],
    );
    assert_eq!(
        store.insert_article(&a, &first).unwrap(),
        InsertOutcome::Inserted { incidents: 1 }
    );
    let before = store.stats().unwrap();
    let stored = store.incident(&id_of("dup", 0)).unwrap();

    // Same id, different extraction: still skipped, the first version stays.
    let second = extracted(
        &a,
        vec![
            Incident::new(EventType::Riot),
            Incident::new(EventType::Riot),
        ],
    );
    assert_eq!(
        store.insert_article(&a, &second).unwrap(),
        InsertOutcome::Skipped
    );
    assert_eq!(
        store.insert_article(&a, &first).unwrap(),
        InsertOutcome::Skipped
    );
    assert_eq!(store.stats().unwrap(), before);
    assert_eq!(store.incident(&id_of("dup", 0)).unwrap(), stored);
    assert_eq!(store.incident(&id_of("dup", 1)).unwrap(), None);
}

#[test]
fn a_batch_reports_one_outcome_per_item_and_skips_repeats() {
    let mut store = common::fresh_store();
    let old = article("old", None, "Old news.");
    store
        .insert_article(&old, &extracted(&old, vec![]))
        .unwrap();
    let fresh = article("fresh", None, "Fresh news.");
    let batch = vec![
        (
            old.clone(),
            extracted(&old, vec![Incident::new(EventType::Riot)]),
        ),
        (
            fresh.clone(),
            extracted(
                &fresh,
                vec![
                    Incident::new(EventType::Riot),
                    Incident::new(EventType::Bombing),
                ],
            ),
        ),
        (
            fresh.clone(),
            extracted(&fresh, vec![Incident::new(EventType::Riot)]),
        ),
    ];
    let outcomes = store.insert_batch(&batch).unwrap();
    assert_eq!(
        outcomes,
        vec![
            InsertOutcome::Skipped,
            InsertOutcome::Inserted { incidents: 2 },
            InsertOutcome::Skipped
        ]
    );
    assert_eq!(
        store.stats().unwrap(),
        StoreStats {
            articles: 2,
            incidents: 2,
            mentions: 2
        }
    );
}

#[test]
fn a_bad_item_stores_nothing_of_its_batch_and_names_the_article() {
    let mut store = common::fresh_store();
    let good = article("good", None, "Fine.");
    let bad = article("bad", None, "Broken coordinates.");
    let batch = vec![
        (
            good.clone(),
            extracted(&good, vec![Incident::new(EventType::Riot)]),
        ),
        (
            bad.clone(),
            extracted(
                &bad,
                vec![
                    Incident::new(EventType::Riot),
                    at(
                        Incident::new(EventType::Riot),
                        "LY",
                        "Nowhere",
                        f64::NAN,
                        10.0,
                    ),
                ],
            ),
        ),
    ];
    let err = store.insert_batch(&batch).unwrap_err();
    assert!(
        matches!(&err, Error::InvalidIncident { article, ordinal: 1, .. } if article == "bad"),
        "{err}"
    );
    assert!(err.to_string().contains("location.lat"), "{err}");
    assert_eq!(store.stats().unwrap(), StoreStats::default());

    let mut unsure = Incident::new(EventType::Riot);
    unsure.confidence = 1.5;
    let err = store
        .insert_article(&bad, &extracted(&bad, vec![unsure]))
        .unwrap_err();
    assert!(err.to_string().contains("confidence"), "{err}");

    let other = article("other", None, "Other.");
    let err = store
        .insert_article(&good, &extracted(&other, vec![]))
        .unwrap_err();
    assert!(matches!(err, Error::ArticleMismatch { .. }), "{err}");
    assert_eq!(store.stats().unwrap(), StoreStats::default());
}

#[test]
fn a_nul_character_is_refused_naming_the_article_and_field_on_every_engine() {
    let mut store = common::fresh_store();
    let good = article("good", None, "Fine.");
    let mut titled = article("titled", None, "A title with a NUL.");
    titled.title = Some("Bomb\0blast".into());
    let batch = vec![
        (
            good.clone(),
            extracted(&good, vec![Incident::new(EventType::Riot)]),
        ),
        (
            titled.clone(),
            extracted(&titled, vec![Incident::new(EventType::Riot)]),
        ),
    ];
    let err = store.insert_batch(&batch).unwrap_err();
    assert!(
        matches!(&err, Error::InvalidArticle { article, .. } if article == "titled"),
        "{err}"
    );
    assert!(err.to_string().contains("title"), "{err}");
    assert_eq!(store.stats().unwrap(), StoreStats::default());

    let named = by(Incident::new(EventType::Riot), &["Islamic\0State"]);
    let err = store
        .insert_article(&good, &extracted(&good, vec![named]))
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidIncident { article, ordinal: 0, .. } if article == "good"),
        "{err}"
    );
    // The rest of the batch is stored once the bad article is left out.
    store.insert_batch(&batch[..1]).unwrap();
    assert_eq!(store.stats().unwrap().articles, 1);
}

// ---- filters -------------------------------------------------------------------------------

#[test]
fn no_filter_returns_news_newest_first_undated_last_ties_by_id() {
    let store = populated();
    let mut same_day = vec!["tripoli".to_string(), "misrata".to_string()];
    same_day.sort_by_key(|a| id_of(a, 0));
    let mut expected = vec!["mogadishu".to_string(), "aleppo".into(), "kabul".into()];
    expected.extend(same_day);
    expected.extend(["unplaced".to_string(), "maiduguri".into(), "undated".into()]);
    assert_eq!(labels(&store, &IncidentFilter::default()), expected);
}

#[test]
fn country_filter() {
    let store = populated();
    let ly = IncidentFilter {
        country: country("LY"),
        ..IncidentFilter::default()
    };
    assert_eq!(
        sorted(labels(&store, &ly)),
        set(&["misrata", "tripoli", "undated"])
    );
    let none = IncidentFilter {
        country: country("FR"),
        ..IncidentFilter::default()
    };
    assert!(labels(&store, &none).is_empty());
}

#[test]
fn event_type_filter() {
    let store = populated();
    let bombings = IncidentFilter {
        event_type: Some(EventType::Bombing),
        ..IncidentFilter::default()
    };
    assert_eq!(
        sorted(labels(&store, &bombings)),
        set(&["kabul", "maiduguri", "misrata", "mogadishu"])
    );
    let riots = IncidentFilter {
        event_type: Some(EventType::Riot),
        ..IncidentFilter::default()
    };
    assert!(labels(&store, &riots).is_empty());
}

#[test]
fn since_and_until_are_inclusive_on_the_start_day() {
    let store = populated();
    let since = IncidentFilter {
        since: Some(date("2016-07-23")),
        ..IncidentFilter::default()
    };
    assert_eq!(labels(&store, &since), ["mogadishu", "aleppo", "kabul"]);
    let until = IncidentFilter {
        until: Some(date("2015-01-10")),
        ..IncidentFilter::default()
    };
    assert_eq!(labels(&store, &until), ["maiduguri"]);
    let day = IncidentFilter {
        since: Some(date("2015-04-12")),
        until: Some(date("2015-04-12")),
        ..IncidentFilter::default()
    };
    assert_eq!(sorted(labels(&store, &day)), set(&["misrata", "tripoli"]));
    // "March 2015" starts on the 1st: in from the 1st, out from the 15th; undated never in.
    let march = IncidentFilter {
        since: Some(date("2015-03-01")),
        until: Some(date("2015-03-31")),
        ..IncidentFilter::default()
    };
    assert_eq!(labels(&store, &march), ["unplaced"]);
    let mid_march = IncidentFilter {
        since: Some(date("2015-03-15")),
        until: Some(date("2015-03-31")),
        ..IncidentFilter::default()
    };
    assert!(labels(&store, &mid_march).is_empty());
    let ever = IncidentFilter {
        since: Some(date("1900-01-01")),
        ..IncidentFilter::default()
    };
    assert!(!labels(&store, &ever).contains(&"undated".to_string()));
}

#[test]
fn bbox_filter_excludes_incidents_without_coordinates() {
    let store = populated();
    let libya = IncidentFilter {
        bbox: bbox("9.3,19.5,25.2,33.2"),
        ..IncidentFilter::default()
    };
    assert_eq!(
        sorted(labels(&store, &libya)),
        set(&["misrata", "tripoli", "undated"])
    );
    let world = IncidentFilter {
        bbox: bbox("-180,-90,180,90"),
        ..IncidentFilter::default()
    };
    let everywhere = labels(&store, &world);
    assert_eq!(everywhere.len(), 7);
    assert!(!everywhere.contains(&"unplaced".to_string()));
    // Edges are included, and the exact test trims what the 32-bit R*Tree lets through.
    let exact = IncidentFilter {
        bbox: bbox("13.1913,32.8872,13.1913,32.8872"),
        ..IncidentFilter::default()
    };
    assert_eq!(labels(&store, &exact), ["tripoli"]);
    // 1e-9 degrees east of Tripoli: inside the R*Tree's 32-bit rounding, outside the box.
    let just_east = IncidentFilter {
        bbox: bbox("13.191300001,32,14,33"),
        ..IncidentFilter::default()
    };
    assert!(labels(&store, &just_east).is_empty());
    let sea = IncidentFilter {
        bbox: bbox("-40,-40,-30,-30"),
        ..IncidentFilter::default()
    };
    assert!(labels(&store, &sea).is_empty());
}

#[test]
fn min_killed_compares_the_best_figure_and_skips_unknown_tolls() {
    let store = populated();
    let at_least = |n| IncidentFilter {
        min_killed: Some(n),
        ..IncidentFilter::default()
    };
    // kabul: at least 80 → 80; maiduguri: up to 20 → 20; aleppo: 30–45 → 30.
    assert_eq!(
        sorted(labels(&store, &at_least(20))),
        set(&["aleppo", "kabul", "maiduguri"])
    );
    assert_eq!(sorted(labels(&store, &at_least(31))), set(&["kabul"]));
    assert_eq!(labels(&store, &at_least(81)), Vec::<String>::new());
    // 0 keeps every incident with a known toll, zero included; mogadishu and undated have none.
    assert_eq!(
        sorted(labels(&store, &at_least(0))),
        set(&[
            "aleppo",
            "kabul",
            "maiduguri",
            "misrata",
            "tripoli",
            "unplaced"
        ])
    );
}

#[test]
fn perpetrator_filter_is_a_case_insensitive_substring_of_any_name() {
    let store = populated();
    let by_name = |s: &str| IncidentFilter {
        perpetrator: Some(s.to_string()),
        ..IncidentFilter::default()
    };
    assert_eq!(
        sorted(labels(&store, &by_name("islamic state"))),
        set(&["kabul", "tripoli"])
    );
    assert_eq!(
        sorted(labels(&store, &by_name("  KHORASAN "))),
        set(&["kabul"])
    );
    // The second of two names.
    assert_eq!(labels(&store, &by_name("russian")), ["aleppo"]);
    // Unicode case folding, which SQLite's LIKE lacks.
    assert_eq!(labels(&store, &by_name("émirat")), ["unplaced"]);
    assert_eq!(labels(&store, &by_name("ÉMIRAT")), ["unplaced"]);
    // No wildcards, and no match across two names or on an unnamed perpetrator's words.
    assert!(labels(&store, &by_name("%")).is_empty());
    assert!(labels(&store, &by_name("force; russian")).is_empty());
    assert!(labels(&store, &by_name("militants")).is_empty());
    // Background incidents only with include_background.
    assert!(labels(&store, &by_name("ansar")).is_empty());
    let with_background = IncidentFilter {
        include_background: true,
        ..by_name("ansar")
    };
    assert_eq!(labels(&store, &with_background), ["tripoli#1"]);
    // Empty text filters nothing.
    assert_eq!(labels(&store, &by_name(" ")).len(), 8);
}

#[test]
fn include_background_adds_background_incidents() {
    let store = populated();
    let news = labels(&store, &IncidentFilter::default());
    let all = labels(
        &store,
        &IncidentFilter {
            include_background: true,
            ..IncidentFilter::default()
        },
    );
    assert_eq!(news.len(), 8);
    assert_eq!(all.len(), 9);
    // Dated 2012-09-11, it sorts between maiduguri (2015) and the undated incident.
    assert_eq!(all[7], "tripoli#1");
    assert_eq!(all[8], "undated");
}

#[test]
fn filters_combine_with_and() {
    let store = populated();
    let libya_2015_islamic_deadly = IncidentFilter {
        country: country("LY"),
        event_type: Some(EventType::ArmedAssault),
        since: Some(date("2015-01-01")),
        until: Some(date("2015-12-31")),
        bbox: bbox("9.3,19.5,25.2,33.2"),
        min_killed: Some(1),
        perpetrator: Some("islamic".into()),
        ..IncidentFilter::default()
    };
    assert_eq!(labels(&store, &libya_2015_islamic_deadly), ["tripoli"]);
    // Dropping min_killed adds nothing (misrata is a bombing with no perpetrator).
    let fewer = IncidentFilter {
        min_killed: None,
        ..libya_2015_islamic_deadly.clone()
    };
    assert_eq!(labels(&store, &fewer), ["tripoli"]);
    // One contradicting filter empties the result.
    let elsewhere = IncidentFilter {
        country: country("AF"),
        ..libya_2015_islamic_deadly
    };
    assert!(labels(&store, &elsewhere).is_empty());
    // Background incidents in Libya before 2013.
    let past = IncidentFilter {
        country: country("LY"),
        until: Some(date("2012-12-31")),
        include_background: true,
        ..IncidentFilter::default()
    };
    assert_eq!(labels(&store, &past), ["tripoli#1"]);
    let bombs_over_19 = IncidentFilter {
        event_type: Some(EventType::Bombing),
        min_killed: Some(19),
        ..IncidentFilter::default()
    };
    assert_eq!(labels(&store, &bombs_over_19), ["kabul", "maiduguri"]);
}

#[test]
fn limit_and_offset_page_through_the_same_order() {
    let store = populated();
    let full = labels(&store, &IncidentFilter::default());
    let mut paged = Vec::new();
    for page in 0..4 {
        let filter = IncidentFilter {
            limit: Some(3),
            offset: page * 3,
            ..IncidentFilter::default()
        };
        let got = labels(&store, &filter);
        assert!(got.len() <= 3);
        // count ignores paging.
        assert_eq!(store.count(&filter).unwrap(), full.len() as u64);
        paged.extend(got);
    }
    assert_eq!(paged, full);
    let past_end = IncidentFilter {
        offset: 100,
        ..IncidentFilter::default()
    };
    assert!(labels(&store, &past_end).is_empty());
    let nothing = IncidentFilter {
        limit: Some(0),
        ..IncidentFilter::default()
    };
    assert!(labels(&store, &nothing).is_empty());
    let skip_two = IncidentFilter {
        offset: 2,
        ..IncidentFilter::default()
    };
    assert_eq!(labels(&store, &skip_two), full[2..]);
}

// ---- files, versions, corruption -----------------------------------------------------------

#[test]
fn a_file_store_opened_twice_shares_data_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sitrep.sqlite");
    let mut writer = Store::open(&path).unwrap();
    let a = article("file-1", Some("2019-05-05"), "A riot.");
    writer
        .insert_article(&a, &extracted(&a, vec![Incident::new(EventType::Riot)]))
        .unwrap();

    let reader = Store::open(&path).unwrap();
    assert_eq!(
        reader.schema_version().unwrap(),
        writer.schema_version().unwrap()
    );
    assert_eq!(reader.article(&a.id).unwrap(), Some(a.clone()));
    assert_eq!(
        reader.stats().unwrap(),
        StoreStats {
            articles: 1,
            incidents: 1,
            mentions: 1
        }
    );

    // The reader sees what the writer commits later, while both are open.
    let b = article("file-2", None, "Another riot.");
    writer
        .insert_article(&b, &extracted(&b, vec![Incident::new(EventType::Riot)]))
        .unwrap();
    assert!(reader.has_article(&b.id).unwrap());
    drop((writer, reader));

    let raw = rusqlite::Connection::open(&path).unwrap();
    let mode: String = raw
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_database_from_a_newer_sitrep_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite");
    let version = Store::open(&path).unwrap().schema_version().unwrap();
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.pragma_update(None, "user_version", version + 7)
        .unwrap();
    drop(raw);
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, Error::SchemaTooNew { found, supported } if found == version + 7 && supported == version)
    );
    let message = err.to_string();
    assert!(
        message.contains("newer") && message.contains(&(version + 7).to_string()),
        "{message}"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_an_open_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.sqlite");
    std::fs::write(&path, vec![0x5a; 4096]).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, Error::Open { .. }), "{err}");
    assert!(err.to_string().contains("junk.sqlite"), "{err}");
}

#[test]
fn a_corrupt_row_is_an_error_naming_table_and_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corrupt.sqlite");
    let mut store = Store::open(&path).unwrap();
    let a = article("c-1", Some("2019-05-05"), "A riot.");
    store
        .insert_article(&a, &extracted(&a, vec![Incident::new(EventType::Riot)]))
        .unwrap();
    let id = id_of("c-1", 0);

    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute(
        "UPDATE incidents SET data = '{\"event_type\":' WHERE id = ?1",
        [id.as_str()],
    )
    .unwrap();
    let err = store.incident(&id).unwrap_err();
    assert!(
        matches!(&err, Error::CorruptRow { table: "incidents", id: bad, .. } if bad == id.as_str()),
        "{err}"
    );
    assert!(store.query(&IncidentFilter::default()).is_err());

    raw.execute(
        "UPDATE articles SET published = 'May 5' WHERE id = 'c-1'",
        [],
    )
    .unwrap();
    let err = store.article(&a.id).unwrap_err();
    assert!(
        matches!(&err, Error::CorruptRow { table: "articles", id, .. } if id == "c-1"),
        "{err}"
    );
    assert!(err.to_string().contains("published"), "{err}");
}

#[test]
fn sources_of_a_merged_incident_are_ordered_by_published_then_article_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("merged.sqlite");
    let mut store = Store::open(&path).unwrap();
    let reports = [
        article("b-late", Some("2020-03-02"), "Late report."),
        article("z-early", Some("2020-03-01"), "Early report."),
        article("a-undated", None, "Undated report."),
        article("a-early", Some("2020-03-01"), "Early report too."),
    ];
    for a in &reports {
        store
            .insert_article(a, &extracted(a, vec![Incident::new(EventType::Bombing)]))
            .unwrap();
    }
    // Until the resolve crate merges for real, point every mention at the first incident.
    let target = id_of("b-late", 0);
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute("UPDATE mentions SET incident_id = ?1", [target.as_str()])
        .unwrap();

    let merged = store.incident(&target).unwrap().unwrap();
    let order: Vec<&str> = merged
        .sources
        .iter()
        .map(|s| s.article_id.as_str())
        .collect();
    assert_eq!(order, ["a-early", "z-early", "b-late", "a-undated"]);
    assert_eq!(merged.sources[3].published, None);
    assert_eq!(
        store
            .incident(&id_of("z-early", 0))
            .unwrap()
            .unwrap()
            .sources,
        vec![]
    );
}

// ---- property: random filters never fail and agree with a direct reading -------------------

/// What `filter` should return, computed from the incidents themselves.
fn expected(all: &[StoredIncident], filter: &IncidentFilter) -> Vec<IncidentId> {
    let needle = filter
        .perpetrator
        .as_deref()
        .map(|p| p.trim().to_lowercase())
        .unwrap_or_default();
    let mut matching: Vec<&StoredIncident> = all
        .iter()
        .filter(|s| {
            let i = &s.incident;
            let start = i.date.as_ref().and_then(|d| d.start);
            (filter.include_background || !i.background)
                && filter
                    .country
                    .is_none_or(|c| i.location.as_ref().is_some_and(|l| l.country == c))
                && filter.event_type.is_none_or(|t| i.event_type == t)
                && filter.since.is_none_or(|d| start.is_some_and(|s| s >= d))
                && filter.until.is_none_or(|d| start.is_some_and(|s| s <= d))
                && filter.bbox.is_none_or(|b| {
                    i.location
                        .as_ref()
                        .is_some_and(|l| b.contains(l.lon, l.lat))
                })
                && filter.min_killed.is_none_or(|m| {
                    i.killed
                        .as_ref()
                        .and_then(Count::best)
                        .is_some_and(|k| k >= m)
                })
                && (needle.is_empty()
                    || i.perpetrators
                        .iter()
                        .filter_map(|p| p.name.as_deref())
                        .any(|n| n.to_lowercase().contains(&needle)))
        })
        .collect();
    matching.sort_by(|a, b| {
        let start = |s: &StoredIncident| s.incident.date.as_ref().and_then(|d| d.start);
        // Newest first, None (sorting lowest) last, then id.
        start(b).cmp(&start(a)).then_with(|| a.id.cmp(&b.id))
    });
    matching
        .into_iter()
        .skip(filter.offset)
        .take(filter.limit.unwrap_or(usize::MAX))
        .map(|s| s.id.clone())
        .collect()
}

fn filter_strategy() -> impl Strategy<Value = IncidentFilter> {
    let countries = prop::sample::select(vec!["LY", "AF", "NG", "SO", "SY", "FR", "xk"]);
    let dates =
        (2010i16..2019, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap());
    let coordinate = |limit: f64| {
        prop_oneof![
            4 => -limit..=limit,
            1 => prop::sample::select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, limit, -limit]),
        ]
    };
    let boxes = (
        coordinate(180.0),
        coordinate(90.0),
        coordinate(180.0),
        coordinate(90.0),
    )
        .prop_map(|(min_lon, min_lat, max_lon, max_lat)| BoundingBox {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        });
    let perpetrators = prop_oneof![
        prop::sample::select(vec!["state", "AIR", "émirat", "haram", "", " ", "%", "_"])
            .prop_map(String::from),
        ".{0,6}",
    ];
    (
        (
            prop::option::of(countries.prop_map(|c| CountryCode::new(c).unwrap())),
            prop::option::of(prop::sample::select(EventType::ALL.to_vec())),
            prop::option::of(dates.clone()),
            prop::option::of(dates),
        ),
        (
            prop::option::of(boxes),
            prop::option::of(prop_oneof![0u32..100, any::<u32>()]),
            prop::option::of(perpetrators),
            any::<bool>(),
            prop::option::of(prop_oneof![0usize..12, any::<usize>()]),
            prop_oneof![0usize..12, any::<usize>()],
        ),
    )
        .prop_map(
            |(
                (country, event_type, since, until),
                (bbox, min_killed, perpetrator, include_background, limit, offset),
            )| {
                IncidentFilter {
                    country,
                    event_type,
                    since,
                    until,
                    bbox,
                    min_killed,
                    perpetrator,
                    include_background,
                    limit,
                    offset,
                }
            },
        )
}

/// A store of varied incidents, made from their index.
fn varied_store() -> Store {
    let mut store = common::fresh_store();
    let countries = ["LY", "AF", "NG", "SO", "SY", "XK"];
    let names = [
        "Islamic State",
        "Boko Haram",
        "Syrian Air Force",
        "Émirat Brigade",
        "al-Shabaab",
    ];
    let mut batch = Vec::new();
    for n in 0..60usize {
        let a = article(
            &format!("v{n:02}"),
            (n % 5 != 0).then_some("2016-01-01"),
            "Text.",
        );
        let mut incidents = Vec::new();
        for k in 0..(1 + n % 3) {
            let seed = n * 7 + k * 13;
            let mut i = Incident::new(EventType::ALL[seed % EventType::ALL.len()]);
            if seed % 4 != 0 {
                let day = Date::new(
                    2010 + (seed % 9) as i16,
                    1 + (seed % 12) as i8,
                    1 + (seed % 28) as i8,
                )
                .unwrap();
                i = on_day(i, &day.to_string());
            }
            if seed % 5 != 0 {
                let lat = -90.0 + (seed * 37 % 1800) as f64 / 10.0;
                let lon = -180.0 + (seed * 53 % 3600) as f64 / 10.0;
                i = at(i, countries[seed % countries.len()], "Place", lat, lon);
            }
            if seed % 3 != 0 {
                let (min, max) = [
                    (Some(1), Some(1)),
                    (Some(5), None),
                    (None, Some(40)),
                    (Some(0), Some(0)),
                    (Some(10), Some(30)),
                ][seed % 5];
                i = killed(i, min, max);
            }
            let named: Vec<&str> = names
                .iter()
                .copied()
                .skip(seed % 5)
                .take(seed % 3)
                .collect();
            i = by(i, &named);
            i.background = k > 0 && seed % 2 == 0;
            incidents.push(i);
        }
        let e = extracted(&a, incidents);
        batch.push((a, e));
    }
    store.insert_batch(&batch).unwrap();
    store
}

#[test]
fn random_filters_never_fail_and_match_a_direct_reading() {
    let store = varied_store();
    let all = store
        .query(&IncidentFilter {
            include_background: true,
            ..IncidentFilter::default()
        })
        .unwrap();
    assert_eq!(all.len() as u64, store.stats().unwrap().incidents);
    let by_type: BTreeMap<_, usize> = all.iter().fold(BTreeMap::new(), |mut m, s| {
        *m.entry(s.incident.event_type).or_default() += 1;
        m
    });
    assert!(by_type.len() > 5, "the population should be varied");

    let mut runner = TestRunner::new(Config {
        cases: 512,
        ..Config::default()
    });
    runner
        .run(&filter_strategy(), |filter| {
            let found = store
                .query(&filter)
                .map_err(|e| TestCaseError::fail(format!("query: {e}")))?;
            let total = store
                .count(&filter)
                .map_err(|e| TestCaseError::fail(format!("count: {e}")))?;
            prop_assert_eq!(ids(&found), expected(&all, &filter));
            let unpaged = IncidentFilter {
                limit: None,
                offset: 0,
                ..filter.clone()
            };
            prop_assert_eq!(total, expected(&all, &unpaged).len() as u64);
            Ok(())
        })
        .unwrap();
}
