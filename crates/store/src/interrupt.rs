//! Stopping a running query from another thread, for callers that give up waiting (the API's
//! request timeout).

use crate::Store;

/// A handle that interrupts whatever statement its store is running, from any thread.
///
/// The interrupted call returns an error (SQLite's "interrupted", PostgreSQL's "canceling
/// statement"); the store stays usable. A call made after the interrupt, or when nothing
/// runs, is not affected.
pub struct InterruptHandle(Engine);

enum Engine {
    Sqlite(rusqlite::InterruptHandle),
    Postgres(postgres::CancelToken),
}

impl std::fmt::Debug for InterruptHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InterruptHandle")
    }
}

impl InterruptHandle {
    /// Interrupts the running statement, if any. Cheap; never blocks.
    pub fn interrupt(&self) {
        match &self.0 {
            Engine::Sqlite(handle) => handle.interrupt(),
            Engine::Postgres(token) => {
                // Cancelling opens a connection to the server: do it off the caller's thread.
                // A failed cancel leaves the statement to finish, as if it came too late.
                let token = token.clone();
                std::thread::spawn(move || token.cancel_query(postgres::NoTls));
            }
        }
    }
}

impl Store {
    /// A handle to interrupt this store's running statement from another thread.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle(match &self.backend {
            crate::Backend::Sqlite(conn) => Engine::Sqlite(conn.get_interrupt_handle()),
            crate::Backend::Postgres(backend) => {
                Engine::Postgres(backend.borrow().client.cancel_token())
            }
        })
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
