//! Builds a store of synthetic incidents for load benchmarks of `sitrep serve`
//! (`scripts/bench-serve.sh`).
//!
//! ```text
//! cargo run --release -p sitrep-server --example gen_store -- OUT.db [INCIDENTS]
//! ```
//!
//! Deterministic: the same count gives the same incidents (a fixed-seed xorshift generator).
//! Each synthetic article reports one incident near one of 40 conflict-area centres, dated
//! between 2000 and 2024, with a skewed death toll and a perpetrator group of its own (so that
//! resolution merges none of them); rows go in through the store's own API, 10,000 articles
//! per transaction.

use std::path::PathBuf;
use std::time::Instant;

use sitrep_model::{
    Article, ArticleId, ArticleMeta, ByteSpan, Count, CountryCode, DatePrecision, EventDate,
    EventType, Evidence, EvidenceField, ExtractedArticle, Incident, Location, LocationPrecision,
    Perpetrator,
};
use sitrep_store::Store;

/// `(name, country, lat, lon)` of the centres incidents are scattered around.
const CENTRES: &[(&str, &str, f64, f64)] = &[
    ("Kabul", "AF", 34.53, 69.17),
    ("Kandahar", "AF", 31.61, 65.71),
    ("Baghdad", "IQ", 33.34, 44.40),
    ("Mosul", "IQ", 36.34, 43.13),
    ("Damascus", "SY", 33.51, 36.29),
    ("Aleppo", "SY", 36.20, 37.16),
    ("Idlib", "SY", 35.93, 36.63),
    ("Tripoli", "LY", 32.89, 13.19),
    ("Benghazi", "LY", 32.12, 20.07),
    ("Sanaa", "YE", 15.35, 44.21),
    ("Taiz", "YE", 13.58, 44.02),
    ("Mogadishu", "SO", 2.04, 45.34),
    ("Maiduguri", "NG", 11.85, 13.16),
    ("Lagos", "NG", 6.45, 3.39),
    ("Gao", "ML", 16.27, -0.04),
    ("Bamako", "ML", 12.65, -8.00),
    ("Ouagadougou", "BF", 12.37, -1.52),
    ("Niamey", "NE", 13.51, 2.11),
    ("Goma", "CD", -1.68, 29.23),
    ("Beni", "CD", 0.49, 29.47),
    ("Juba", "SS", 4.85, 31.58),
    ("Khartoum", "SD", 15.50, 32.56),
    ("Cairo", "EG", 30.04, 31.24),
    ("Arish", "EG", 31.13, 33.80),
    ("Peshawar", "PK", 34.01, 71.58),
    ("Quetta", "PK", 30.18, 67.00),
    ("Karachi", "PK", 24.86, 67.01),
    ("Srinagar", "IN", 34.08, 74.80),
    ("Manipur", "IN", 24.81, 93.94),
    ("Pattani", "TH", 6.87, 101.25),
    ("Marawi", "PH", 8.00, 124.29),
    ("Mindanao", "PH", 7.07, 125.61),
    ("Bogota", "CO", 4.61, -74.08),
    ("Cauca", "CO", 2.44, -76.61),
    ("Culiacan", "MX", 24.80, -107.39),
    ("Kyiv", "UA", 50.45, 30.52),
    ("Donetsk", "UA", 48.02, 37.80),
    ("Gaza", "PS", 31.50, 34.47),
    ("Beirut", "LB", 33.89, 35.50),
    ("Istanbul", "TR", 41.01, 28.98),
];

const PERPETRATORS: &[&str] = &[
    "Islamic State",
    "Taliban",
    "al-Shabaab",
    "Boko Haram",
    "Houthis",
    "National Liberation Army of Colombia",
    "New People's Army",
    "Allied Democratic Forces",
    "Jama'at Nusrat al-Islam wal-Muslimin",
    "Tehrik-i-Taliban Pakistan",
];

