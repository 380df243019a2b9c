//! Query-string parameters and their checking: every filter of `sitrep query`, free text,
//! paging and sort, turned into store types before any work.
//!
//! Parameters arrive as text and are parsed here, so that each mistake is a 400 naming the
//! parameter and what it accepts. The server accepts exactly what the OpenAPI document
//! declares (its formats, patterns, enums and ranges come from the constants here), so that a
//! generated client and a contract tester agree with it: a typed parameter that is present
//! must be well formed (`country=` is a 400; leave it out instead), while the free-text ones
//! (`q`, `perpetrator`) treat a blank value as not set.

use std::sync::OnceLock;

use jiff::civil::Date;
use regex::Regex;
use serde::Deserialize;
use sitrep_model::{CountryCode, EventType};
use sitrep_store::{BoundingBox, Cursor, IncidentFilter, IncidentSearch, PageRequest, SortOrder};
use utoipa::IntoParams;

use crate::error::{ApiError, Result};
use crate::openapi::EventTypeSchema;

/// Which incidents: the filters of `sitrep query` and a text search.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Country, ISO 3166-1 alpha-2 (`LY`, `AF`; either case).
    #[param(example = "LY")]
    pub country: Option<String>,
    /// Event type: assassination, armed_assault, bombing, hijacking, hostage_barricade,
    /// kidnapping, facility_attack, unarmed_assault, air_strike, shelling, armed_clash, riot,
    /// unknown.
    #[serde(rename = "type")]
    #[param(rename = "type", value_type = Option<EventTypeSchema>, example = "bombing")]
    pub event_type: Option<String>,
    /// Incidents whose first day is on or after this date (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date, example = "2015-01-01")]
    pub since: Option<String>,
    /// Incidents whose first day is on or before this date (YYYY-MM-DD). With `since` after
    /// it, nothing matches.
    #[param(value_type = Option<String>, format = Date, example = "2015-12-31")]
    pub until: Option<String>,
    /// Bounding box `minlon,minlat,maxlon,maxlat` in decimal degrees, edges included. As in
    /// GeoJSON, `minlon` east of `maxlon` makes a box across the antimeridian
    /// (`170,-20,-170,-10`); the latitudes may come in either order.
    #[param(example = "9.3,19.5,25.2,33.2")]
    pub bbox: Option<String>,
    /// At least this many killed (the incident's best figure; unknown tolls are excluded).
    #[param(value_type = Option<u32>, minimum = 0, maximum = 4294967295_u64)]
    pub min_killed: Option<String>,
    /// A named perpetrator contains this text, ignoring case.
    pub perpetrator: Option<String>,
    /// Words that must all appear in an article of the incident (title or text), its place or
    /// its perpetrators (ASCII case-insensitive; at most 8 words).
    pub q: Option<String>,
    /// Also return background incidents (attacks only mentioned beside an article's news).
    #[param(value_type = Option<bool>)]
    pub include_background: Option<String>,
}

/// Which page: cursor, size and order.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// The `next_cursor` of the previous page; omit for the first page. A cursor continues
    /// the listing it came from: its order is the page's order, whatever `sort` says.
    pub cursor: Option<String>,
    /// Page size (default 100, at most the server's maximum, 1000 unless configured).
    #[param(value_type = Option<u32>, minimum = 1)]
    pub limit: Option<String>,
    /// Order: date_desc (newest first, default), date_asc, killed_desc. Unknown values come
    /// last; ties are broken by id.
    #[param(example = "date_desc")]
    pub sort: Option<String>,
    /// Also count every match (`total` in the answer); costs a pass over all matches.
    #[param(value_type = Option<bool>)]
    pub total: Option<String>,
}

/// How many map points: order and size.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// At most this many incidents (default and maximum: the server's export limit, 50000
    /// unless configured). `truncated` says whether more matched.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub limit: Option<String>,
    /// Order: date_desc (default), date_asc, killed_desc; the first `limit` are kept.
    pub sort: Option<String>,
}

/// The grammar of `country`: two ASCII letters, either case.
pub const COUNTRY_PATTERN: &str = "^[A-Za-z]{2}$";

/// The grammar of `since` and `until` (also declared as `format: date`).
pub const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// A longitude in decimal degrees, -180 to 180.
macro_rules! longitude {
    () => {
        r"-?(?:180(?:\.0+)?|(?:1[0-7][0-9]|[0-9]{1,2})(?:\.[0-9]+)?)"
    };
}

