//! Copying a whole store into an empty one, on either engine (`sitrep migrate`): every row of
//! every table, with its ids, so that incident ids, aliases, alert ids and what each watch has
//! heard stay as they were.

use rusqlite::ToSql;
use rusqlite::types::Value;

use crate::Store;
use crate::error::{Error, Result};
use crate::sql::{Dialect, Sql};

/// A table to copy: its name, its columns (the same on both engines) and how many leading
/// columns make its primary key (the order rows are read in, chunk after chunk).
struct Table {
    name: &'static str,
    columns: &'static [&'static str],
    key: usize,
}

/// Every table, in an order that inserts what a row refers to before the row.
const TABLES: &[Table] = &[
    Table {
        name: "articles",
        columns: &[
            "id",
            "source",
            "title",
            "url",
            "published",
            "text",
            "ingested_at",
        ],
        key: 1,
    },
    Table {
        name: "incidents",
        columns: &[
            "rid",
            "id",
            "event_type",
            "date_start",
            "date_end",
            "date_precision",
            "country",
            "admin1",
            "place",
            "lat",
            "lon",
            "location_precision",
            "killed_min",
            "killed_max",
            "killed_best",
            "wounded_min",
            "wounded_max",
            "kidnapped_min",
            "kidnapped_max",
            "perpetrators",
            "background",
            "confidence",
            "data",
            "created_at",
            "updated_at",
            "attackers_killed_min",
            "attackers_killed_max",
            "attackers_wounded_min",
            "attackers_wounded_max",
        ],
        key: 1,
    },
    Table {
        name: "mentions",
        columns: &["article_id", "ordinal", "incident_id", "data"],
        key: 2,
    },
    Table {
        name: "mention_blocks",
        columns: &[
            "country",
            "bucket",
            "article_id",
            "ordinal",
            "day_first",
            "day_last",
            "event_type",
            "place_precision",
            "lat",
            "admin1",
        ],
        key: 4,
    },
    Table {
        name: "incident_aliases",
        columns: &["id", "target"],
        key: 1,
    },
    Table {
        name: "resolution",
        columns: &["key", "value"],
        key: 1,
    },
    Table {
        name: "watches",
        columns: &["id", "name", "spec", "secret", "created_at"],
        key: 1,
    },
    Table {
        name: "alert_state",
        columns: &["watch_id", "incident_id", "state"],
        key: 2,
    },
    Table {
        name: "alerts",
        columns: &[
            "id",
            "watch_id",
            "watch_name",
            "incident_id",
            "kind",
            "reason",
            "created_at",
        ],
        key: 1,
    },
    Table {
        name: "outbox",
        columns: &[
            "alert_id",
            "watch_id",
            "attempts",
            "next_attempt",
            "leased_until",
            "delivered_at",
            "failed_at",
            "last_error",
        ],
        key: 1,
    },
    Table {
        name: "api_tokens",
        columns: &["name", "hash", "created_at", "revoked_at"],
        key: 1,
    },
    Table {
        name: "feeds",
        columns: &[
            "url",
            "etag",
            "last_modified",
            "last_poll_at",
            "last_success_at",
            "last_error",
            "failures",
            "next_poll",
            "items",
            "incidents",
        ],
        key: 1,
    },
    Table {
        name: "feed_items",
        columns: &["feed_url", "item", "seen_at"],
        key: 2,
    },
];

/// The identity columns whose next value PostgreSQL must be told after rows with explicit
/// ids arrive (SQLite takes the largest id by itself).
const IDENTITIES: &[(&str, &str)] = &[("incidents", "rid"), ("watches", "id"), ("alerts", "id")];

/// Rows read and written at a time.
const CHUNK_ROWS: usize = 500;

/// Rows per `INSERT` statement (PostgreSQL takes at most 65,535 parameters in one).
const INSERT_ROWS: usize = 100;

/// How many rows of each table a copy holds, in copy order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CopyReport {
    /// `(table, rows)`.
    pub tables: Vec<(&'static str, u64)>,
}

impl CopyReport {
    /// All rows.
    pub fn total(&self) -> u64 {
        self.tables.iter().map(|(_, rows)| rows).sum()
    }

    /// The rows of one table.
    pub fn rows(&self, table: &str) -> u64 {
        self.tables
            .iter()
            .find(|(name, _)| *name == table)
            .map_or(0, |(_, rows)| *rows)
    }
}

