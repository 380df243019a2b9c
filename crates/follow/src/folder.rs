//! Watching a folder for new files with the operating system's file events (`notify`: inotify on
//! Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows), so that a file is read as soon
//! as it is complete rather than at the next periodic look.

use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// File events under one folder.
pub struct FolderWatch {
    // Dropping the watcher stops the events.
    _watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
}

impl std::fmt::Debug for FolderWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FolderWatch").finish_non_exhaustive()
    }
}

impl FolderWatch {
    /// Starts watching `dir` and everything under it.
    pub fn new(dir: &Path) -> notify::Result<FolderWatch> {
        let (tx, events) = channel();
        let mut watcher = notify::recommended_watcher(move |event| {
            // The receiver is gone only when the watch is dropped.
            let _ = tx.send(event);
        })?;
        watcher.watch(dir, RecursiveMode::Recursive)?;
        Ok(FolderWatch {
            _watcher: watcher,
            events,
        })
    }

    /// Waits at most `timeout` for files to be created, written, renamed or closed, and says
    /// whether any were (draining every event that arrived). An error event counts as a
    /// change, so that the caller looks at the folder rather than miss a file.
    pub fn changed_within(&self, timeout: Duration) -> bool {
        let first = match self.events.recv_timeout(timeout) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => return false,
            Err(RecvTimeoutError::Disconnected) => {
                std::thread::sleep(timeout);
                return false;
            }
        };
        let mut changed = matters(&first);
        while let Ok(event) = self.events.try_recv() {
            changed |= matters(&event);
        }
        changed
    }
}

/// Whether an event can mean a new or grown file (not a mere read or metadata look).
fn matters(event: &notify::Result<notify::Event>) -> bool {
    match event {
        Ok(event) => {
            matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Any | EventKind::Other
            ) || matches!(
                event.kind,
                EventKind::Access(notify::event::AccessKind::Close(
                    notify::event::AccessMode::Write
                ))
            )
        }
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_an_event_and_silence_is_none() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let watch = FolderWatch::new(dir.path()).expect("watching works here");
        assert!(!watch.changed_within(Duration::from_millis(50)));
        std::fs::write(dir.path().join("report.txt"), "A bomb exploded.").expect("written");
        assert!(watch.changed_within(Duration::from_secs(5)));
    }
}
