//! Writing: one article, its mentions and the incidents they create, in one transaction.

use rusqlite::{Transaction, TransactionBehavior, params};
use sitrep_model::{Article, Count, ExtractedArticle, Incident, IncidentId};

use crate::Store;
use crate::error::{Error, Result};
use crate::filter::PERPETRATOR_SEPARATOR;

/// What [`Store::insert_article`] did with an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    /// The article was new; it is stored with this many incidents (one per mention).
    Inserted {
        /// Number of incidents created.
        incidents: usize,
    },
    /// An article with this id was already stored; nothing changed.
    Skipped,
}

/// An article checked and encoded, ready to write.
struct PreparedArticle<'a> {
    article: &'a Article,
    /// The extracted incidents with their JSON, in extraction order.
    incidents: Vec<(&'a Incident, String)>,
}

impl Store {
    /// Stores one article (its cleaned text, metadata and url) and its extracted incidents, in
    /// one transaction.
    ///
    /// Returns [`InsertOutcome::Skipped`] when an article with the same id is already stored:
    /// nothing changes, even if `extracted` differs from what was stored. Otherwise each
    /// extracted incident (a mention, numbered from 0 in extraction order) creates a new
    /// incident with id `IncidentId::for_mention(&article.id, ordinal)`
    /// ([`IncidentId::for_mention`]), whose reconciled fields are the mention's own.
    ///
    /// Errors, storing nothing, when `extracted` is for another article
    /// ([`Error::ArticleMismatch`]) or an incident holds a coordinate or confidence that is
    /// not finite or out of range ([`Error::InvalidIncident`]).
    pub fn insert_article(
        &mut self,
        article: &Article,
        extracted: &ExtractedArticle,
    ) -> Result<InsertOutcome> {
        let prepared = prepare(article, extracted)?;
        let now = jiff::Timestamp::now().to_string();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcome = write(&tx, &prepared, &now)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Stores many articles in one transaction (much faster than one by one), returning one
    /// outcome per item, in order.
    ///
    /// An article given twice in the batch is stored once and then skipped. On error nothing of
    /// the batch is stored; the error names the offending article, so a caller can drop it and
    /// retry the rest.
    pub fn insert_batch(
        &mut self,
        items: &[(Article, ExtractedArticle)],
    ) -> Result<Vec<InsertOutcome>> {
        let prepared = items
            .iter()
            .map(|(article, extracted)| prepare(article, extracted))
            .collect::<Result<Vec<_>>>()?;
        let now = jiff::Timestamp::now().to_string();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcomes = prepared
            .iter()
            .map(|item| write(&tx, item, &now))
            .collect::<Result<Vec<_>>>()?;
        tx.commit()?;
        Ok(outcomes)
    }
}

/// Checks an article against its extraction result and encodes its incidents.
fn prepare<'a>(
    article: &'a Article,
    extracted: &'a ExtractedArticle,
) -> Result<PreparedArticle<'a>> {
    if extracted.article.id != article.id {
        return Err(Error::ArticleMismatch {
            article: article.id.to_string(),
            extracted: extracted.article.id.to_string(),
        });
    }
    let invalid = |ordinal: usize, reason: String| Error::InvalidIncident {
        article: article.id.to_string(),
        ordinal,
        reason,
    };
    let mut incidents = Vec::with_capacity(extracted.incidents.len());
    for (ordinal, incident) in extracted.incidents.iter().enumerate() {
        check_incident(incident).map_err(|reason| invalid(ordinal, reason))?;
        // JSON would turn a non-finite float into `null`, which would not read back: checked
        // above, so encoding cannot lose anything.
        let json = serde_json::to_string(incident)
            .map_err(|err| invalid(ordinal, format!("cannot be encoded as JSON: {err}")))?;
        incidents.push((incident, json));
    }
    Ok(PreparedArticle { article, incidents })
}

/// Rejects values that would not survive storage or would poison the spatial index.
fn check_incident(incident: &Incident) -> std::result::Result<(), String> {
    if let Some(location) = &incident.location {
        if !(-90.0..=90.0).contains(&location.lat) {
            return Err(format!("location.lat {} is not in -90..=90", location.lat));
        }
        if !(-180.0..=180.0).contains(&location.lon) {
            return Err(format!(
                "location.lon {} is not in -180..=180",
                location.lon
            ));
        }
    }
    if !(0.0..=1.0).contains(&incident.confidence) {
        return Err(format!(
            "confidence {} is not in 0..=1",
            incident.confidence
        ));
    }
    Ok(())
}

/// Writes one prepared article unless it is already stored.
fn write(tx: &Transaction<'_>, item: &PreparedArticle<'_>, now: &str) -> Result<InsertOutcome> {
    let article = item.article;
    let mut exists = tx.prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
    if exists.exists([article.id.as_str()])? {
        return Ok(InsertOutcome::Skipped);
    }
    let mut insert_article = tx.prepare_cached(
        "INSERT INTO articles (id, source, title, url, published, text, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    insert_article.execute(params![
        article.id.as_str(),
        article.source,
        article.title,
        article.url,
        article.published.map(|date| date.to_string()),
        article.text,
        now,
    ])?;

    let mut insert_incident = tx.prepare_cached(
        "INSERT INTO incidents (
            id, event_type, date_start, date_end, date_precision,
            country, admin1, place, lat, lon, location_precision,
            killed_min, killed_max, killed_best, wounded_min, wounded_max,
            kidnapped_min, kidnapped_max, perpetrators, background, confidence,
            data, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?23)",
    )?;
    let mut insert_mention = tx.prepare_cached(
        "INSERT INTO mentions (article_id, ordinal, incident_id, data) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (ordinal, (incident, json)) in item.incidents.iter().enumerate() {
        let id = IncidentId::for_mention(&article.id, ordinal);
        let date = incident.date.as_ref();
        let location = incident.location.as_ref();
        let (killed_min, killed_max) = bounds(incident.killed.as_ref());
        let (wounded_min, wounded_max) = bounds(incident.wounded.as_ref());
        let (kidnapped_min, kidnapped_max) = bounds(incident.kidnapped.as_ref());
        insert_incident.execute(params![
            id.as_str(),
            incident.event_type.as_str(),
            date.and_then(|d| d.start).map(|d| d.to_string()),
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
        ])?;
        let ordinal = i64::try_from(ordinal).expect("an article has fewer than 2^63 incidents");
        insert_mention.execute(params![article.id.as_str(), ordinal, id.as_str(), json])?;
    }
    Ok(InsertOutcome::Inserted {
        incidents: item.incidents.len(),
    })
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
