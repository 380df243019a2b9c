//! What a watch is: a named area (a point and a radius, a country, a province or a box) and
//! the incidents in it that matter (types, target types, a toll, a perpetrator), with an
//! optional webhook to tell.
//!
//! A spec is checked once, when it is added ([`WatchSpec::validate`]); the store keeps it as JSON
//! and the index trusts it.

use std::collections::BTreeMap;
use std::net::IpAddr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sitrep_model::{CountryCode, EventType, TargetType};

/// The largest radius a watch may have, in km: farther than any alert can be "near".
pub const MAX_RADIUS_KM: f64 = 2_000.0;

/// The longest watch name, in characters.
pub const MAX_NAME_CHARS: usize = 64;

/// The longest free-text value (a province or perpetrator name, a webhook URL), in characters.
pub const MAX_TEXT_CHARS: usize = 200;

/// A watch: what to look for and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WatchSpec {
    /// A unique name: 1 to 64 letters, digits, `-`, `_` or `.`.
    #[schemars(regex(pattern = r"^[A-Za-z0-9._-]{1,64}$"))]
    pub name: String,
    /// Where incidents must happen.
    pub area: Area,
    /// Only incidents of these event types (empty: every type).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<EventType>,
    /// Only incidents aimed at one of these target types (empty: every target).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_types: Vec<TargetType>,
    /// Only incidents with at least this many dead (victims and attackers; an unknown toll does
    /// not match). JSON Schema counts `3.0` as an integer, and so does this field.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "whole_number"
    )]
    #[schemars(range(min = 0, max = 4_294_967_295_u32))]
    pub min_killed: Option<u32>,
    /// Only incidents with a perpetrator whose name contains this text (any case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 200), regex(pattern = r"\S"))]
    pub perpetrator: Option<String>,
    /// An `http` or `https` URL that receives each alert as a signed POST.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 200), regex(pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://"), extend("format" = "uri"))]
    pub webhook: Option<String>,
}

/// The place a watch covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Area {
    /// Within a distance of a point. Only incidents placed at a town or more exactly match: a
    /// province's or country's centre says nothing about distance.
    Near {
        /// Latitude in degrees, -90 to 90.
        #[schemars(range(min = -90.0, max = 90.0))]
        lat: f64,
        /// Longitude in degrees, -180 to 180.
        #[schemars(range(min = -180.0, max = 180.0))]
        lon: f64,
        /// The distance in km, above 0 and at most 2,000.
        #[schemars(range(max = 2000.0), extend("exclusiveMinimum" = 0.0))]
        radius_km: f64,
        /// Other distances for some event types (a shelling matters farther away than a
        /// stabbing), in km, each above 0 and at most 2,000.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        #[schemars(schema_with = "radius_by_type_schema")]
        radius_km_by_type: BTreeMap<EventType, f64>,
    },
    /// Anywhere in a country.
    Country {
        /// ISO 3166-1 alpha-2 code.
        country: CountryCode,
    },
    /// Anywhere in a first-level division (state, province, governorate), named as the
    /// gazetteer names it ("Tripoli", "Kandahar").
    Admin1 {
        /// The division's name; case and a trailing kind word ("Province") are ignored.
        #[schemars(length(min = 1, max = 200), regex(pattern = r"\S"))]
        name: String,
        /// The country, when the name alone is ambiguous.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        country: Option<CountryCode>,
    },
    /// Inside a box of longitudes and latitudes. Like `near`, only incidents placed at a town
    /// or more exactly match. As in GeoJSON, a western edge east of the eastern one makes a
    /// box across the antimeridian; the latitudes may come in either order.
    Bbox {
        /// Western edge, -180 to 180.
        #[schemars(range(min = -180.0, max = 180.0))]
        min_lon: f64,
        /// Southern edge, -90 to 90.
        #[schemars(range(min = -90.0, max = 90.0))]
        min_lat: f64,
        /// Eastern edge, -180 to 180.
        #[schemars(range(min = -180.0, max = 180.0))]
        max_lon: f64,
        /// Northern edge, -90 to 90.
        #[schemars(range(min = -90.0, max = 90.0))]
        max_lat: f64,
    },
}

/// The schema of `radius_km_by_type`: event types as keys (and nothing else), each to a
/// radius above 0 and at most [`MAX_RADIUS_KM`].
fn radius_by_type_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let event_type = generator.subschema_for::<EventType>();
    schemars::json_schema!({
        "type": "object",
        "propertyNames": event_type,
        "additionalProperties": {
            "type": "number", "exclusiveMinimum": 0.0, "maximum": MAX_RADIUS_KM
        }
    })
}

