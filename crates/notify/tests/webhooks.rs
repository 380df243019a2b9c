//! Webhooks against a receiver on 127.0.0.1: an alert arrives once, signed; a receiver that
//! fails is tried again until it answers; what the outbox holds survives a restart.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use jiff::civil::Date;
use sitrep_model::{
    Article, ArticleId, ArticleMeta, Count, CountryCode, DatePrecision, EventDate, EventType,
    ExtractedArticle, Incident, Location, LocationPrecision,
};
use sitrep_notify::{ALERT_ID_HEADER, Notifier, RetryPolicy, SIGNATURE_HEADER, verify_signature};
use sitrep_store::Store;
use sitrep_watch::{Area, WatchSpec, WebhookPolicy};

/// One request as the receiver saw it.
#[derive(Debug, Clone)]
struct Received {
    headers: BTreeMap<String, String>,
    body: Vec<u8>,
}

/// A webhook receiver on a free port of 127.0.0.1 that answers each request with the next
/// status of `statuses` (the last one repeats), recording every request.
fn receiver(statuses: Vec<u16>) -> (String, Arc<Mutex<Vec<Received>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&seen);
    thread::spawn(move || {
        for (n, stream) in listener.incoming().enumerate() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut headers = BTreeMap::new();
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            loop {
                line.clear();
                reader.read_line(&mut line).unwrap();
                let trimmed = line.trim_end();
                if trimmed.is_empty() {
                    break;
                }
                if let Some((k, v)) = trimmed.split_once(':') {
                    headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
                }
            }
            let length: usize = headers
                .get("content-length")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            record.lock().unwrap().push(Received { headers, body });
            let status = statuses[n.min(statuses.len() - 1)];
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    (url, seen)
}

fn attack(id: &str) -> (Article, ExtractedArticle) {
    let article = Article {
        id: ArticleId::new(id),
        text: "Gunmen attacked the embassy.".into(),
        published: Some("2015-04-13".parse::<Date>().unwrap()),
        title: None,
        url: None,
        source: None,
    };
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
        precision: LocationPrecision::City,
        text: "Tripoli".into(),
    });
    i.killed = Some(Count {
        min: Some(2),
        max: Some(2),
        text: "killing two".into(),
    });
    let extracted = ExtractedArticle {
        article: ArticleMeta::from(&article),
        incidents: vec![i],
    };
    (article, extracted)
}

fn watch_with(url: &str) -> WatchSpec {
    let mut spec = WatchSpec::new(
        "embassy",
        Area::Near {
            lat: 32.8872,
            lon: 13.1913,
            radius_km: 25.0,
            radius_km_by_type: BTreeMap::new(),
        },
    );
    spec.webhook = Some(url.to_string());
    spec
}

fn immediate(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        base: Duration::ZERO,
        max_delay: Duration::ZERO,
        max_attempts,
    }
}

#[test]
fn an_alert_arrives_once_and_its_signature_verifies() {
    let (url, seen) = receiver(vec![200]);
    let mut store = Store::open_in_memory().unwrap();
    let secret = store
        .add_watch(&watch_with(&url), WebhookPolicy::AllowPrivate)
        .unwrap()
        .secret
        .unwrap();
    store.insert_batch(&[attack("a")]).unwrap();
    let notifier = Notifier::new(WebhookPolicy::AllowPrivate, immediate(3));
    let report = notifier.deliver_due(&mut store).unwrap();
    assert_eq!(report.delivered, 1);
    // Nothing is due any more: a second round sends nothing.
    assert_eq!(notifier.deliver_due(&mut store).unwrap().delivered, 0);

    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 1);
    let request = &seen[0];
    let signature = &request.headers[&SIGNATURE_HEADER.to_ascii_lowercase()];
    assert!(verify_signature(&secret, &request.body, signature));
    let payload: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(payload["alert"]["watch"], "embassy");
    assert_eq!(payload["alert"]["kind"], "new");
    assert_eq!(payload["incident"]["location"]["name"], "Tripoli");
    assert_eq!(
        request.headers[&ALERT_ID_HEADER.to_ascii_lowercase()],
        payload["alert"]["id"].to_string()
    );
}

