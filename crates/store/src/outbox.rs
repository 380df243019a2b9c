//! The outbox of webhook deliveries: an alert of a watch with a webhook is queued here in the
//! transaction that raised it, and leaves only when delivered or given up, so that an alert is
//! never lost when a process dies. A deliverer leases what it sends (`leased_until`), so two
//! processes delivering from one store never send the same alert at once; a lease that
//! expires (its deliverer died) makes the alert due again.

use rusqlite::params;
use sitrep_watch::Alert;

use crate::Store;
use crate::error::Result;
use crate::sql::Dialect;
use crate::watches::decode_alert;

/// One alert to deliver, leased to the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    /// The alert.
    pub alert: Alert,
    /// Where to POST it.
    pub url: String,
    /// The key its signature is made with.
    pub secret: String,
    /// Attempts made before this one.
    pub attempts: u32,
}

/// How the outbox stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxStats {
    /// Waiting to be delivered (due now or later).
    pub pending: u64,
    /// Delivered.
    pub delivered: u64,
    /// Given up after the last attempt.
    pub failed: u64,
}

impl Store {
    /// Leases up to `limit` deliveries that are due at `now` (Unix seconds) for `lease_secs`,
    /// oldest alert first.
    pub fn claim_deliveries(
        &mut self,
        now: i64,
        lease_secs: i64,
        limit: usize,
    ) -> Result<Vec<Delivery>> {
        self.in_transaction(|sql| {
            // SQLite's write transaction excludes other deliverers; on PostgreSQL each locks
            // the rows it leases and passes over those another has locked.
            let lock = match sql.dialect() {
                Dialect::Sqlite => "",
                Dialect::Postgres => " FOR UPDATE OF o SKIP LOCKED",
            };
            let rows = sql.query(
                &format!(
                    "SELECT a.id, a.watch_name, a.incident_id, a.kind, a.reason, a.created_at,
                            w.spec, w.secret, o.attempts
                     FROM outbox AS o
                     JOIN alerts AS a ON a.id = o.alert_id
                     JOIN watches AS w ON w.id = o.watch_id
                     WHERE o.delivered_at IS NULL AND o.failed_at IS NULL
                       AND o.next_attempt <= ?1 AND o.leased_until <= ?1
                     ORDER BY o.alert_id LIMIT ?2{lock}"
                ),
                params![now, i64::try_from(limit).unwrap_or(i64::MAX)],
            )?;
            let mut deliveries = Vec::new();
            for row in &rows {
                let alert = decode_alert(row)?;
                let spec: String = row.get(6)?;
                let url = serde_json::from_str::<sitrep_watch::WatchSpec>(&spec)
                    .ok()
                    .and_then(|spec| spec.webhook);
                let secret: Option<String> = row.get(7)?;
                let attempts: i64 = row.get(8)?;
                if let (Some(url), Some(secret)) = (url, secret) {
                    deliveries.push(Delivery {
                        alert,
                        url,
                        secret,
                        attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
                    });
                }
            }
            for delivery in &deliveries {
                sql.execute(
                    "UPDATE outbox SET leased_until = ?2 WHERE alert_id = ?1",
                    params![delivery.alert.id, now.saturating_add(lease_secs)],
                )?;
            }
            Ok(deliveries)
        })
    }

    /// Records that an alert was delivered.
    pub fn delivery_succeeded(&self, alert_id: i64) -> Result<()> {
        self.with_sql(|sql| {
            sql.execute(
                "UPDATE outbox SET delivered_at = ?2, attempts = attempts + 1, leased_until = 0
                 WHERE alert_id = ?1",
                params![alert_id, jiff::Timestamp::now().to_string()],
            )
        })?;
        Ok(())
    }

    /// Records a failed attempt: tried again from `retry_at` (Unix seconds), or given up when
    /// `retry_at` is `None`.
    pub fn delivery_failed(&self, alert_id: i64, error: &str, retry_at: Option<i64>) -> Result<()> {
        self.with_sql(|sql| {
            sql.execute(
                "UPDATE outbox SET attempts = attempts + 1, leased_until = 0, last_error = ?2,
                        next_attempt = coalesce(CAST(?3 AS BIGINT), next_attempt),
                        failed_at = CASE WHEN ?3 IS NULL THEN ?4 END
                 WHERE alert_id = ?1",
                params![
                    alert_id,
                    error,
                    retry_at,
                    jiff::Timestamp::now().to_string()
                ],
            )
        })?;
        Ok(())
    }

    /// Puts a leased delivery back without counting an attempt, due again at `retry_at` (Unix
    /// seconds): its receiver failed another delivery a moment ago.
    pub fn postpone_delivery(&self, alert_id: i64, retry_at: i64) -> Result<()> {
        self.with_sql(|sql| {
            sql.execute(
                "UPDATE outbox SET leased_until = 0,
                        next_attempt = CASE WHEN next_attempt > ?2 THEN next_attempt ELSE ?2 END
                 WHERE alert_id = ?1 AND delivered_at IS NULL",
                params![alert_id, retry_at],
            )
        })?;
        Ok(())
    }

    /// How many deliveries are pending, delivered and failed.
    pub fn outbox_stats(&self) -> Result<OutboxStats> {
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        let row = self.with_sql(|sql| {
            sql.query_one(
                "SELECT count(*) FILTER (WHERE delivered_at IS NULL AND failed_at IS NULL),
                        count(delivered_at), count(failed_at)
                 FROM outbox",
                params![],
            )
        })?;
        Ok(OutboxStats {
            pending: count(row.get(0)?),
            delivered: count(row.get(1)?),
            failed: count(row.get(2)?),
        })
    }
}
