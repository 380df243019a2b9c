//! Resolution in the store: filing each new mention under its blocking keys, asking
//! `sitrep-resolve` which incident it belongs to, and keeping incidents, their reconciled
//! fields and the aliases of merged ids in step, all inside the caller's transaction.
//!
//! The grouping rule lives in [`sitrep_resolve::clustering`]: each incident is led by the
//! report that comes first in precedence order, and its id is that report's
//! ([`IncidentId::for_mention`]). The rule does not depend on arrival order, so the same
//! articles ingested in any order, or in an interrupted run completed later, give the same
//! incidents with the same ids. When a new report takes the lead of an incident, the incident's
//! id changes; the old id is kept in `incident_aliases` and
//! [`Store::current_incident_id`] follows it.
//!
//! A write goes: for each mention, store it as its own leader, file its keys, [`place`] it
//! (which reads neighbours through [`SqlIndex`]) and write the new assignments; then, once per
//! batch, [`Resolver::finish`] re-reconciles every incident whose membership changed (creating,
//! updating or deleting its row) and records aliases. Foreign keys are deferred to the commit,
//! since a mention may point at an incident whose row is written at the end of the batch.

use std::collections::{BTreeSet, HashMap};

use jiff::civil::Date;
use rusqlite::{ToSql, params};
use sitrep_model::{ArticleId, Count, EventType, Incident, IncidentId};
use sitrep_resolve::{
    Assignment, MAX_DISTANCE_KM, Mention, MentionIndex, MentionKey, Neighbour, RULES_VERSION,
    block_keys, buckets, cluster, place, reconcile, types_compatible,
};

use crate::Store;
use crate::error::{Error, Result};
use crate::filter::PERPETRATOR_SEPARATOR;
use crate::sql::{Dialect, Row, Sql};

/// What resolution did to incidents in one write.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IncidentChanges {
    /// Incidents of events the store did not hold before the write.
    pub created: usize,
    /// Stored incidents that gained (or lost) reports, including those that took a new id
    /// because a new report took their lead (the old id is an alias).
    pub updated: usize,
    /// Stored incidents that became part of another stored incident (their ids are aliases).
    pub merged: usize,
}

/// The key of `resolution` holding [`RULES_VERSION`].
const RULES_KEY: &str = "rules_version";

/// One batch's resolution state: decoded mentions, incidents to re-reconcile, leaders that
/// lost the lead.
#[derive(Default)]
pub(crate) struct Resolver {
    cache: HashMap<MentionKey, Mention>,
    affected: BTreeSet<String>,
    demoted: BTreeSet<MentionKey>,
    /// Whether any watch exists: then [`Resolver::finish`] hands back the incidents that new
    /// reports created or changed, for alerting.
    watching: bool,
    /// Incidents whose membership new reports of this batch changed (not a regrouping by new
    /// rules, which must not alert).
    touched: BTreeSet<String>,
}

/// What [`Resolver::finish`] did.
pub(crate) struct Finished {
    /// Counts of incidents created, updated and merged.
    pub changes: IncidentChanges,
    /// The incidents that new reports created or changed, as written (id and reconciled
    /// fields); empty when no watch exists.
    pub written: Vec<(String, Incident)>,
}

impl Resolver {
    /// Brings the stored grouping up to the current rules before a write: on a store whose
    /// mentions were grouped by other rules, or not at all (written before schema version 3),
    /// regroups every mention ([`Resolver::rebuild`]).
    pub fn prepare(conn: &mut dyn Sql, now: &str) -> Result<Resolver> {
        let version: Option<i64> = conn
            .query_first(
                "SELECT value FROM resolution WHERE key = ?1",
                params![RULES_KEY],
            )?
            .map(|row| row.get(0))
            .transpose()?;
        let mut resolver = Resolver::default();
        if version != Some(i64::from(RULES_VERSION)) {
            if conn.exists("SELECT 1 FROM mentions LIMIT 1", params![])? {
                resolver.rebuild(conn, now)?;
            }
            conn.execute(
                "INSERT INTO resolution (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![RULES_KEY, RULES_VERSION],
            )?;
        }
        resolver.watching = crate::watches::any_watch(conn)?;
        Ok(resolver)
    }

