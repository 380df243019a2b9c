//! Which watches an incident matches, through indexes so that ten thousand watches cost little:
//! an R*-tree of the boxes around `near` and `bbox` areas, and maps of countries and provinces.

use std::collections::HashMap;

use jiff::civil::Date;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};
use sitrep_geo::haversine_km;
use sitrep_model::{CountryCode, Incident, LocationPrecision};

use crate::spec::{Area, WatchSpec};

/// Kilometres per degree of latitude, a little under the true ~111.2 so that boxes err wide.
const KM_PER_DEGREE: f64 = 110.0;

/// Why an incident matched a watch.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchReason {
    /// The area in words: "12.4 km from (32.8872, 13.1913), within 25 km", "in LY".
    pub area: String,
    /// The distance from a `near` watch's point, in km.
    pub distance_km: Option<f64>,
}

/// A set of watches ready to test incidents against; `K` identifies a watch to the caller
/// (the store's row id).
#[derive(Debug)]
pub struct WatchIndex<K> {
    watches: Vec<(K, WatchSpec)>,
    spatial: RTree<GeomWithData<Rectangle<[f64; 2]>, usize>>,
    by_country: HashMap<CountryCode, Vec<usize>>,
    by_admin1: HashMap<String, Vec<usize>>,
    /// Background incidents that happened on this day or later are news too.
    recent_since: Option<Date>,
}

impl<K> WatchIndex<K> {
    /// Indexes `watches`, which must be valid ([`WatchSpec::validate`]).
    pub fn new(watches: Vec<(K, WatchSpec)>) -> Self {
        let mut boxes = Vec::new();
        let mut by_country: HashMap<CountryCode, Vec<usize>> = HashMap::new();
        let mut by_admin1: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (_, spec)) in watches.iter().enumerate() {
            match &spec.area {
                Area::Near { lat, lon, .. } => {
                    let radius = spec.area.max_radius_km().unwrap_or(0.0);
                    for rect in boxes_around(*lat, *lon, radius) {
                        boxes.push(GeomWithData::new(rect, i));
                    }
                }
                Area::Bbox {
                    min_lon,
                    min_lat,
                    max_lon,
                    max_lat,
                } => {
                    // A western edge east of the eastern one crosses the antimeridian: the
                    // box is its two halves. Corners come in any order for latitudes.
                    let halves = if min_lon > max_lon {
                        vec![(*min_lon, 180.0), (-180.0, *max_lon)]
                    } else {
                        vec![(*min_lon, *max_lon)]
                    };
                    for (west, east) in halves {
                        boxes.push(GeomWithData::new(
                            Rectangle::from_corners([west, *min_lat], [east, *max_lat]),
                            i,
                        ));
                    }
                }
                Area::Country { country } => by_country.entry(*country).or_default().push(i),
                Area::Admin1 { name, .. } => {
                    by_admin1.entry(division_key(name)).or_default().push(i)
                }
            }
        }
        WatchIndex {
            watches,
            spatial: RTree::bulk_load(boxes),
            by_country,
            by_admin1,
            recent_since: None,
        }
    }

    /// Lets background incidents that happened on `day` or later match: an attack elsewhere
    /// that an article mentions beside its own news is still news to someone watching that
    /// place, while an attack of years ago recalled for context is not. Without this, no
    /// background incident matches.
    pub fn with_recent_since(mut self, day: Date) -> Self {
        self.recent_since = Some(day);
        self
    }

    /// Whether `incident` is news: not background, or background but recent (see
    /// [`WatchIndex::with_recent_since`]). An undated background incident is never recent.
    fn is_news(&self, incident: &Incident) -> bool {
        if !incident.background {
            return true;
        }
        let last_day = incident.date.as_ref().and_then(|d| d.end.or(d.start));
        matches!((self.recent_since, last_day), (Some(since), Some(day)) if day >= since)
    }

    /// How many watches the index holds.
    pub fn len(&self) -> usize {
        self.watches.len()
    }

    /// Whether the index holds no watch.
    pub fn is_empty(&self) -> bool {
        self.watches.is_empty()
    }

    /// The watches `incident` matches, each with the reason, in the order they were given.
    /// A background incident matches nothing unless it is recent (see
    /// [`WatchIndex::with_recent_since`]), and an incident without a place matches nothing.
    pub fn matches(&self, incident: &Incident) -> Vec<(&K, &WatchSpec, MatchReason)> {
        let Some(location) = incident
            .location
            .as_ref()
            .filter(|_| self.is_news(incident))
        else {
            return Vec::new();
        };
        let mut found: Vec<(usize, MatchReason)> = Vec::new();
        // A district is placed at its centre, close enough for a radius: "in Udhampur
        // district" alerts a watch near Udhampur as "in Udhampur" does.
        let exact = matches!(
            location.precision,
            LocationPrecision::Point | LocationPrecision::City | LocationPrecision::Admin2
        );
        if exact {
            for hit in self
                .spatial
                .locate_all_at_point([location.lon, location.lat])
            {
                let spec = &self.watches[hit.data].1;
                if let Some(reason) = spatial_reason(&spec.area, incident, location) {
                    found.push((hit.data, reason));
                }
            }
        }
        for &i in self.by_country.get(&location.country).into_iter().flatten() {
            found.push((
                i,
                MatchReason {
                    area: format!("in {}", location.country),
                    distance_km: None,
                },
            ));
        }
        if let Some(admin1) = &location.admin1 {
            for &i in self
                .by_admin1
                .get(&division_key(admin1))
                .into_iter()
                .flatten()
            {
                let Area::Admin1 { country, .. } = &self.watches[i].1.area else {
                    continue;
                };
                if country.is_none_or(|c| c == location.country) {
                    found.push((
                        i,
                        MatchReason {
                            area: format!("in {admin1}, {}", location.country),
                            distance_km: None,
                        },
                    ));
                }
            }
        }
        // A `near` watch across the antimeridian has two boxes: keep one hit per watch.
        found.sort_by_key(|(i, _)| *i);
        found.dedup_by_key(|(i, _)| *i);
        found
            .into_iter()
            .filter(|(i, _)| wants(&self.watches[*i].1, incident))
            .map(|(i, reason)| {
                let (key, spec) = &self.watches[i];
                (key, spec, reason)
            })
            .collect()
    }
}