#[test]
fn a_receiver_that_fails_twice_then_succeeds_gets_the_alert_once() {
    let (url, seen) = receiver(vec![500, 503, 200]);
    let mut store = Store::open_in_memory().unwrap();
    store
        .add_watch(&watch_with(&url), WebhookPolicy::AllowPrivate)
        .unwrap();
    store.insert_batch(&[attack("a")]).unwrap();
    let notifier = Notifier::new(WebhookPolicy::AllowPrivate, immediate(5));
    let report = notifier.deliver_due(&mut store).unwrap();
    assert_eq!(
        (report.retrying, report.delivered, report.failed),
        (2, 1, 0)
    );
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 3);
    // The same alert each time, so a receiver can drop a repeat.
    let ids: Vec<&String> = seen
        .iter()
        .map(|r| &r.headers[&ALERT_ID_HEADER.to_ascii_lowercase()])
        .collect();
    assert!(ids.windows(2).all(|w| w[0] == w[1]));
    let stats = store.outbox_stats().unwrap();
    assert_eq!((stats.pending, stats.delivered), (0, 1));
}

#[test]
fn a_receiver_that_never_answers_well_is_given_up_with_its_error() {
    let (url, seen) = receiver(vec![500]);
    let mut store = Store::open_in_memory().unwrap();
    store
        .add_watch(&watch_with(&url), WebhookPolicy::AllowPrivate)
        .unwrap();
    store.insert_batch(&[attack("a")]).unwrap();
    let report = Notifier::new(WebhookPolicy::AllowPrivate, immediate(3))
        .deliver_due(&mut store)
        .unwrap();
    assert_eq!((report.retrying, report.failed), (2, 1));
    assert_eq!(seen.lock().unwrap().len(), 3);
    assert_eq!(store.outbox_stats().unwrap().failed, 1);
}

#[test]
fn a_private_webhook_is_refused_at_delivery_unless_allowed() {
    let (url, seen) = receiver(vec![200]);
    let mut store = Store::open_in_memory().unwrap();
    store
        .add_watch(&watch_with(&url), WebhookPolicy::AllowPrivate)
        .unwrap();
    store.insert_batch(&[attack("a")]).unwrap();
    let report = Notifier::new(WebhookPolicy::PublicOnly, immediate(5))
        .deliver_due(&mut store)
        .unwrap();
    assert_eq!(report.failed, 1, "refused at once, not retried");
    assert!(seen.lock().unwrap().is_empty());
}

#[test]
fn what_was_pending_when_the_process_died_is_delivered_after_a_restart() {
    let (url, seen) = receiver(vec![200]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .add_watch(&watch_with(&url), WebhookPolicy::AllowPrivate)
            .unwrap();
        store.insert_batch(&[attack("a")]).unwrap();
        // The process ends here, before delivering.
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.outbox_stats().unwrap().pending, 1);
    let report = Notifier::new(WebhookPolicy::AllowPrivate, immediate(3))
        .deliver_due(&mut store)
        .unwrap();
    assert_eq!(report.delivered, 1);
    assert_eq!(seen.lock().unwrap().len(), 1);
}

#[test]
fn a_dead_receiver_costs_one_attempt_per_round_not_one_per_alert() {
    let (url, seen) = receiver(vec![500]);
    let mut store = Store::open_in_memory().unwrap();
    store
        .add_watch(&watch_with(&url), WebhookPolicy::AllowPrivate)
        .unwrap();
    // A second watch on the same receiver: two alerts for one incident.
    let mut other = watch_with(&url);
    other.name = "embassy-2".into();
    store
        .add_watch(&other, WebhookPolicy::AllowPrivate)
        .unwrap();
    store.insert_batch(&[attack("a")]).unwrap();
    let slow = RetryPolicy {
        base: Duration::from_secs(60),
        max_delay: Duration::from_secs(60),
        max_attempts: 5,
    };
    let report = Notifier::new(WebhookPolicy::AllowPrivate, slow)
        .deliver_due(&mut store)
        .unwrap();
    assert_eq!((report.retrying, report.postponed), (1, 1));
    assert_eq!(
        seen.lock().unwrap().len(),
        1,
        "the receiver was called once"
    );
    // Both wait for the receiver's next attempt; neither is lost.
    assert_eq!(store.outbox_stats().unwrap().pending, 2);
    let now = jiff::Timestamp::now().as_second();
    assert!(store.claim_deliveries(now, 60, 10).unwrap().is_empty());
    assert_eq!(store.claim_deliveries(now + 61, 60, 10).unwrap().len(), 2);
}
