//! Watches and their alerts: adding, listing and removing watches, raising alerts inside the
//! transaction that writes incidents, and reading alerts back.
//!
//! Alerts follow the rules of `sitrep-watch`: an incident alerts a watch once when it first
//! matches, and again only when it escalates ([`sitrep_watch::AlertState::escalation`]); what a
//! watch last heard of an incident is kept in `alert_state`, and read across the ids of
//! incidents that merged into it (`incident_aliases`), so that a merge of two alerted
//! incidents alerts nothing new. A watch added today alerts on incidents created or changed
//! from now on, not on the store's history.

use rusqlite::params;
use sitrep_model::{Incident, IncidentId};
use sitrep_watch::{
    Alert, AlertKind, AlertReason, AlertState, RECENT_DAYS, WatchIndex, WatchSpec, WebhookPolicy,
};

use crate::Store;
use crate::error::{Error, Result};
use crate::secrets::random_hex;
use crate::sql::{Row, Sql};

/// A watch as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredWatch {
    /// What it watches.
    pub spec: WatchSpec,
    /// When it was added (RFC 3339).
    pub created_at: String,
    /// Alerts raised so far.
    pub alerts: u64,
}

/// A watch just added, with the secret its webhook signs with (shown once, never again).
#[derive(Debug, Clone, PartialEq)]
pub struct AddedWatch {
    /// The watch.
    pub watch: StoredWatch,
    /// The HMAC-SHA256 key of its webhook's signatures; `None` without a webhook.
    pub secret: Option<String>,
}

/// Which alerts to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlertQuery {
    /// Only this watch's alerts.
    pub watch: Option<String>,
    /// Only alerts with a larger id, oldest first (for following); without it, newest first.
    pub after: Option<i64>,
    /// At most this many (0: a default of 100).
    pub limit: usize,
}

/// The columns [`decode_watch`] reads, with the watch's count of alerts.
const SELECT_WATCH: &str = "SELECT w.name, w.spec, w.created_at,
        (SELECT count(*) FROM alerts AS a WHERE a.watch_name = w.name)
    FROM watches AS w";

/// The columns [`decode_alert`] reads.
const SELECT_ALERT: &str =
    "SELECT id, watch_name, incident_id, kind, reason, created_at FROM alerts";

/// The default number of alerts a query returns.
pub const DEFAULT_ALERT_LIMIT: usize = 100;

impl Store {
    /// Adds a watch after checking it ([`WatchSpec::validate`] with `policy`); a watch with a
    /// webhook gets a fresh random signing secret.
    ///
    /// Errors with [`Error::InvalidWatch`] naming the field at fault, and with
    /// [`Error::DuplicateWatch`] when the name is taken.
    pub fn add_watch(&self, spec: &WatchSpec, policy: WebhookPolicy) -> Result<AddedWatch> {
        spec.validate(policy)?;
        let json = serde_json::to_string(spec).map_err(|err| Error::CorruptRow {
            table: "watches",
            id: spec.name.clone(),
            reason: format!("cannot be encoded as JSON: {err}"),
        })?;
        let secret = match spec.webhook {
            Some(_) => Some(random_hex(32)?),
            None => None,
        };
        let created_at = jiff::Timestamp::now().to_string();
        let inserted = self.with_sql(|sql| {
            sql.execute(
                "INSERT INTO watches (name, spec, secret, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (name) DO NOTHING",
                params![spec.name, json, secret, created_at],
            )
        })?;
        if inserted == 0 {
            return Err(Error::DuplicateWatch {
                name: spec.name.clone(),
            });
        }
        Ok(AddedWatch {
            watch: StoredWatch {
                spec: spec.clone(),
                created_at,
                alerts: 0,
            },
            secret,
        })
    }

    /// Every watch, by name.
    pub fn watches(&self) -> Result<Vec<StoredWatch>> {
        self.with_sql(|sql| {
            sql.query(&format!("{SELECT_WATCH} ORDER BY w.name"), params![])?
                .iter()
                .map(decode_watch)
                .collect()
        })
    }