/// A count that JSON may write as `3` or `3.0` (an integer to JSON Schema either way): any
/// number without a fraction from 0 to `u32::MAX`.
fn whole_number<'de, D>(deserializer: D) -> Result<Option<u32>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let Some(number) = Option::<f64>::deserialize(deserializer)? else {
        return Ok(None);
    };
    if number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&number) {
        Ok(Some(number as u32))
    } else {
        Err(serde::de::Error::custom(format!(
            "expected a whole number from 0 to {}, got {number}",
            u32::MAX
        )))
    }
}

impl Area {
    /// The largest radius of a `near` area, over every event type.
    pub fn max_radius_km(&self) -> Option<f64> {
        match self {
            Area::Near {
                radius_km,
                radius_km_by_type,
                ..
            } => Some(
                radius_km_by_type
                    .values()
                    .copied()
                    .fold(*radius_km, f64::max),
            ),
            _ => None,
        }
    }

    /// The radius of a `near` area for incidents of `event_type`.
    pub fn radius_km_for(&self, event_type: EventType) -> Option<f64> {
        match self {
            Area::Near {
                radius_km,
                radius_km_by_type,
                ..
            } => Some(
                radius_km_by_type
                    .get(&event_type)
                    .copied()
                    .unwrap_or(*radius_km),
            ),
            _ => None,
        }
    }
}

/// Whether a webhook may point into private, loopback or link-local networks (refused by
/// default: a watch added over the API must not make the server call into its own network).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum WebhookPolicy {
    /// Only public addresses.
    #[default]
    PublicOnly,
    /// Any address (tests, or a receiver inside the same network on purpose).
    AllowPrivate,
}

/// A watch that cannot be added: the field at fault and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct InvalidWatch {
    /// The field of [`WatchSpec`] (or of its area) at fault, as JSON names it: `name`, `lat`,
    /// `lon`, `radius_km`, `radius_km_by_type`, `admin1`, `bbox`, `perpetrator`, `webhook`.
    pub field: &'static str,
    /// What is wrong, with the value.
    pub reason: String,
}

impl InvalidWatch {
    fn new(field: &'static str, reason: impl Into<String>) -> Self {
        InvalidWatch {
            field,
            reason: reason.into(),
        }
    }
}

impl WatchSpec {
    /// A watch of `area` named `name` that matches every incident there.
    pub fn new(name: impl Into<String>, area: Area) -> Self {
        WatchSpec {
            name: name.into(),
            area,
            types: Vec::new(),
            target_types: Vec::new(),
            min_killed: None,
            perpetrator: None,
            webhook: None,
        }
    }

    /// Checks every field: the name, coordinates in range, a radius above 0 and at most
    /// [`MAX_RADIUS_KM`], non-empty names, and a webhook that is
    /// an `http(s)` URL whose host, when written as an address, is public unless `policy`
    /// allows private ones (a host name is checked again when it is resolved, at delivery).
    pub fn validate(&self, policy: WebhookPolicy) -> Result<(), InvalidWatch> {
        check_name(&self.name)?;
        match &self.area {
            Area::Near {
                lat,
                lon,
                radius_km,
                radius_km_by_type,
            } => {
                check_lat("lat", *lat)?;
                check_lon("lon", *lon)?;
                check_radius("radius_km", *radius_km)?;
                for radius in radius_km_by_type.values() {
                    check_radius("radius_km_by_type", *radius)?;
                }
            }
            Area::Country { .. } => {}
            Area::Admin1 { name, .. } => check_text("admin1", name)?,
            Area::Bbox {
                min_lon,
                min_lat,
                max_lon,
                max_lat,
            } => {
                check_lon("bbox", *min_lon)?;
                check_lon("bbox", *max_lon)?;
                check_lat("bbox", *min_lat)?;
                check_lat("bbox", *max_lat)?;
            }
        }
        if let Some(perpetrator) = &self.perpetrator {
            check_text("perpetrator", perpetrator)?;
        }
        if let Some(url) = &self.webhook {
            check_webhook(url, policy)?;
        }
        Ok(())
    }
}

