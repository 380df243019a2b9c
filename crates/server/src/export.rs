//! The bulk formats of the API: GeoJSON points for maps and CSV rows for spreadsheets.

use serde::Serialize;
use sitrep_model::{Count, StoredIncident};
use sitrep_store::IncidentPoint;
use utoipa::ToSchema;

use crate::error::{ApiError, Result};

/// A GeoJSON FeatureCollection of incident points (RFC 7946).
#[derive(Debug, Serialize, ToSchema)]
pub struct FeatureCollection {
    /// Always `FeatureCollection`.
    #[serde(rename = "type")]
    #[schema(example = "FeatureCollection")]
    pub kind: &'static str,
    /// One point per located incident.
    pub features: Vec<Feature>,
    /// More incidents matched than `limit` allowed; only the first `limit` are here.
    pub truncated: bool,
}

/// One incident as a GeoJSON point.
#[derive(Debug, Serialize, ToSchema)]
pub struct Feature {
    /// Always `Feature`.
    #[serde(rename = "type")]
    #[schema(example = "Feature")]
    pub kind: &'static str,
    /// The incident id.
    #[schema(value_type = String, example = "inc-4a7692540f44af09")]
    pub id: String,
    /// Where.
    pub geometry: Point,
    /// What.
    pub properties: FeatureProperties,
}

/// A GeoJSON point.
#[derive(Debug, Serialize, ToSchema)]
pub struct Point {
    /// Always `Point`.
    #[serde(rename = "type")]
    #[schema(example = "Point")]
    pub kind: &'static str,
    /// Longitude then latitude, WGS 84 degrees.
    pub coordinates: [f64; 2],
}

/// The fields a map shows of an incident.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeatureProperties {
    /// Event type (snake_case taxonomy name).
    #[schema(example = "armed_assault")]
    pub event_type: &'static str,
    /// First day, YYYY-MM-DD.
    #[schema(format = Date)]
    pub date: Option<String>,
    /// Place name.
    pub place: Option<String>,
    /// Country, ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Best killed figure; null when unknown.
    pub killed: Option<u32>,
    /// Best wounded figure; null when unknown.
    pub wounded: Option<u32>,
    /// Best figure of everyone killed, victims and attackers (`killed + attackers_killed`,
    /// as the GTD's `nkill` and ACLED's fatalities count); null when unknown.
    pub killed_total: Option<u32>,
    /// Best figure of everyone wounded, victims and attackers (`wounded +
    /// attackers_wounded`, as the GTD's `nwound`); null when unknown.
    pub wounded_total: Option<u32>,
    /// Named perpetrators.
    pub perpetrators: Vec<String>,
    /// An incident mentioned beside an article's news, not the news itself.
    pub background: bool,
}

impl FeatureCollection {
    /// The collection of `points`; `truncated` when more matched.
    pub fn new(points: Vec<IncidentPoint>, truncated: bool) -> FeatureCollection {
        let features = points
            .into_iter()
            .map(|p| Feature {
                kind: "Feature",
                id: p.id.to_string(),
                geometry: Point {
                    kind: "Point",
                    coordinates: [p.lon, p.lat],
                },
                properties: FeatureProperties {
                    event_type: p.event_type.as_str(),
                    date: p.date.map(|d| d.to_string()),
                    place: p.place,
                    country: p.country.map(|c| c.to_string()),
                    killed: p.killed,
                    wounded: p.wounded,
                    killed_total: p.killed_total,
                    wounded_total: p.wounded_total,
                    perpetrators: p.perpetrators,
                    background: p.background,
                },
            })
            .collect();
        FeatureCollection {
            kind: "FeatureCollection",
            features,
            truncated,
        }
    }
}

