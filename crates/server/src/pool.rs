//! A small pool of store connections for the async handlers.
//!
//! The store is synchronous (SQLite, or the blocking PostgreSQL client): each query runs on tokio's blocking thread pool with one
//! connection taken from this pool, and the connection goes back when the query ends. At most
//! `size` queries run at once (later requests wait for a place, within the request timeout);
//! file databases use WAL, so these readers never block each other or an ingest writing at the
//! same time. Connections are opened lazily, the first time they are needed, and map the
//! database file into memory ([`ReadTuning`]) so that reading a page costs no system call.
//!
//! A query still running when the request timeout passes is interrupted (SQLite's interrupt,
//! PostgreSQL's cancel request), and the request fails with [`ApiError::Timeout`]. On
//! PostgreSQL each connection is one session of the server, opened with a 10 s connect
//! timeout; an idle session is asked to answer before it is reused, and one the server closed
//! (a restart, a terminated backend) is dropped for a new one, so no request meets it.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use sitrep_store::{InterruptHandle, ReadTuning, Store, StoreLocation};
use tokio::sync::Semaphore;
use tokio::time::Instant;

use crate::error::{ApiError, Result};

/// How long an idle PostgreSQL session may take to answer before the pool opens another.
const IDLE_CHECK_TIMEOUT: Duration = Duration::from_secs(2);

/// Connections to one store.
#[derive(Debug)]
pub struct StorePool {
    location: StoreLocation,
    idle: Mutex<Vec<Store>>,
    places: Arc<Semaphore>,
    timeout: Duration,
}

impl StorePool {
    /// A pool of at most `size` connections to the store at `location`, whose queries are
    /// stopped after `timeout`. Opens nothing yet.
    pub fn new(location: StoreLocation, size: usize, timeout: Duration) -> StorePool {
        StorePool {
            location,
            idle: Mutex::new(Vec::new()),
            places: Arc::new(Semaphore::new(size.max(1))),
            timeout,
        }
    }

    /// The request timeout.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Runs `work` with a connection on the blocking thread pool and returns its result.
    ///
    /// Fails with [`ApiError::Timeout`] when no connection is free or `work` does not finish
    /// within the timeout (the running statement is then interrupted), and with
    /// [`ApiError::Internal`] when the store cannot be opened or `work` panics.
    pub async fn run<T, F>(self: &Arc<Self>, work: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T> + Send + 'static,
    {
        let deadline = Instant::now() + self.timeout;
        let timed_out = || ApiError::Timeout {
            timeout_ms: u64::try_from(self.timeout.as_millis()).unwrap_or(u64::MAX),
        };
        let place = tokio::time::timeout_at(deadline, Arc::clone(&self.places).acquire_owned())
            .await
            .map_err(|_| timed_out())?
            .map_err(|_| ApiError::Internal("store pool closed".into()))?;
        let interrupt: Arc<Mutex<Option<InterruptHandle>>> = Arc::new(Mutex::new(None));
        let pool = Arc::clone(self);
        let slot = Arc::clone(&interrupt);
        let task = tokio::task::spawn_blocking(move || {
            let _place = place;
            let store = match pool.take_idle() {
                Some(store) => store,
                None => {
                    let store = Store::open_location(&pool.location)?;
                    store.tune_for_reading(ReadTuning::default())?;
                    store
                }
            };
            *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(store.interrupt_handle());
            let result = work(&store);
            // From here on a late interrupt must not reach the next user of this connection.
            *slot.lock().unwrap_or_else(PoisonError::into_inner) = None;
            pool.put_back(store);
            result
        });
        match tokio::time::timeout_at(deadline, task).await {
            Ok(Ok(result)) => result,
            Ok(Err(join_error)) => Err(ApiError::Internal(format!(
                "store query task failed: {join_error}"
            ))),
            Err(_) => {
                if let Some(handle) = interrupt
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .as_ref()
                {
                    handle.interrupt();
                }
                Err(timed_out())
            }
        }
    }

    /// An idle connection that still answers, if any (closed ones are dropped). A PostgreSQL
    /// session idles without reading its socket, so one the server closed meanwhile looks
    /// connected until a round trip asks it.
    fn take_idle(&self) -> Option<Store> {
        loop {
            let store = self
                .idle
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .pop()?;
            if store.is_connected() && store.answers(IDLE_CHECK_TIMEOUT) {
                return Some(store);
            }
        }
    }

    /// Keeps a connection for the next request, unless the server closed it.
    fn put_back(&self, store: Store) {
        if !store.is_connected() {
            return;
        }
        self.idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(store);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(timeout: Duration) -> (tempfile::TempDir, Arc<StorePool>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pool.db");
        Store::open(&path).unwrap();
        let pool = Arc::new(StorePool::new(path.into(), 1, timeout));
        (dir, pool)
    }

    #[tokio::test]
    async fn work_runs_with_a_connection_that_is_reused() {
        let (_dir, pool) = pool(Duration::from_secs(10));
        for _ in 0..3 {
            let version = pool.run(|store| Ok(store.schema_version()?)).await.unwrap();
            assert!(version >= 1);
        }
        assert_eq!(pool.idle.lock().unwrap().len(), 1);
    }

    #[tokio::test]
    async fn slow_work_times_out_and_the_pool_recovers() {
        let (_dir, pool) = pool(Duration::from_millis(200));
        let slow = pool
            .run(|_| {
                std::thread::sleep(Duration::from_millis(800));
                Ok(())
            })
            .await;
        assert!(
            matches!(slow, Err(ApiError::Timeout { timeout_ms: 200 })),
            "{slow:?}"
        );
        // The one place is free again once the slow work ends.
        tokio::time::sleep(Duration::from_millis(1000)).await;
        let stats = pool.run(|store| Ok(store.stats()?)).await.unwrap();
        assert_eq!(stats.incidents, 0);
    }

    #[tokio::test]
    async fn a_missing_directory_is_an_internal_error() {
        let pool = Arc::new(StorePool::new(
            StoreLocation::from("/nonexistent-dir/x/y.db"),
            1,
            Duration::from_secs(5),
        ));
        let err = pool.run(|store| Ok(store.stats()?)).await.unwrap_err();
        assert!(matches!(err, ApiError::Internal(_)), "{err:?}");
    }
}
