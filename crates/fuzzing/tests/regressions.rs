//! Replays every saved fuzz input on stable: the findings of `fuzz/regressions/<target>/`
//! (kept forever), the hand-written seeds of `fuzz/seeds/<target>/` and the minimised corpus of
//! `fuzz/corpus/<target>/`, each through the same `sitrep-fuzzing` function as its target.
//!
//! Every target must have all three folders and a file in `fuzz/fuzz_targets/`, and every
//! folder and target file must name a target: a target renamed or added on one side only
//! fails here.

use std::collections::BTreeSet;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use sitrep_fuzzing::{TARGETS, Target};

/// The folders of inputs, each with one subfolder per target.
const INPUT_FOLDERS: &[&str] = &["regressions", "seeds", "corpus"];

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// The names of the entries of `dir` that `keep` accepts, sorted; hidden files are left out.
fn names(dir: &Path, keep: impl Fn(&Path) -> bool) -> BTreeSet<String> {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    entries
        .map(|entry| entry.unwrap_or_else(|e| panic!("reading {}: {e}", dir.display())))
        .filter(|entry| keep(&entry.path()))
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.'))
        .collect()
}

#[test]
fn every_target_has_its_file_and_folders() {
    let targets: BTreeSet<String> = TARGETS.iter().map(|(name, _)| name.to_string()).collect();
    let files: BTreeSet<String> = names(&fuzz_dir().join("fuzz_targets"), Path::is_file)
        .into_iter()
        .filter_map(|name| name.strip_suffix(".rs").map(str::to_string))
        .collect();
    assert_eq!(files, targets, "fuzz/fuzz_targets/*.rs against TARGETS");
    for folder in INPUT_FOLDERS {
        let dirs = names(&fuzz_dir().join(folder), Path::is_dir);
        assert_eq!(dirs, targets, "folders of fuzz/{folder}/ against TARGETS");
    }
}

/// Runs every input of every folder of `target`; returns one line per input that panicked.
fn replay(name: &str, target: Target) -> Vec<String> {
    let mut failures = Vec::new();
    for folder in INPUT_FOLDERS {
        let dir = fuzz_dir().join(folder).join(name);
        if !dir.is_dir() {
            failures.push(format!(
                "fuzz/{folder}/{name}/ is missing: was the target renamed?"
            ));
            continue;
        }
        for file in names(&dir, Path::is_file) {
            let path = dir.join(&file);
            let bytes =
                fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            if catch_unwind(AssertUnwindSafe(|| target(&bytes))).is_err() {
                failures.push(format!("fuzz/{folder}/{name}/{file}"));
            }
        }
    }
    failures
}

#[test]
fn saved_inputs_pass_their_targets() {
    // One thread per target: the slow ones (extraction, the API's store) overlap.
    let failures: Vec<String> = std::thread::scope(|scope| {
        let runs: Vec<_> = TARGETS
            .iter()
            .map(|&(name, target)| scope.spawn(move || replay(name, target)))
            .collect();
        runs.into_iter()
            .flat_map(|run| run.join().expect("a replay thread does not panic"))
            .collect()
    });
    assert!(
        failures.is_empty(),
        "inputs that fail (their panics are printed above) and missing folders:\n{}",
        failures.join("\n")
    );
}