impl Store {
    /// How many rows each table holds: what [`Store::copy_into`] will copy.
    pub fn table_rows(&self) -> Result<CopyReport> {
        self.with_sql(|sql| {
            let tables = TABLES
                .iter()
                .map(|table| {
                    let n: i64 = sql
                        .query_one(&format!("SELECT count(*) FROM {}", table.name), &[])?
                        .get(0)?;
                    Ok((table.name, u64::try_from(n).unwrap_or(0)))
                })
                .collect::<Result<_>>()?;
            Ok(CopyReport { tables })
        })
    }

    /// Copies every row of this store into `target`, which must be empty (a new file or
    /// database), in one transaction of the target: all of it or, on error, nothing. Ids are
    /// kept: incidents, their aliases, watches, alerts and what each watch heard read the same
    /// in the copy. `progress` is called after each chunk with the rows copied so far.
    ///
    /// Errors with [`Error::TargetNotEmpty`] naming a table of `target` that holds rows.
    pub fn copy_into(
        &self,
        target: &mut Store,
        mut progress: impl FnMut(u64),
    ) -> Result<CopyReport> {
        let filled = target.table_rows()?;
        if let Some((table, rows)) = filled.tables.iter().find(|(_, rows)| *rows > 0) {
            return Err(Error::TargetNotEmpty { table, rows: *rows });
        }
        let mut report = CopyReport::default();
        let mut copied = 0;
        target.in_transaction(|out| {
            for table in TABLES {
                let rows = self.copy_table(table, out, |chunk| {
                    copied += chunk;
                    progress(copied);
                })?;
                report.tables.push((table.name, rows));
            }
            if out.dialect() == Dialect::Postgres {
                for (table, column) in IDENTITIES {
                    out.query_one(
                        &format!(
                            "SELECT setval(pg_get_serial_sequence('{table}', '{column}'), \
                             coalesce(max({column}), 0) + 1, false) FROM {table}"
                        ),
                        &[],
                    )?;
                }
            }
            Ok(())
        })?;
        Ok(report)
    }

    /// Copies one table chunk by chunk, in key order; returns its number of rows.
    fn copy_table(
        &self,
        table: &Table,
        out: &mut dyn Sql,
        mut copied: impl FnMut(u64),
    ) -> Result<u64> {
        let columns = table.columns.join(", ");
        let key = table.columns[..table.key].join(", ");
        let after = (1..=table.key)
            .map(|n| format!("?{n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let first = format!(
            "SELECT {columns} FROM {} ORDER BY {key} LIMIT {CHUNK_ROWS}",
            table.name
        );
        let next = format!(
            "SELECT {columns} FROM {} WHERE ({key}) > ({after}) ORDER BY {key} LIMIT {CHUNK_ROWS}",
            table.name
        );
        let mut last: Option<Vec<Value>> = None;
        let mut total = 0;
        loop {
            let rows = self.with_sql(|sql| match &last {
                None => sql.query(&first, &[]),
                Some(key) => {
                    let params: Vec<&dyn ToSql> = key.iter().map(|v| v as &dyn ToSql).collect();
                    sql.query(&next, &params)
                }
            })?;
            let Some(final_row) = rows.last() else {
                break;
            };
            last = Some(final_row.values()[..table.key].to_vec());
            for batch in rows.chunks(INSERT_ROWS) {
                insert_rows(out, table, batch)?;
            }
            total += rows.len() as u64;
            copied(rows.len() as u64);
            if rows.len() < CHUNK_ROWS {
                break;
            }
        }
        Ok(total)
    }
}

/// Inserts rows with one multi-row `INSERT`.
fn insert_rows(out: &mut dyn Sql, table: &Table, rows: &[crate::sql::Row]) -> Result<()> {
    let width = table.columns.len();
    let tuples = (0..rows.len())
        .map(|row| {
            let placeholders = (1..=width)
                .map(|column| format!("?{}", row * width + column))
                .collect::<Vec<_>>()
                .join(", ");
            format!("({placeholders})")
        })
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "INSERT INTO {} ({}) VALUES {tuples}",
        table.name,
        table.columns.join(", ")
    );
    let params: Vec<&dyn ToSql> = rows
        .iter()
        .flat_map(|row| row.values().iter().map(|v| v as &dyn ToSql))
        .collect();
    out.execute(&sql, &params)?;
    Ok(())
}
