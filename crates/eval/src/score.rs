//! Comparing one prediction with one gold record.

use sitrep_extract::Resources;
use sitrep_model::{Count, ExtractedArticle, Incident, Location, LocationPrecision};

use crate::gold::{GoldBackground, GoldFields, GoldRecord};

/// The scored fields, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Whole news pages that report an incident: a main incident was found.
    HasIncident,
    /// Whole news pages that report none: no main incident was given.
    NoIncident,
    /// Country code.
    Country,
    /// First-level division.
    Admin1,
    /// City.
    City,
    /// Start day.
    Date,
    /// Event type.
    EventType,
    /// First target's type.
    TargetType,
    /// First target's nationality.
    TargetNationality,
    /// Perpetrator.
    Perpetrator,
    /// Claim.
    Claimed,
    /// Weapon.
    Weapon,
    /// Everyone killed, exact: `killed + attackers_killed` against the gold count, which
    /// counts perpetrators too (the GTD convention every labelled set follows).
    Killed,
    /// [`Field::Killed`], a missing count accepted for 0.
    KilledLenient,
    /// Victims alone (`killed`) against the gold count, for comparison with scorers that
    /// ignore the attackers.
    KilledVictims,
    /// Perpetrators killed (`attackers_killed`; a missing count is 0) against the gold
    /// `perpetrators_killed`.
    AttackersKilled,
    /// Everyone wounded, exact: `wounded + attackers_wounded`.
    Wounded,
    /// [`Field::Wounded`], a missing count accepted for 0.
    WoundedLenient,
    /// Victims alone (`wounded`).
    WoundedVictims,
    /// Kidnapped, exact.
    Kidnapped,
    /// Whole news pages: each background incident of the gold is matched by a predicted
    /// incident other than the main one.
    Background,
}

impl Field {
    /// Every field.
    pub const ALL: &'static [Field] = &[
        Field::HasIncident,
        Field::NoIncident,
        Field::Country,
        Field::Admin1,
        Field::City,
        Field::Date,
        Field::EventType,
        Field::TargetType,
        Field::TargetNationality,
        Field::Perpetrator,
        Field::Claimed,
        Field::Weapon,
        Field::Killed,
        Field::KilledLenient,
        Field::KilledVictims,
        Field::AttackersKilled,
        Field::Wounded,
        Field::WoundedLenient,
        Field::WoundedVictims,
        Field::Kidnapped,
        Field::Background,
    ];

    /// The field's name in reports and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Field::HasIncident => "has_incident",
            Field::NoIncident => "no_incident",
            Field::Country => "country",
            Field::Admin1 => "admin1",
            Field::City => "city",
            Field::Date => "date",
            Field::EventType => "event_type",
            Field::TargetType => "target_type",
            Field::TargetNationality => "target_nationality",
            Field::Perpetrator => "perpetrator",
            Field::Claimed => "claimed",
            Field::Weapon => "weapon",
            Field::Killed => "killed",
            Field::KilledLenient => "killed_lenient",
            Field::KilledVictims => "killed_victims",
            Field::AttackersKilled => "attackers_killed",
            Field::Wounded => "wounded",
            Field::WoundedLenient => "wounded_lenient",
            Field::WoundedVictims => "wounded_victims",
            Field::Kidnapped => "kidnapped",
            Field::Background => "background",
        }
    }

    /// Parses a field name.
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.name() == name)
    }
}

/// The outcome of one field of one record.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldOutcome {
    /// Which field.
    pub field: Field,
    /// Whether the prediction is right.
    pub correct: bool,
    /// The gold value, for error listings.
    pub gold: String,
    /// The predicted value, for error listings.
    pub predicted: String,
}

/// Scores predictions; holds what the rules need (the group lexicon for aliases).
pub struct Scorer<'r> {
    resources: &'r Resources,
}

const DIVISION_WORDS: &[&str] = &[
    "province",
    "provincia",
    "governorate",
    "state",
    "region",
    "department",
    "departement",
    "county",
    "oblast",
    "district",
    "prefecture",
    "municipality",
    "division",
    "territory",
    "city",
    "of",
    "the",
    "wilayah",
    "muhafazat",
];
const CITY_WORDS: &[&str] = &[
    "district",
    "province",
    "city",
    "town",
    "village",
    "municipality",
    "of",
    "the",
    "county",
    "area",
    "subdistrict",
    "sub",
    "camp",
];