    /// Files and places one new mention, whose row is already stored with itself as leader.
    pub fn add(&mut self, conn: &mut dyn Sql, mention: Mention) -> Result<()> {
        file_blocks(conn, &mention)?;
        let new = mention.key().clone();
        self.cache.insert(new.clone(), mention.clone());
        let assignments = place(
            &mut SqlIndex {
                conn: &mut *conn,
                cache: &mut self.cache,
            },
            mention,
        )?;
        for assignment in assignments {
            let is_new = assignment.mention == new;
            self.apply(conn, assignment, is_new)?;
        }
        Ok(())
    }

    /// Writes one assignment and notes what it affects.
    fn apply(&mut self, conn: &mut dyn Sql, a: Assignment, is_new: bool) -> Result<()> {
        let new_id = a.leader.incident_id();
        let old_id = incident_of(conn, &a.mention)?;
        if old_id != new_id.as_str() {
            conn.execute(
                "UPDATE mentions SET incident_id = ?3 WHERE article_id = ?1 AND ordinal = ?2",
                params![
                    a.mention.article.as_str(),
                    a.mention.ordinal,
                    new_id.as_str()
                ],
            )?;
            if !is_new && old_id == a.mention.incident_id().as_str() {
                self.demoted.insert(a.mention.clone());
            }
            if self.watching {
                self.touched.insert(old_id.clone());
            }
            self.affected.insert(old_id);
        }
        if self.watching {
            self.touched.insert(new_id.as_str().to_string());
        }
        self.affected.insert(new_id.as_str().to_string());
        Ok(())
    }

    /// Re-reconciles every incident whose membership changed, and records aliases for the ids
    /// of incidents that merged into others.
    ///
    /// Counting: an incident whose id is new is *created*, unless it took over a stored
    /// incident (its new leader precedes the old one): then that incident was *updated* under
    /// a new id. A stored incident whose reports all joined other incidents is *merged*.
    pub fn finish(mut self, conn: &mut dyn Sql, now: &str) -> Result<Finished> {
        let mut changes = IncidentChanges::default();
        let mut written = Vec::new();
        let affected = std::mem::take(&mut self.affected);
        // Rows are written only here, so what exists now existed before the batch.
        let mut existed = BTreeSet::new();
        for id in &affected {
            if incident_exists(conn, id)? {
                existed.insert(id.clone());
            }
        }
        let mut deleted = 0;
        let mut taken_over = 0;
        for id in &affected {
            let exists = existed.contains(id);
            let members = self.members(conn, id)?;
            let values: Vec<Incident> = members.iter().map(|m| m.incident().clone()).collect();
            match reconcile(&values) {
                None if exists => {
                    conn.execute("DELETE FROM incidents WHERE id = ?1", params![id])?;
                    deleted += 1;
                }
                None => {}
                Some(incident) => {
                    write_incident(conn, id, &incident, exists, now)?;
                    if self.touched.contains(id) {
                        written.push((id.clone(), incident.clone()));
                    }
                    if exists {
                        changes.updated += 1;
                    } else {
                        conn.execute("DELETE FROM incident_aliases WHERE id = ?1", params![id])?;
                        let takes_over = members.iter().any(|m| {
                            self.demoted.contains(m.key())
                                && existed.contains(m.key().incident_id().as_str())
                        });
                        if takes_over {
                            taken_over += 1;
                            changes.updated += 1;
                        } else {
                            changes.created += 1;
                        }
                    }
                }
            }
        }
        changes.merged = deleted - taken_over;
        for key in &self.demoted {
            let old = key.incident_id();
            // An alias keeps a stored id reachable; an id that lived only inside this batch
            // was never seen, and one that still names an incident needs none.
            if !existed.contains(old.as_str()) || incident_exists(conn, old.as_str())? {
                continue;
            }
            let target = incident_of(conn, key)?;
            conn.execute(
                "INSERT INTO incident_aliases (id, target) VALUES (?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET target = excluded.target",
                params![old.as_str(), target],
            )?;
            conn.execute(
                "UPDATE incident_aliases SET target = ?2 WHERE target = ?1",
                params![old.as_str(), target],
            )?;
        }
        Ok(Finished { changes, written })
    }