fn check_name(name: &str) -> Result<(), InvalidWatch> {
    let chars = name.chars().count();
    if chars == 0 || chars > MAX_NAME_CHARS {
        return Err(InvalidWatch::new(
            "name",
            format!("must be 1 to {MAX_NAME_CHARS} characters, got {chars}"),
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(InvalidWatch::new(
            "name",
            format!("{name:?} holds {bad:?}; use letters, digits, '-', '_' or '.'"),
        ));
    }
    Ok(())
}

fn check_lat(field: &'static str, lat: f64) -> Result<(), InvalidWatch> {
    check_degrees(field, "latitude", lat, 90.0)
}

fn check_lon(field: &'static str, lon: f64) -> Result<(), InvalidWatch> {
    check_degrees(field, "longitude", lon, 180.0)
}

/// `value` (a `what` in degrees) within ±`limit`; NaN is not.
fn check_degrees(
    field: &'static str,
    what: &str,
    value: f64,
    limit: f64,
) -> Result<(), InvalidWatch> {
    if !(-limit..=limit).contains(&value) {
        return Err(InvalidWatch::new(
            field,
            format!("{what} {value} is not in -{limit}..={limit}"),
        ));
    }
    Ok(())
}

fn check_radius(field: &'static str, radius: f64) -> Result<(), InvalidWatch> {
    // `contains` is false for NaN too.
    if !(radius > 0.0 && radius <= MAX_RADIUS_KM) {
        return Err(InvalidWatch::new(
            field,
            format!("radius {radius} km must be above 0 and at most {MAX_RADIUS_KM} km"),
        ));
    }
    Ok(())
}

fn check_text(field: &'static str, text: &str) -> Result<(), InvalidWatch> {
    let chars = text.trim().chars().count();
    if chars == 0 || chars > MAX_TEXT_CHARS {
        return Err(InvalidWatch::new(
            field,
            format!("must be 1 to {MAX_TEXT_CHARS} characters, got {chars}"),
        ));
    }
    Ok(())
}

/// Checks a webhook URL: `http` or `https`, a host, and no address in a private range unless
/// `policy` allows it.
pub fn check_webhook(url: &str, policy: WebhookPolicy) -> Result<(), InvalidWatch> {
    let invalid = |reason: String| InvalidWatch::new("webhook", reason);
    if url.chars().count() > MAX_TEXT_CHARS {
        return Err(invalid(format!(
            "a URL of at most {MAX_TEXT_CHARS} characters"
        )));
    }
    let parsed = url::Url::parse(url).map_err(|err| invalid(format!("{url:?}: {err}")))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(invalid(format!(
            "{url:?}: only http and https URLs can receive alerts"
        )));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(invalid(format!(
            "{url:?}: credentials in the URL would be stored in clear; use the signature"
        )));
    }
    let address = match parsed.host() {
        None => return Err(invalid(format!("{url:?} has no host"))),
        Some(url::Host::Ipv4(ip)) => Some(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => Some(IpAddr::V6(ip)),
        Some(url::Host::Domain(domain)) => {
            let domain = domain.trim_end_matches('.').to_ascii_lowercase();
            if domain == "localhost" || domain.ends_with(".localhost") {
                Some(IpAddr::V4(std::net::Ipv4Addr::LOCALHOST))
            } else {
                None
            }
        }
    };
    if let Some(ip) = address
        && policy == WebhookPolicy::PublicOnly
        && !is_public(ip)
    {
        return Err(invalid(format!(
            "{url:?} points to {ip}, a private, loopback or link-local address; webhooks go to \
             public addresses unless private ones are allowed (--allow-private-webhooks, or \
             SITREP_ALLOW_PRIVATE_WEBHOOKS=1)"
        )));
    }
    Ok(())
}

/// Whether an address is reachable on the public internet (not loopback, private, link-local,
/// unspecified, shared, documentation or multicast).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.is_multicast()
                || a == 0
                // 100.64.0.0/10, carrier-grade NAT.
                || (a == 100 && (64..128).contains(&b)))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                // fc00::/7 unique local, fe80::/10 link-local.
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(lat: f64, lon: f64, radius_km: f64) -> WatchSpec {
        WatchSpec::new(
            "embassy",
            Area::Near {
                lat,
                lon,
                radius_km,
                radius_km_by_type: BTreeMap::new(),
            },
        )
    }

    #[test]
    fn a_point_with_a_radius_is_valid() {
        assert_eq!(
            near(32.8872, 13.1913, 25.0).validate(WebhookPolicy::PublicOnly),
            Ok(())
        );
    }

    #[test]
    fn coordinates_and_radius_out_of_range_name_their_field() {
        let field = |spec: WatchSpec| spec.validate(WebhookPolicy::PublicOnly).unwrap_err().field;
        assert_eq!(field(near(91.0, 0.0, 5.0)), "lat");
        assert_eq!(field(near(0.0, -181.0, 5.0)), "lon");
        assert_eq!(field(near(0.0, 0.0, 0.0)), "radius_km");
        assert_eq!(field(near(0.0, 0.0, -3.0)), "radius_km");
        assert_eq!(field(near(0.0, 0.0, 20_000.0)), "radius_km");
        assert_eq!(field(near(0.0, 0.0, f64::NAN)), "radius_km");
        assert_eq!(field(near(f64::NAN, 0.0, 5.0)), "lat");
    }

    #[test]
    fn names_are_short_and_plain() {
        let mut spec = near(0.0, 0.0, 5.0);
        for bad in ["", "has space", "a/b", &"x".repeat(65)] {
            spec.name = bad.to_string();
            let err = spec.validate(WebhookPolicy::PublicOnly).unwrap_err();
            assert_eq!(err.field, "name", "{bad:?}");
        }
        spec.name = "tripoli-embassy_2.0".into();
        assert!(spec.validate(WebhookPolicy::PublicOnly).is_ok());
    }

    #[test]
    fn a_box_needs_its_edges_in_range_in_any_order() {
        let boxed = |min_lon, min_lat, max_lon, max_lat| {
            WatchSpec::new(
                "box",
                Area::Bbox {
                    min_lon,
                    min_lat,
                    max_lon,
                    max_lat,
                },
            )
            .validate(WebhookPolicy::PublicOnly)
        };
        // Across the antimeridian, and latitudes north first: both are boxes.
        assert!(boxed(170.0, -20.0, -170.0, -10.0).is_ok());
        assert!(boxed(13.0, 33.0, 14.0, 30.0).is_ok());
        assert_eq!(boxed(13.0, 30.0, 181.0, 33.0).unwrap_err().field, "bbox");
        assert_eq!(boxed(13.0, -91.0, 14.0, 33.0).unwrap_err().field, "bbox");
    }

    #[test]
    fn webhooks_are_public_http_urls_unless_private_ones_are_allowed() {
        let public = WebhookPolicy::PublicOnly;
        assert!(check_webhook("https://hooks.example.org/sitrep", public).is_ok());
        assert!(check_webhook("http://203.0.114.7:8080/x", public).is_ok());
        for bad in [
            "ftp://example.org/x",
            "not a url",
            "https://user:pw@example.org/",
            "http://127.0.0.1:9000/hook",
            "http://localhost/hook",
            "http://10.1.2.3/",
            "http://192.168.0.10/",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://100.64.0.1/",
        ] {
            let err = check_webhook(bad, public).unwrap_err();
            assert_eq!(err.field, "webhook", "{bad}");
        }
        assert!(check_webhook("http://127.0.0.1:9000/hook", WebhookPolicy::AllowPrivate).is_ok());
        assert!(check_webhook("ftp://127.0.0.1/", WebhookPolicy::AllowPrivate).is_err());
    }

    #[test]
    fn the_radius_for_a_type_falls_back_to_the_watch_radius() {
        let area = Area::Near {
            lat: 0.0,
            lon: 0.0,
            radius_km: 10.0,
            radius_km_by_type: BTreeMap::from([(EventType::Shelling, 40.0)]),
        };
        assert_eq!(area.radius_km_for(EventType::Shelling), Some(40.0));
        assert_eq!(area.radius_km_for(EventType::Bombing), Some(10.0));
        assert_eq!(area.max_radius_km(), Some(40.0));
    }

    #[test]
    fn a_spec_reads_back_from_its_json() {
        let mut spec = near(32.8872, 13.1913, 25.0);
        spec.target_types = vec![TargetType::Diplomatic];
        let json = serde_json::to_string(&spec).unwrap();
        assert!(json.contains(r#""kind":"near""#), "{json}");
        assert_eq!(serde_json::from_str::<WatchSpec>(&json).unwrap(), spec);
    }

    #[test]
    fn a_toll_may_be_written_as_a_number_without_a_fraction() {
        let with = |toll: &str| {
            serde_json::from_str::<WatchSpec>(&format!(
                r#"{{"name":"w","area":{{"kind":"country","country":"LY"}},"min_killed":{toll}}}"#
            ))
        };
        assert_eq!(with("3").unwrap().min_killed, Some(3));
        assert_eq!(with("3.0").unwrap().min_killed, Some(3));
        assert_eq!(with("null").unwrap().min_killed, None);
        for bad in ["3.5", "-1", "4294967296", "\"3\""] {
            assert!(with(bad).is_err(), "{bad}");
        }
    }
}
