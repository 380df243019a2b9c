//! Command-line arguments → inputs.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::{IngestError, Origin};

/// One input: a path, or stdin.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Input {
    /// A file (a directory is expanded by [`expand_inputs`] first).
    Path(PathBuf),
    /// Standard input.
    Stdin,
}

impl Input {
    /// The name errors use for this input: the path as given, or `<stdin>`.
    pub fn name(&self) -> String {
        match self {
            Input::Path(path) => path.display().to_string(),
            Input::Stdin => crate::source::STDIN_NAME.to_string(),
        }
    }
}

/// Expands command-line arguments into inputs, in order:
/// - `-` is stdin;
/// - a directory gives its files, recursively, sorted by name, skipping hidden files and
///   directories (names starting with `.`);
/// - a file gives itself;
/// - a path that does not exist but contains `*`, `?` or `[` is a glob pattern (for shells that
///   did not expand it): its matches, sorted, directories expanded as above, hidden names only
///   when the pattern spells the dot;
/// - anything else is an error item ([`IngestError::NotFound`], [`IngestError::NoMatch`],
///   [`IngestError::Pattern`]), and the other arguments are still expanded.
///
/// ```
/// use sitrep_ingest::{expand_inputs, Input};
///
/// let inputs = expand_inputs(&["-".to_string(), "no/such/file.txt".to_string()]);
/// assert_eq!(inputs[0].as_ref().unwrap(), &Input::Stdin);
/// assert_eq!(inputs[1].as_ref().unwrap_err().to_string(), "no/such/file.txt: no such file or directory");
/// ```
pub fn expand_inputs(args: &[String]) -> Vec<Result<Input, IngestError>> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg == "-" {
            inputs.push(Ok(Input::Stdin));
            continue;
        }
        let path = Path::new(arg);
        if path.exists() {
            expand_path(path, &mut inputs);
        } else if arg.contains(['*', '?', '[']) {
            expand_glob(arg, &mut inputs);
        } else {
            inputs.push(Err(IngestError::NotFound {
                at: Origin::source(arg.as_str()),
            }));
        }
    }
    inputs
}

fn expand_path(path: &Path, inputs: &mut Vec<Result<Input, IngestError>>) {
    if !path.is_dir() {
        inputs.push(Ok(Input::Path(path.to_path_buf())));
        return;
    }
    let walker = WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) => inputs.push(Ok(Input::Path(entry.into_path()))),
            Err(e) => {
                let at = Origin::source(e.path().unwrap_or(path).display().to_string());
                let source = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("file system loop"));
                inputs.push(Err(IngestError::Io { at, source }));
            }
        }
    }
}

fn expand_glob(pattern: &str, inputs: &mut Vec<Result<Input, IngestError>>) {
    let options = glob::MatchOptions {
        require_literal_leading_dot: true,
        ..glob::MatchOptions::new()
    };
    let paths = match glob::glob_with(pattern, options) {
        Ok(paths) => paths,
        Err(e) => {
            inputs.push(Err(IngestError::Pattern {
                at: Origin::source(pattern),
                message: e.to_string(),
            }));
            return;
        }
    };
    let mut matched = false;
    for path in paths {
        matched = true;
        match path {
            Ok(path) => expand_path(&path, inputs),
            Err(e) => {
                let at = Origin::source(e.path().display().to_string());
                inputs.push(Err(IngestError::Io {
                    at,
                    source: e.into(),
                }));
            }
        }
    }
    if !matched {
        inputs.push(Err(IngestError::NoMatch {
            at: Origin::source(pattern),
        }));
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}