/// The reason a `near` or `bbox` area holds the incident's point, or `None`.
fn spatial_reason(
    area: &Area,
    incident: &Incident,
    location: &sitrep_model::Location,
) -> Option<MatchReason> {
    match area {
        Area::Near { lat, lon, .. } => {
            let radius = area.radius_km_for(incident.event_type)?;
            let distance = haversine_km(*lat, *lon, location.lat, location.lon);
            (distance <= radius).then(|| MatchReason {
                area: format!(
                    "{distance:.1} km from ({lat}, {lon}), within {radius} km for {}",
                    incident.event_type
                ),
                distance_km: Some(distance),
            })
        }
        Area::Bbox { .. } => Some(MatchReason {
            area: format!("inside the box, at ({}, {})", location.lat, location.lon),
            distance_km: None,
        }),
        Area::Country { .. } | Area::Admin1 { .. } => None,
    }
}

/// Whether the incident passes the watch's filters (type, target, toll, perpetrator).
fn wants(spec: &WatchSpec, incident: &Incident) -> bool {
    if !spec.types.is_empty() && !spec.types.contains(&incident.event_type) {
        return false;
    }
    if !spec.target_types.is_empty()
        && !incident
            .targets
            .iter()
            .any(|t| spec.target_types.contains(&t.kind))
    {
        return false;
    }
    if let Some(min) = spec.min_killed {
        let killed = sitrep_model::Count::total(
            incident.killed.as_ref(),
            incident.attackers_killed.as_ref(),
        )
        .and_then(|c| c.best());
        if killed.is_none_or(|k| k < min) {
            return false;
        }
    }
    if let Some(needle) = &spec.perpetrator {
        let needle = needle.trim().to_lowercase();
        if !incident.perpetrators.iter().any(|p| {
            p.name
                .as_deref()
                .is_some_and(|name| name.to_lowercase().contains(&needle))
        }) {
            return false;
        }
    }
    true
}

