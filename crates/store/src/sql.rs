//! One way to run a statement on either engine: [`Sql`] takes SQL written with SQLite's
//! placeholders (`?1`, `?`) and parameters as [`rusqlite::ToSql`] values, and returns rows of
//! plain [`Value`]s. The code that resolves and reads incidents is written once against it;
//! [`Sqlite`] runs it on a SQLite connection or transaction, and
//! [`PgSql`](crate::postgres::PgSql) on a PostgreSQL client or transaction.
//!
//! The SQL itself must mean the same on both engines: `INSERT … ON CONFLICT` rather than
//! `INSERT OR IGNORE`/`OR REPLACE`, `RETURNING` rather than `last_insert_rowid()`, no negative
//! `LIMIT`, and every parameter's type clear from its context (PostgreSQL infers it when the
//! statement is prepared). Where the engines differ (the spatial index), code asks
//! [`Sql::dialect`].

use std::rc::Rc;

use rusqlite::types::{ToSqlOutput, Value};
use rusqlite::{Connection, ToSql};

use crate::error::{Error, Result};

/// The engine a [`Sql`] runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// SQLite (the embedded store).
    Sqlite,
    /// PostgreSQL (the shared store).
    Postgres,
}

/// Runs statements; see the module documentation for the SQL it accepts.
pub(crate) trait Sql {
    /// The engine.
    fn dialect(&self) -> Dialect;

    /// Runs a statement that returns no rows; returns the number of rows it changed.
    fn execute(&mut self, sql: &str, params: &[&dyn ToSql]) -> Result<u64>;

    /// Runs a query and returns all its rows.
    fn query(&mut self, sql: &str, params: &[&dyn ToSql]) -> Result<Vec<Row>>;

    /// The first row of a query, if any.
    fn query_first(&mut self, sql: &str, params: &[&dyn ToSql]) -> Result<Option<Row>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// The first row of a query, which must return one.
    fn query_one(&mut self, sql: &str, params: &[&dyn ToSql]) -> Result<Row> {
        self.query_first(sql, params)?.ok_or_else(|| Error::Column {
            column: String::from("(row)"),
            reason: format!("the query returned no row: {sql}"),
        })
    }

    /// Whether a query returns any row.
    fn exists(&mut self, sql: &str, params: &[&dyn ToSql]) -> Result<bool> {
        Ok(self.query_first(sql, params)?.is_some())
    }
}

/// One row of a query's result.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    columns: Rc<[String]>,
    values: Vec<Value>,
}

impl Row {
    pub(crate) fn new(columns: Rc<[String]>, values: Vec<Value>) -> Row {
        Row { columns, values }
    }

    /// Every value, in column order.
    pub(crate) fn values(&self) -> &[Value] {
        &self.values
    }

    /// The name of column `index`.
    pub(crate) fn column_name(&self, index: usize) -> &str {
        self.columns.get(index).map_or("?", String::as_str)
    }

    /// Column `index` as a `T`; a missing column or a value of another type is an
    /// [`Error::Column`].
    pub(crate) fn get<T: FromValue>(&self, index: usize) -> Result<T> {
        let error = |reason: String| Error::Column {
            column: self.column_name(index).to_string(),
            reason,
        };
        let value = self
            .values
            .get(index)
            .ok_or_else(|| error(format!("no column {index}")))?;
        T::from_value(value).ok_or_else(|| error(format!("unexpected value {value:?}")))
    }
}

/// A Rust value read from a column.
pub(crate) trait FromValue: Sized {
    /// The value, or `None` when the column holds another type.
    fn from_value(value: &Value) -> Option<Self>;
}

impl FromValue for String {
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Text(text) => Some(text.clone()),
            _ => None,
        }
    }
}

impl FromValue for i64 {
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Integer(n) => Some(*n),
            _ => None,
        }
    }
}

impl FromValue for f64 {
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Real(x) => Some(*x),
            // SQLite stores a whole REAL as an integer when it can.
            Value::Integer(n) => Some(*n as f64),
            _ => None,
        }
    }
}

impl FromValue for bool {
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Integer(n) => Some(*n != 0),
            _ => None,
        }
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Null => Some(None),
            other => T::from_value(other).map(Some),
        }
    }
}

/// A parameter as an owned [`Value`] (what a PostgreSQL statement encodes).
pub(crate) fn owned_value(param: &dyn ToSql) -> Result<Value> {
    let unsupported = |reason: String| Error::Column {
        column: String::from("(parameter)"),
        reason,
    };
    match param.to_sql()? {
        ToSqlOutput::Borrowed(value) => {
            Value::try_from(value).map_err(|err| unsupported(err.to_string()))
        }
        ToSqlOutput::Owned(value) => Ok(value),
        other => Err(unsupported(format!("unsupported parameter {other:?}"))),
    }
}

/// A SQLite connection (or a transaction, through `Deref`) as a [`Sql`]; statements are
/// cached per connection.
pub(crate) struct Sqlite<'a>(pub &'a Connection);

impl Sql for Sqlite<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn execute(&mut self, sql: &str, params: &[&dyn ToSql]) -> Result<u64> {
        let changed = self.0.prepare_cached(sql)?.execute(params)?;
        Ok(changed as u64)
    }

    fn query(&mut self, sql: &str, params: &[&dyn ToSql]) -> Result<Vec<Row>> {
        let mut statement = self.0.prepare_cached(sql)?;
        let columns: Rc<[String]> = statement.column_names().map(String::from).collect();
        let width = columns.len();
        let mut rows = statement.query(params)?;
        let mut found = Vec::new();
        while let Some(row) = rows.next()? {
            let values = (0..width)
                .map(|index| row.get::<_, Value>(index))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            found.push(Row::new(Rc::clone(&columns), values));
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::params;

    use super::*;

    #[test]
    fn sqlite_rows_read_back_as_the_types_written() {
        let conn = Connection::open_in_memory().unwrap();
        let mut sql = Sqlite(&conn);
        sql.execute("CREATE TABLE t (a TEXT, b INTEGER, c REAL)", params![])
            .unwrap();
        let changed = sql
            .execute(
                "INSERT INTO t VALUES (?1, ?2, ?3), (NULL, ?2, NULL)",
                params!["x", 7, 2.5],
            )
            .unwrap();
        assert_eq!(changed, 2);
        let rows = sql
            .query("SELECT a, b, c FROM t ORDER BY a NULLS LAST", params![])
            .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].get::<String>(0).unwrap(), "x");
        assert_eq!(rows[0].get::<i64>(1).unwrap(), 7);
        assert_eq!(rows[0].get::<f64>(2).unwrap(), 2.5);
        assert_eq!(rows[1].get::<Option<String>>(0).unwrap(), None);
        assert!(rows[1].get::<String>(0).is_err(), "NULL is no text");
        let err = rows[0].get::<i64>(0).unwrap_err().to_string();
        assert!(err.contains("column a"), "{err}");
        assert!(
            sql.exists("SELECT 1 FROM t WHERE b = ?1", params![7])
                .unwrap()
        );
        assert!(
            !sql.exists("SELECT 1 FROM t WHERE b = ?1", params![8])
                .unwrap()
        );
    }
}
