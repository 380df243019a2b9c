//! Bounding boxes for the spatial filter, and their text form `minlon,minlat,maxlon,maxlat`.

use std::str::FromStr;

use crate::error::InvalidBoundingBox;

/// A longitude/latitude rectangle in WGS 84 degrees, edges included.
///
/// Boxes made by [`BoundingBox::new`] or parsed with [`FromStr`] are checked: finite, longitudes
/// in -180..=180, latitudes in -90..=90. As in GeoJSON (RFC 7946, section 5.2), a western edge
/// east of the eastern one makes a box that crosses the antimeridian (`170,-20,-170,-10` holds
/// Fiji); latitudes may come in either order and are stored south first. The fields are
/// public, so a box built by hand may be unchecked: the store then simply finds nothing in it.
///
/// ```
/// use sitrep_store::BoundingBox;
///
/// let libya: BoundingBox = "9.3,19.5,25.2,33.2".parse().unwrap();
/// assert!(libya.contains(13.1913, 32.8872));
/// let fiji: BoundingBox = "170,-20,-170,-10".parse().unwrap();
/// assert!(fiji.contains(178.4, -18.1) && !fiji.contains(0.0, -15.0));
/// assert!("9.3,19.5,25.2".parse::<BoundingBox>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundingBox {
    /// Western edge, degrees east.
    pub min_lon: f64,
    /// Southern edge, degrees north.
    pub min_lat: f64,
    /// Eastern edge, degrees east.
    pub max_lon: f64,
    /// Northern edge, degrees north.
    pub max_lat: f64,
}

impl BoundingBox {
    /// A checked box (see the type's documentation for the rules).
    pub fn new(
        min_lon: f64,
        min_lat: f64,
        max_lon: f64,
        max_lat: f64,
    ) -> Result<Self, InvalidBoundingBox> {
        check_range("min_lon", min_lon, 180.0)?;
        check_range("min_lat", min_lat, 90.0)?;
        check_range("max_lon", max_lon, 180.0)?;
        check_range("max_lat", max_lat, 90.0)?;
        Ok(BoundingBox {
            min_lon,
            min_lat: min_lat.min(max_lat),
            max_lon,
            max_lat: min_lat.max(max_lat),
        })
    }

    /// Whether the box crosses the antimeridian: its western edge lies east of its eastern one.
    pub fn crosses_antimeridian(&self) -> bool {
        self.min_lon > self.max_lon
    }

    /// The box as one or two boxes that do not cross the antimeridian: itself, or its parts
    /// west and east of 180°.
    pub fn halves(&self) -> Vec<BoundingBox> {
        if self.crosses_antimeridian() {
            vec![
                BoundingBox {
                    max_lon: 180.0,
                    ..*self
                },
                BoundingBox {
                    min_lon: -180.0,
                    ..*self
                },
            ]
        } else {
            vec![*self]
        }
    }

    /// Whether the point lies inside the box or on its edge.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.min_lat..=self.max_lat).contains(&lat)
            && self
                .halves()
                .iter()
                .any(|half| (half.min_lon..=half.max_lon).contains(&lon))
    }
}

fn check_range(name: &'static str, value: f64, limit: f64) -> Result<(), InvalidBoundingBox> {
    if (-limit..=limit).contains(&value) {
        Ok(())
    } else {
        Err(InvalidBoundingBox::OutOfRange {
            name,
            value,
            min: -limit,
            max: limit,
        })
    }
}

impl FromStr for BoundingBox {
    type Err = InvalidBoundingBox;

