//! Watch specifications: the JSON body of `POST /api/watches`, and specs made of typed values
//! as `sitrep watch add` makes them from its flags, through validation, the store and the
//! index that matches incidents against them.

use std::collections::BTreeMap;
use std::sync::{LazyLock, Mutex, PoisonError};

use arbitrary::{Arbitrary, Unstructured};
use sitrep_model::{
    Count, CountryCode, EventType, Incident, Location, LocationPrecision, Perpetrator, Target,
    TargetType,
};
use sitrep_store::Store;
use sitrep_watch::{Area, WatchIndex, WatchSpec, WebhookPolicy};

/// A store in memory that each valid spec is added to, read back from and removed from.
static WATCHES: LazyLock<Mutex<Store>> =
    LazyLock::new(|| Mutex::new(Store::open_in_memory().expect("a store in memory opens")));

/// Checks one watch specification.
///
/// Input whose first non-blank byte is `{` is a request body of `POST /api/watches`, read with
/// `serde_json` as the handler reads it; other input is decoded with `arbitrary` into the typed
/// values `sitrep watch add` parses its flags into (any `f64`, NaN and infinities included, as
/// `--near NaN,inf` gives them), country codes checked as the flags' are.
///
/// Checks: a spec valid for public webhooks is valid when private ones are allowed; a valid
/// spec reads back equal from its JSON, is added to a store and read back equal from it; an
/// index of it matches an incident built to fall inside its area and pass its filters, and
/// never that incident as background.
pub fn watch_spec(data: &[u8]) {
    let spec = if data.trim_ascii_start().starts_with(b"{") {
        match serde_json::from_slice::<WatchSpec>(data) {
            Ok(spec) => spec,
            Err(_) => return, // A 400: "body: not a watch".
        }
    } else {
        match FlagSpec::arbitrary_take_rest(Unstructured::new(data)) {
            Ok(flags) => match flags.to_spec() {
                Some(spec) => spec,
                None => return, // A flag the command refuses before validation.
            },
            Err(_) => return,
        }
    };
    check(&spec);
}

fn check(spec: &WatchSpec) {
    let public = spec.validate(WebhookPolicy::PublicOnly);
    let any = spec.validate(WebhookPolicy::AllowPrivate);
    for err in [&public, &any].into_iter().filter_map(|r| r.as_ref().err()) {
        assert!(!err.reason.is_empty(), "invalid watch without a reason");
    }
    assert!(
        public.is_err() || any.is_ok(),
        "valid for public webhooks only: {spec:?}: {any:?}"
    );
    if any.is_err() {
        return;
    }
    let json = serde_json::to_string(spec).expect("a valid spec serialises");
    match serde_json::from_str::<WatchSpec>(&json) {
        Ok(back) => assert_eq!(&back, spec, "spec changes through its JSON {json}"),
        Err(err) => panic!("a valid spec does not read back from {json}: {err}"),
    }
    stored(spec);
    indexed(spec);
}

/// Adds the spec to the store, reads it back, removes it.
fn stored(spec: &WatchSpec) {
    let store = WATCHES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Err(err) = store.add_watch(spec, WebhookPolicy::AllowPrivate) {
        panic!("the store refuses a valid watch: {err}");
    }
    match store.watch(&spec.name) {
        Ok(Some(back)) => assert_eq!(&back.spec, spec, "the store changes the spec"),
        Ok(None) => panic!("watch {:?} added but not found", spec.name),
        Err(err) => panic!("watch {:?} does not read back: {err}", spec.name),
    }
    match store.remove_watch(&spec.name) {
        Ok(true) => {}
        Ok(false) => panic!("watch {:?} added but not removed", spec.name),
        Err(err) => panic!("watch {:?} cannot be removed: {err}", spec.name),
    }
}

/// Matches an incident made to fall inside the spec, and the same incident as background.
fn indexed(spec: &WatchSpec) {
    let index = WatchIndex::new(vec![(0u8, spec.clone())]);
    let mut incident = inside(spec);
    assert_eq!(
        index.matches(&incident).len(),
        1,
        "{spec:?} does not match {incident:?}"
    );
    incident.background = true;
    assert!(
        index.matches(&incident).is_empty(),
        "an undated background incident alerts"
    );
}

