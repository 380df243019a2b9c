//! Watches through the store: an incident alerts a watch once, again only when it escalates,
//! as background only while recent; alerts and their webhook deliveries are written with the incident.

mod common;

use std::collections::BTreeMap;

use jiff::civil::Date;
use sitrep_model::{
    Article, ArticleId, ArticleMeta, Count, CountryCode, DatePrecision, EventDate, EventType,
    ExtractedArticle, Incident, Location, LocationPrecision, Perpetrator, Target, TargetType,
};
use sitrep_store::{AlertQuery, Error, IncidentFilter, PollRecord, Store};
use sitrep_watch::{AlertKind, Area, Change, WatchSpec, WebhookPolicy};

const TRIPOLI: (f64, f64) = (32.8872, 13.1913);

fn article(id: &str) -> Article {
    Article {
        id: ArticleId::new(id),
        text: format!("Report {id}."),
        published: Some("2015-04-13".parse::<Date>().unwrap()),
        title: None,
        url: None,
        source: Some(format!("Outlet {id}")),
    }
}

fn item(id: &str, incidents: Vec<Incident>) -> (Article, ExtractedArticle) {
    let a = article(id);
    let e = ExtractedArticle {
        article: ArticleMeta::from(&a),
        incidents,
    };
    (a, e)
}

/// An attack on an embassy in Tripoli, Libya, on 12 April 2015, killing `killed`.
fn embassy_attack(killed: u32, precision: LocationPrecision) -> Incident {
    let mut i = Incident::new(EventType::ArmedAssault);
    let day: Date = "2015-04-12".parse().unwrap();
    i.date = Some(EventDate {
        start: Some(day),
        end: Some(day),
        precision: DatePrecision::Day,
        text: "Sunday".into(),
    });
    i.location = Some(Location {
        name: "Tripoli".into(),
        country: CountryCode::new("LY").unwrap(),
        country_name: "Libya".into(),
        admin1: Some("Tripoli".into()),
        admin2: None,
        lat: 32.8925,
        lon: 13.18,
        geonames_id: None,
        precision,
        text: "Tripoli".into(),
    });
    i.targets.push(Target {
        kind: TargetType::Diplomatic,
        nationality: None,
        text: "embassy".into(),
    });
    i.killed = Some(Count {
        min: Some(killed),
        max: Some(killed),
        text: format!("killing {killed}"),
    });
    i.confidence = 0.8;
    i
}

fn embassy_watch() -> WatchSpec {
    let mut spec = WatchSpec::new(
        "embassy",
        Area::Near {
            lat: TRIPOLI.0,
            lon: TRIPOLI.1,
            radius_km: 25.0,
            radius_km_by_type: BTreeMap::new(),
        },
    );
    spec.target_types = vec![TargetType::Diplomatic];
    spec
}

fn alerts(store: &Store) -> Vec<sitrep_watch::Alert> {
    let mut all = store.alerts(&AlertQuery::default()).unwrap();
    all.reverse();
    all
}

#[test]
fn an_incident_alerts_once_and_again_only_when_it_escalates() {
    let mut store = common::fresh_store();
    store
        .add_watch(&embassy_watch(), WebhookPolicy::PublicOnly)
        .unwrap();

    let first = store
        .insert_batch_resolved(&[item("a", vec![embassy_attack(2, LocationPrecision::City)])])
        .unwrap();
    assert_eq!(first.alerts, 1);
    // Another outlet repeats the same figures: the same incident, no new alert.
    let repeat = store
        .insert_batch_resolved(&[item("b", vec![embassy_attack(2, LocationPrecision::City)])])
        .unwrap();
    assert_eq!(repeat.incidents.created, 0, "{repeat:?}");
    assert_eq!(repeat.alerts, 0);
    // A later report raises the toll and names a claim: one escalation saying so.
    let mut worse = embassy_attack(3, LocationPrecision::City);
    worse.perpetrators.push(Perpetrator {
        name: Some("Islamic State".into()),
        claimed: true,
        text: "Islamic State claimed".into(),
    });
    let escalated = store
        .insert_batch_resolved(&[item("c", vec![worse])])
        .unwrap();
    assert_eq!(escalated.alerts, 1);

    let all = alerts(&store);
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].kind, AlertKind::New);
    assert_eq!(all[0].reason.killed, Some(2));
    assert!(all[0].reason.distance_km.unwrap() < 2.0);
    assert_eq!(all[1].kind, AlertKind::Escalated);
    assert!(
        all[1].reason.changes.contains(&Change::Killed {
            from: Some(2),
            to: 3
        }),
        "{:?}",
        all[1].reason.changes
    );
    assert!(
        all[1]
            .reason
            .changes
            .iter()
            .any(|c| matches!(c, Change::Claimed { .. }))
    );
    assert_eq!(store.watch("embassy").unwrap().unwrap().alerts, 2);
}

