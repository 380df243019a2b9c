//! Bounding boxes for the spatial filter, and their text form `minlon,minlat,maxlon,maxlat`.

use std::str::FromStr;

use crate::error::InvalidBoundingBox;

/// A longitude/latitude rectangle in WGS 84 degrees, edges included.
///
/// Boxes made by [`BoundingBox::new`] or parsed with [`FromStr`] are checked: finite, longitudes
/// in -180..=180, latitudes in -90..=90, each minimum at most its maximum. A box crossing the
/// antimeridian (min_lon > max_lon) is rejected; query its two halves separately. The fields are
/// public, so a box built by hand may be unchecked: the store then simply finds nothing in it.
///
/// ```
/// use sitrep_store::BoundingBox;
///
/// let libya: BoundingBox = "9.3,19.5,25.2,33.2".parse().unwrap();
/// assert!(libya.contains(13.1913, 32.8872));
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
        if min_lon > max_lon {
            return Err(InvalidBoundingBox::Inverted {
                min_name: "min_lon",
                min: min_lon,
                max_name: "max_lon",
                max: max_lon,
                hint: " (a box crossing the antimeridian is not supported: query its two \
                       halves, west and east of 180°, separately)",
            });
        }
        if min_lat > max_lat {
            return Err(InvalidBoundingBox::Inverted {
                min_name: "min_lat",
                min: min_lat,
                max_name: "max_lat",
                max: max_lat,
                hint: "",
            });
        }
        Ok(BoundingBox {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        })
    }

    /// Whether the point lies inside the box or on its edge.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.min_lon..=self.max_lon).contains(&lon) && (self.min_lat..=self.max_lat).contains(&lat)
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
    fn min_greater_than_max_is_rejected() {
        let err = "10,0,5,1".parse::<BoundingBox>().unwrap_err();
        assert!(matches!(
            err,
            InvalidBoundingBox::Inverted {
                min_name: "min_lon",
                ..
            }
        ));
        assert!(err.to_string().contains("antimeridian"), "{err}");
        let err = "0,10,5,1".parse::<BoundingBox>().unwrap_err();
        assert!(matches!(
            err,
            InvalidBoundingBox::Inverted {
                min_name: "min_lat",
                ..
            }
        ));
        assert!(!err.to_string().contains("antimeridian"), "{err}");
    }
}