/// The boxes (one, or two across the antimeridian) that hold every point within `radius_km`
/// of (`lat`, `lon`), in (lon, lat) order.
fn boxes_around(lat: f64, lon: f64, radius_km: f64) -> Vec<Rectangle<[f64; 2]>> {
    let dlat = radius_km / KM_PER_DEGREE;
    let (south, north) = ((lat - dlat).max(-90.0), (lat + dlat).min(90.0));
    // Near a pole a circle covers every longitude; elsewhere the widest part of the circle is
    // at the latitude nearest the pole.
    let widest = south.abs().max(north.abs());
    if widest >= 89.0 {
        return vec![Rectangle::from_aabb(AABB::from_corners(
            [-180.0, south],
            [180.0, north],
        ))];
    }
    let dlon = (radius_km / (KM_PER_DEGREE * widest.to_radians().cos())).min(180.0);
    let (west, east) = (lon - dlon, lon + dlon);
    let rect = |w: f64, e: f64| Rectangle::from_corners([w, south], [e, north]);
    if dlon >= 180.0 {
        vec![rect(-180.0, 180.0)]
    } else if west < -180.0 {
        vec![rect(-180.0, east), rect(west + 360.0, 180.0)]
    } else if east > 180.0 {
        vec![rect(west, 180.0), rect(-180.0, east - 360.0)]
    } else {
        vec![rect(west, east)]
    }
}

