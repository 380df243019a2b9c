//! Query-string parameters and their checking: every filter of `sitrep query`, free text,
//! paging and sort, turned into store types before any work.
//!
//! Parameters arrive as text and are parsed here, so that each mistake is a 400 naming the
//! parameter and what it accepts. An empty value (`country=`) means "not set", as HTML forms
//! send it.

use jiff::civil::Date;
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
    /// Country, ISO 3166-1 alpha-2 (`LY`, `AF`).
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
    /// Incidents whose first day is on or before this date (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date, example = "2015-12-31")]
    pub until: Option<String>,
    /// Bounding box `minlon,minlat,maxlon,maxlat` in degrees (edges included).
    #[param(example = "9.3,19.5,25.2,33.2")]
    pub bbox: Option<String>,
    /// At least this many killed (the incident's best figure; unknown tolls are excluded).
    #[param(value_type = Option<u32>, minimum = 0)]
    pub min_killed: Option<String>,
    /// A named perpetrator contains this text, ignoring case.
    pub perpetrator: Option<String>,
    /// Words that must all appear in an article of the incident (title or text), its place or
    /// its perpetrators (ASCII case-insensitive; at most 8 words).
    pub q: Option<String>,
    /// Also return background incidents (past events mentioned for context).
    #[param(value_type = Option<bool>)]
    pub include_background: Option<String>,
}

/// Which page: cursor, size and order.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// The `next_cursor` of the previous page; omit for the first page.
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

/// A set value, blank treated as unset.
fn value(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

fn date(name: &str, text: &Option<String>) -> Result<Option<Date>> {
    value(text)
        .map(|t| {
            t.parse::<Date>().map_err(|_| {
                ApiError::parameter(name, format!("{t:?} is not a date; expected YYYY-MM-DD"))
            })
        })
        .transpose()
}

/// A positive integer not above `max`; `None` when unset.
fn count(name: &str, text: &Option<String>, max: u64) -> Result<Option<u64>> {
    value(text)
        .map(|t| {
            let n: u64 = t
                .parse()
                .map_err(|_| ApiError::parameter(name, format!("{t:?} is not a whole number")))?;
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
        let country = value(&self.country)
            .map(CountryCode::new)
            .transpose()
            .map_err(|e| ApiError::parameter("country", e))?;
        let event_type = value(&self.event_type)
            .map(str::parse::<EventType>)
            .transpose()
            .map_err(|e| ApiError::parameter("type", e))?;
        let since = date("since", &self.since)?;
        let until = date("until", &self.until)?;
        if let (Some(since), Some(until)) = (since, until)
            && since > until
        {
            return Err(ApiError::BadRequest(format!(
                "query parameters `since` {since} is after `until` {until}"
            )));
        }
        let bbox = value(&self.bbox)
            .map(str::parse::<BoundingBox>)
            .transpose()
            .map_err(|e| ApiError::parameter("bbox", e))?;
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
                perpetrator: value(&self.perpetrator).map(str::to_string),
                include_background,
                limit: None,
                offset: 0,
            },
            text: value(&self.q).map(str::to_string),
        })
    }
}

fn sort(text: &Option<String>) -> Result<SortOrder> {
    value(text)
        .map(str::parse::<SortOrder>)
        .transpose()
        .map_err(|e| ApiError::parameter("sort", e))
        .map(Option::unwrap_or_default)
}

/// A boolean parameter: `true`/`1`, `false`/`0`, or unset (false).
fn flag(name: &str, text: &Option<String>) -> Result<bool> {
    match value(text) {
        None | Some("false" | "0") => Ok(false),
        Some("true" | "1") => Ok(true),
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
        let after = value(&self.cursor)
            .map(str::parse::<Cursor>)
            .transpose()
            .map_err(|e| ApiError::parameter("cursor", e))?;
        if let Some(after) = &after
            && after.order != order
        {
            return Err(ApiError::parameter(
                "cursor",
                format!(
                    "the cursor is for sort {}, but sort is {order}; keep the sort of the first page",
                    after.order
                ),
            ));
        }
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
    fn blank_values_are_unset() {
        let s = search(&[("country", ""), ("type", " "), ("min_killed", "")]).unwrap();
        assert_eq!(s, IncidentSearch::default());
    }

    #[test]
    fn bad_values_name_their_parameter() {
        assert!(message(search(&[("country", "Libya")])).contains("`country`"));
        assert!(message(search(&[("type", "explosion")])).contains("armed_assault"));
        assert!(message(search(&[("since", "2015-13-01")])).contains("`since`"));
        assert!(message(search(&[("bbox", "1,2,3")])).contains("`bbox`"));
        assert!(message(search(&[("min_killed", "-1")])).contains("`min_killed`"));
        assert!(message(search(&[("min_killed", "99999999999")])).contains("maximum"));
        assert!(message(search(&[("include_background", "yes")])).contains("true or false"));
        let inverted = message(search(&[("since", "2016-01-01"), ("until", "2015-01-01")]));
        assert!(inverted.contains("after"), "{inverted}");
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
        let mismatch = page(
            None,
            Some("killed_desc"),
            Some("date_desc:2015-01-01:inc-1"),
        )
        .to_page(100, 1000)
        .unwrap_err();
        assert!(mismatch.to_string().contains("keep the sort"), "{mismatch}");
        let ok = page(Some("5"), Some("date_asc"), Some("date_asc:-:inc-1"))
            .to_page(100, 1000)
            .unwrap();
        assert_eq!(ok.limit, 5);
        assert!(ok.after.is_some());
    }
}
