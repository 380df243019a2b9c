//! Shutting down with a stream open: the alerts stream never ends on its own, so it must end
//! when the server begins to stop, or a dashboard left open would hold SIGTERM forever. (Its
//! own test binary: the shutdown flag is process-wide.)

use std::io::{Read, Write};
use std::time::Duration;

use sitrep_server::{ServerConfig, app, serve};
use sitrep_store::Store;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_alert_stream_does_not_hold_the_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    Store::open(&path).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve(listener, app(ServerConfig::new(path)), async {
        let _ = stopped.await;
    }));
    // A client opens the stream and reads its headers.
    let client = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        stream
            .write_all(b"GET /api/alerts/stream HTTP/1.1\r\nHost: test\r\n\r\n")
            .unwrap();
        let mut head = [0u8; 512];
        let n = stream.read(&mut head).unwrap();
        let head = String::from_utf8_lossy(&head[..n]).to_string();
        (stream, head)
    });
    let (stream, head) = client.await.unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head.contains("text/event-stream"), "{head}");
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("the server stops while a stream is open")
        .unwrap()
        .unwrap();
    drop(stream);
}