    /// Parses `minlon,minlat,maxlon,maxlat` (spaces around numbers allowed).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const NAMES: [&str; 4] = ["min_lon", "min_lat", "max_lon", "max_lat"];
        let parts: Vec<&str> = s.split(',').collect();
        if parts.len() != 4 {
            return Err(InvalidBoundingBox::PartCount {
                input: s.to_string(),
                parts: parts.len(),
            });
        }
        let mut values = [0.0; 4];
        for ((value, part), name) in values.iter_mut().zip(&parts).zip(NAMES) {
            *value = part
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| InvalidBoundingBox::NotANumber {
                    name,
                    value: part.to_string(),
                })?;
        }
        let [min_lon, min_lat, max_lon, max_lat] = values;
        BoundingBox::new(min_lon, min_lat, max_lon, max_lat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_good_box_with_spaces() {
        let b: BoundingBox = " -10.5, 20 ,30,40.25".parse().unwrap();
        assert_eq!(
            b,
            BoundingBox {
                min_lon: -10.5,
                min_lat: 20.0,
                max_lon: 30.0,
                max_lat: 40.25
            }
        );
        let world: BoundingBox = "-180,-90,180,90".parse().unwrap();
        assert!(world.contains(180.0, -90.0));
        let point: BoundingBox = "13,32,13,32".parse().unwrap();
        assert!(point.contains(13.0, 32.0));
    }

    #[test]
    fn wrong_part_count_names_the_count() {
        let err = "1,2,3".parse::<BoundingBox>().unwrap_err();
        assert_eq!(
            err,
            InvalidBoundingBox::PartCount {
                input: "1,2,3".into(),
                parts: 3
            }
        );
        assert!(err.to_string().contains("got 3"), "{err}");
        assert!(matches!(
            "1,2,3,4,5".parse::<BoundingBox>(),
            Err(InvalidBoundingBox::PartCount { parts: 5, .. })
        ));
        assert!(matches!(
            "".parse::<BoundingBox>(),
            Err(InvalidBoundingBox::PartCount { parts: 1, .. })
        ));
    }

    #[test]
    fn non_numbers_name_the_part() {
        let err = "1,abc,3,4".parse::<BoundingBox>().unwrap_err();
        assert_eq!(
            err,
            InvalidBoundingBox::NotANumber {
                name: "min_lat",
                value: "abc".into()
            }
        );
        assert!(err.to_string().contains("min_lat"), "{err}");
        assert!(matches!(
            "1,2,NaN,4".parse::<BoundingBox>(),
            Err(InvalidBoundingBox::NotANumber {
                name: "max_lon",
                ..
            })
        ));
        assert!(matches!(
            "1,2,3,inf".parse::<BoundingBox>(),
            Err(InvalidBoundingBox::NotANumber {
                name: "max_lat",
                ..
            })
        ));
        assert!(matches!(
            "1,2,,4".parse::<BoundingBox>(),
            Err(InvalidBoundingBox::NotANumber {
                name: "max_lon",
                ..
            })
        ));
    }

    #[test]
    fn out_of_range_names_the_part_and_range() {
        let err = "0,-91,10,10".parse::<BoundingBox>().unwrap_err();
        assert!(matches!(
            err,
            InvalidBoundingBox::OutOfRange {
                name: "min_lat",
                ..
            }
        ));
        assert!(err.to_string().contains("-90..=90"), "{err}");
        assert!(matches!(
            "0,0,180.5,10".parse::<BoundingBox>(),
            Err(InvalidBoundingBox::OutOfRange {
                name: "max_lon",
                ..
            })
        ));
    }

    #[test]
    fn a_western_edge_east_of_the_eastern_one_crosses_the_antimeridian() {
        let fiji: BoundingBox = "170,-20,-170,-10".parse().unwrap();
        assert!(fiji.crosses_antimeridian());
        assert!(fiji.contains(180.0, -15.0) && fiji.contains(-180.0, -15.0));
        assert!(fiji.contains(175.0, -20.0) && fiji.contains(-175.0, -10.0));
        assert!(!fiji.contains(0.0, -15.0) && !fiji.contains(169.9, -15.0));
        assert!(!fiji.contains(175.0, -9.9));
        let halves = fiji.halves();
        assert_eq!(halves.len(), 2);
        assert!(halves.iter().all(|h| !h.crosses_antimeridian()));
        let libya: BoundingBox = "9,19,25,33".parse().unwrap();
        assert_eq!(libya.halves(), vec![libya]);
    }

    #[test]
    fn latitudes_may_come_in_either_order() {
        let reversed: BoundingBox = "0,10,5,1".parse().unwrap();
        assert_eq!(reversed, "0,1,5,10".parse().unwrap());
        assert!(reversed.contains(2.0, 5.0));
    }
}