/// A province's name as watches compare it: lower case, without a trailing kind word.
fn division_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    for kind in [
        " province",
        " governorate",
        " state",
        " region",
        " district",
        " oblast",
    ] {
        if let Some(stem) = lower.strip_suffix(kind) {
            return stem.trim_end().to_string();
        }
    }
    lower
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use jiff::civil::date;
    use sitrep_model::{
        Count, DatePrecision, EventDate, EventType, Location, LocationPrecision, Perpetrator,
        Target, TargetType,
    };

    use super::*;

    fn at(
        lat: f64,
        lon: f64,
        country: &str,
        admin1: &str,
        precision: LocationPrecision,
    ) -> Incident {
        let mut incident = Incident::new(EventType::ArmedAssault);
        incident.location = Some(Location {
            name: "somewhere".into(),
            country: CountryCode::new(country).unwrap(),
            country_name: country.into(),
            admin1: Some(admin1.into()),
            admin2: None,
            lat,
            lon,
            geonames_id: None,
            precision,
            text: "somewhere".into(),
        });
        incident
    }

    fn near(name: &str, lat: f64, lon: f64, radius_km: f64) -> WatchSpec {
        WatchSpec::new(
            name,
            Area::Near {
                lat,
                lon,
                radius_km,
                radius_km_by_type: BTreeMap::new(),
            },
        )
    }

    fn names<'a>(hits: &[(&'a &str, &WatchSpec, MatchReason)]) -> Vec<&'a str> {
        hits.iter().map(|(k, _, _)| **k).collect()
    }

    const TRIPOLI_LY: (f64, f64) = (32.8872, 13.1913);
    const TRIPOLI_LB: (f64, f64) = (34.4367, 35.8497);

    #[test]
    fn a_radius_holds_the_town_it_is_around_and_not_the_namesake_abroad() {
        let index = WatchIndex::new(vec![(
            "embassy",
            near("embassy", TRIPOLI_LY.0, TRIPOLI_LY.1, 25.0),
        )]);
        let libya = at(32.89, 13.18, "LY", "Tripoli", LocationPrecision::City);
        let lebanon = at(
            TRIPOLI_LB.0,
            TRIPOLI_LB.1,
            "LB",
            "North",
            LocationPrecision::City,
        );
        let hits = index.matches(&libya);
        assert_eq!(names(&hits), ["embassy"]);
        assert!(hits[0].2.distance_km.unwrap() < 2.0);
        assert!(index.matches(&lebanon).is_empty());
    }

    #[test]
    fn a_country_centre_is_not_near_anything() {
        let index = WatchIndex::new(vec![("embassy", near("embassy", 26.3, 17.2, 100.0))]);
        // Libya's centre, as an incident placed only at country precision is.
        let vague = at(26.3, 17.2, "LY", "", LocationPrecision::Country);
        assert!(index.matches(&vague).is_empty());
    }

    #[test]
    fn country_and_province_watches_match_by_name() {
        let mut province = WatchSpec::new(
            "tripoli-province",
            Area::Admin1 {
                name: "Tripoli Province".into(),
                country: None,
            },
        );
        province.types = vec![EventType::ArmedAssault];
        let index = WatchIndex::new(vec![
            (
                "libya",
                WatchSpec::new(
                    "libya",
                    Area::Country {
                        country: CountryCode::new("LY").unwrap(),
                    },
                ),
            ),
            ("tripoli-province", province),
        ]);
        let incident = at(32.89, 13.18, "LY", "Tripoli", LocationPrecision::Admin1);
        assert_eq!(
            names(&index.matches(&incident)),
            ["libya", "tripoli-province"]
        );
        let mut bombing = incident.clone();
        bombing.event_type = EventType::Bombing;
        assert_eq!(names(&index.matches(&bombing)), ["libya"]);
    }

    #[test]
    fn filters_on_target_toll_and_perpetrator() {
        let mut spec = near("w", TRIPOLI_LY.0, TRIPOLI_LY.1, 25.0);
        spec.target_types = vec![TargetType::Diplomatic];
        spec.min_killed = Some(2);
        spec.perpetrator = Some("islamic state".into());
        let index = WatchIndex::new(vec![("w", spec)]);
        let mut incident = at(32.89, 13.18, "LY", "Tripoli", LocationPrecision::City);
        assert!(
            index.matches(&incident).is_empty(),
            "no target, toll or group"
        );
        incident.targets.push(Target {
            kind: TargetType::Diplomatic,
            nationality: None,
            text: "embassy".into(),
        });
        incident.perpetrators.push(Perpetrator {
            name: Some("Islamic State".into()),
            claimed: true,
            text: "Islamic State".into(),
        });
        incident.killed = Some(Count {
            min: Some(1),
            max: Some(1),
            text: "one guard".into(),
        });
        assert!(index.matches(&incident).is_empty(), "one dead is below two");
        // Attackers count toward the toll, as the Global Terrorism Database counts it.
        incident.attackers_killed = Some(Count {
            min: Some(1),
            max: Some(1),
            text: "the attacker".into(),
        });
        assert_eq!(index.matches(&incident).len(), 1);
    }

    #[test]
    fn a_radius_per_type_reaches_farther_for_that_type() {
        let mut spec = near("w", 0.0, 0.0, 10.0);
        if let Area::Near {
            radius_km_by_type, ..
        } = &mut spec.area
        {
            radius_km_by_type.insert(EventType::Shelling, 50.0);
        }
        let index = WatchIndex::new(vec![("w", spec)]);
        // About 33 km east of the point.
        let mut incident = at(0.0, 0.3, "XX", "", LocationPrecision::City);
        assert!(index.matches(&incident).is_empty());
        incident.event_type = EventType::Shelling;
        assert_eq!(index.matches(&incident).len(), 1);
    }

    #[test]
    fn background_incidents_match_only_when_recent() {
        let index = WatchIndex::new(vec![("w", near("w", 10.0, 10.0, 50.0))]);
        let mut incident = at(10.0, 10.0, "XX", "", LocationPrecision::City);
        assert_eq!(index.matches(&incident).len(), 1);
        incident.background = true;
        assert!(index.matches(&incident).is_empty());

        let index = index.with_recent_since(date(2024, 3, 4));
        assert!(index.matches(&incident).is_empty(), "undated is not recent");
        let on = |day: Date| EventDate {
            start: Some(day),
            end: Some(day),
            precision: DatePrecision::Day,
            text: "on Monday".into(),
        };
        incident.date = Some(on(date(2024, 3, 3)));
        assert!(index.matches(&incident).is_empty());
        incident.date = Some(on(date(2024, 3, 4)));
        assert_eq!(index.matches(&incident).len(), 1);
    }

    #[test]
    fn a_radius_across_the_antimeridian_matches_once_on_either_side() {
        let index = WatchIndex::new(vec![("fiji", near("fiji", -17.0, 179.9, 60.0))]);
        let east = at(-17.0, -179.8, "FJ", "", LocationPrecision::City);
        let west = at(-17.0, 179.7, "FJ", "", LocationPrecision::City);
        assert_eq!(index.matches(&east).len(), 1);
        assert_eq!(index.matches(&west).len(), 1);
    }

    #[test]
    fn a_box_holds_what_is_inside_it() {
        let index = WatchIndex::new(vec![(
            "box",
            WatchSpec::new(
                "box",
                Area::Bbox {
                    min_lon: 13.0,
                    min_lat: 32.0,
                    max_lon: 14.0,
                    max_lat: 33.0,
                },
            ),
        )]);
        assert_eq!(
            index
                .matches(&at(32.5, 13.5, "LY", "", LocationPrecision::Point))
                .len(),
            1
        );
        assert!(
            index
                .matches(&at(31.5, 13.5, "LY", "", LocationPrecision::Point))
                .is_empty()
        );
    }

    #[test]
    fn a_box_across_the_antimeridian_holds_both_sides_once() {
        let fiji = WatchSpec::new(
            "fiji",
            Area::Bbox {
                min_lon: 170.0,
                min_lat: -10.0,
                max_lon: -170.0,
                max_lat: -20.0,
            },
        );
        let index = WatchIndex::new(vec![("fiji", fiji)]);
        for lon in [178.4, 180.0, -180.0, -175.0] {
            let incident = at(-18.0, lon, "FJ", "", LocationPrecision::City);
            assert_eq!(index.matches(&incident).len(), 1, "{lon}");
        }
        for (lat, lon) in [(-18.0, 0.0), (-18.0, 169.0), (-21.0, 178.0)] {
            let incident = at(lat, lon, "FJ", "", LocationPrecision::City);
            assert!(index.matches(&incident).is_empty(), "{lat},{lon}");
        }
    }

    proptest::proptest! {
        /// The index finds exactly the `near` watches a linear scan of distances finds.
        #[test]
        fn the_index_agrees_with_a_scan(
            centres in proptest::collection::vec((-80.0f64..80.0, -180.0f64..180.0, 1.0f64..500.0), 1..30),
            lat in -80.0f64..80.0,
            lon in -180.0f64..180.0,
        ) {
            let watches: Vec<(usize, WatchSpec)> = centres
                .iter()
                .enumerate()
                .map(|(i, (la, lo, r))| (i, near("w", *la, *lo, *r)))
                .collect();
            let index = WatchIndex::new(watches);
            let incident = at(lat, lon, "XX", "", LocationPrecision::City);
            let found: Vec<usize> = index.matches(&incident).iter().map(|(k, _, _)| **k).collect();
            let scanned: Vec<usize> = centres
                .iter()
                .enumerate()
                .filter(|(_, (la, lo, r))| haversine_km(*la, *lo, lat, lon) <= *r)
                .map(|(i, _)| i)
                .collect();
            proptest::prop_assert_eq!(found, scanned);
        }
    }
}
