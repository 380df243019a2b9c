//! Turning a draft (sentences of one incident) into a model incident with evidence.

use sitrep_geo::{Place, is_division_kind, name_key, spelled_alike};
use sitrep_model::{
    ByteSpan, Count, CountryCode, EventDate, Evidence, EvidenceField, Incident, Location,
    LocationPrecision, Target, TargetType, Weapon,
};
use sitrep_text::Quantity;

use crate::analysis::Analysis;
use crate::casualties::{CasualtyKind, CasualtyStatement, Relation, Side};
use crate::choose::country_words::{self, CountryGuess};
use crate::choose::{event, place};
use crate::districts::{NamedDistrict, district_in_country, district_named};
use crate::event_type;
use crate::outcome;
use crate::perpetrators::find_perpetrators;
use crate::places::{
    ChosenLocation, CountryEvidence, Toponym, choose_location, unlisted_settlements,
};
use crate::resources::Resources;
use crate::segment::Draft;
use crate::targets::{diplomatic_nationality, find_targets};

/// Target types whose nationality defaults to the country of the incident when the text does
/// not give one.
const LOCAL_BY_DEFAULT: &[TargetType] = &[
    TargetType::Police,
    TargetType::Military,
    TargetType::Government,
    TargetType::PrivateCitizens,
    TargetType::Educational,
    TargetType::Religious,
    TargetType::Business,
    TargetType::Transportation,
    TargetType::Utilities,
    TargetType::Telecommunication,
    TargetType::Militia,
    TargetType::PoliticalParty,
    TargetType::FoodWater,
    TargetType::AbortionRelated,
    TargetType::AirportAircraft,
    TargetType::Maritime,
    TargetType::JournalistsMedia,
];

/// Article-wide facts every incident may use.
pub struct Context<'a, 'r> {
    /// The analysis.
    pub a: &'a Analysis<'a>,
    /// Resources.
    pub r: &'r Resources,
    /// Every casualty statement.
    pub casualties: &'a [CasualtyStatement],
    /// Every resolved toponym.
    pub toponyms: &'a [Toponym],
    /// Country evidence of the article.
    pub evidence: &'a CountryEvidence,
}

/// Builds the incident for one draft. `inherited` is the main incident's location, used when
/// the draft's own sentences name no place ("The same market was hit on Feb. 14").
pub fn assemble(cx: &Context<'_, '_>, draft: &Draft, inherited: Option<&Incident>) -> Incident {
    assemble_with_cues(cx, draft, inherited).incident
}

/// An incident as [`assemble_with_cues`] built it, with what its learned choices saw.
#[derive(Debug, Clone)]
pub struct Assembled {
    /// The incident.
    pub incident: Incident,
    /// The cues the event-type model chose the type from.
    pub event: event::Cues,
    /// The candidates the place model chose the location from: the incident's own
    /// toponyms, empty when its sentences name none.
    pub places: Vec<place::Candidate>,
}

