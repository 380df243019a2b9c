//! A full disk, a read-only store and a store locked by another process each end the command
//! with one clear message and advice, leave the store sound (SQLite's integrity check) with
//! nothing half-written, and the same command run again once the cause is gone ends with the
//! store a run that never failed makes.
//!
//! The disk tests mount a small tmpfs inside the test folder (root with CAP_SYS_ADMIN, as in
//! CI); where mounting is not allowed they say so on stderr and check nothing else.

mod util;

use std::path::{Path, PathBuf};
use std::process::Command;

use sitrep_store::Store;
use util::Dir;

/// A corpus of distinct reports, several megabytes once stored.
fn write_corpus(dir: &Dir, articles: usize) -> PathBuf {
    const CITIES: &[&str] = &[
        "Kabul",
        "Baghdad",
        "Mosul",
        "Mogadishu",
        "Peshawar",
        "Aleppo",
    ];
    let mut lines = String::new();
    for n in 0..articles {
        let city = CITIES[n % CITIES.len()];
        let text = format!(
            "Gunmen attacked a police checkpoint in {city} on Monday, killing {} officers and \
             wounding {} others, officials said. Report number {n} adds that the attackers \
             fled toward the district of {} after the shooting, which lasted an hour.",
            2 + n % 7,
            1 + n % 5,
            CITIES[(n + 3) % CITIES.len()],
        );
        let record = serde_json::json!({
            "id": format!("r{n:05}"),
            "text": text,
            "published": format!("2019-{:02}-{:02}", 1 + n % 12, 1 + n % 28),
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    dir.write("corpus.jsonl", lines)
}

/// A tmpfs mounted at a folder, unmounted when dropped.
struct Tmpfs {
    at: PathBuf,
}

impl Tmpfs {
    /// Mounts a tmpfs of `size` (`1m`) at `dir/name`, or `None` where mounting is not allowed.
    fn mount(dir: &Dir, name: &str, size: &str) -> Option<Tmpfs> {
        let at = dir.path().join(name);
        std::fs::create_dir_all(&at).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&at)
            .output()
            .is_ok_and(|out| out.status.success());
        if mounted {
            Some(Tmpfs { at })
        } else {
            eprintln!("storage_problems: cannot mount a tmpfs here (needs root); not checked");
            None
        }
    }

    /// Remounts with these options (`ro`, `rw`, `size=64m`).
    fn remount(&self, options: &str) {
        let out = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.at)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "remount {options}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.at).output();
    }
}

/// Counts of a store that must equal a clean run's, after checking the file is sound.
fn sound_counts(path: &Path) -> (u64, u64, u64) {
    let store = Store::open(path).unwrap();
    let problems = store.integrity_problems().unwrap();
    assert!(problems.is_empty(), "integrity_check: {problems:?}");
    let stats = store.stats().unwrap();
    (stats.articles, stats.incidents, stats.mentions)
}

fn ingest(dir: &Dir, db: &str) -> util::Run {
    dir.run(&["ingest", "corpus.jsonl", "--db", db, "--batch", "64"])
}

#[test]
fn a_full_disk_stops_with_advice_and_a_rerun_completes_the_store() {
    let dir = Dir::new();
    write_corpus(&dir, 3_000);
    ingest(&dir, "clean.db").expect_code(0);
    let clean = sound_counts(&dir.path().join("clean.db"));

    let Some(disk) = Tmpfs::mount(&dir, "small", "1m") else {
        return;
    };
    let failed = ingest(&dir, "small/s.db");
    assert_eq!(failed.code, Some(2), "{}", failed.stderr);
    assert!(
        failed.stderr.contains("disk holding the store is full"),
        "{}",
        failed.stderr
    );
    assert_eq!(
        failed.stderr.matches("database or disk is full").count(),
        1,
        "the cause is said once: {}",
        failed.stderr
    );

    disk.remount("size=64m");
    let partial = sound_counts(&disk.at.join("s.db"));
    assert!(partial.0 < clean.0, "the disk filled before the end");
    ingest(&dir, "small/s.db").expect_code(0);
    assert_eq!(sound_counts(&disk.at.join("s.db")), clean);
}

#[test]
fn a_read_only_store_is_refused_with_advice_and_left_as_it_was() {
    let dir = Dir::new();
    write_corpus(&dir, 200);
    let Some(disk) = Tmpfs::mount(&dir, "media", "16m") else {
        return;
    };
    ingest(&dir, "media/s.db").expect_code(0);
    let before = sound_counts(&disk.at.join("s.db"));
    disk.remount("ro");
    for args in [
        &["ingest", "corpus.jsonl", "--db", "media/s.db"][..],
        &["watch", "add", "w", "--country", "LY", "--db", "media/s.db"][..],
    ] {
        let run = dir.run(args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("media/s.db") && run.stderr.contains("read-only"),
            "{args:?}: {}",
            run.stderr
        );
    }
    disk.remount("rw");
    assert_eq!(sound_counts(&disk.at.join("s.db")), before);
}

#[test]
fn a_store_locked_by_another_process_is_refused_with_advice() {
    let dir = Dir::new();
    write_corpus(&dir, 100);
    ingest(&dir, "clean.db").expect_code(0);
    let clean = sound_counts(&dir.path().join("clean.db"));

    dir.run(&["watch", "list", "--db", "s.db"]).expect_code(0);
    let path = dir.path().join("s.db");
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let locked = ingest(&dir, "s.db");
    assert_eq!(locked.code, Some(2), "{}", locked.stderr);
    assert!(
        locked.stderr.contains("another process held a lock"),
        "{}",
        locked.stderr
    );
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(sound_counts(&path).0, 0, "nothing was written");
    ingest(&dir, "s.db").expect_code(0);
    assert_eq!(sound_counts(&path), clean);
}
