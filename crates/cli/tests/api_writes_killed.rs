//! Writes over the API survive SIGKILL: `sitrep serve` killed while a client adds and removes
//! watches keeps every write it acknowledged and nothing half-written, and the client's
//! writes replayed against a restarted server end with the store of a run never killed.
//!
//! The client sends a fixed sequence of writes (adds of watches with varied specs, and removals
//! of earlier ones), one at a time, each with a bearer token. For several kill points (after 1,
//! 25 and 70 acknowledged writes) the server is killed while the next write is in flight; the
//! store must then pass `PRAGMA integrity_check` and hold exactly the acknowledged state, give
//! or take the one write in flight, applied whole or not at all.

mod util;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Child;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use sitrep_store::Store;
use util::Dir;

/// One write of the client.
#[derive(Debug, Clone)]
enum ClientWrite {
    Add(String, serde_json::Value),
    Remove(String),
}

/// The client's writes: 100 adds, and after every third add the removal of the add before
/// the one before.
fn writes() -> Vec<ClientWrite> {
    let mut writes = Vec::new();
    for i in 0..100usize {
        let name = format!("w{i:03}");
        let area = match i % 3 {
            0 => serde_json::json!({"kind": "country", "country": "LY"}),
            1 => serde_json::json!({
                "kind": "near", "lat": 32.0 + i as f64 / 100.0, "lon": 13.0, "radius_km": (5 + i) as f64
            }),
            _ => serde_json::json!({
                "kind": "bbox", "min_lon": 170.0, "min_lat": -20.0, "max_lon": -170.0, "max_lat": -10.0
            }),
        };
        let spec = serde_json::json!({"name": name, "area": area, "min_killed": i % 4});
        writes.push(ClientWrite::Add(name, spec));
        if i % 3 == 2 {
            writes.push(ClientWrite::Remove(format!("w{:03}", i - 2)));
        }
    }
    writes
}

/// The watches the writes `done` leave, by name, as their JSON specs.
fn state_after(writes: &[ClientWrite]) -> BTreeMap<String, serde_json::Value> {
    let mut state = BTreeMap::new();
    for write in writes {
        match write {
            ClientWrite::Add(name, spec) => {
                state.insert(name.clone(), spec.clone());
            }
            ClientWrite::Remove(name) => {
                state.remove(name);
            }
        }
    }
    state
}

/// The watches of a store, by name, as JSON specs, after checking the file is sound.
fn stored_state(dir: &Dir) -> BTreeMap<String, serde_json::Value> {
    let store = Store::open(&dir.path().join("s.db")).unwrap();
    let problems = store.integrity_problems().unwrap();
    assert!(problems.is_empty(), "integrity_check: {problems:?}");
    store
        .watches()
        .unwrap()
        .into_iter()
        .map(|w| {
            let spec = serde_json::to_value(&w.spec).unwrap();
            (w.spec.name, spec)
        })
        .collect()
}

/// Panics naming the watches on which two states differ.
fn assert_same(
    expected: &BTreeMap<String, serde_json::Value>,
    found: &BTreeMap<String, serde_json::Value>,
    what: &str,
) {
    let differ: Vec<&String> = expected
        .keys()
        .chain(found.keys())
        .filter(|name| expected.get(*name) != found.get(*name))
        .collect();
    assert!(
        differ.is_empty(),
        "{what}: the watches differ on {differ:?}"
    );
}

/// `sitrep serve` on a free port: the child and its address.
fn serve(dir: &Dir) -> (Child, String) {
    let (child, address, _) =
        util::serve(dir, &["serve", "--db", "s.db", "--listen", "127.0.0.1:0"]);
    (child, address)
}

/// Sends one write; its HTTP status, or `None` when the connection failed or broke.
fn send(address: &str, token: &str, write: &ClientWrite) -> Option<u16> {
    let mut stream = TcpStream::connect(address).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    let (method, path, body) = match write {
        ClientWrite::Add(_, spec) => ("POST", "/api/watches".to_string(), spec.to_string()),
        ClientWrite::Remove(name) => ("DELETE", format!("/api/watches/{name}"), String::new()),
    };
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    answer.split_whitespace().nth(1)?.parse().ok()
}

/// Whether `status` answers `write` as done (a repeated add or removal after a restart finds
/// its work done already: 409 and 404).
fn done(write: &ClientWrite, status: u16, replay: bool) -> bool {
    match (write, status) {
        (_, 200..=299) => true,
        (ClientWrite::Add(..), 409) | (ClientWrite::Remove(_), 404) => replay,
        _ => false,
    }
}

fn token(dir: &Dir) -> String {
    let run = dir.run(&["token", "create", "client", "--db", "s.db"]);
    let token = run
        .stdout
        .split_whitespace()
        .find(|w| w.starts_with("sitrep_"))
        .unwrap_or_else(|| panic!("no token in {:?}", run.stdout));
    token.to_string()
}

/// Sends `writes` in order from `from`, each until done; panics on a refusal.
fn send_all(address: &str, token: &str, writes: &[ClientWrite], from: usize, replay: bool) {
    for (i, write) in writes.iter().enumerate().skip(from) {
        let status = send(address, token, write).expect("the server answers");
        assert!(done(write, status, replay), "write {i} {write:?}: {status}");
    }
}

#[test]
fn api_writes_survive_sigkill_and_a_replay_ends_with_the_clean_store() {
    let writes = writes();
    let expected = state_after(&writes);
    assert!(expected.len() > 50);

    // A run never killed gives the expected state.
    let clean = Dir::new();
    let clean_token = token(&clean);
    let (mut server, address) = serve(&clean);
    send_all(&address, &clean_token, &writes, 0, false);
    server.kill().unwrap();
    server.wait().unwrap();
    assert_same(&expected, &stored_state(&clean), "run never killed");

    for kill_after in [1usize, 25, 70] {
        let dir = Dir::new();
        let token = token(&dir);
        let (mut server, address) = serve(&dir);
        let acknowledged = Arc::new(AtomicUsize::new(0));
        let client = {
            let (writes, acknowledged, token, address) = (
                writes.clone(),
                Arc::clone(&acknowledged),
                token.clone(),
                address.clone(),
            );
            std::thread::spawn(move || {
                for write in &writes {
                    match send(&address, &token, write) {
                        Some(status) if done(write, status, false) => {
                            acknowledged.fetch_add(1, Ordering::SeqCst);
                        }
                        Some(status) => panic!("{write:?}: {status}"),
                        None => return,
                    }
                }
            })
        };
        let started = Instant::now();
        while acknowledged.load(Ordering::SeqCst) < kill_after {
            assert!(started.elapsed() < Duration::from_secs(60), "no progress");
            std::thread::yield_now();
        }
        server.kill().unwrap();
        server.wait().unwrap();
        client.join().unwrap();
        let acked = acknowledged.load(Ordering::SeqCst);
        assert!(acked < writes.len(), "killed before the end");

        // The acknowledged writes, and the one in flight either whole or not at all.
        let found = stored_state(&dir);
        let without = state_after(&writes[..acked]);
        let with = state_after(&writes[..acked + 1]);
        assert!(
            found == without || found == with,
            "killed after {acked} acknowledged writes: the store holds neither state"
        );

        // The client replays from its first unacknowledged write.
        let (mut server, address) = serve(&dir);
        send_all(&address, &token, &writes, acked, true);
        server.kill().unwrap();
        server.wait().unwrap();
        assert_same(
            &expected,
            &stored_state(&dir),
            &format!("killed after {acked}"),
        );
    }
}