/// [`assemble`], with the candidates and cues its models chose from (what `sitrep train`
/// fits them on).
pub fn assemble_with_cues(
    cx: &Context<'_, '_>,
    draft: &Draft,
    inherited: Option<&Incident>,
) -> Assembled {
    let a = cx.a;
    let g = &cx.r.gazetteer;
    let in_draft = |s: usize| draft.sentences.contains(&s);
    let mut incident = Incident::new(sitrep_model::EventType::Unknown);
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut push = |field: EvidenceField, span: ByteSpan| {
        if !evidence.iter().any(|e| e.field == field && e.span == span) {
            evidence.push(Evidence { field, span });
        }
    };

    // Casualties.
    let statements: Vec<&CasualtyStatement> = cx
        .casualties
        .iter()
        .filter(|c| in_draft(c.sentence))
        .collect();
    let mut count_for = |kind: CasualtyKind, side: Side, field: EvidenceField| -> Option<Count> {
        let of: Vec<&CasualtyStatement> = statements
            .iter()
            .copied()
            .filter(|c| c.kind == kind && c.side == side)
            .collect();
        let (quantity, spans) = combine(&of)?;
        for span in &spans {
            push(field, *span);
        }
        Some(Count {
            min: quantity.min,
            max: quantity.max,
            text: a.text[spans[0].range()].to_string(),
        })
    };
    incident.killed = count_for(CasualtyKind::Killed, Side::Victims, EvidenceField::Killed);
    incident.wounded = count_for(CasualtyKind::Wounded, Side::Victims, EvidenceField::Wounded);
    incident.kidnapped = count_for(
        CasualtyKind::Kidnapped,
        Side::Victims,
        EvidenceField::Kidnapped,
    );
    incident.attackers_killed = count_for(
        CasualtyKind::Killed,
        Side::Attackers,
        EvidenceField::AttackersKilled,
    );
    incident.attackers_wounded = count_for(
        CasualtyKind::Wounded,
        Side::Attackers,
        EvidenceField::AttackersWounded,
    );
    // A report that counts the wounded and speaks of no death says nobody died: a death is
    // always told first. The wounded figure is the evidence.
    // Attackers wounded count too: "two assailants were injured" and no one died.
    if incident.killed.is_none()
        && incident.attackers_killed.is_none()
        && !draft
            .sentences
            .iter()
            .any(|&s| outcome::mentions_death(a, s))
        && let Some(first) = statements.iter().find(|c| c.kind == CasualtyKind::Wounded)
    {
        incident.killed = Some(zero(a, first.span));
        push(EvidenceField::Killed, first.span);
    }
    // A report that counts its dead and says nothing of anyone hurt: coders (the GTD's,
    // RAND's, Wikipedia's) code 0 wounded, as reports name the wounded whenever they know of
    // them. The death figure is the evidence; a later report with wounded raises it.
    // The dead may be the attackers alone ("two assailants were killed in the ensuing
    // clash"); the words that tell how someone died ("shot dead") speak of no one hurt.
    if incident.wounded.is_none()
        && let Some(killed) = statements.iter().find(|c| {
            c.kind == CasualtyKind::Killed && !c.negated && c.quantity.min.is_some_and(|n| n > 0)
        })
        // Any word of harm in the draft, or of injury in the sentence after one of its
        // sentences: "Others were injured." may stand alone.
        && !draft.sentences.iter().any(|&s| {
            outcome::mentions_harm_besides_death(a, s)
                || (s + 1 < a.sentences.len() && outcome::mentions_injury(a, s + 1))
        })
    {
        incident.wounded = Some(zero(a, killed.span));
        push(EvidenceField::Wounded, killed.span);
    }
    // No figure at all, no word of harm, and an outcome that harmed no one: a defused bomb,
    // a foiled plot, hostages freed unharmed, a building burned.
    if !statements
        .iter()
        .any(|c| matches!(c.kind, CasualtyKind::Killed | CasualtyKind::Wounded))
        && let Some(span) = outcome::harmless_outcome(a, &draft.sentences)
    {
        incident.killed = Some(zero(a, span));
        incident.wounded = Some(zero(a, span));
        push(EvidenceField::Killed, span);
        push(EvidenceField::Wounded, span);
    }

    // Date and time.
    // "Two days earlier", "a day after …": the days counted back from the incident told
    // before.
    let dated = match (draft.date, &draft.counted_back) {
        (Some(di), counted) => Some((
            counted.as_ref().unwrap_or(&a.dates[di].value),
            a.dates[di].span,
        )),
        (None, Some(counted)) => Some((counted, counted.span)),
        (None, None) => None,
    };
    if let Some((value, span)) = dated {
        let real = a.has_real_days(value);
        incident.date = Some(EventDate {
            start: value.start.filter(|_| real),
            end: value.end.filter(|_| real),
            precision: value.precision,
            text: a.text[span.range()].to_string(),
        });
        push(EvidenceField::Date, span);
    }
    if let Some(t) = a.times.iter().find(|t| in_draft(t.sentence)) {
        incident.time = Some(t.value.to_hh_mm());
        push(EvidenceField::Time, t.span);
    }

    // Location.
    let own: Vec<&Toponym> = cx
        .toponyms
        .iter()
        .filter(|t| in_draft(t.sentence))
        .collect();
    let settlements = unlisted_settlements(a, in_draft);
    // A district the incident's sentences name in a country ("in Chuadanga District").
    let district_in_sentences = |country| {
        draft
            .sentences
            .iter()
            .find_map(|&s| district_in_country(a, g, country, s))
    };
    // Where someone fled to or came from is no scene: an incident whose best place is one
    // ("… in January, before the gunmen fled to neighbouring Nigeria") takes the place of the
    // incident it follows.
    let (chosen, place_candidates) =
        choose_location(a, g, &own, &settlements, cx.evidence, &cx.r.models.place);
    let chosen = chosen
        .filter(|c| inherited.is_none() || !own.iter().any(|t| t.span == c.span && t.elsewhere));
    let location = chosen.or_else(|| {
        // The main incident's own sentences name no place: the one place the article names
        // in its country, when it names only one ("... a construction site in Richmond,
        // Virginia. They were unsuccessful. The ELF claimed it.").
        if inherited.is_some() {
            return None;
        }
        let country = cx.evidence.strongest()?;
        if let Some(named) = the_one_place_named(a.text, g, cx.toponyms, country) {
            return choose_location(a, g, &named, &settlements, cx.evidence, &cx.r.models.place).0;
        }
        // Nor one the gazetteer knows, but a settlement it lacks ("shot dead in Lurgan"): that
        // place, in the country the article is about.
        let settlement = settlements.first()?;
        Some(ChosenLocation {
            place: Place::Country(country),
            precision: LocationPrecision::Country,
            name_override: Some(a.text[settlement.name.range()].to_string()),
            coordinates: None,
            span: settlement.span,
            name_span: settlement.name,
        })
    });
    if let Some(chosen) = &location {
        let mut info = g.info(chosen.place);
        // The division as the article spells it ("Logar", not the gazetteer's "Lowgar"),
        // when the article names it.
        if let Some(division) = g.admin1_of(chosen.place)
            && let Some(written) = own
                .iter()
                .chain(cx.toponyms.iter().collect::<Vec<_>>().iter())
                .find(|t| t.place == Place::Admin1(division) && !t.dateline)
        {
            let mut words = a.text[written.span.range()].to_string();
            // Not when the words only leave out the kind of division ("Central" for
            // "Central Governorate"): the full name says more.
            let full = &g.admin1s()[division as usize].name;
            let (written_key, full_key) = (name_key(&words), name_key(full));
            // Nor when they abbreviate it ("Omaha, Neb.").
            let abbreviated = words.len() <= 5 && a.text[written.span.end..].starts_with('.');
            // Nor when they name a region within it ("North Waziristan"): the division's
            // name is the division, the article's words stay in the location's text.
            if abbreviated
                || g.is_region_within(division, &words)
                || full_key
                    .strip_prefix(written_key.as_str())
                    .is_some_and(|rest| {
                        rest.starts_with(' ') && is_division_kind(rest.trim_start())
                    })
            {
                words.clone_from(full);
            }
            if matches!(chosen.place, Place::Admin1(_)) && chosen.name_override.is_none() {
                info.name = words.clone();
            }
            info.admin1 = Some(words);
        }
        // A town as the article spells it when the gazetteer's name is another transliteration
        // of the same name ("Shindand" for "Shīnḏanḏ", "Fallujah" for "Al Fallūjah", "Derna"
        // for "Darnah"). Other names stay ("Mumbai", not "Bombay"; "Şanlıurfa", not "Urfa";
        // "Florence" for "Florencia", which shows that the Italian city was chosen).
        if matches!(chosen.place, Place::City(_)) && chosen.name_override.is_none() {
            let words = &a.text[chosen.name_span.range()];
            let shouted = !words.chars().any(char::is_lowercase); // "KABUL" in a dateline
            if words.is_ascii() && !shouted && spelled_alike(words, &info.name) {
                info.name = words.to_string();
            }
        }
        // "in Udhampur district": the district, when the gazetteer knows it there.
        let name_words = match &chosen.name_override {
            Some(name) => a.text[chosen.span.range()]
                .find(name.as_str())
                .map(|at| ByteSpan {
                    start: chosen.span.start + at,
                    end: chosen.span.start + at + name.len(),
                }),
            None => Some(chosen.name_span),
        };
        // Else, for a place no finer than the country, a district the incident's sentences
        // name in it ("in Chuadanga District").
        let district = name_words
            .and_then(|n| district_named(a, g, chosen, n, cx.evidence.strongest()))
            .or_else(|| {
                (chosen.precision == LocationPrecision::Country && chosen.name_override.is_none())
                    .then(|| district_in_sentences(g.country_of(chosen.place)))
                    .flatten()
            });
        if let Some(district) = district {
            let written = info.admin1.filter(|_| {
                g.admin2s()[district.admin2 as usize].admin1 == g.admin1_of(chosen.place)
            });
            let (location, span) = district_location(a, g, &district, written);
            let span = span.cover(chosen.span);
            incident.location = Some(Location {
                text: a.text[span.range()].to_string(),
                ..location
            });
            push(EvidenceField::Location, span);
        } else {
            let (lat, lon) = chosen
                .coordinates
                .map_or((info.lat, info.lon), |(la, lo)| (round4(la), round4(lo)));
            incident.location = Some(Location {
                name: chosen.name_override.clone().unwrap_or(info.name),
                country: info.country,
                country_name: info.country_name,
                admin1: info.admin1,
                // A town's district; not that of a village near it or a point off it.
                admin2: info
                    .admin2
                    .filter(|_| chosen.precision == LocationPrecision::City),
                lat,
                lon,
                geonames_id: if chosen.name_override.is_some() {
                    None
                } else {
                    info.geonames_id
                },
                precision: chosen.precision,
                text: a.text[chosen.span.range()].to_string(),
            });
            push(EvidenceField::Location, chosen.span);
        }
    } else if let Some((location, span)) = inherited.and_then(|m| {
        Some((
            m.location.clone()?,
            m.evidence_for(EvidenceField::Location).next()?,
        ))
    }) {
        incident.location = Some(location);
        push(EvidenceField::Location, span);
    } else if let Some(c) = cx.evidence.strongest() {
        // Nothing in the incident's own sentences: the country the article is about.
        let country = g.country(c);
        // The words: a place in that country, else a demonym or an armed group that names it.
        let mention = cx
            .toponyms
            .iter()
            .find(|t| g.country_of(t.place) == c)
            .map(|t| t.span)
            .or_else(|| {
                a.names
                    .iter()
                    .find(
                        |n| matches!(n.value.kind, sitrep_geo::NameMatchKind::Demonym(d) if d == c),
                    )
                    .map(|n| n.span)
            })
            .or_else(|| {
                a.groups
                    .iter()
                    .find(|m| {
                        cx.r.groups
                            .group(m.value)
                            .countries
                            .first()
                            .and_then(|code| g.country_by_code(*code))
                            == Some(c)
                    })
                    .map(|m| m.span)
            })
            .or_else(|| {
                cx.evidence
                    .guessed()
                    .filter(|(guessed, _)| *guessed == c)
                    .map(|(_, cue)| cue)
            });
        if let Some(district) = district_in_sentences(c) {
            let (location, span) = district_location(a, g, &district, None);
            incident.location = Some(location);
            push(EvidenceField::Location, span);
        } else if let Some(mention) = mention {
            incident.location = Some(whole_country(country, &a.text[mention.range()]));
            push(EvidenceField::Location, mention);
        }
    } else if let Some((guess, country)) = guess_country(a, cx.r, g, &draft.sentences) {
        // No place and no country named at all: the country the incident's words point to
        // (a police force, an agency, a village's name common there), when the word model
        // is confident; its evidence is the word that told it apart most.
        incident.location = Some(whole_country(country, &a.text[guess.cue.clone()]));
        push(
            EvidenceField::Location,
            ByteSpan {
                start: guess.cue.start,
                end: guess.cue.end,
            },
        );
    }
    let country: Option<CountryCode> = incident.location.as_ref().map(|l| l.country);

    // Weapons.
    let mut weapons: Vec<Weapon> = Vec::new();
    // "a wave of bombings" is a trend, not this incident's weapon.
    for w in a.weapons.iter().filter(|w| {
        in_draft(w.sentence) && !event_type::names_a_run_of_events(a, w.span, w.sentence)
    }) {
        if !weapons.contains(&w.value) {
            weapons.push(w.value);
            push(EvidenceField::Weapons, w.span);
        }
    }
    weapons.sort();
    incident.weapons = weapons;

    // Perpetrators.
    for p in find_perpetrators(a, cx.r, &draft.sentences) {
        push(EvidenceField::Perpetrators, p.span);
        incident.perpetrators.push(p.perpetrator);
    }

    // Targets.
    let victim_spans: Vec<ByteSpan> = statements
        .iter()
        .filter(|c| c.side == Side::Victims && !c.negated)
        .map(|c| c.span)
        .collect();
    let mut found = find_targets(a, cx.r, &draft.sentences, &victim_spans);
    // The first target, or any named one ("Omar Jan, the district police chief"): an attack on
    // a prominent person with few other victims is an assassination, and that person is its
    // first target (not the car they rode in).
    let few_killed = incident
        .killed
        .as_ref()
        .is_none_or(|k| k.best().is_some_and(|n| n <= 5));
    if let Some(i) = found
        .iter()
        .enumerate()
        .position(|(i, t)| t.prominent && (i == 0 || t.named))
        .filter(|_| few_killed)
    {
        let person = found.remove(i);
        found.insert(0, person);
    }
    let prominent_target = found.first().filter(|t| t.prominent && few_killed);
    let prominent = prominent_target.is_some();
    let diplomatic_default = diplomatic_nationality(a, cx.r, country);
    for t in &found {
        let nationality = t.nationality.or(match t.kind {
            TargetType::Diplomatic => diplomatic_default,
            k if LOCAL_BY_DEFAULT.contains(&k) => country,
            _ => None,
        });
        incident.targets.push(Target {
            kind: t.kind,
            nationality,
            text: a.text[t.span.range()].to_string(),
        });
        push(EvidenceField::Targets, t.span);
    }

    // Event type.
    let kidnapped = incident
        .kidnapped
        .as_ref()
        .is_some_and(|k| k.best().is_some_and(|n| n > 0));
    let harmed = |c: &Option<Count>| c.as_ref().is_some_and(|c| c.best().is_some_and(|n| n > 0));
    let people_harmed = harmed(&incident.killed) || harmed(&incident.wounded);
    let decision = event_type::decide(
        a,
        &draft.sentences,
        &incident.weapons,
        prominent,
        kidnapped,
        people_harmed,
    );
    // The rules propose; the learned model chooses among the types the words support.
    let flags = event_type::flags(a, &draft.sentences, prominent, kidnapped, people_harmed);
    let cues = event_type::cues(
        a,
        &draft.sentences,
        &incident.weapons,
        flags,
        decision.event_type,
    );
    let (chosen, type_probability) =
        cx.r.models
            .event_type
            .choose(&cues)
            .unwrap_or((decision.event_type, 1.0));
    incident.event_type = chosen;
    if chosen != decision.event_type {
        if let Some(i) = event_type::trigger_of(a, &draft.sentences, chosen) {
            push(EvidenceField::EventType, a.triggers[i].span);
        }
    } else if let Some(i) = decision.trigger {
        push(EvidenceField::EventType, a.triggers[i].span);
    } else if let Some(t) = prominent_target.filter(|_| prominent) {
        push(EvidenceField::EventType, t.span);
    }

    // A text that names no weapon: the taxonomy's `unknown`, as a coder codes it.
    if incident.weapons.is_empty() {
        incident.weapons.push(Weapon::Unknown);
    }

    incident.background = draft.background;
    incident.confidence = confidence(&incident, &evidence, type_probability);
    evidence.sort_by_key(|e| (e.span.start, e.field));
    incident.evidence = evidence;
    Assembled {
        incident,
        event: cues,
        places: place_candidates,
    }
}