    /// The mentions of an incident, in precedence order (its leader first).
    fn members(&mut self, conn: &mut dyn Sql, id: &str) -> Result<Vec<Mention>> {
        // Keys first (the index on `incident_id` holds them), data only for unknown keys:
        // selecting `data` would read its overflow pages even when the mention is cached.
        let keys = conn
            .query(
                "SELECT article_id, ordinal FROM mentions WHERE incident_id = ?1",
                params![id],
            )?
            .iter()
            .map(key_of)
            .collect::<Result<Vec<_>>>()?;
        let mut members = keys
            .iter()
            .map(|key| load_mention(conn, &mut self.cache, key))
            .collect::<Result<Vec<_>>>()?;
        members.sort();
        Ok(members)
    }

    /// Regroups every stored mention from scratch by the current rules ([`cluster`]), in
    /// memory: files every mention again, points each at its leader's incident, and queues
    /// every incident, old or new, for [`Resolver::finish`].
    fn rebuild(&mut self, conn: &mut dyn Sql, _now: &str) -> Result<()> {
        conn.execute("DELETE FROM mention_blocks", params![])?;
        let mut current: HashMap<MentionKey, String> = HashMap::new();
        let mut all = Vec::new();
        let rows = conn.query(
            "SELECT article_id, ordinal, data, incident_id FROM mentions",
            params![],
        )?;
        for row in rows {
            let key = key_of(&row)?;
            let json: String = row.get(2)?;
            let mention = decode_mention(conn, &json, key.clone())?;
            let incident_id: String = row.get(3)?;
            current.insert(key, incident_id);
            all.push(mention);
        }
        let old_incidents = conn
            .query("SELECT id FROM incidents", params![])?
            .iter()
            .map(|row| row.get(0))
            .collect::<Result<BTreeSet<String>>>()?;
        for mention in &all {
            file_blocks(conn, mention)?;
        }
        let assignments = cluster(all.clone());
        for mention in all {
            let key = mention.key().clone();
            let leader = assignments.get(&key).unwrap_or(&key);
            let new_id = leader.incident_id().as_str().to_string();
            if current.get(&key) != Some(&new_id) {
                conn.execute(
                    "UPDATE mentions SET incident_id = ?3 WHERE article_id = ?1 AND ordinal = ?2",
                    params![key.article.as_str(), key.ordinal, new_id],
                )?;
            }
            if leader != &key && old_incidents.contains(key.incident_id().as_str()) {
                self.demoted.insert(key.clone());
            }
            self.affected.insert(new_id);
            self.cache.insert(key, mention);
        }
        self.affected.extend(old_incidents);
        Ok(())
    }
}

/// The store's tables seen as a [`MentionIndex`].
struct SqlIndex<'a> {
    conn: &'a mut dyn Sql,
    cache: &'a mut HashMap<MentionKey, Mention>,
}