/// A xorshift64* generator: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A float in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn synthetic(n: usize, rng: &mut Rng) -> (Article, ExtractedArticle) {
    let (place, country, lat, lon) = CENTRES[rng.below(CENTRES.len())];
    // Within about ±2.5° of the centre (sum of two uniforms: denser in the middle).
    let lat = (lat + (rng.unit() + rng.unit() - 1.0) * 2.5).clamp(-89.9, 89.9);
    let lon = (lon + (rng.unit() + rng.unit() - 1.0) * 2.5).clamp(-179.9, 179.9);
    let event_type = EventType::ALL[rng.below(EventType::ALL.len() - 1)];
    let day_offset = rng.below(25 * 365) as i32;
    let start = jiff::civil::date(2000, 1, 1)
        .checked_add(jiff::Span::new().days(day_offset))
        .expect("within the calendar");
    let killed = match rng.below(10) {
        0 => None,
        1..=4 => Some(0),
        5..=7 => Some(rng.below(5) as u32 + 1),
        _ => Some(rng.below(60) as u32 + 5),
    };
    // A group name of its own for every incident: resolution merges reports only when their
    // named groups agree, so the store keeps exactly one incident per synthetic article.
    let perpetrator = format!("{} (cell {n})", PERPETRATORS[rng.below(PERPETRATORS.len())]);
    let text = format!(
        "Synthetic report {n}: a {} near {place} killed {} people.",
        event_type.as_str().replace('_', " "),
        killed.map_or("an unknown number of".to_string(), |k| k.to_string()),
    );
    let article = Article {
        id: ArticleId::new(format!("syn-{n:07}")),
        published: Some(start),
        title: Some(format!("Synthetic incident {n} near {place}")),
        url: None,
        source: Some("synthetic".into()),
        text,
    };
    let mut incident = Incident::new(event_type);
    incident.date = Some(EventDate {
        start: Some(start),
        end: Some(start),
        precision: DatePrecision::Day,
        text: "on the day".into(),
    });
    incident.location = Some(Location {
        name: place.into(),
        country: CountryCode::new(country).expect("valid code in the table"),
        country_name: country.into(),
        admin1: None,
        admin2: None,
        lat,
        lon,
        geonames_id: None,
        precision: LocationPrecision::City,
        text: place.into(),
    });
    incident.killed = killed.map(|k| Count {
        min: Some(k),
        max: Some(k),
        text: k.to_string(),
    });
    incident.perpetrators = vec![Perpetrator {
        name: Some(perpetrator.clone()),
        claimed: false,
        text: perpetrator,
    }];
    incident.confidence = 0.5;
    let place_at = article.text.find(place).expect("the place is in the text");
    incident.evidence = vec![Evidence {
        field: EvidenceField::Location,
        span: ByteSpan::new(&article.text, place_at, place_at + place.len())
            .expect("found in the text"),
    }];
    let extracted = ExtractedArticle {
        article: ArticleMeta::from(&article),
        incidents: vec![incident],
    };
    (article, extracted)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().ok_or("usage: gen_store OUT.db [INCIDENTS]")?);
    let total: usize = match args.next() {
        Some(n) => n
            .parse()
            .map_err(|_| format!("INCIDENTS {n:?} is not a number"))?,
        None => 1_000_000,
    };
    if out.exists() {
        return Err(format!("{} exists; remove it first", out.display()).into());
    }
    let mut store = Store::open(&out)?;
    let mut rng = Rng(0x5EED_0000_2024_0001);
    let started = Instant::now();
    let mut done = 0;
    while done < total {
        let batch: Vec<_> = (done..total.min(done + 10_000))
            .map(|n| synthetic(n, &mut rng))
            .collect();
        store.insert_batch(&batch)?;
        done += batch.len();
        if done % 100_000 == 0 || done == total {
            eprintln!(
                "gen_store: {done} incidents in {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
    }
    Ok(())
}