/// A latitude in decimal degrees, -90 to 90.
macro_rules! latitude {
    () => {
        r"-?(?:90(?:\.0+)?|[0-8]?[0-9](?:\.[0-9]+)?)"
    };
}

/// The grammar of `bbox`: `minlon,minlat,maxlon,maxlat`, each in its range; every box it
/// matches is accepted (see [`BoundingBox`] for boxes across the antimeridian).
pub const BBOX_PATTERN: &str = concat!(
    "^",
    longitude!(),
    ",",
    latitude!(),
    ",",
    longitude!(),
    ",",
    latitude!(),
    "$"
);

/// The grammar of whole-number parameters, before their range is checked.
pub const WHOLE_NUMBER_PATTERN: &str = "^[0-9]+$";

/// A pattern of the document, compiled once, to check parameters with.
struct Grammar {
    pattern: &'static str,
    regex: OnceLock<Regex>,
}

impl Grammar {
    const fn new(pattern: &'static str) -> Self {
        Grammar {
            pattern,
            regex: OnceLock::new(),
        }
    }

    fn matches(&self, text: &str) -> bool {
        self.regex
            .get_or_init(|| Regex::new(self.pattern).expect("the parameter patterns compile"))
            .is_match(text)
    }
}

static COUNTRY: Grammar = Grammar::new(COUNTRY_PATTERN);
static DATE: Grammar = Grammar::new(DATE_PATTERN);
static BBOX: Grammar = Grammar::new(BBOX_PATTERN);
static WHOLE_NUMBER: Grammar = Grammar::new(WHOLE_NUMBER_PATTERN);

/// A typed parameter's value: `None` when absent, an error when present but empty.
pub(crate) fn present<'a>(name: &str, text: &'a Option<String>) -> Result<Option<&'a str>> {
    match text.as_deref() {
        None => Ok(None),
        Some("") => Err(ApiError::parameter(
            name,
            "is empty; leave the parameter out or give it a value",
        )),
        Some(t) => Ok(Some(t)),
    }
}