/// The toponyms of `country` that name a place more exact than the country, when they all
/// agree: the same town, or a division and the towns inside it. Places named as an origin or
/// destination do not count. `None` when the article names no such place, or several.
fn the_one_place_named<'t>(
    text: &str,
    g: &sitrep_geo::Gazetteer,
    toponyms: &'t [Toponym],
    country: sitrep_geo::CountryIdx,
) -> Option<Vec<&'t Toponym>> {
    let named: Vec<&Toponym> = toponyms
        .iter()
        .filter(|t| {
            !t.elsewhere
                && g.country_of(t.place) == country
                && !matches!(t.place, Place::Country(_))
        })
        .collect();
    let is_town = |t: &Toponym| {
        t.offset.is_some() || t.unlisted.is_some() || matches!(t.place, Place::City(_))
    };
    let first_town = named.iter().copied().find(|t| is_town(t));
    let agrees = |t: &&Toponym| match first_town {
        Some(first) if is_town(t) => {
            t.place == first.place
                && t.offset == first.offset
                && t.unlisted.map(|s| &text[s.range()]) == first.unlisted.map(|s| &text[s.range()])
        }
        // A division agrees with a town inside it, or with itself when no town is named.
        Some(first) => g.admin1_of(first.place) == g.admin1_of(t.place),
        None => named.first().is_some_and(|d| d.place == t.place),
    };
    (!named.is_empty() && named.iter().all(agrees)).then_some(named)
}