impl MentionIndex for SqlIndex<'_> {
    type Error = Error;

    fn neighbours(&mut self, mention: &Mention) -> Result<Vec<Neighbour>> {
        let (Some(country), Some(window)) = (mention.country(), mention.window()) else {
            return Ok(Vec::new());
        };
        let range = buckets(window);
        let sieve = Sieve::of(mention.incident());
        // The rows of mentions that cannot match by rule 4 (types) or 5 (places) are passed
        // over here, before the join and before their data is read (see `Sieve`).
        let rows = self.conn.query(
            "SELECT b.article_id, b.ordinal, m.incident_id
             FROM mention_blocks AS b
             JOIN mentions AS m ON m.article_id = b.article_id AND m.ordinal = b.ordinal
             WHERE b.country = ?1 AND b.bucket BETWEEN ?2 AND ?3
               AND b.day_first <= ?4 AND b.day_last >= ?5
               AND (CAST(?6 AS TEXT) IS NULL OR b.event_type IS NULL
                    OR ?6 LIKE '%,' || b.event_type || ',%')
               AND (CAST(?7 AS TEXT) IS NULL OR b.place_precision IS NULL
                    OR ?7 = 'country' OR b.place_precision = 'country'
                    OR (?7 IN ('point', 'city') AND b.place_precision IN ('point', 'city')
                        AND (b.lat IS NULL
                             OR abs(b.lat - CAST(?8 AS DOUBLE PRECISION))
                                <= CAST(?10 AS DOUBLE PRECISION)))
                    OR ((?7 IN ('admin1', 'admin2')
                         OR b.place_precision IN ('admin1', 'admin2'))
                        AND (b.admin1 IS NULL OR CAST(?9 AS TEXT) IS NULL
                             OR b.admin1 = ?9)))",
            params![
                country.as_str(),
                range.start(),
                range.end(),
                window.last.saturating_add(1),
                window.first.saturating_sub(1),
                sieve.types,
                sieve.precision,
                sieve.lat,
                sieve.admin1,
                SIEVE_LAT_DEGREES,
            ],
        )?;
        let mut seen = BTreeSet::new();
        let mut found_keys = Vec::new();
        for row in &rows {
            let key = key_of(row)?;
            if seen.insert(key.clone()) {
                let incident_id: String = row.get(2)?;
                let leads = incident_id == key.incident_id().as_str();
                found_keys.push((key, leads));
            }
        }
        found_keys
            .into_iter()
            .map(|(key, leads)| {
                Ok(Neighbour {
                    mention: load_mention(&mut *self.conn, self.cache, &key)?,
                    leads,
                })
            })
            .collect()
    }
}

/// A mention by key: from the batch's cache, else read and decoded (and cached).
fn load_mention(
    conn: &mut dyn Sql,
    cache: &mut HashMap<MentionKey, Mention>,
    key: &MentionKey,
) -> Result<Mention> {
    if let Some(m) = cache.get(key) {
        return Ok(m.clone());
    }
    let json: String = conn
        .query_one(
            "SELECT data FROM mentions WHERE article_id = ?1 AND ordinal = ?2",
            params![key.article.as_str(), key.ordinal],
        )?
        .get(0)?;
    let mention = decode_mention(conn, &json, key.clone())?;
    cache.insert(key.clone(), mention.clone());
    Ok(mention)
}