    /// One watch by name.
    pub fn watch(&self, name: &str) -> Result<Option<StoredWatch>> {
        self.with_sql(|sql| {
            sql.query_first(&format!("{SELECT_WATCH} WHERE w.name = ?1"), params![name])?
                .as_ref()
                .map(decode_watch)
                .transpose()
        })
    }

    /// Removes a watch, what it last heard and its undelivered webhooks; its alerts stay.
    /// Returns whether a watch had this name.
    pub fn remove_watch(&self, name: &str) -> Result<bool> {
        self.with_sql(|sql| {
            Ok(sql.execute("DELETE FROM watches WHERE name = ?1", params![name])? > 0)
        })
    }

    /// Alerts, newest first, or oldest first after a given id ([`AlertQuery`]).
    pub fn alerts(&self, query: &AlertQuery) -> Result<Vec<Alert>> {
        let limit = if query.limit == 0 {
            DEFAULT_ALERT_LIMIT
        } else {
            query.limit
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let order = match query.after {
            Some(_) => "id > ?2 ORDER BY id",
            None => "CAST(?2 AS BIGINT) IS NULL ORDER BY id DESC",
        };
        self.with_sql(|sql| {
            sql.query(
                &format!(
                    "{SELECT_ALERT} WHERE (CAST(?1 AS TEXT) IS NULL OR watch_name = ?1) \
                     AND {order} LIMIT ?3"
                ),
                params![query.watch, query.after, limit],
            )?
            .iter()
            .map(decode_alert)
            .collect()
        })
    }

    /// How many alerts have been raised, in all.
    pub fn alert_count(&self) -> Result<u64> {
        self.with_sql(|sql| {
            let n: i64 = sql
                .query_one("SELECT count(*) FROM alerts", params![])?
                .get(0)?;
            Ok(u64::try_from(n).unwrap_or(0))
        })
    }

    /// The alert with this id.
    pub fn alert(&self, id: i64) -> Result<Option<Alert>> {
        self.with_sql(|sql| {
            sql.query_first(&format!("{SELECT_ALERT} WHERE id = ?1"), params![id])?
                .as_ref()
                .map(decode_alert)
                .transpose()
        })
    }
}

/// Tests every incident written in this transaction against every watch and stores the
/// alerts they raise (and their webhook deliveries). Returns how many alerts were raised.
pub(crate) fn raise_alerts(
    conn: &mut dyn Sql,
    written: &[(String, Incident)],
    now: &str,
) -> Result<usize> {
    if written.is_empty() {
        return Ok(0);
    }
    let index = load_index(conn)?;
    if index.is_empty() {
        return Ok(0);
    }
    let clock = jiff::Timestamp::now();
    let now_unix = clock.as_second();
    // An attack an article mentions beside its news alerts while it is recent.
    let today = clock.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    let index = match today.checked_sub(jiff::Span::new().days(RECENT_DAYS)) {
        Ok(since) => index.with_recent_since(since),
        Err(_) => index,
    };
    let mut raised = 0;
    for (incident_id, incident) in written {
        let now_state = AlertState::of(incident);
        for (&(watch_id, has_webhook), spec, reason) in index.matches(incident) {
            let heard = heard_of(conn, watch_id, incident_id)?;
            let (kind, changes) = match heard {
                None => (AlertKind::New, Vec::new()),
                Some(before) => {
                    let changes = before.escalation(&now_state, incident);
                    if changes.is_empty() {
                        continue;
                    }
                    (AlertKind::Escalated, changes)
                }
            };
            let state = heard.map_or(now_state, |before| before.max(now_state));
            conn.execute(
                "INSERT INTO alert_state (watch_id, incident_id, state) VALUES (?1, ?2, ?3)
                 ON CONFLICT (watch_id, incident_id) DO UPDATE SET state = excluded.state",
                params![watch_id, incident_id, encode(&state, "alert_state")?],
            )?;
            let reason = AlertReason {
                area: reason.area,
                distance_km: reason.distance_km,
                event_type: incident.event_type,
                place: incident.location.as_ref().map(|l| l.name.clone()),
                // Everyone killed, attackers included: what the state measures escalation by.
                killed: now_state.killed,
                changes,
            };
            let alert_id: i64 = conn
                .query_one(
                    "INSERT INTO alerts (watch_id, watch_name, incident_id, kind, reason, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                    params![
                        watch_id,
                        spec.name,
                        incident_id,
                        kind.as_str(),
                        encode(&reason, "alerts")?,
                        now
                    ],
                )?
                .get(0)?;
            if has_webhook {
                conn.execute(
                    "INSERT INTO outbox (alert_id, watch_id, next_attempt) VALUES (?1, ?2, ?3)",
                    params![alert_id, watch_id, now_unix],
                )?;
            }
            raised += 1;
        }
    }
    Ok(raised)
}

