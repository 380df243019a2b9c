//! Settings for connections that mostly read, such as the API server's pool.

use crate::Store;
use crate::error::Result;

/// How a reading connection uses memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadTuning {
    /// Bytes of the database file to map into memory (`PRAGMA mmap_size`): pages are then read
    /// from the OS page cache without a system call and a copy each. SQLite caps it at its
    /// compile-time maximum (2 GiB by default); 0 turns mapping off.
    pub mmap_bytes: u64,
    /// Size of the connection's own page cache in KiB (`PRAGMA cache_size = -N`).
    pub cache_kib: u64,
}

impl Default for ReadTuning {
    /// 2 GiB mapped, 16 MiB of page cache.
    fn default() -> Self {
        ReadTuning {
            mmap_bytes: 2 << 30,
            cache_kib: 16 << 10,
        }
    }
}

impl Store {
    /// Applies `tuning` to this connection. Writing stays correct with any setting; the
    /// settings last as long as the connection.
    ///
    /// A PostgreSQL server sizes its own caches; there the connection is told instead to plan
    /// every query with its values (`plan_cache_mode = force_custom_plan`): after five runs of
    /// a prepared statement PostgreSQL may switch to one generic plan, which for a box and a
    /// date range guesses one row and scans bitmaps of every incident in the box and in the
    /// range (2 s on 1M incidents, against 0.5 ms with the values' plan).
    pub fn tune_for_reading(&self, tuning: ReadTuning) -> Result<()> {
        let mmap = i64::try_from(tuning.mmap_bytes).unwrap_or(i64::MAX);
        let cache = -i64::try_from(tuning.cache_kib).unwrap_or(i64::MAX);
        let conn = match &self.backend {
            crate::Backend::Sqlite(conn) => conn,
            crate::Backend::Postgres(backend) => {
                backend
                    .borrow_mut()
                    .client
                    .batch_execute("SET plan_cache_mode = force_custom_plan")?;
                return Ok(());
            }
        };
        // `mmap_size` answers with the size in force, which `pragma_update` would refuse.
        let _in_force: i64 =
            conn.pragma_update_and_check(None, "mmap_size", mmap, |row| row.get(0))?;
        conn.pragma_update(None, "cache_size", cache)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IncidentSearch;

    #[test]
    fn a_tuned_file_store_still_reads() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db")).unwrap();
        store.tune_for_reading(ReadTuning::default()).unwrap();
        let cache: i64 = store
            .sqlite("a test")
            .unwrap()
            .pragma_query_value(None, "cache_size", |r| r.get(0))
            .unwrap();
        assert_eq!(cache, -(16 << 10));
        assert_eq!(store.search_count(&IncidentSearch::default()).unwrap(), 0);
    }
}