/// Files a mention under its blocking keys.
fn file_blocks(conn: &mut dyn Sql, mention: &Mention) -> Result<()> {
    let Some(window) = mention.window() else {
        return Ok(());
    };
    let key = mention.key();
    let incident = mention.incident();
    let location = incident.location.as_ref();
    let admin1 = location
        .and_then(|l| l.admin1.as_deref())
        .map(str::to_lowercase);
    let blocks = block_keys(mention);
    if blocks.is_empty() {
        return Ok(());
    }
    // One statement for all of a mention's keys (one round trip on PostgreSQL): the fields
    // every key shares are ?1 to ?8, then each key's country and bucket.
    let shared: [&dyn ToSql; 8] = [
        &key.article.as_str(),
        &key.ordinal,
        &window.first,
        &window.last,
        &incident.event_type.as_str(),
        &location.map(|l| l.precision.as_str()),
        &location.map(|l| l.lat),
        &admin1,
    ];
    let countries: Vec<&str> = blocks.iter().map(|b| b.country.as_str()).collect();
    let mut params: Vec<&dyn ToSql> = shared.to_vec();
    let mut rows = Vec::with_capacity(blocks.len());
    for (n, (block, country)) in blocks.iter().zip(&countries).enumerate() {
        let (c, b) = (9 + 2 * n, 10 + 2 * n);
        rows.push(format!("(?{c}, ?{b}, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        params.push(country);
        params.push(&block.bucket);
    }
    conn.execute(
        &format!(
            "INSERT INTO mention_blocks
                (country, bucket, article_id, ordinal, day_first, day_last,
                 event_type, place_precision, lat, admin1)
             VALUES {}
             ON CONFLICT DO NOTHING",
            rows.join(", ")
        ),
        &params,
    )?;
    Ok(())
}

/// How far apart in latitude, in degrees, two places may be and still be within
/// [`MAX_DISTANCE_KM`]: a great-circle distance is at least the difference of latitudes
/// (25 km is 0.2248° on the sphere of `haversine_km`), with a margin for rounding.
const SIEVE_LAT_DEGREES: f64 = 0.25;

// 25 km on a sphere a little smaller than the Earth is still less than the margin above.
const _: () =
    assert!(MAX_DISTANCE_KM / 6_300.0 * (180.0 / std::f64::consts::PI) < SIEVE_LAT_DEGREES);

/// What a lookup of `mention`'s neighbours tells SQL about it, so that rows of mentions that
/// cannot match it are skipped (`mention_blocks.event_type`, `place_precision`, `lat`,
/// `admin1`). It only ever skips rows that fail rule 4 or 5 of `sitrep_resolve::matching`
/// for sure: a `NULL` on either side keeps the row.
struct Sieve {
    /// `,type,type,…,` of the event types compatible with the mention's; `None` when every
    /// type is.
    types: Option<String>,
    /// The mention's place precision; `None` without a place.
    precision: Option<&'static str>,
    /// Its latitude.
    lat: Option<f64>,
    /// Its first-level division, lower-cased as matching compares it.
    admin1: Option<String>,
}

impl Sieve {
    fn of(incident: &Incident) -> Sieve {
        let kind = incident.event_type;
        let compatible: Vec<&str> = EventType::ALL
            .iter()
            .filter(|&&other| types_compatible(kind, other))
            .map(|other| other.as_str())
            .collect();
        let types = (compatible.len() < EventType::ALL.len())
            .then(|| format!(",{},", compatible.join(",")));
        let location = incident.location.as_ref();
        Sieve {
            types,
            precision: location.map(|l| l.precision.as_str()),
            lat: location.map(|l| l.lat),
            admin1: location
                .and_then(|l| l.admin1.as_deref())
                .map(str::to_lowercase),
        }
    }
}

/// The mention key in columns 0 (article id) and 1 (ordinal).
fn key_of(row: &Row) -> Result<MentionKey> {
    let article: String = row.get(0)?;
    let ordinal: i64 = row.get(1)?;
    let ordinal = u32::try_from(ordinal).map_err(|_| Error::CorruptRow {
        table: "mentions",
        id: format!("{article}#{ordinal}"),
        reason: "ordinal is not a small non-negative number".into(),
    })?;
    Ok(MentionKey::new(ArticleId::new(article), ordinal))
}

/// Decodes a mention from its JSON (`mentions.data`). Its article's publication date
/// is read only when matching needs it: for an undated news report
/// ([`Mention::needs_published`]).
fn decode_mention(conn: &mut dyn Sql, json: &str, key: MentionKey) -> Result<Mention> {
    let corrupt = |reason: String| Error::CorruptRow {
        table: "mentions",
        id: key.to_string(),
        reason,
    };
    let incident: Incident = serde_json::from_str(json)
        .map_err(|err| corrupt(format!("data is not a valid incident: {err}")))?;
    let published = if Mention::needs_published(&incident) {
        let published: Option<String> = conn
            .query_first(
                "SELECT published FROM articles WHERE id = ?1",
                params![key.article.as_str()],
            )?
            .map(|row| row.get(0))
            .transpose()?
            .flatten();
        published
            .map(|p| p.parse::<Date>())
            .transpose()
            .map_err(|err| corrupt(format!("article published is not a date: {err}")))?
    } else {
        None
    };
    Ok(Mention::new(key, incident, published))
}

fn incident_exists(conn: &mut dyn Sql, id: &str) -> Result<bool> {
    conn.exists("SELECT 1 FROM incidents WHERE id = ?1", params![id])
}

/// The incident a stored mention belongs to now.
fn incident_of(conn: &mut dyn Sql, key: &MentionKey) -> Result<String> {
    conn.query_one(
        "SELECT incident_id FROM mentions WHERE article_id = ?1 AND ordinal = ?2",
        params![key.article.as_str(), key.ordinal],
    )?
    .get(0)
}

/// Inserts or updates an incident row with its reconciled fields; an update keeps the row's
/// `rid` (which the spatial index refers to) and `created_at`.
fn write_incident(
    conn: &mut dyn Sql,
    id: &str,
    incident: &Incident,
    exists: bool,
    now: &str,
) -> Result<()> {
    let json = serde_json::to_string(incident).map_err(|err| Error::CorruptRow {
        table: "incidents",
        id: id.to_string(),
        reason: format!("reconciled incident cannot be encoded as JSON: {err}"),
    })?;
    let date = incident.date.as_ref();
    let location = incident.location.as_ref();
    let (killed_min, killed_max) = bounds(incident.killed.as_ref());
    let (wounded_min, wounded_max) = bounds(incident.wounded.as_ref());
    let (kidnapped_min, kidnapped_max) = bounds(incident.kidnapped.as_ref());
    let (attackers_killed_min, attackers_killed_max) = bounds(incident.attackers_killed.as_ref());
    let (attackers_wounded_min, attackers_wounded_max) =
        bounds(incident.attackers_wounded.as_ref());
    let date_start = date.and_then(|d| d.start).map(|d| d.to_string());
    let sql = if exists {
        // The spatial indexes follow `lat`, `lon` and `date_start` through triggers that fire
        // whenever an UPDATE names them: name them only when they change, and write nothing
        // but the time when the reconciled incident is the same (another report that agrees).
        let row = conn.query_one(
            "SELECT lat, lon, date_start, data FROM incidents WHERE id = ?1",
            params![id],
        )?;
        let (lat, lon, start, data): (Option<f64>, Option<f64>, Option<String>, String) =
            (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
        if data == json {
            conn.execute(
                "UPDATE incidents SET updated_at = ?2 WHERE id = ?1",
                params![id, now],
            )?;
            return Ok(());
        }
        // (PostgreSQL keeps no R*Tree, so it has no triggers to spare.)
        if conn.dialect() == Dialect::Sqlite
            && (lat, lon, start.as_deref())
                == (
                    location.map(|l| l.lat),
                    location.map(|l| l.lon),
                    date_start.as_deref(),
                )
        {
            "UPDATE incidents SET
                event_type = ?2, date_end = ?4, date_precision = ?5,
                country = ?6, admin1 = ?7, place = ?8,
                location_precision = ?11, killed_min = ?12, killed_max = ?13, killed_best = ?14,
                wounded_min = ?15, wounded_max = ?16, kidnapped_min = ?17, kidnapped_max = ?18,
                perpetrators = ?19, background = ?20, confidence = ?21, data = ?22,
                updated_at = ?23, attackers_killed_min = ?24, attackers_killed_max = ?25,
                attackers_wounded_min = ?26, attackers_wounded_max = ?27
             WHERE id = ?1"
        } else {
            "UPDATE incidents SET
                event_type = ?2, date_start = ?3, date_end = ?4, date_precision = ?5,
                country = ?6, admin1 = ?7, place = ?8, lat = ?9, lon = ?10,
                location_precision = ?11, killed_min = ?12, killed_max = ?13, killed_best = ?14,
                wounded_min = ?15, wounded_max = ?16, kidnapped_min = ?17, kidnapped_max = ?18,
                perpetrators = ?19, background = ?20, confidence = ?21, data = ?22,
                updated_at = ?23, attackers_killed_min = ?24, attackers_killed_max = ?25,
                attackers_wounded_min = ?26, attackers_wounded_max = ?27
             WHERE id = ?1"
        }
    } else {
        "INSERT INTO incidents (
            id, event_type, date_start, date_end, date_precision,
            country, admin1, place, lat, lon, location_precision,
            killed_min, killed_max, killed_best, wounded_min, wounded_max,
            kidnapped_min, kidnapped_max, perpetrators, background, confidence,
            data, created_at, updated_at, attackers_killed_min, attackers_killed_max,
            attackers_wounded_min, attackers_wounded_max)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?23, ?24, ?25, ?26, ?27)"
    };
    conn.execute(
        sql,
        params![
            id,
            incident.event_type.as_str(),
            date_start,
            date.and_then(|d| d.end).map(|d| d.to_string()),
            date.map(|d| d.precision.as_str()),
            location.map(|l| l.country.as_str()),
            location.and_then(|l| l.admin1.as_deref()),
            location.map(|l| l.name.as_str()),
            location.map(|l| l.lat),
            location.map(|l| l.lon),
            location.map(|l| l.precision.as_str()),
            killed_min,
            killed_max,
            incident.killed.as_ref().and_then(Count::best),
            wounded_min,
            wounded_max,
            kidnapped_min,
            kidnapped_max,
            perpetrator_names(incident),
            incident.background,
            f64::from(incident.confidence),
            json,
            now,
            attackers_killed_min,
            attackers_killed_max,
            attackers_wounded_min,
            attackers_wounded_max,
        ],
    )?;
    Ok(())
}

fn bounds(count: Option<&Count>) -> (Option<u32>, Option<u32>) {
    count.map_or((None, None), |c| (c.min, c.max))
}

/// The named perpetrators joined for the `perpetrators` column; `None` when none is named.
fn perpetrator_names(incident: &Incident) -> Option<String> {
    let names: Vec<&str> = incident
        .perpetrators
        .iter()
        .filter_map(|p| p.name.as_deref())
        .collect();
    (!names.is_empty()).then(|| names.join(PERPETRATOR_SEPARATOR))
}

impl Store {
    /// The id an incident goes by now: `id` itself when it names an incident, the id of the
    /// incident it merged into when it is an alias, `None` when it names neither.
    pub fn current_incident_id(&self, id: &IncidentId) -> Result<Option<IncidentId>> {
        self.with_sql(|conn| {
            if incident_exists(conn, id.as_str())? {
                return Ok(Some(id.clone()));
            }
            let target: Option<String> = conn
                .query_first(
                    "SELECT target FROM incident_aliases WHERE id = ?1",
                    params![id.as_str()],
                )?
                .map(|row| row.get(0))
                .transpose()?;
            Ok(target.map(IncidentId::new))
        })
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;
    use sitrep_model::{
        Article, ArticleMeta, CountryCode, DatePrecision, EventDate, EventType, ExtractedArticle,
        Location, LocationPrecision,
    };

    use super::*;
    use crate::migrations::migrate_to;
    use crate::{IncidentFilter, Store};

    fn bombing(day: &str) -> Incident {
        let mut i = Incident::new(EventType::Bombing);
        i.date = Some(EventDate {
            start: Some(day.parse().unwrap()),
            end: Some(day.parse().unwrap()),
            precision: DatePrecision::Day,
            text: day.into(),
        });
        i.location = Some(Location {
            name: "Kabul".into(),
            country: CountryCode::new("AF").unwrap(),
            country_name: "Afghanistan".into(),
            admin1: None,
            admin2: None,
            lat: 34.5553,
            lon: 69.2075,
            geonames_id: None,
            precision: LocationPrecision::City,
            text: "Kabul".into(),
        });
        i
    }

    /// A version 2 database in which two reports of one bombing are two incidents, as
    /// sitrep wrote them before resolution.
    fn write_v2_database(path: &std::path::Path) {
        let mut conn = Connection::open(path).unwrap();
        assert_eq!(migrate_to(&mut conn, 2).unwrap(), 2);
        for article in ["b", "a"] {
            let id = IncidentId::for_mention(&ArticleId::new(article), 0);
            let json = serde_json::to_string(&bombing("2016-07-23")).unwrap();
            conn.execute(
                "INSERT INTO articles (id, text, published, ingested_at)
                 VALUES (?1, 'A bomb in Kabul.', '2016-07-24', 'x')",
                [article],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO incidents (id, event_type, country, lat, lon, background, data,
                                        created_at, updated_at)
                 VALUES (?1, 'bombing', 'AF', 34.5553, 69.2075, 0, ?2, 'x', 'x')",
                [id.as_str(), &json],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO mentions (article_id, ordinal, incident_id, data)
                 VALUES (?1, 0, ?2, ?3)",
                [article, id.as_str(), &json],
            )
            .unwrap();
        }
    }

    fn all(store: &Store) -> Vec<sitrep_model::StoredIncident> {
        store
            .query(&IncidentFilter {
                include_background: true,
                ..IncidentFilter::default()
            })
            .unwrap()
    }

    #[test]
    fn the_first_write_after_an_upgrade_groups_old_mentions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v2.sqlite");
        write_v2_database(&path);
        let mut store = Store::open(&path).unwrap();
        // Reading alone changes nothing.
        assert_eq!(all(&store).len(), 2);
        let c = Article {
            id: ArticleId::new("c"),
            text: "A bomb in Kabul, a week later.".into(),
            published: Some("2016-08-01".parse().unwrap()),
            title: None,
            url: None,
            source: None,
        };
        let extracted = ExtractedArticle {
            article: ArticleMeta::from(&c),
            incidents: vec![bombing("2016-07-31")],
        };
        store.insert_article(&c, &extracted).unwrap();
        let found = all(&store);
        assert_eq!(found.len(), 2, "{found:#?}");
        let a = IncidentId::for_mention(&ArticleId::new("a"), 0);
        let b = IncidentId::for_mention(&ArticleId::new("b"), 0);
        assert_eq!(store.incident(&a).unwrap().unwrap().sources.len(), 2);
        assert_eq!(store.current_incident_id(&b).unwrap(), Some(a));
    }

    #[test]
    fn new_rules_regroup_everything_once() {
        let mut store = Store::open_in_memory().unwrap();
        let article = |id: &str| Article {
            id: ArticleId::new(id),
            text: "A bomb in Kabul.".into(),
            published: Some("2016-07-24".parse().unwrap()),
            title: None,
            url: None,
            source: None,
        };
        for id in ["a", "b"] {
            let a = article(id);
            let e = ExtractedArticle {
                article: ArticleMeta::from(&a),
                incidents: vec![bombing("2016-07-23")],
            };
            store.insert_article(&a, &e).unwrap();
        }
        assert_eq!(all(&store).len(), 1);
        // Pretend the mentions were grouped by older rules that kept them apart.
        let b = IncidentId::for_mention(&ArticleId::new("b"), 0);
        store
            .sqlite("a test")
            .unwrap()
            .execute_batch(&format!(
                "PRAGMA defer_foreign_keys = ON;
                 BEGIN;
                 UPDATE mentions SET incident_id = '{b}' WHERE article_id = 'b';
                 INSERT INTO incidents (id, event_type, background, data, created_at, updated_at)
                     SELECT '{b}', event_type, background, data, created_at, updated_at
                     FROM incidents;
                 UPDATE resolution SET value = 0;
                 COMMIT;"
            ))
            .unwrap();
        assert_eq!(all(&store).len(), 2);
        let c = article("c");
        let e = ExtractedArticle {
            article: ArticleMeta::from(&c),
            incidents: vec![],
        };
        store.insert_article(&c, &e).unwrap();
        assert_eq!(all(&store).len(), 1);
        let version: i64 = store
            .sqlite("a test")
            .unwrap()
            .query_row("SELECT value FROM resolution", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, i64::from(RULES_VERSION));
    }
}