/// The CSV header: one row per incident; counts as min/max, unknown left empty. `killed_*`
/// and `wounded_*` count victims; `killed_total_*` and `wounded_total_*` count victims and
/// attackers together, as the GTD's `nkill`/`nwound` and ACLED's fatalities do
/// ([`Incident::killed_total`](sitrep_model::Incident::killed_total)).
pub const CSV_HEADER: [&str; 30] = [
    "id",
    "date_start",
    "date_end",
    "date_precision",
    "time",
    "event_type",
    "place",
    "admin1",
    "country",
    "lat",
    "lon",
    "location_precision",
    "killed_min",
    "killed_max",
    "wounded_min",
    "wounded_max",
    "kidnapped_min",
    "kidnapped_max",
    "perpetrators",
    "claimed",
    "targets",
    "weapons",
    "background",
    "confidence",
    "sources",
    "killed_total_min",
    "killed_total_max",
    "wounded_total_min",
    "wounded_total_max",
    // Last, so that readers of the columns before it by position keep working.
    "admin2",
];

/// `incidents` as CSV with a header row.
pub fn to_csv(incidents: &[StoredIncident]) -> Result<Vec<u8>> {
    let internal = |e: csv::Error| ApiError::Internal(format!("writing CSV: {e}"));
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER).map_err(internal)?;
    let num = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
    let bounds = |c: &Option<Count>| {
        (
            num(c.as_ref().and_then(|c| c.min)),
            num(c.as_ref().and_then(|c| c.max)),
        )
    };
    for stored in incidents {
        let inc = &stored.incident;
        let date = inc.date.as_ref();
        let loc = inc.location.as_ref();
        let (killed_min, killed_max) = bounds(&inc.killed);
        let (wounded_min, wounded_max) = bounds(&inc.wounded);
        let (kidnapped_min, kidnapped_max) = bounds(&inc.kidnapped);
        let (killed_total_min, killed_total_max) = bounds(&inc.killed_total());
        let (wounded_total_min, wounded_total_max) = bounds(&inc.wounded_total());
        let mut targets: Vec<String> = Vec::new();
        for t in &inc.targets {
            let t = match t.nationality {
                Some(n) => format!("{}/{n}", t.kind),
                None => t.kind.to_string(),
            };
            if !targets.contains(&t) {
                targets.push(t);
            }
        }
        w.write_record([
            stored.id.to_string(),
            date.and_then(|d| d.start)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            date.and_then(|d| d.end)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            date.map(|d| d.precision.as_str().to_string())
                .unwrap_or_default(),
            inc.time.clone().unwrap_or_default(),
            inc.event_type.to_string(),
            loc.map(|l| l.name.clone()).unwrap_or_default(),
            loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
            loc.map(|l| l.country.to_string()).unwrap_or_default(),
            loc.map(|l| l.lat.to_string()).unwrap_or_default(),
            loc.map(|l| l.lon.to_string()).unwrap_or_default(),
            loc.map(|l| l.precision.as_str().to_string())
                .unwrap_or_default(),
            killed_min,
            killed_max,
            wounded_min,
            wounded_max,
            kidnapped_min,
            kidnapped_max,
            inc.perpetrators
                .iter()
                .filter_map(|p| p.name.clone())
                .collect::<Vec<_>>()
                .join("; "),
            inc.perpetrators.iter().any(|p| p.claimed).to_string(),
            targets.join(","),
            inc.weapons
                .iter()
                .map(|w| w.as_str())
                .collect::<Vec<_>>()
                .join(","),
            inc.background.to_string(),
            inc.confidence.to_string(),
            stored
                .sources
                .iter()
                .map(|s| s.article_id.to_string())
                .collect::<Vec<_>>()
                .join(" "),
            killed_total_min,
            killed_total_max,
            wounded_total_min,
            wounded_total_max,
            loc.and_then(|l| l.admin2.clone()).unwrap_or_default(),
        ])
        .map_err(internal)?;
    }
    w.into_inner()
        .map_err(|e| ApiError::Internal(format!("writing CSV: {e}")))
}
