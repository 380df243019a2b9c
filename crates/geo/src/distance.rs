//! Great-circle distances and offsets on the WGS 84 sphere approximation.

const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Haversine distance in kilometres between two points given in degrees.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
}

/// The point `distance_km` from (lat, lon) on the initial bearing `bearing_deg` (0 = north,
/// 90 = east), as (lat, lon) in degrees, longitude normalised to [-180, 180].
pub fn offset_point(lat: f64, lon: f64, bearing_deg: f64, distance_km: f64) -> (f64, f64) {
    let delta = distance_km / EARTH_RADIUS_KM;
    let theta = bearing_deg.to_radians();
    let (phi1, lambda1) = (lat.to_radians(), lon.to_radians());
    let phi2 = (phi1.sin() * delta.cos() + phi1.cos() * delta.sin() * theta.cos()).asin();
    let lambda2 = lambda1
        + (theta.sin() * delta.sin() * phi1.cos()).atan2(delta.cos() - phi1.sin() * phi2.sin());
    let lon2 = (lambda2.to_degrees() + 540.0) % 360.0 - 180.0;
    (phi2.to_degrees(), lon2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tripoli_to_benghazi_is_about_650_km() {
        let d = haversine_km(32.8872, 13.1913, 32.1167, 20.0667);
        assert!((640.0..660.0).contains(&d), "{d}");
    }

    #[test]
    fn zero_distance_is_zero() {
        assert!(haversine_km(10.0, 20.0, 10.0, 20.0).abs() < 1e-9);
    }

    #[test]
    fn thirty_km_south_moves_south_by_thirty_km() {
        let (lat, lon) = offset_point(34.5553, 69.2075, 180.0, 30.0);
        assert!(lat < 34.5553 && (lon - 69.2075).abs() < 1e-6);
        assert!((haversine_km(34.5553, 69.2075, lat, lon) - 30.0).abs() < 0.01);
    }

    #[test]
    fn offsets_wrap_the_antimeridian() {
        let (_, lon) = offset_point(0.0, 179.9, 90.0, 50.0);
        assert!((-180.0..=-179.0).contains(&lon), "{lon}");
    }
}