/// Whether the store has any watch (writes skip alerting entirely without one).
pub(crate) fn any_watch(conn: &mut dyn Sql) -> Result<bool> {
    conn.exists("SELECT 1 FROM watches LIMIT 1", params![])
}

/// Every watch in an index, keyed by (row id, has a webhook).
fn load_index(conn: &mut dyn Sql) -> Result<WatchIndex<(i64, bool)>> {
    let rows = conn.query(
        "SELECT id, name, spec, secret IS NOT NULL FROM watches",
        params![],
    )?;
    let mut watches = Vec::new();
    for row in rows {
        let id: i64 = row.get(0)?;
        let name: String = row.get(1)?;
        let json: String = row.get(2)?;
        let spec: WatchSpec = serde_json::from_str(&json).map_err(|err| Error::CorruptRow {
            table: "watches",
            id: name,
            reason: err.to_string(),
        })?;
        let has_webhook = spec.webhook.is_some() && row.get::<bool>(3)?;
        watches.push(((id, has_webhook), spec));
    }
    Ok(WatchIndex::new(watches))
}

/// What a watch last heard of an incident, across the ids of incidents merged into it.
fn heard_of(conn: &mut dyn Sql, watch_id: i64, incident_id: &str) -> Result<Option<AlertState>> {
    let rows = conn.query(
        "SELECT state FROM alert_state WHERE watch_id = ?1
           AND (incident_id = ?2
                OR incident_id IN (SELECT id FROM incident_aliases WHERE target = ?2))",
        params![watch_id, incident_id],
    )?;
    let mut heard: Option<AlertState> = None;
    for row in rows {
        let json: String = row.get(0)?;
        let state: AlertState = serde_json::from_str(&json).map_err(|err| Error::CorruptRow {
            table: "alert_state",
            id: format!("{watch_id}#{incident_id}"),
            reason: err.to_string(),
        })?;
        heard = Some(heard.map_or(state, |h| h.max(state)));
    }
    Ok(heard)
}

fn encode(value: &impl serde::Serialize, table: &'static str) -> Result<String> {
    serde_json::to_string(value).map_err(|err| Error::CorruptRow {
        table,
        id: String::new(),
        reason: format!("cannot be encoded as JSON: {err}"),
    })
}

fn decode_watch(row: &Row) -> Result<StoredWatch> {
    let name: String = row.get(0)?;
    let json: String = row.get(1)?;
    let spec = serde_json::from_str(&json).map_err(|err| Error::CorruptRow {
        table: "watches",
        id: name,
        reason: err.to_string(),
    })?;
    Ok(StoredWatch {
        spec,
        created_at: row.get(2)?,
        alerts: u64::try_from(row.get::<i64>(3)?).unwrap_or(0),
    })
}

pub(crate) fn decode_alert(row: &Row) -> Result<Alert> {
    let id: i64 = row.get(0)?;
    let corrupt = |reason: String| Error::CorruptRow {
        table: "alerts",
        id: id.to_string(),
        reason,
    };
    let kind: String = row.get(3)?;
    let kind = match kind.as_str() {
        "new" => AlertKind::New,
        "escalated" => AlertKind::Escalated,
        other => return Err(corrupt(format!("unknown kind {other:?}"))),
    };
    let reason: String = row.get(4)?;
    Ok(Alert {
        id,
        watch: row.get(1)?,
        incident_id: IncidentId::new(row.get::<String>(2)?),
        kind,
        reason: serde_json::from_str(&reason).map_err(|err| corrupt(err.to_string()))?,
        created_at: row.get(5)?,
    })
}