/// A free-text value, blank treated as unset.
fn free_text(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

fn date(name: &str, text: &Option<String>) -> Result<Option<Date>> {
    present(name, text)?
        .map(|t| {
            t.parse::<Date>()
                .ok()
                .filter(|_| DATE.matches(t))
                .ok_or_else(|| {
                    ApiError::parameter(name, format!("{t:?} is not a date; expected YYYY-MM-DD"))
                })
        })
        .transpose()
}

/// A whole number not above `max`; `None` when unset.
pub(crate) fn count(name: &str, text: &Option<String>, max: u64) -> Result<Option<u64>> {
    present(name, text)?
        .map(|t| {
            let n: u64 = t
                .parse()
                .ok()
                .filter(|_| WHOLE_NUMBER.matches(t))
                .ok_or_else(|| ApiError::parameter(name, format!("{t:?} is not a whole number")))?;
            if n > max {
                return Err(ApiError::parameter(
                    name,
                    format!("{n} is above the maximum of {max}"),
                ));
            }
            Ok(n)
        })
        .transpose()
}

impl SearchParams {
    /// The checked search.
    pub fn to_search(&self) -> Result<IncidentSearch> {
        let country = present("country", &self.country)?
            .map(|t| {
                if COUNTRY.matches(t) {
                    CountryCode::new(t).map_err(|e| ApiError::parameter("country", e))
                } else {
                    Err(ApiError::parameter(
                        "country",
                        format!("{t:?} is not two letters (ISO 3166-1 alpha-2, e.g. \"LY\")"),
                    ))
                }
            })
            .transpose()?;
        let event_type = present("type", &self.event_type)?
            .map(|t| {
                EventType::ALL
                    .iter()
                    .copied()
                    .find(|e| e.as_str() == t)
                    .ok_or_else(|| {
                        let allowed: Vec<&str> =
                            EventType::ALL.iter().map(|e| e.as_str()).collect();
                        ApiError::parameter(
                            "type",
                            format!(
                                "unknown event type {t:?}; expected one of: {}",
                                allowed.join(", ")
                            ),
                        )
                    })
            })
            .transpose()?;
        // A `since` after `until` is a filter that nothing passes, not a mistake to refuse:
        // the document cannot say that one parameter must precede another.
        let since = date("since", &self.since)?;
        let until = date("until", &self.until)?;
        let bbox = present("bbox", &self.bbox)?
            .map(|t| {
                if !BBOX.matches(t) {
                    return Err(ApiError::parameter(
                        "bbox",
                        format!(
                            "{t:?} is not minlon,minlat,maxlon,maxlat (decimal degrees, \
                             longitudes -180 to 180, latitudes -90 to 90, no spaces)"
                        ),
                    ));
                }
                t.parse::<BoundingBox>()
                    .map_err(|e| ApiError::parameter("bbox", e))
            })
            .transpose()?;
        let min_killed = count("min_killed", &self.min_killed, u64::from(u32::MAX))?
            .map(|n| u32::try_from(n).expect("checked against u32::MAX above"));
        let include_background = flag("include_background", &self.include_background)?;
        Ok(IncidentSearch {
            filter: IncidentFilter {
                country,
                event_type,
                since,
                until,
                bbox,
                min_killed,
                perpetrator: free_text(&self.perpetrator).map(str::to_string),
                include_background,
                limit: None,
                offset: 0,
            },
            text: free_text(&self.q).map(str::to_string),
        })
    }
}

fn sort(text: &Option<String>) -> Result<SortOrder> {
    present("sort", text)?
        .map(str::parse::<SortOrder>)
        .transpose()
        .map_err(|e| ApiError::parameter("sort", e))
        .map(Option::unwrap_or_default)
}

/// A boolean parameter: `true`, `false`, or unset (false).
fn flag(name: &str, text: &Option<String>) -> Result<bool> {
    match present(name, text)? {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(other) => Err(ApiError::parameter(
            name,
            format!("{other:?} is not true or false"),
        )),
    }
}

impl PageParams {
    /// Whether the answer should count every match.
    pub fn wants_total(&self) -> Result<bool> {
        flag("total", &self.total)
    }

    /// The checked page request; `limit` defaults to `default_limit` and may not pass
    /// `max_limit`.
    pub fn to_page(&self, default_limit: usize, max_limit: usize) -> Result<PageRequest> {
        let order = sort(&self.sort)?;
        let limit =
            count("limit", &self.limit, max_limit as u64)?.map_or(default_limit, |n| n as usize);
        if limit == 0 {
            return Err(ApiError::parameter("limit", "must be at least 1"));
        }
        let after = present("cursor", &self.cursor)?
            .map(str::parse::<Cursor>)
            .transpose()
            .map_err(|e| ApiError::parameter("cursor", e))?;
        // A cursor continues the listing it came from, in its own order.
        let order = after.as_ref().map_or(order, |cursor| cursor.order);
        Ok(PageRequest {
            order,
            after,
            limit,
        })
    }
}

impl ExportParams {
    /// The checked order and limit; `limit` defaults to and may not pass `max_limit`.
    pub fn to_export(&self, max_limit: usize) -> Result<(SortOrder, usize)> {
        let order = sort(&self.sort)?;
        let limit =
            count("limit", &self.limit, max_limit as u64)?.map_or(max_limit, |n| n as usize);
        if limit == 0 {
            return Err(ApiError::parameter("limit", "must be at least 1"));
        }
        Ok((order, limit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(pairs: &[(&str, &str)]) -> Result<IncidentSearch> {
        let mut params = SearchParams::default();
        for (key, val) in pairs {
            let val = Some(val.to_string());
            match *key {
                "country" => params.country = val,
                "type" => params.event_type = val,
                "since" => params.since = val,
                "until" => params.until = val,
                "bbox" => params.bbox = val,
                "min_killed" => params.min_killed = val,
                "perpetrator" => params.perpetrator = val,
                "q" => params.q = val,
                "include_background" => params.include_background = val,
                other => panic!("unknown key {other}"),
            }
        }
        params.to_search()
    }

    fn message(result: Result<IncidentSearch>) -> String {
        match result {
            Err(ApiError::BadRequest(message)) => message,
            other => panic!("expected a bad request, got {other:?}"),
        }
    }

    #[test]
    fn good_values_become_a_search() {
        let s = search(&[
            ("country", "ly"),
            ("type", "bombing"),
            ("since", "2015-01-01"),
            ("until", "2015-12-31"),
            ("bbox", "9,19,25,33"),
            ("min_killed", "3"),
            ("perpetrator", " Islamic "),
            ("q", "embassy"),
            ("include_background", "true"),
        ])
        .unwrap();
        assert_eq!(s.filter.country.unwrap().as_str(), "LY");
        assert_eq!(s.filter.event_type, Some(EventType::Bombing));
        assert_eq!(s.filter.min_killed, Some(3));
        assert_eq!(s.filter.perpetrator.as_deref(), Some("Islamic"));
        assert!(s.filter.include_background);
        assert_eq!(s.text.as_deref(), Some("embassy"));
    }

    #[test]
    fn blank_free_text_is_unset_but_a_blank_typed_value_is_a_mistake() {
        let s = search(&[("q", " "), ("perpetrator", "")]).unwrap();
        assert_eq!(s, IncidentSearch::default());
        for name in ["country", "type", "since", "until", "bbox", "min_killed"] {
            let err = message(search(&[(name, "")]));
            assert!(
                err.contains(&format!("`{name}`")) && err.contains("empty"),
                "{err}"
            );
        }
    }

    #[test]
    fn bad_values_name_their_parameter() {
        assert!(message(search(&[("country", "Libya")])).contains("`country`"));
        assert!(message(search(&[("country", " LY")])).contains("`country`"));
        assert!(message(search(&[("type", "explosion")])).contains("armed_assault"));
        assert!(message(search(&[("type", "Bombing")])).contains("`type`"));
        assert!(message(search(&[("since", "2015-13-01")])).contains("`since`"));
        assert!(message(search(&[("since", "20150101")])).contains("`since`"));
        assert!(message(search(&[("bbox", "1,2,3")])).contains("`bbox`"));
        assert!(message(search(&[("bbox", "1, 2,3,4")])).contains("`bbox`"));
        assert!(message(search(&[("bbox", "181,2,3,4")])).contains("`bbox`"));
        assert!(message(search(&[("bbox", "1,2,3,90.5")])).contains("`bbox`"));
        assert!(message(search(&[("min_killed", "-1")])).contains("`min_killed`"));
        assert!(message(search(&[("min_killed", "+1")])).contains("`min_killed`"));
        assert!(message(search(&[("min_killed", "99999999999")])).contains("maximum"));
        assert!(message(search(&[("include_background", "yes")])).contains("true or false"));
        assert!(message(search(&[("include_background", "1")])).contains("true or false"));
    }

    #[test]
    fn what_the_document_cannot_forbid_is_accepted() {
        // One parameter cannot be declared to precede another: `since` after `until` is a
        // filter nothing passes, and a box's edges may come in any order.
        let s = search(&[("since", "2016-01-01"), ("until", "2015-01-01")]).unwrap();
        assert!(s.filter.since > s.filter.until);
        let fiji = search(&[("bbox", "170,-10,-170,-20")]).unwrap();
        let bbox = fiji.filter.bbox.unwrap();
        assert!(bbox.crosses_antimeridian() && bbox.min_lat == -20.0);
    }

    #[test]
    fn the_patterns_accept_the_edges_of_their_ranges() {
        for good in [
            "-180,-90,180,90",
            "180.0,90.000,-180.00,-90.0",
            "0,0,0,0",
            "-0.5,89.999,179.99999,-89",
            "9.3,19.5,25.2,33.2",
        ] {
            assert!(search(&[("bbox", good)]).is_ok(), "{good}");
        }
        for bad in [
            "180.1,0,0,0",
            "0,90.01,0,0",
            "1e2,0,0,0",
            ".5,0,0,0",
            "5.,0,0,0",
        ] {
            assert!(search(&[("bbox", bad)]).is_err(), "{bad}");
        }
    }

    #[test]
    fn pages_check_limit_sort_and_cursor() {
        let page = |limit: Option<&str>, sort: Option<&str>, cursor: Option<&str>| PageParams {
            limit: limit.map(str::to_string),
            sort: sort.map(str::to_string),
            cursor: cursor.map(str::to_string),
            total: None,
        };
        let p = page(None, None, None).to_page(100, 1000).unwrap();
        assert_eq!(
            (p.limit, p.order, p.after),
            (100, SortOrder::DateDesc, None)
        );
        assert!(page(Some("1001"), None, None).to_page(100, 1000).is_err());
        assert!(page(Some("0"), None, None).to_page(100, 1000).is_err());
        assert!(page(None, Some("newest"), None).to_page(100, 1000).is_err());
        assert!(page(None, None, Some("junk")).to_page(100, 1000).is_err());
        // The cursor's order wins over `sort`: it continues the listing it came from.
        let continued = page(None, Some("killed_desc"), Some("date_desc:16537:inc-1"))
            .to_page(100, 1000)
            .unwrap();
        assert_eq!(continued.order, SortOrder::DateDesc);
        assert!(page(None, Some(""), None).to_page(100, 1000).is_err());
        let ok = page(Some("5"), Some("date_asc"), Some("date_asc:-:inc-1"))
            .to_page(100, 1000)
            .unwrap();
        assert_eq!(ok.limit, 5);
        assert!(ok.after.is_some());
    }
}
