//! Stopping a running query from another thread, for callers that give up waiting (the API's
//! request timeout).

use crate::Store;

/// A handle that interrupts whatever statement its store is running, from any thread.
///
/// The interrupted call returns an error (SQLite's "interrupted"); the store stays usable. A
/// call made after the interrupt, or when nothing runs, is not affected.
pub struct InterruptHandle(rusqlite::InterruptHandle);

impl std::fmt::Debug for InterruptHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InterruptHandle")
    }
}

impl InterruptHandle {
    /// Interrupts the running statement, if any. Cheap; never blocks.
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

impl Store {
    /// A handle to interrupt this store's running statement from another thread.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle(self.conn.get_interrupt_handle())
    }
}

#[cfg(test)]
mod tests {
    use crate::search::tests::store_with_fixtures;
    use crate::{IncidentSearch, Store};

    #[test]
    fn an_interrupt_without_a_running_query_changes_nothing() {
        let store: Store = store_with_fixtures();
        store.interrupt_handle().interrupt();
        assert_eq!(store.search_count(&IncidentSearch::default()).unwrap(), 5);
    }
}
