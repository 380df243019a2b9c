//! Feeds followed and API tokens, on every engine (see `common`).

mod common;

use sitrep_store::{Error, PollRecord, TOKEN_PREFIX};

#[test]
fn a_token_verifies_until_it_is_revoked() {
    let store = common::fresh_store();
    let token = store.create_token("ops").unwrap();
    assert!(token.starts_with(TOKEN_PREFIX));
    assert_eq!(store.verify_token(&token).unwrap().as_deref(), Some("ops"));
    assert_eq!(store.verify_token("sitrep_guess").unwrap(), None);
    assert!(store.revoke_token("ops").unwrap());
    assert!(!store.revoke_token("ops").unwrap());
    assert_eq!(store.verify_token(&token).unwrap(), None);
    let listed = store.tokens().unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].revoked_at.is_some());
}

#[test]
fn names_are_unique_and_plain() {
    let store = common::fresh_store();
    store.create_token("ops").unwrap();
    assert!(matches!(
        store.create_token("ops"),
        Err(Error::DuplicateToken { .. })
    ));
    assert!(matches!(
        store.create_token("two words"),
        Err(Error::InvalidTokenName { .. })
    ));
}

#[test]
fn a_poll_keeps_validators_and_counts_and_a_failure_backs_off() {
    let store = common::fresh_store();
    let url = "http://127.0.0.1:1/feed.xml";
    assert_eq!(store.feed(url).unwrap().failures, 0);
    let ok = PollRecord::Success {
        etag: Some("\"v1\"".into()),
        last_modified: None,
        items: 3,
        incidents: 2,
    };
    store.record_poll(url, &ok, 100).unwrap();
    store
        .record_poll(
            url,
            &PollRecord::Failure {
                error: "timeout".into(),
            },
            200,
        )
        .unwrap();
    let state = store.feed(url).unwrap();
    assert_eq!(state.etag.as_deref(), Some("\"v1\""));
    assert_eq!((state.failures, state.next_poll, state.items), (1, 200, 3));
    assert_eq!(state.last_error.as_deref(), Some("timeout"));
    // A 304 keeps the validators it does not repeat and clears the error.
    let not_modified = PollRecord::Success {
        etag: None,
        last_modified: None,
        items: 0,
        incidents: 0,
    };
    store.record_poll(url, &not_modified, 300).unwrap();
    let state = store.feed(url).unwrap();
    assert_eq!(state.etag.as_deref(), Some("\"v1\""));
    assert_eq!((state.failures, state.last_error), (0, None));
    assert_eq!(store.feeds().unwrap().len(), 1);
}

#[test]
fn items_are_seen_per_feed() {
    let mut store = common::fresh_store();
    let items = vec!["g1".to_string(), "g2".to_string()];
    assert_eq!(store.unseen_items("a", &items).unwrap(), items);
    store.mark_items_seen("a", &items[..1]).unwrap();
    assert_eq!(store.unseen_items("a", &items).unwrap(), ["g2"]);
    assert_eq!(store.unseen_items("b", &items).unwrap(), items);
}