/// A count of zero resting on the words at `span`.
fn zero(a: &Analysis<'_>, span: ByteSpan) -> Count {
    Count {
        min: Some(0),
        max: Some(0),
        text: a.text[span.range()].to_string(),
    }
}

/// The share of the seven key facts (type, date, place, casualties, perpetrator, target,
/// weapon) that rest on direct evidence, mapped to 0.2–1.0. The type counts as much as the
/// learned choice is sure of it (`type_probability`, 1 for a type the words define).
fn confidence(incident: &Incident, evidence: &[Evidence], type_probability: f64) -> f32 {
    let has = |f: EvidenceField| evidence.iter().any(|e| e.field == f);
    let typed =
        has(EvidenceField::EventType) && incident.event_type != sitrep_model::EventType::Unknown;
    let facts = [
        has(EvidenceField::Date),
        has(EvidenceField::Date),
        has(EvidenceField::Location)
            && incident
                .location
                .as_ref()
                .is_some_and(|l| l.precision != LocationPrecision::Country),
        has(EvidenceField::Killed) || has(EvidenceField::Wounded) || has(EvidenceField::Kidnapped),
        has(EvidenceField::Perpetrators),
        has(EvidenceField::Targets),
        has(EvidenceField::Weapons),
    ];
    let type_share = if typed {
        type_probability.clamp(0.0, 1.0) as f32
    } else {
        0.0
    };
    let n = facts.iter().filter(|f| **f).count() as f32 + type_share;
    ((0.2 + 0.8 * n / (facts.len() + 1) as f32) * 100.0).round() / 100.0
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Combines statements of one figure: an update ("the toll rose to 9") supersedes; otherwise
/// statements about the same kind of people give their range; statements about different
/// kinds add up, unless a generic figure ("12 people") already covers them; additional ones
/// ("another 5") add. Zeros count only when nothing positive is said.
fn combine(statements: &[&CasualtyStatement]) -> Option<(Quantity, Vec<ByteSpan>)> {
    if statements.is_empty() {
        return None;
    }
    let spans: Vec<ByteSpan> = statements.iter().map(|s| s.span).collect();
    if let Some(update) = statements
        .iter()
        .filter(|s| s.relation == Relation::Update)
        .max_by_key(|s| s.quantity.min.or(s.quantity.max))
    {
        return Some((update.quantity, vec![update.span]));
    }
    // Attackers are counted by the largest figure: "All four attackers died, one of them when he
    // blew himself up" speaks of four, not five.
    if statements.iter().all(|s| s.side == Side::Attackers) {
        let positive: Vec<&&CasualtyStatement> = statements.iter().filter(|s| !s.negated).collect();
        if let Some(most) = positive.iter().max_by_key(|s| best(s.quantity)) {
            return Some((most.quantity, vec![most.span]));
        }
    }
    let positive: Vec<&&CasualtyStatement> = statements.iter().filter(|s| !s.negated).collect();
    if positive.is_empty() {
        return Some((Quantity::exact(0), spans));
    }
    let plain: Vec<&&&CasualtyStatement> = positive
        .iter()
        .filter(|s| s.relation == Relation::Plain)
        .collect();
    let mut categories: Vec<(Option<TargetType>, Quantity)> = Vec::new();
    for s in &plain {
        match categories.iter_mut().find(|(c, _)| *c == s.category) {
            Some((_, q)) => *q = range(*q, s.quantity),
            None => categories.push((s.category, s.quantity)),
        }
    }
    let generic = categories
        .iter()
        .find(|(c, _)| c.is_none())
        .map(|(_, q)| *q);
    let specific = categories
        .iter()
        .filter(|(c, _)| c.is_some())
        .map(|(_, q)| *q)
        .reduce(Quantity::plus);
    let mut total = match (generic, specific) {
        (Some(g), Some(s)) => {
            if best(g) >= best(s) {
                g
            } else {
                s
            }
        }
        (Some(g), None) => g,
        (None, Some(s)) => s,
        (None, None) => Quantity {
            min: None,
            max: None,
        },
    };
    for s in positive
        .iter()
        .filter(|s| s.relation == Relation::Additional)
    {
        // "15 people dead … four more later died" beside a headline's "19 killed": the
        // larger figure already counts the later ones.
        let counted = match (total.min, total.max, s.quantity.as_exact()) {
            (Some(lo), Some(hi), Some(more)) => lo < hi && lo + more == hi,
            _ => false,
        };
        total = if counted {
            Quantity {
                min: total.max,
                max: total.max,
            }
        } else if total.min.is_none() && total.max.is_none() {
            s.quantity
        } else {
            total.plus(s.quantity)
        };
    }
    let spans = positive.iter().map(|s| s.span).collect();
    Some((total, spans))
}

fn best(q: Quantity) -> u32 {
    q.as_exact().or(q.min).or(q.max).unwrap_or(0)
}

/// The range covering two figures of the same people.
fn range(x: Quantity, y: Quantity) -> Quantity {
    if x == y {
        return x;
    }
    let low = |q: Quantity| q.min.or(q.max);
    let min = match (low(x), low(y)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let max = match (x.max, y.max) {
        (Some(a), Some(b)) => Some(a.max(b)),
        _ => None,
    };
    Quantity { min, max }
}

/// A location that is a second-level division, named by the article as `district` says,
/// with its words. `admin1` is the article's spelling of its province, when it names it.
fn district_location(
    a: &Analysis<'_>,
    g: &sitrep_geo::Gazetteer,
    district: &NamedDistrict,
    admin1: Option<String>,
) -> (Location, ByteSpan) {
    let division = &g.admin2s()[district.admin2 as usize];
    let country = g.country(division.country);
    let location = Location {
        // As the article spells it ("Soum" for "Province du Soum").
        name: a.text[district.name.range()].to_string(),
        country: country.code,
        country_name: country.name.clone(),
        admin1: admin1.or_else(|| {
            division
                .admin1
                .map(|d| g.admin1s()[d as usize].name.clone())
        }),
        admin2: Some(division.name.clone()),
        lat: round4(division.lat),
        lon: round4(division.lon),
        geonames_id: None,
        precision: LocationPrecision::Admin2,
        text: a.text[district.span.range()].to_string(),
    };
    (location, district.span)
}

/// A location that is a whole country, read from `text`.
fn whole_country(country: &sitrep_geo::Country, text: &str) -> Location {
    Location {
        name: country.name.clone(),
        country: country.code,
        country_name: country.name.clone(),
        admin1: None,
        admin2: None,
        lat: round4(country.lat),
        lon: round4(country.lon),
        geonames_id: country.geonames_id,
        precision: LocationPrecision::Country,
        text: text.to_string(),
    }
}

/// The country-words model's confident guess over a long page's incident sentences (from
/// its first to its last), with the gazetteer's record of the country. A short report's
/// guess is made over its whole text with the article's country evidence, and is in it
/// when confident ([`CountryEvidence::guessed`]).
fn guess_country<'g>(
    a: &Analysis<'_>,
    r: &Resources,
    g: &'g sitrep_geo::Gazetteer,
    sentences: &[usize],
) -> Option<(CountryGuess, &'g sitrep_geo::Country)> {
    if a.text.len() <= country_words::SHORT_REPORT {
        return None;
    }
    let first = a.sentences.get(*sentences.first()?)?.span.start;
    let last = a.sentences.get(*sentences.last()?)?.span.end;
    let mut guess = r.models.country_words.guess(a.text.get(first..last)?)?;
    guess.cue = guess.cue.start + first..guess.cue.end + first;
    let country = g.country(g.country_by_code(guess.country)?);
    Some((guess, country))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(
        q: Quantity,
        category: Option<TargetType>,
        relation: Relation,
        negated: bool,
    ) -> CasualtyStatement {
        CasualtyStatement {
            sentence: 0,
            kind: CasualtyKind::Killed,
            side: Side::Victims,
            quantity: q,
            span: ByteSpan { start: 0, end: 1 },
            relation,
            category,
            negated,
        }
    }

    fn total(list: &[CasualtyStatement]) -> Quantity {
        let refs: Vec<&CasualtyStatement> = list.iter().collect();
        combine(&refs).unwrap().0
    }

    #[test]
    fn confidence_follows_how_sure_the_type_is() {
        let incident = Incident::new(sitrep_model::EventType::Bombing);
        let evidence = [Evidence {
            field: EvidenceField::EventType,
            span: ByteSpan { start: 0, end: 4 },
        }];
        let unsure = confidence(&incident, &evidence, 0.3);
        let sure = confidence(&incident, &evidence, 0.95);
        assert!(unsure < sure, "{unsure} < {sure}");
        // Without words for the type, the model's certainty adds nothing.
        assert_eq!(
            confidence(&incident, &[], 0.3),
            confidence(&incident, &[], 0.95)
        );
        assert_eq!(confidence(&incident, &[], 1.0), 0.2);
    }

    #[test]
    fn a_later_figure_already_in_the_larger_total_is_not_added_twice() {
        assert_eq!(
            total(&[
                st(Quantity::exact(15), None, Relation::Plain, false),
                st(Quantity::exact(19), None, Relation::Plain, false),
                st(Quantity::exact(4), None, Relation::Additional, false)
            ]),
            Quantity::exact(19)
        );
        assert_eq!(
            total(&[
                st(Quantity::exact(15), None, Relation::Plain, false),
                st(Quantity::exact(4), None, Relation::Additional, false)
            ]),
            Quantity::exact(19)
        );
    }

    #[test]
    fn same_figure_twice_is_one_figure() {
        let p = Some(TargetType::Police);
        assert_eq!(
            total(&[
                st(Quantity::exact(2), p, Relation::Plain, false),
                st(Quantity::exact(2), p, Relation::Plain, false)
            ]),
            Quantity::exact(2)
        );
    }

    #[test]
    fn conflicting_figures_keep_the_range() {
        assert_eq!(
            total(&[
                st(Quantity::exact(10), None, Relation::Plain, false),
                st(Quantity::exact(12), None, Relation::Plain, false)
            ]),
            Quantity {
                min: Some(10),
                max: Some(12)
            }
        );
    }

    #[test]
    fn different_kinds_of_people_add_up_unless_a_total_covers_them() {
        let soldiers = st(
            Quantity::exact(3),
            Some(TargetType::Military),
            Relation::Plain,
            false,
        );
        let civilians = st(
            Quantity::exact(2),
            Some(TargetType::PrivateCitizens),
            Relation::Plain,
            false,
        );
        assert_eq!(
            total(&[soldiers.clone(), civilians.clone()]),
            Quantity::exact(5)
        );
        let people = st(Quantity::exact(7), None, Relation::Plain, false);
        assert_eq!(total(&[soldiers, civilians, people]), Quantity::exact(7));
    }

    #[test]
    fn updates_supersede_and_additions_add() {
        let first = st(Quantity::exact(5), None, Relation::Plain, false);
        assert_eq!(
            total(&[
                first.clone(),
                st(Quantity::exact(9), None, Relation::Update, false)
            ]),
            Quantity::exact(9)
        );
        assert_eq!(
            total(&[
                first,
                st(Quantity::exact(2), None, Relation::Additional, false)
            ]),
            Quantity::exact(7)
        );
    }

    #[test]
    fn zeros_only_when_nothing_positive() {
        assert_eq!(
            total(&[st(Quantity::exact(0), None, Relation::Plain, true)]),
            Quantity::exact(0)
        );
        assert_eq!(
            total(&[
                st(Quantity::exact(0), None, Relation::Plain, true),
                st(Quantity::exact(1), None, Relation::Plain, false)
            ]),
            Quantity::exact(1)
        );
    }
}