#[test]
fn background_incidents_and_other_targets_do_not_alert() {
    let mut store = common::fresh_store();
    store
        .add_watch(&embassy_watch(), WebhookPolicy::PublicOnly)
        .unwrap();
    let mut past = embassy_attack(4, LocationPrecision::City);
    past.background = true;
    let mut police = embassy_attack(1, LocationPrecision::City);
    police.targets[0].kind = TargetType::Police;
    let outcome = store
        .insert_batch_resolved(&[item("a", vec![past]), item("b", vec![police])])
        .unwrap();
    assert_eq!(outcome.alerts, 0);
    assert!(alerts(&store).is_empty());
}

#[test]
fn a_background_incident_of_this_week_alerts() {
    let mut store = common::fresh_store();
    store
        .add_watch(&embassy_watch(), WebhookPolicy::PublicOnly)
        .unwrap();
    // An attack an article mentions beside its own news, two days ago: still news here.
    let mut recent = embassy_attack(3, LocationPrecision::City);
    recent.background = true;
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    let day = today.checked_sub(jiff::Span::new().days(2)).unwrap();
    recent.date = Some(EventDate {
        start: Some(day),
        end: Some(day),
        precision: DatePrecision::Day,
        text: "on Monday".into(),
    });
    let outcome = store
        .insert_batch_resolved(&[item("a", vec![recent])])
        .unwrap();
    assert_eq!(outcome.alerts, 1);
}

#[test]
fn a_watch_added_later_does_not_replay_history() {
    let mut store = common::fresh_store();
    store
        .insert_batch(&[item("a", vec![embassy_attack(2, LocationPrecision::City)])])
        .unwrap();
    store
        .add_watch(&embassy_watch(), WebhookPolicy::PublicOnly)
        .unwrap();
    assert!(alerts(&store).is_empty());
    // The next report of that incident is news to the watch.
    let outcome = store
        .insert_batch_resolved(&[item("b", vec![embassy_attack(2, LocationPrecision::City)])])
        .unwrap();
    assert_eq!(outcome.alerts, 1);
}

#[test]
fn a_country_watch_alerts_again_when_the_place_becomes_exact() {
    let mut store = common::fresh_store();
    let libya = WatchSpec::new(
        "libya",
        Area::Country {
            country: CountryCode::new("LY").unwrap(),
        },
    );
    store.add_watch(&libya, WebhookPolicy::PublicOnly).unwrap();
    store
        .insert_batch(&[item(
            "a",
            vec![embassy_attack(2, LocationPrecision::Admin1)],
        )])
        .unwrap();
    store
        .insert_batch(&[item("b", vec![embassy_attack(2, LocationPrecision::City)])])
        .unwrap();
    let all = alerts(&store);
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(matches!(
        all[1].reason.changes.as_slice(),
        [Change::Located {
            to: LocationPrecision::City,
            ..
        }]
    ));
}

