//! Search, paging, map points and statistics (what `sitrep serve` reads) give the same answers
//! on the engine under test (see `common`) as on SQLite, for a grid of searches over one
//! corpus: every filter, words, each sort order, every page.

mod common;

use jiff::civil::Date;
use sitrep_model::{
    Article, ArticleId, ArticleMeta, Count, CountryCode, DatePrecision, EventDate, EventType,
    ExtractedArticle, Incident, Location, LocationPrecision, Perpetrator,
};
use sitrep_store::{BoundingBox, IncidentFilter, IncidentSearch, PageRequest, SortOrder, Store};

/// Places: name, country, latitude, longitude (Fiji's sits by the antimeridian).
const PLACES: [(&str, &str, f64, f64); 6] = [
    ("Tripoli", "LY", 32.8872, 13.1913),
    ("Benghazi", "LY", 32.1167, 20.0667),
    ("Kabul", "AF", 34.5553, 69.2075),
    ("Mogadishu", "SO", 2.0371, 45.3438),
    ("Suva", "FJ", -18.1416, 178.4419),
    ("Baghdad", "IQ", 33.3406, 44.4009),
];

const GROUPS: [&str; 3] = ["Islamic State", "al-Shabaab", "Taliban"];

/// Forty incidents, one article each, with every field varying: some undated, some without a
/// place or a toll, some background.
fn corpus() -> Vec<(Article, ExtractedArticle)> {
    let kinds = [
        EventType::Bombing,
        EventType::ArmedAssault,
        EventType::Kidnapping,
        EventType::Assassination,
    ];
    (0..40u32)
        .map(|n| {
            let mut incident = Incident::new(kinds[n as usize % kinds.len()]);
            if n % 9 != 4 {
                let day: Date = format!("2015-{:02}-{:02}", 1 + n % 12, 1 + (n * 7) % 28)
                    .parse()
                    .unwrap();
                incident.date = Some(EventDate {
                    start: Some(day),
                    end: Some(day),
                    precision: DatePrecision::Day,
                    text: day.to_string(),
                });
            }
            if n % 11 != 3 {
                let place = PLACES[n as usize % PLACES.len()];
                incident.location = Some(Location {
                    name: place.0.into(),
                    country: CountryCode::new(place.1).unwrap(),
                    country_name: place.1.into(),
                    admin1: None,
                    admin2: None,
                    lat: place.2 + f64::from(n) * 0.01,
                    lon: place.3,
                    geonames_id: None,
                    precision: LocationPrecision::City,
                    text: place.0.into(),
                });
            }
            if n % 5 != 2 {
                incident.killed = Some(Count {
                    min: Some(n % 13),
                    max: Some(n % 13 + n % 2),
                    text: "killed".into(),
                });
            }
            if n % 3 == 0 {
                incident.perpetrators = vec![Perpetrator {
                    name: Some(GROUPS[n as usize % GROUPS.len()].into()),
                    claimed: n % 2 == 0,
                    text: "claimed".into(),
                }];
            }
            incident.background = n % 8 == 7;
            incident.confidence = 0.7;
            let id = format!("article-{n:02}");
            let article = Article {
                id: ArticleId::new(id.clone()),
                text: format!(
                    "Report {n}: {} near the {} market, 100% confirmed.",
                    if n % 2 == 0 { "a car bomb" } else { "gunmen" },
                    if n % 4 == 0 { "old" } else { "central" }
                ),
                published: Some("2015-12-31".parse().unwrap()),
                title: Some(format!("Headline {n}")),
                url: None,
                source: Some("Wire".into()),
            };
            let extracted = ExtractedArticle {
                article: ArticleMeta::from(&article),
                incidents: vec![incident],
            };
            (article, extracted)
        })
        .collect()
}

fn filled(mut store: Store) -> Store {
    store.insert_batch(&corpus()).unwrap();
    store
}

/// The searches to compare: each filter alone and some together, with and without words.
fn searches() -> Vec<IncidentSearch> {
    let date = |s: &str| Some(s.parse::<Date>().unwrap());
    let bbox = |s: &str| Some(s.parse::<BoundingBox>().unwrap());
    let filters = vec![
        IncidentFilter::default(),
        IncidentFilter {
            include_background: true,
            ..IncidentFilter::default()
        },
        IncidentFilter {
            country: CountryCode::new("LY").ok(),
            ..IncidentFilter::default()
        },
        IncidentFilter {
            event_type: Some(EventType::Bombing),
            ..IncidentFilter::default()
        },
        IncidentFilter {
            since: date("2015-03-01"),
            until: date("2015-09-30"),
            ..IncidentFilter::default()
        },
        IncidentFilter {
            bbox: bbox("9,30,25,34"),
            ..IncidentFilter::default()
        },
        IncidentFilter {
            bbox: bbox("9,30,25,34"),
            since: date("2015-02-01"),
            ..IncidentFilter::default()
        },
        IncidentFilter {
            bbox: bbox("170,-20,-170,-10"),
            include_background: true,
            ..IncidentFilter::default()
        },
        IncidentFilter {
            min_killed: Some(5),
            ..IncidentFilter::default()
        },
        IncidentFilter {
            perpetrator: Some("STATE".into()),
            ..IncidentFilter::default()
        },
    ];
    let texts = [
        None,
        Some("bomb"),
        Some("OLD market"),
        Some("100%"),
        Some("Tripoli"),
    ];
    filters
        .into_iter()
        .flat_map(|filter| {
            texts.iter().map(move |text| IncidentSearch {
                filter: filter.clone(),
                text: text.map(str::to_string),
            })
        })
        .collect()
}

/// Every page of a search in an order, three incidents at a time, as ids and cursors.
fn all_pages(store: &Store, search: &IncidentSearch, order: SortOrder) -> Vec<String> {
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = store
            .search_page(
                search,
                &PageRequest {
                    order,
                    after,
                    limit: 3,
                },
            )
            .unwrap();
        seen.extend(page.incidents.iter().map(|i| i.id.to_string()));
        match page.next {
            Some(cursor) => {
                seen.push(cursor.to_string());
                after = Some(cursor);
            }
            None => return seen,
        }
    }
}

#[test]
fn every_search_pages_counts_maps_and_sums_as_on_sqlite() {
    let reference = filled(Store::open_in_memory().unwrap());
    let store = filled(common::fresh_store());
    let mut nonempty = 0;
    for search in searches() {
        let count = store.search_count(&search).unwrap();
        assert_eq!(
            count,
            reference.search_count(&search).unwrap(),
            "{search:?}"
        );
        nonempty += usize::from(count > 0);
        for &order in SortOrder::ALL {
            let pages = all_pages(&store, &search, order);
            assert_eq!(
                pages,
                all_pages(&reference, &search, order),
                "{search:?} {order}"
            );
            assert_eq!(
                store.search_points(&search, order, 7).unwrap(),
                reference.search_points(&search, order, 7).unwrap(),
                "{search:?} {order}"
            );
        }
        assert_eq!(
            store.search_stats(&search).unwrap(),
            reference.search_stats(&search).unwrap(),
            "{search:?}"
        );
    }
    assert!(nonempty > 30, "the searches find something: {nonempty}");
}