fn normalise(name: &str, drop: &[&str]) -> String {
    let key = sitrep_geo::name_key(name);
    key.split(' ')
        .filter(|w| !drop.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The city a prediction names: the location's name, unless it names only a first-level
/// division or the whole country. A district counts: where a report names only the district,
/// incident databases code it as the city ("Udhampur district").
pub fn predicted_city(incident: &Incident) -> Option<String> {
    let loc = incident.location.as_ref()?;
    match loc.precision {
        LocationPrecision::City | LocationPrecision::Point | LocationPrecision::Admin2 => {
            Some(loc.name.clone())
        }
        // An unlisted place, reported under its own name at its division or country.
        LocationPrecision::Admin1 | LocationPrecision::Country
            if loc.geonames_id.is_none()
                && Some(&loc.name) != loc.admin1.as_ref()
                && loc.name != loc.country_name =>
        {
            Some(loc.name.clone())
        }
        _ => None,
    }
}

fn count_text(c: &Option<Count>) -> String {
    match c {
        None => "null".into(),
        Some(c) => format!(
            "{}..{}",
            c.min.map_or("?".into(), |v| v.to_string()),
            c.max.map_or("?".into(), |v| v.to_string())
        ),
    }
}

fn count_correct(c: &Option<Count>, gold: u32, at_least: bool, lenient: bool) -> bool {
    match c {
        None => lenient && gold == 0,
        Some(c) => {
            if at_least {
                c.min == Some(gold)
            } else {
                c.min == Some(gold) && (c.max == Some(gold) || c.max.is_none())
            }
        }
    }
}

impl<'r> Scorer<'r> {
    /// A scorer that knows sitrep's group aliases.
    pub fn new(resources: &'r Resources) -> Self {
        Scorer { resources }
    }

    /// Whether a gold city names the predicted town under another spelling, one the gazetteer
    /// gives the same place ("Bangalore" for Bengaluru, "St. Petersburg" for Saint
    /// Petersburg). The article's own words for the town do not count: they may have been
    /// read as another place.
    fn same_town(&self, gold: &str, l: &Location) -> bool {
        if !matches!(
            l.precision,
            LocationPrecision::City | LocationPrecision::Point
        ) {
            return false;
        }
        // A town whose own name the gold is stands for it first: "Stavropol" is Stavropol,
        // not Tolyatti, which was once called so.
        let g = &self.resources.gazetteer;
        let Some(id) = l.geonames_id else {
            return false;
        };
        let key = sitrep_geo::name_key(gold);
        let readings: Vec<_> = g
            .lookup_key(&key)
            .iter()
            .map(|p| g.info(*p))
            .filter(|info| info.country == l.country)
            .collect();
        let own: Vec<_> = readings
            .iter()
            .filter(|info| sitrep_geo::name_key(&info.name) == key)
            .collect();
        if own.is_empty() {
            readings.iter().any(|info| info.geonames_id == Some(id))
        } else {
            own.iter().any(|info| info.geonames_id == Some(id))
        }
    }

    fn perpetrator_matches(&self, gold: &str, predicted: &str) -> bool {
        let clean = |s: &str| s.replace("(suspected)", "").replace("(Suspected)", "");
        let gold = clean(gold);
        let g = normalise(&gold, &[]);
        let p = normalise(predicted, &[]);
        if g.is_empty() || p.is_empty() {
            return false;
        }
        if g == p {
            return true;
        }
        let contains_words = |outer: &str, inner: &str| {
            inner.len() >= 5 && format!(" {outer} ").contains(&format!(" {inner} "))
        };
        if contains_words(&g, &p) || contains_words(&p, &g) {
            return true;
        }
        // A parenthesised acronym in the gold name: "Animal Liberation Front (ALF)".
        for part in gold.split(['(', ')']).skip(1).step_by(2) {
            if normalise(part, &[]) == p {
                return true;
            }
        }
        // Any part of the gold name that the group lexicon knows as the predicted group.
        let groups = &self.resources.groups;
        gold.split(['(', ')', '/', ',', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .any(|part| {
                groups.find_all(part).iter().any(|m| {
                    m.span.len() == part.len() && normalise(&groups.group(m.group).name, &[]) == p
                })
            })
    }

    /// Scores one record. `prediction` is `None` when extraction produced nothing for it.
    pub fn score(
        &self,
        record: &GoldRecord,
        prediction: Option<&ExtractedArticle>,
    ) -> Vec<FieldOutcome> {
        let g = &record.gold;
        let is_gtd = record.source.as_deref() == Some("gtd");
        let main = prediction.and_then(|p| p.incidents.iter().find(|i| !i.background));
        let mut out = Vec::new();
        let mut add = |field: Field, correct: bool, gold: String, predicted: String| {
            out.push(FieldOutcome {
                field,
                correct,
                gold,
                predicted,
            })
        };
        let described = |m: Option<&Incident>| {
            m.map_or("(none)".to_string(), |m| {
                format!("{} {}", m.event_type, count_text(&m.killed))
            })
        };
        match g.is_incident {
            Some(true) => add(
                Field::HasIncident,
                main.is_some(),
                "incident".into(),
                described(main),
            ),
            Some(false) => {
                add(
                    Field::NoIncident,
                    main.is_none(),
                    "(none)".into(),
                    described(main),
                );
                // A page about no incident has no main incident's fields to score.
                let others = prediction.map_or(&[][..], |p| &p.incidents[..]);
                self.score_background(g, others, &mut add);
                return out;
            }
            None => {}
        }
        let loc = main.and_then(|m| m.location.as_ref());

        if let Some(country) = &g.country {
            let p = loc.map(|l| l.country.to_string()).unwrap_or_default();
            add(Field::Country, &p == country, country.clone(), p);
        }
        if let Some(admin1) = g
            .admin1
            .as_ref()
            .filter(|a| !a.eq_ignore_ascii_case("unknown"))
        {
            let p = loc.and_then(|l| l.admin1.clone()).unwrap_or_default();
            let correct =
                !p.is_empty() && normalise(admin1, DIVISION_WORDS) == normalise(&p, DIVISION_WORDS);
            add(Field::Admin1, correct, admin1.clone(), p);
        }
        if let Some(city) = g
            .city
            .as_ref()
            .filter(|c| !c.eq_ignore_ascii_case("unknown"))
        {
            let p = main.and_then(predicted_city).unwrap_or_default();
            let same = |gold: &str| {
                !p.is_empty()
                    && (normalise(gold, CITY_WORDS) == normalise(&p, CITY_WORDS)
                        || loc.is_some_and(|l| self.same_town(gold, l)))
            };
            let by_name = same(city) || g.city_alt.iter().any(|c| same(c));
            let by_distance = match (g.lat, g.lon, loc) {
                (Some(lat), Some(lon), Some(l))
                    if matches!(
                        l.precision,
                        LocationPrecision::City | LocationPrecision::Point
                    ) =>
                {
                    sitrep_geo::haversine_km(lat, lon, l.lat, l.lon) <= 25.0
                }
                _ => false,
            };
            add(Field::City, by_name || by_distance, city.clone(), p);
        }
        if let Some(date) = &g.date {
            let p = main
                .and_then(|m| m.date.as_ref())
                .and_then(|d| d.start)
                .map(|d| d.to_string())
                .unwrap_or_default();
            add(Field::Date, &p == date, date.clone(), p);
        }
        if let Some(t) = &g.event_type {
            let p = main.map(|m| m.event_type.to_string()).unwrap_or_default();
            add(Field::EventType, &p == t, t.clone(), p);
        }
        if let Some(t) = &g.target_type {
            let p = main
                .and_then(|m| m.targets.first())
                .map(|t| t.kind.to_string())
                .unwrap_or_default();
            add(Field::TargetType, &p == t, t.clone(), p);
        }
        if let Some(n) = &g.target_nationality {
            let p = main
                .and_then(|m| m.targets.first())
                .and_then(|t| t.nationality)
                .map(|c| c.to_string())
                .unwrap_or_default();
            add(Field::TargetNationality, &p == n, n.clone(), p);
        }
        let named: Vec<String> = main
            .map(|m| {
                m.perpetrators
                    .iter()
                    .filter_map(|p| p.name.clone())
                    .collect()
            })
            .unwrap_or_default();
        match &g.perpetrator {
            Some(gold) => {
                let correct = named.iter().any(|p| self.perpetrator_matches(gold, p));
                add(Field::Perpetrator, correct, gold.clone(), named.join("; "));
            }
            None if is_gtd => add(
                Field::Perpetrator,
                named.is_empty(),
                "(no known group)".into(),
                named.join("; "),
            ),
            None => {}
        }
        if let Some(claimed) = g.claimed {
            let p = main.is_some_and(|m| m.perpetrators.iter().any(|p| p.claimed));
            add(
                Field::Claimed,
                p == claimed,
                claimed.to_string(),
                p.to_string(),
            );
        }
        if let Some(w) = &g.weapon {
            let weapons: Vec<String> = main
                .map(|m| m.weapons.iter().map(|w| w.to_string()).collect())
                .unwrap_or_default();
            add(
                Field::Weapon,
                weapons.contains(w),
                w.clone(),
                weapons.join(","),
            );
        }
        // Every labelled set counts perpetrators among the killed and wounded (the GTD
        // convention); sitrep reports them apart, so the sum is what is compared. The
        // `_victims` rows compare sitrep's victims alone.
        let killed = main.and_then(|m| m.killed.clone());
        let wounded = main.and_then(|m| m.wounded.clone());
        let killed_all =
            main.and_then(|m| Count::total(m.killed.as_ref(), m.attackers_killed.as_ref()));
        let wounded_all =
            main.and_then(|m| Count::total(m.wounded.as_ref(), m.attackers_wounded.as_ref()));
        let kidnapped = main.and_then(|m| m.kidnapped.clone());
        let mut add_count = |field: Field, predicted: &Option<Count>, gold: u32, at_least: bool| {
            let lenient = matches!(field, Field::KilledLenient | Field::WoundedLenient);
            add(
                field,
                count_correct(predicted, gold, at_least, lenient),
                gold.to_string(),
                count_text(predicted),
            );
        };
        if let Some(k) = g.killed {
            let at_least = g.killed_at_least == Some(true);
            add_count(Field::Killed, &killed_all, k, at_least);
            add_count(Field::KilledLenient, &killed_all, k, at_least);
            add_count(Field::KilledVictims, &killed, k, at_least);
        }
        if let Some(w) = g.wounded {
            let at_least = g.wounded_at_least == Some(true);
            add_count(Field::Wounded, &wounded_all, w, at_least);
            add_count(Field::WoundedLenient, &wounded_all, w, at_least);
            add_count(Field::WoundedVictims, &wounded, w, at_least);
        }
        if let Some(k) = g.perpetrators_killed {
            // Attackers whose death the text does not report are none.
            let attackers = main.and_then(|m| m.attackers_killed.clone());
            add(
                Field::AttackersKilled,
                count_correct(&attackers, k, false, true),
                k.to_string(),
                count_text(&attackers),
            );
        }
        if let Some(k) = g.kidnapped {
            add(
                Field::Kidnapped,
                count_correct(&kidnapped, k, false, false),
                k.to_string(),
                count_text(&kidnapped),
            );
        }
        let others = prediction.map_or(&[][..], |p| &p.incidents[..]);
        self.score_background(g, others, &mut add);
        out
    }

    /// One outcome per gold background incident: found when a predicted incident marked
    /// `background` (never the main incident, the first one not marked) agrees with it.
    /// Agreeing means the same country where both have one, and the same city, day or death
    /// toll, whichever of them the gold gives (the country alone when it gives none). Each
    /// predicted incident answers for one gold incident at most.
    fn score_background(
        &self,
        g: &GoldFields,
        predicted: &[Incident],
        add: &mut impl FnMut(Field, bool, String, String),
    ) {
        let mut used = vec![false; predicted.len()];
        for b in &g.background {
            let found = predicted
                .iter()
                .enumerate()
                .position(|(k, p)| !used[k] && p.background && background_agrees(b, p));
            if let Some(k) = found {
                used[k] = true;
            }
            let describe = |b: &GoldBackground| {
                format!(
                    "{} {} {} killed {}",
                    b.date.as_deref().unwrap_or("-"),
                    b.country.as_deref().unwrap_or("-"),
                    b.city.as_deref().unwrap_or("-"),
                    b.killed.map_or("-".into(), |k| k.to_string())
                )
            };
            let predicted_text = match found {
                Some(k) => describe_incident(&predicted[k]),
                None => format!("(not found among {} others)", predicted.len()),
            };
            add(
                Field::Background,
                found.is_some(),
                describe(b),
                predicted_text,
            );
        }
    }
}

fn describe_incident(p: &Incident) -> String {
    let loc = p.location.as_ref();
    format!(
        "{} {} {} killed {}",
        p.date
            .as_ref()
            .and_then(|d| d.start)
            .map_or("-".into(), |d| d.to_string()),
        loc.map_or("-".into(), |l| l.country.to_string()),
        loc.map_or("-".into(), |l| l.name.clone()),
        count_text(&Count::total(
            p.killed.as_ref(),
            p.attackers_killed.as_ref()
        ))
    )
}

/// Whether a predicted incident is the gold background incident (see
/// [`Scorer::score_background`]).
fn background_agrees(b: &GoldBackground, p: &Incident) -> bool {
    let loc = p.location.as_ref();
    if let (Some(gold), Some(l)) = (&b.country, loc)
        && l.country.to_string() != *gold
    {
        return false;
    }
    let city = b.city.as_ref().map(|c| {
        predicted_city(p)
            .is_some_and(|name| normalise(c, CITY_WORDS) == normalise(&name, CITY_WORDS))
    });
    let date = b.date.as_ref().map(|d| {
        p.date
            .as_ref()
            .and_then(|x| x.start)
            .is_some_and(|s| s.to_string() == *d)
    });
    let killed = b.killed.map(|k| {
        let all = Count::total(p.killed.as_ref(), p.attackers_killed.as_ref());
        count_correct(&all, k, false, true)
    });
    let known = [city, date, killed];
    known.iter().all(Option::is_none) || known.contains(&Some(true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{EventType, Location};

    fn located(name: &str, admin1: Option<&str>, precision: LocationPrecision) -> Incident {
        let mut incident = Incident::new(EventType::ArmedAssault);
        incident.location = Some(Location {
            name: name.into(),
            country: "NG".parse().expect("a country code"),
            country_name: "Nigeria".into(),
            admin1: admin1.map(Into::into),
            admin2: None,
            lat: 11.0,
            lon: 13.0,
            geonames_id: None,
            precision,
            text: name.into(),
        });
        incident
    }

    /// The location extraction reports for a gazetteer town, looked up by its name.
    fn town(g: &sitrep_geo::Gazetteer, name: &str, country: &str) -> Location {
        let place = g
            .lookup(name)
            .iter()
            .copied()
            .find(|p| {
                let info = g.info(*p);
                info.precision == LocationPrecision::City
                    && info.country.as_str() == country
                    && sitrep_geo::name_key(&info.name) == sitrep_geo::name_key(name)
            })
            .expect("a town of that name");
        let info = g.info(place);
        Location {
            name: info.name,
            country: info.country,
            country_name: info.country_name,
            admin1: info.admin1,
            admin2: None,
            lat: info.lat,
            lon: info.lon,
            geonames_id: info.geonames_id,
            precision: LocationPrecision::City,
            text: name.into(),
        }
    }

    #[test]
    fn a_gold_town_under_another_spelling_of_the_same_place_is_right() {
        let resources = Resources::embedded().expect("embedded data");
        let scorer = Scorer::new(&resources);
        let g = &resources.gazetteer;
        let beijing = town(g, "Beijing", "CN");
        assert!(scorer.same_town("Peking", &beijing));
        assert!(!scorer.same_town("Tianjin", &beijing));
        // A town that only also answers to another town's own name is not that town.
        let aihara = town(g, "Aihara", "JP");
        assert!(!scorer.same_town("Sagamihara", &aihara));
        // A division or country is never a town.
        let division = Location {
            precision: LocationPrecision::Admin1,
            ..beijing
        };
        assert!(!scorer.same_town("Peking", &division));
    }

    #[test]
    fn an_unlisted_place_is_a_city_and_a_division_or_country_is_not() {
        let city = |i: &Incident| predicted_city(i);
        let village = located("Kwatumbali", Some("Borno"), LocationPrecision::Admin1);
        assert_eq!(city(&village).as_deref(), Some("Kwatumbali"));
        let village = located("Kwatumbali", None, LocationPrecision::Country);
        assert_eq!(city(&village).as_deref(), Some("Kwatumbali"));
        assert_eq!(
            city(&located("Borno", Some("Borno"), LocationPrecision::Admin1)),
            None
        );
        assert_eq!(
            city(&located("Nigeria", None, LocationPrecision::Country)),
            None
        );
    }
}
