//! Running the real `sitrep` binary in a fresh temporary directory.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The bundled example corpus (`examples/corpus.jsonl`), as an argument.
pub fn corpus() -> String {
    repo_root()
        .join("examples/corpus.jsonl")
        .to_string_lossy()
        .into_owned()
}

/// A fresh directory and the binary.
pub struct Dir {
    pub tmp: tempfile::TempDir,
}

/// The result of one run.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub command: String,
}

impl Run {
    /// Panics with everything known when the exit code is not `code`.
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code,
            Some(code),
            "unexpected exit code\ncommand: {}\nstdout:\n{}\nstderr:\n{}",
            self.command,
            self.stdout,
            self.stderr
        );
        self
    }

    /// stdout parsed as JSON Lines.
    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("not JSON ({e}): {l}\ncommand: {}", self.command))
            })
            .collect()
    }
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository root exists")
}

impl Dir {
    pub fn new() -> Dir {
        Dir {
            tmp: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.tmp.path().join(name);
        std::fs::write(&p, bytes).expect("writing a test file");
        p
    }

    /// Every incident of the store `db`, background ones included, as `sitrep query` prints
    /// them in JSON.
    pub fn incidents(&self, db: &str) -> Vec<serde_json::Value> {
        self.run(&[
            "query",
            "--db",
            db,
            "--include-background",
            "--format",
            "json",
        ])
        .expect_code(0)
        .json_lines()
    }

    /// Runs `sitrep args…` in this directory with `SITREP_DB` unset.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, None)
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: Option<&[u8]>) -> Run {
        use std::io::Write;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitrep"));
        cmd.args(args)
            .current_dir(self.tmp.path())
            .env_remove("SITREP_DB");
        cmd.stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().expect("the sitrep binary runs");
        {
            let mut pipe = child.stdin.take().expect("stdin is piped");
            if let Some(bytes) = stdin {
                pipe.write_all(bytes).expect("writing stdin");
            }
        }
        let Output {
            status,
            stdout,
            stderr,
        } = child
            .wait_with_output()
            .expect("the sitrep binary finishes");
        Run {
            code: status.code(),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
            command: format!(
                "sitrep {} (in {})",
                args.join(" "),
                self.tmp.path().display()
            ),
        }
    }
}

/// Checks that every field that is set has evidence whose bytes lie on char boundaries of
/// `text` and contain the words the field's `text` quotes. Returns a list of problems.
pub fn evidence_problems(text: &str, incident: &serde_json::Value) -> Vec<String> {
    let mut problems = Vec::new();
    let evidence = incident["evidence"].as_array().cloned().unwrap_or_default();
    let spans_of = |field: &str| -> Vec<&str> {
        evidence
            .iter()
            .filter(|e| e["field"] == field)
            .filter_map(|e| {
                let (s, t) = (e["start"].as_u64()? as usize, e["end"].as_u64()? as usize);
                text.get(s..t)
            })
            .collect()
    };
    for e in &evidence {
        let (s, t) = (
            e["start"].as_u64().unwrap_or(u64::MAX) as usize,
            e["end"].as_u64().unwrap_or(0) as usize,
        );
        if s >= t || text.get(s..t).is_none() {
            problems.push(format!(
                "evidence {e} is not a non-empty char-aligned span of the text"
            ));
        }
    }
    let quoted = |field: &str, words: Option<&str>, problems: &mut Vec<String>| {
        let spans = spans_of(field);
        if spans.is_empty() {
            problems.push(format!("{field} is set but has no evidence"));
        } else if let Some(words) = words
            && !spans.iter().any(|s| s.contains(words))
        {
            problems.push(format!(
                "no evidence of {field} contains its words {words:?}"
            ));
        }
    };
    if !incident["date"].is_null() {
        quoted("date", incident["date"]["text"].as_str(), &mut problems);
    }
    if !incident["time"].is_null() {
        quoted("time", None, &mut problems);
    }
    if !incident["location"].is_null() {
        quoted(
            "location",
            incident["location"]["text"].as_str(),
            &mut problems,
        );
    }
    for field in ["killed", "wounded", "kidnapped", "attackers_killed"] {
        if incident.get(field).is_some_and(|v| !v.is_null()) {
            quoted(field, incident[field]["text"].as_str(), &mut problems);
        }
    }
    for p in incident["perpetrators"].as_array().into_iter().flatten() {
        quoted("perpetrators", p["text"].as_str(), &mut problems);
    }
    for t in incident["targets"].as_array().into_iter().flatten() {
        quoted("targets", t["text"].as_str(), &mut problems);
    }
    // `["unknown"]` is what a text that names no weapon gets, resting on no words.
    if incident["weapons"]
        .as_array()
        .is_some_and(|w| w.iter().any(|w| w != "unknown"))
    {
        quoted("weapons", None, &mut problems);
    }
    if incident["event_type"] != "unknown" {
        quoted("event_type", None, &mut problems);
    }
    problems
}

/// `sitrep ARGS…` (a `serve`, listening on `127.0.0.1:0`) run in `dir`: the child, the
/// address it says it listens on, and the lines of its standard error that follow.
pub fn serve(
    dir: &Dir,
    args: &[&str],
) -> (
    std::process::Child,
    String,
    std::sync::mpsc::Receiver<String>,
) {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .current_dir(dir.path())
        .env_remove("SITREP_DB")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (lines_tx, lines_rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            let _ = lines_tx.send(line);
        }
    });
    let address = loop {
        let line = lines_rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("the server says where it listens");
        if let Some(at) = line.find("http://127.0.0.1:") {
            let rest = &line[at + "http://".len()..];
            break rest[..rest.find('/').unwrap()].to_string();
        }
    };
    (child, address, lines_rx)
}

/// GET `path` from `address` over plain HTTP/1.1; the body.
pub fn http_get(address: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default()
}

/// A URL of a new schema of the PostgreSQL test database (`SITREP_TEST_POSTGRES`, set by
/// `scripts/test-postgres.sh`), or `None` without a server.
pub fn fresh_postgres() -> Option<String> {
    let Some(url) = std::env::var("SITREP_TEST_POSTGRES")
        .ok()
        .filter(|url| !url.is_empty())
    else {
        eprintln!("SITREP_TEST_POSTGRES is not set: no PostgreSQL server to test against");
        return None;
    };
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let schema = format!(
        "cli_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .unwrap();
    Some(format!("{url}?options=-csearch_path%3D{schema}"))
}
