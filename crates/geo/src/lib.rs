//! Geography for sitrep: an offline gazetteer built from GeoNames and world-countries data,
//! recognition of place names and demonyms in text, and their resolution by context.
//!
//! ```
//! use sitrep_geo::{Gazetteer, GazetteerSources};
//!
//! let g = Gazetteer::from_sources(GazetteerSources {
//!     countries: "iso2\tiso3\tname\tlat\tlon\tgeonames_id\tpopulation\tcapital\tnames\tdemonyms\n\
//!                 LY\tLBY\tLibya\t25\t17\t2215636\t6461454\tTripoli\tLibya\tLibyan\n",
//!     admin1: "country\tadmin1_code\tname\tlat\tlon\tpopulation\tnames\n",
//!     admin2: "country\tadmin1_code\tname\tlat\tlon\tpopulation\tnames\n",
//!     cities: "geonames_id\tname\tlat\tlon\tcountry\tadmin1_code\tpopulation\tnames\n\
//!              2210247\tTripoli\t32.8872\t13.1913\tLY\t77\t1150989\t\n",
//! })
//! .unwrap();
//! assert_eq!(g.lookup("tripoli").len(), 1);
//! assert!(g.demonym("Libyans").is_some());
//! ```
#![deny(missing_docs)]

mod distance;
mod divisions;
mod error;
mod gazetteer;
mod toponyms;

pub use distance::{haversine_km, offset_point};
pub use divisions::{is_division_kind, spelled_alike};
pub use error::{GeoError, Result};
pub use gazetteer::{
    Admin1, City, Country, CountryIdx, Gazetteer, GazetteerSources, Place, PlaceInfo, name_key,
};
pub use toponyms::{NameMatch, NameMatchKind, find_place_names};