#[test]
fn watches_are_listed_named_once_and_removed() {
    let store = common::fresh_store();
    store
        .add_watch(&embassy_watch(), WebhookPolicy::PublicOnly)
        .unwrap();
    assert!(matches!(
        store.add_watch(&embassy_watch(), WebhookPolicy::PublicOnly),
        Err(Error::DuplicateWatch { .. })
    ));
    let mut bad = embassy_watch();
    bad.name = "other".into();
    bad.webhook = Some("http://127.0.0.1:1/hook".into());
    match store.add_watch(&bad, WebhookPolicy::PublicOnly) {
        Err(Error::InvalidWatch(err)) => assert_eq!(err.field, "webhook"),
        other => panic!("expected a refused webhook, got {other:?}"),
    }
    let added = store.add_watch(&bad, WebhookPolicy::AllowPrivate).unwrap();
    assert_eq!(added.secret.as_ref().map(String::len), Some(64));
    let names: Vec<String> = store
        .watches()
        .unwrap()
        .into_iter()
        .map(|w| w.spec.name)
        .collect();
    assert_eq!(names, ["embassy", "other"]);
    assert!(store.remove_watch("embassy").unwrap());
    assert!(!store.remove_watch("embassy").unwrap());
    assert!(store.watch("embassy").unwrap().is_none());
}

#[test]
fn an_alert_with_a_webhook_waits_in_the_outbox_until_delivered() {
    let mut store = common::fresh_store();
    let mut spec = embassy_watch();
    spec.webhook = Some("http://127.0.0.1:9/hook".into());
    let secret = store
        .add_watch(&spec, WebhookPolicy::AllowPrivate)
        .unwrap()
        .secret
        .unwrap();
    store
        .insert_batch(&[item("a", vec![embassy_attack(2, LocationPrecision::City)])])
        .unwrap();
    assert_eq!(store.outbox_stats().unwrap().pending, 1);
    let now = jiff::Timestamp::now().as_second();
    let leased = store.claim_deliveries(now, 60, 10).unwrap();
    assert_eq!(leased.len(), 1);
    assert_eq!(leased[0].secret, secret);
    assert_eq!(leased[0].url, "http://127.0.0.1:9/hook");
    // Leased: another deliverer sees nothing until the lease runs out.
    assert!(store.claim_deliveries(now, 60, 10).unwrap().is_empty());
    assert_eq!(store.claim_deliveries(now + 61, 60, 10).unwrap().len(), 1);
    store
        .delivery_failed(leased[0].alert.id, "connection refused", Some(now + 30))
        .unwrap();
    assert!(store.claim_deliveries(now + 10, 60, 10).unwrap().is_empty());
    let retry = store.claim_deliveries(now + 30, 60, 10).unwrap();
    assert_eq!(retry[0].attempts, 1);
    store.delivery_succeeded(retry[0].alert.id).unwrap();
    let stats = store.outbox_stats().unwrap();
    assert_eq!((stats.pending, stats.delivered, stats.failed), (0, 1, 0));
    assert!(
        store
            .claim_deliveries(now + 1_000, 60, 10)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn alerts_can_be_followed_by_id() {
    let mut store = common::fresh_store();
    let libya = WatchSpec::new(
        "libya",
        Area::Country {
            country: CountryCode::new("LY").unwrap(),
        },
    );
    store.add_watch(&libya, WebhookPolicy::PublicOnly).unwrap();
    store
        .add_watch(&embassy_watch(), WebhookPolicy::PublicOnly)
        .unwrap();
    store
        .insert_batch(&[item("a", vec![embassy_attack(2, LocationPrecision::City)])])
        .unwrap();
    let newest_first = store.alerts(&AlertQuery::default()).unwrap();
    assert_eq!(newest_first.len(), 2);
    assert!(newest_first[0].id > newest_first[1].id);
    let after = store
        .alerts(&AlertQuery {
            after: Some(newest_first[1].id),
            ..AlertQuery::default()
        })
        .unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].id, newest_first[0].id);
    let only = store
        .alerts(&AlertQuery {
            watch: Some("libya".into()),
            ..AlertQuery::default()
        })
        .unwrap();
    assert!(only.iter().all(|a| a.watch == "libya") && only.len() == 1);
}

