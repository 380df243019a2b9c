//! Polls and page fetches against misbehaving servers on 127.0.0.1: a body that trickles, a
//! redirect loop, a body over the cap; and the pace a host is asked at. (A page that is no
//! feed, and a failing feed among good ones, are in the `sitrep follow` tests of the CLI.)

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sitrep_follow::{MAX_FEED_BYTES, PageFetcher, PollOutcome, Poller};
use sitrep_store::FeedState;

/// The requests a test server received: path and arrival.
type RequestLog = Arc<Mutex<Vec<(String, Instant)>>>;

/// Serves every connection on 127.0.0.1 with `answer(path, stream)` in its own thread, and
/// records when each request arrived; the base URL.
fn serve(answer: impl Fn(&str, &mut TcpStream) + Send + Sync + 'static) -> (String, RequestLog) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let base = format!("http://{}", listener.local_addr().expect("bound"));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let answer = Arc::new(answer);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let answer = Arc::clone(&answer);
            let log = Arc::clone(&log);
            std::thread::spawn(move || {
                let mut request_line = String::new();
                let mut reader = BufReader::new(stream.try_clone().expect("a stream"));
                if reader.read_line(&mut request_line).is_err() {
                    return;
                }
                // Skip the headers.
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                    line.clear();
                }
                let path = request_line
                    .split_whitespace()
                    .nth(1)
                    .unwrap_or("/")
                    .to_string();
                log.lock()
                    .expect("the log")
                    .push((path.clone(), Instant::now()));
                answer(&path, &mut stream);
            });
        }
    });
    (base, seen)
}

fn state(url: &str) -> FeedState {
    FeedState {
        url: url.to_string(),
        ..FeedState::default()
    }
}

fn failed(outcome: &PollOutcome) -> Option<&str> {
    match outcome {
        PollOutcome::Failed { error, .. } => Some(error),
        _ => None,
    }
}

#[test]
fn a_body_that_trickles_fails_at_the_timeout() {
    let (base, _) = serve(|_, stream| {
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n<rss>");
        for _ in 0..200 {
            if stream.write_all(b" ").is_err() {
                return;
            }
            let _ = stream.flush();
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    let poller = Poller::with_timeout(Duration::from_secs(1));
    let outcome = poller.poll(&state(&format!("{base}/slow.xml")));
    assert!(failed(&outcome).is_some(), "{outcome:?}");
}

#[test]
fn a_redirect_loop_fails() {
    let (base, seen) = serve(|path, stream| {
        let _ = write!(
            stream,
            "HTTP/1.1 302 Found\r\nLocation: {path}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
    });
    let poller = Poller::with_timeout(Duration::from_secs(5));
    let outcome = poller.poll(&state(&format!("{base}/loop.xml")));
    assert!(failed(&outcome).is_some(), "{outcome:?}");
    // The client gave up after a few hops, not at the timeout.
    assert!(seen.lock().expect("the log").len() <= 7);
}

#[test]
fn a_body_over_the_cap_fails_and_names_the_cap() {
    let (base, _) = serve(|_, stream| {
        let size = MAX_FEED_BYTES + 1024;
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {size}\r\n\r\n"
        );
        let chunk = vec![b'x'; 64 * 1024];
        let mut sent = 0;
        while sent < size {
            if stream.write_all(&chunk).is_err() {
                return;
            }
            sent += chunk.len() as u64;
        }
    });
    let poller = Poller::with_timeout(Duration::from_secs(20));
    let outcome = poller.poll(&state(&format!("{base}/huge.xml")));
    let error = failed(&outcome).expect("a failed poll");
    assert!(error.contains("larger than"), "{error}");
}

#[test]
fn a_host_is_asked_at_most_once_per_interval() {
    let (base, seen) = serve(|path, stream| {
        let body = if path == "/robots.txt" {
            "User-agent: *\nAllow: /\n".to_string()
        } else {
            format!("<html><body><p>Page {path}</p></body></html>")
        };
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
    });
    let interval = Duration::from_millis(400);
    let mut pages = PageFetcher::new(interval);
    for page in ["/a.html", "/b.html", "/c.html"] {
        pages
            .fetch(&format!("{base}{page}"))
            .expect("an allowed page");
    }
    let seen = seen.lock().expect("the log");
    let paths: Vec<&str> = seen.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["/robots.txt", "/a.html", "/b.html", "/c.html"]);
    for pair in seen.windows(2) {
        let gap = pair[1].1.duration_since(pair[0].1);
        // A little slack for the clock of the server thread against the fetcher's.
        assert!(gap + Duration::from_millis(20) >= interval, "{gap:?}");
    }
}
