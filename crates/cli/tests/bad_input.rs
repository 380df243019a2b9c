//! Bad input never stops a batch: each bad file or record gets a one-line message naming it,
//! the rest is read, and the exit status says whether anything could be read.

mod util;

use util::Dir;

const GOOD: &str =
    "Gunmen killed two police officers at a checkpoint in Kabul on Monday, officials said.";

fn error_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("sitrep: error:"))
        .collect()
}

#[test]
fn every_bad_input_is_named_and_the_good_one_is_still_read() {
    let dir = Dir::new();
    dir.write("empty.txt", "");
    dir.write(
        "binary.txt",
        [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 255, 254, 0, 7],
    );
    dir.write(
        "latin1.txt",
        b"Caf\xe9 \xe9\xe9\xe9 \xff\xfe r\xe9sum\xe9 \xe0 \xe8".repeat(4),
    );
    dir.write("records.jsonl", format!("{{\"id\":\"ok-1\",\"text\":\"{GOOD}\",\"published\":\"2017-05-02\"}}\nthis is not json\n{{\"id\":\"no-text\"}}\n"));
    dir.write("good.txt", GOOD);
    let run = dir.run(&[
        "extract",
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "records.jsonl",
        "missing.txt",
        "good.txt",
        "--published",
        "2017-05-02",
    ]);
    let run = run.expect_code(0);
    let errors = error_lines(&run.stderr);
    for name in [
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "records.jsonl:2",
        "records.jsonl:3",
        "missing.txt",
    ] {
        assert_eq!(
            errors.iter().filter(|l| l.contains(name)).count(),
            1,
            "one error naming {name}:\n{}",
            run.stderr
        );
    }
    for line in &errors {
        assert!(!line.contains('\n'));
    }
    let out = run.json_lines();
    assert_eq!(
        out.len(),
        2,
        "the JSONL record and good.txt are read: {}",
        run.stdout
    );
    assert_eq!(out[0]["article"]["id"], "ok-1");
    assert!(!run.stderr.contains("panicked"));
}

#[test]
fn nothing_readable_exits_non_zero() {
    let dir = Dir::new();
    dir.write("empty.txt", "");
    let run = dir.run(&["extract", "empty.txt", "missing.txt"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(error_lines(&run.stderr).len(), 2, "{}", run.stderr);
}

#[test]
fn bad_flags_exit_with_two() {
    let dir = Dir::new();
    let run = dir.run(&["extract", "--published", "13/04/2015"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("YYYY-MM-DD"), "{}", run.stderr);
    let run = dir.run(&["query", "--db", "none.db", "--bbox", "1,2,3"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("--bbox"), "{}", run.stderr);
}

#[test]
fn standard_input_is_read_when_no_file_is_given() {
    let dir = Dir::new();
    let run = dir
        .run_with_stdin(
            &["extract", "--published", "2017-05-02"],
            Some(GOOD.as_bytes()),
        )
        .expect_code(0);
    let out = run.json_lines();
    assert_eq!(out.len(), 1);
    assert_eq!(out[0]["incidents"][0]["killed"]["min"], 2);
    assert_eq!(out[0]["incidents"][0]["date"]["start"], "2017-05-01");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let dir = Dir::new();
    let record = format!("{{\"text\":\"{GOOD}\"}}\n");
    dir.write("many.jsonl", record.repeat(3000));
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["extract", "many.jsonl"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(status.success(), "exit {status:?}, stderr: {stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
}