#[test]
fn a_report_that_takes_the_lead_of_an_alerted_incident_does_not_alert_it_again() {
    let mut store = common::fresh_store();
    store
        .add_watch(&embassy_watch(), WebhookPolicy::PublicOnly)
        .unwrap();
    let first = store
        .insert_batch_resolved(&[item(
            "z-late-outlet",
            vec![embassy_attack(2, LocationPrecision::City)],
        )])
        .unwrap();
    assert_eq!(first.alerts, 1);
    let alerted = alerts(&store)[0].incident_id.clone();
    // A report that precedes it joins the incident and becomes its leader: the incident takes
    // that report's id, and the old id is an alias. The watch has heard it all already.
    let second = store
        .insert_batch_resolved(&[item(
            "a-early-outlet",
            vec![embassy_attack(2, LocationPrecision::City)],
        )])
        .unwrap();
    let current = store.current_incident_id(&alerted).unwrap().unwrap();
    assert_eq!(second.incidents.created, 0, "{second:?}");
    assert_eq!(second.alerts, 0, "the lead changed to {current}");
    // An escalation of the incident under its new id still alerts, once.
    let third = store
        .insert_batch_resolved(&[item(
            "m-outlet",
            vec![embassy_attack(5, LocationPrecision::City)],
        )])
        .unwrap();
    assert_eq!(third.alerts, 1);
}

/// Everything a store shows of its incidents, watches, alerts (but the time each was raised),
/// tokens and feeds.
fn everything(store: &Store) -> String {
    let incidents = store
        .query(&IncidentFilter {
            include_background: true,
            ..IncidentFilter::default()
        })
        .unwrap();
    format!(
        "{incidents:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        store.watches().unwrap(),
        alerts(store)
            .into_iter()
            .map(|a| (a.id, a.watch, a.incident_id, a.kind, a.reason))
            .collect::<Vec<_>>(),
        store.tokens().unwrap(),
        store.feeds().unwrap(),
        store.table_rows().unwrap(),
    )
}

#[test]
fn a_copied_store_keeps_every_id_and_goes_on_as_the_original() {
    let mut source = Store::open_in_memory().unwrap();
    source
        .add_watch(&embassy_watch(), WebhookPolicy::PublicOnly)
        .unwrap();
    source.create_token("desk").unwrap();
    source
        .record_poll(
            "https://news.example/feed.xml",
            &PollRecord::Failure {
                error: "timeout".into(),
            },
            7,
        )
        .unwrap();
    // An alerted incident whose lead then changes: an alias, an alert and what the watch heard.
    for id in ["z-late-outlet", "a-early-outlet"] {
        source
            .insert_batch(&[item(id, vec![embassy_attack(2, LocationPrecision::City)])])
            .unwrap();
    }
    let alias = alerts(&source)[0].incident_id.clone();

    let mut copy = common::fresh_store();
    let report = source.copy_into(&mut copy, |_| {}).unwrap();
    assert_eq!(report.rows("articles"), 2);
    assert_eq!(report.rows("alerts"), 1);
    assert_eq!(report, source.table_rows().unwrap());
    assert_eq!(everything(&copy), everything(&source));
    assert_eq!(alerts(&copy), alerts(&source));
    assert_eq!(
        copy.current_incident_id(&alias).unwrap(),
        source.current_incident_id(&alias).unwrap()
    );

    // Both go on alike: an escalation and a new attack two months later alert once each, under
    // the same new alert ids, and the new incident gets a row of its own.
    let mut later = embassy_attack(1, LocationPrecision::City);
    let june: Date = "2015-06-14".parse().unwrap();
    later.date = Some(EventDate {
        start: Some(june),
        end: Some(june),
        precision: DatePrecision::Day,
        text: "14 June".into(),
    });
    let batch = [
        item("m-outlet", vec![embassy_attack(5, LocationPrecision::City)]),
        item("n-outlet", vec![later]),
    ];
    for store in [&mut source, &mut copy] {
        let outcome = store.insert_batch_resolved(&batch).unwrap();
        assert_eq!((outcome.alerts, outcome.incidents.created), (2, 1));
    }
    assert_eq!(everything(&copy), everything(&source));

    // A store is copied into an empty one only.
    let err = source.copy_into(&mut copy, |_| {}).unwrap_err();
    assert!(matches!(err, Error::TargetNotEmpty { .. }), "{err}");
}