/// An incident inside the spec's area (at its centre, or on the western edge of a box across
/// the antimeridian) that passes every filter.
fn inside(spec: &WatchSpec) -> Incident {
    let mut incident = Incident::new(spec.types.first().copied().unwrap_or(EventType::Unknown));
    let fallback = CountryCode::new("LY").expect("LY is a country code");
    let (lat, lon, country, admin1) = match &spec.area {
        Area::Near { lat, lon, .. } => (*lat, *lon, fallback, None),
        Area::Bbox {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        } => {
            // Latitudes may come in either order; a western edge east of the eastern one
            // crosses the antimeridian, where the western edge itself is inside.
            let lon = if min_lon <= max_lon {
                between(*min_lon, *max_lon)
            } else {
                *min_lon
            };
            (between(*min_lat, *max_lat), lon, fallback, None)
        }
        Area::Country { country } => (0.0, 0.0, *country, None),
        Area::Admin1 { name, country } => (0.0, 0.0, country.unwrap_or(fallback), Some(name)),
    };
    incident.location = Some(Location {
        name: "Somewhere".into(),
        country,
        country_name: String::new(),
        admin1: admin1.cloned(),
        admin2: None,
        lat,
        lon,
        geonames_id: None,
        precision: LocationPrecision::City,
        text: String::new(),
    });
    if let Some(&kind) = spec.target_types.first() {
        incident.targets.push(Target {
            kind,
            nationality: None,
            text: String::new(),
        });
    }
    if let Some(min) = spec.min_killed {
        incident.killed = Some(Count {
            min: Some(min),
            max: Some(min),
            text: String::new(),
        });
    }
    if let Some(name) = &spec.perpetrator {
        incident.perpetrators.push(Perpetrator {
            name: Some(name.trim().to_string()),
            claimed: false,
            text: String::new(),
        });
    }
    incident
}

/// A value between `a` and `b` (in either order), both included: halfway where floats allow,
/// which subnormal values do not always do.
fn between(a: f64, b: f64) -> f64 {
    (a / 2.0 + b / 2.0).clamp(a.min(b), a.max(b))
}

/// What `sitrep watch add` parses its flags into, before it builds the spec.
#[derive(Debug, Arbitrary)]
struct FlagSpec {
    name: String,
    area: FlagArea,
    types: Vec<u8>,
    target_types: Vec<u8>,
    min_killed: Option<u32>,
    perpetrator: Option<String>,
    webhook: Option<String>,
}

/// `--near LAT,LON --radius-km KM [--radius-for TYPE=KM]`, `--country`, `--admin1
/// [--admin1-country]` or `--bbox`.
#[derive(Debug, Arbitrary)]
enum FlagArea {
    Near {
        lat: f64,
        lon: f64,
        radius_km: f64,
        radius_for: Vec<(u8, f64)>,
    },
    Country(String),
    Admin1 {
        name: String,
        country: Option<String>,
    },
    Bbox([f64; 4]),
}

impl FlagSpec {
    /// The spec the flags make, or `None` where the command refuses a flag itself (a country
    /// code that is not two letters).
    fn to_spec(&self) -> Option<WatchSpec> {
        let country = |code: &str| CountryCode::new(code.trim()).ok();
        let area = match &self.area {
            FlagArea::Near {
                lat,
                lon,
                radius_km,
                radius_for,
            } => Area::Near {
                lat: *lat,
                lon: *lon,
                radius_km: *radius_km,
                radius_km_by_type: radius_for
                    .iter()
                    .map(|&(kind, km)| (pick(EventType::ALL, kind), km))
                    .collect::<BTreeMap<_, _>>(),
            },
            FlagArea::Country(code) => Area::Country {
                country: country(code)?,
            },
            FlagArea::Admin1 { name, country: cc } => Area::Admin1 {
                name: name.clone(),
                country: match cc {
                    Some(code) => Some(country(code)?),
                    None => None,
                },
            },
            FlagArea::Bbox([min_lon, min_lat, max_lon, max_lat]) => Area::Bbox {
                min_lon: *min_lon,
                min_lat: *min_lat,
                max_lon: *max_lon,
                max_lat: *max_lat,
            },
        };
        let mut spec = WatchSpec::new(self.name.clone(), area);
        spec.types = self
            .types
            .iter()
            .map(|&i| pick(EventType::ALL, i))
            .collect();
        spec.target_types = self
            .target_types
            .iter()
            .map(|&i| pick(TargetType::ALL, i))
            .collect();
        spec.min_killed = self.min_killed;
        spec.perpetrator = self.perpetrator.clone();
        spec.webhook = self.webhook.clone();
        Some(spec)
    }
}

/// The value at `i`, wrapping around.
fn pick<T: Copy>(all: &[T], i: u8) -> T {
    all[usize::from(i) % all.len()]
}
