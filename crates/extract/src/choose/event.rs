//! Which event type an incident is: the rules propose the types their words support (a
//! trigger of the type, a weapon that implies it, a kidnapping, a prominent victim) and a
//! multinomial logistic model over the rules' cues chooses among them.
//!
//! The features are what [`crate::event_type`] reads: for each type, whether a strong or a
//! weak trigger of it is in the incident's sentences, whether one is in its first sentence
//! (the headline or lead) and whether the rules' order picked it; the weapons; and the facts
//! that steer the rules (a prominent victim, people kidnapped or harmed, an attack by armed
//! men, a siege). A chosen type keeps the trigger that supports it as evidence.

use std::sync::LazyLock;

use sitrep_model::{EventType, Weapon};

use super::linear::LinearModel;
use crate::error::{ResourceError, Result};

/// The types the model chooses among (every type but `unknown`).
pub fn classes() -> impl Iterator<Item = EventType> {
    EventType::ALL
        .iter()
        .copied()
        .filter(|t| *t != EventType::Unknown)
}

/// Weapons that are features (every weapon but `unknown`).
fn weapon_features() -> impl Iterator<Item = Weapon> {
    Weapon::ALL
        .iter()
        .copied()
        .filter(|w| *w != Weapon::Unknown)
}

/// Facts that steer the rules, one feature each.
pub const FLAGS: &[&str] = &[
    "prominent_victim",
    "kidnapped",
    "people_harmed",
    "attack_by_actor",
    "siege",
    "rule_unknown",
];

static NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut names = Vec::new();
    for t in classes() {
        for cue in ["strong", "weak", "lead", "rule"] {
            names.push(format!("{cue}_{}", t.as_str()));
        }
    }
    for w in weapon_features() {
        names.push(format!("weapon_{}", w.as_str()));
    }
    names.extend(FLAGS.iter().map(|f| f.to_string()));
    names
});

/// The feature names, in the order of [`Cues::features`].
pub fn feature_names() -> Vec<&'static str> {
    NAMES.iter().map(String::as_str).collect()
}

/// What the rules saw of one incident's type.
#[derive(Debug, Clone, PartialEq)]
pub struct Cues {
    /// Feature values, in the order of [`feature_names`].
    pub features: Vec<f64>,
    /// The types the words support, the rules' own choice among them.
    pub candidates: Vec<EventType>,
    /// The incident's first sentence calls it an assassination ("assassinated", "an
    /// assassination attempt"): the writer's word for an attack aimed at a prominent person.
    /// Not a feature; it makes the type a definition.
    pub assassination_named: bool,
}

/// Per-type cues gathered by [`crate::event_type::cues`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TypeCues {
    /// A strong trigger of the type is in the incident's sentences.
    pub strong: bool,
    /// A weak trigger of the type is.
    pub weak: bool,
    /// A trigger of the type is in the incident's first sentence.
    pub lead: bool,
}

/// The facts of [`FLAGS`], in order.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Flags {
    /// A prominent person was the target of a killing.
    pub prominent_victim: bool,
    /// People were kidnapped.
    pub kidnapped: bool,
    /// People were killed or wounded.
    pub people_harmed: bool,
    /// Armed men or a group "attacked" with no word saying how.
    pub attack_by_actor: bool,
    /// A siege or barricade.
    pub siege: bool,
}

impl Cues {
    fn feature(&self, name: &str) -> bool {
        NAMES
            .iter()
            .position(|n| n == name)
            .is_some_and(|i| self.features[i] > 0.5)
    }

    /// The rules' own type, unless they found none.
    pub fn rule(&self) -> Option<EventType> {
        // Each type's four cues (strong, weak, lead, rule) come first, in class order.
        classes()
            .enumerate()
            .find(|(k, _)| self.features.get(k * 4 + 3).is_some_and(|&v| v > 0.5))
            .map(|(_, t)| t)
    }

    /// Whether the facts make `t` the type by the GTD's definitions, or by words the
    /// labelled sets almost never code: a riot (one page in five thousand rows) cannot be
    /// learned, but "rioters" or "riot" in the rules' own choice names it. An assassination is
    /// defined by a prominent person targeted or by the first sentence's own word for it; an
    /// unarmed assault, by the GTD's codebook, by chemical, biological or radiological means
    /// with no gun, bomb or fire beside them. A kidnapping is
    /// defined when people were counted as kidnapped or the incident's first sentence says
    /// so; a word elsewhere ("a group blamed for kidnappings", "a bank employee appeared to
    /// have been kidnapped") leaves the choice to the model.
    fn defines(&self, t: EventType) -> bool {
        match t {
            EventType::Hijacking | EventType::HostageBarricade => true,
            EventType::Kidnapping => self.feature("kidnapped") || self.feature("lead_kidnapping"),
            EventType::Assassination => {
                self.feature("prominent_victim") || self.assassination_named
            }
            EventType::Riot => self.feature("strong_riot"),
            EventType::UnarmedAssault => {
                [
                    "weapon_chemical",
                    "weapon_biological",
                    "weapon_radiological",
                ]
                .iter()
                .any(|w| self.feature(w))
                    && !["weapon_explosives", "weapon_firearms", "weapon_incendiary"]
                        .iter()
                        .any(|w| self.feature(w))
            }
            _ => false,
        }
    }

    /// Builds the features: `per_type` is indexed like [`classes`].
    pub fn new(
        per_type: &[TypeCues],
        rule: EventType,
        weapons: &[Weapon],
        flags: Flags,
        candidates: Vec<EventType>,
    ) -> Self {
        let b = |x: bool| if x { 1.0 } else { 0.0 };
        let mut features = Vec::with_capacity(NAMES.len());
        for (t, c) in classes().zip(
            per_type
                .iter()
                .chain(std::iter::repeat(&TypeCues::default())),
        ) {
            features.extend([b(c.strong), b(c.weak), b(c.lead), b(rule == t)]);
        }
        for w in weapon_features() {
            features.push(b(weapons.contains(&w)));
        }
        features.extend([
            b(flags.prominent_victim),
            b(flags.kidnapped),
            b(flags.people_harmed),
            b(flags.attack_by_actor),
            b(flags.siege),
            b(rule == EventType::Unknown),
        ]);
        Cues {
            features,
            candidates,
            assassination_named: false,
        }
    }
}

/// One linear score per type; the highest among an incident's candidates wins.
#[derive(Debug, Clone, PartialEq)]
pub struct EventTypeModel {
    scores: Vec<(EventType, LinearModel)>,
}

impl EventTypeModel {
    /// A model from one linear score per type.
    pub fn new(scores: Vec<(EventType, LinearModel)>) -> Self {
        EventTypeModel { scores }
    }

    /// Reads a model file: `type.feature<TAB>weight` lines and a `type.bias` line per type,
    /// for every type and feature.
    pub fn parse(file: &'static str, text: &str) -> Result<Self> {
        let names = feature_names();
        let mut scores = Vec::new();
        for t in classes() {
            let prefix = format!("{}.", t.as_str());
            let own: String = text
                .lines()
                .filter_map(|l| l.strip_prefix(&prefix))
                .map(|l| format!("{l}\n"))
                .collect();
            scores.push((t, LinearModel::parse(file, &own, &names)?));
        }
        // A line for no known type is a model of other classes.
        if let Some((n, line)) = text.lines().enumerate().find(|(_, l)| {
            !l.is_empty()
                && !l.starts_with('#')
                && !classes().any(|t| {
                    l.strip_prefix(t.as_str())
                        .is_some_and(|r| r.starts_with('.'))
                })
        }) {
            return Err(ResourceError::Model {
                file,
                line: n + 1,
                message: format!("{:?} names no event type", line),
            });
        }
        Ok(EventTypeModel { scores })
    }

    /// The model as its file's text, after the comment lines `header`.
    pub fn to_tsv(&self, header: &[String]) -> String {
        let names = feature_names();
        let mut out: String = header.iter().map(|h| format!("# {h}\n")).collect();
        for (t, model) in &self.scores {
            for line in model.to_tsv(&names, &[]).lines() {
                out.push_str(t.as_str());
                out.push('.');
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }

    /// The probability of each type (a softmax over the scores), in the order of [`classes`].
    pub fn probabilities(&self, features: &[f64]) -> Vec<(EventType, f64)> {
        let scores: Vec<f64> = self.scores.iter().map(|(_, m)| m.score(features)).collect();
        let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let exp: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
        let total: f64 = exp.iter().sum();
        self.scores
            .iter()
            .zip(exp)
            .map(|((t, _), e)| (*t, e / total))
            .collect()
    }

    /// The candidate with the highest probability, and that probability; `None` without
    /// candidates. The top of the GTD hierarchy is a definition, not a judgement: when the
    /// rules found people seized (a hijacking, a kidnapping, a barricade) or a prominent
    /// person targeted, their type stands; only whether seized people were taken away or held
    /// where they were is left to the model when the words support both.
    pub fn choose(&self, cues: &Cues) -> Option<(EventType, f64)> {
        let probabilities = self.probabilities(&cues.features);
        if let Some(rule) = cues.rule().filter(|&t| cues.defines(t)) {
            // People seized are a kidnapping or, held where they were seized, a barricade: when
            // the words support both, which one is a judgement.
            let seized = [EventType::Kidnapping, EventType::HostageBarricade];
            if seized.contains(&rule) && seized.iter().all(|t| cues.candidates.contains(t)) {
                return probabilities
                    .into_iter()
                    .filter(|(t, _)| seized.contains(t))
                    .max_by(|x, y| x.1.total_cmp(&y.1));
            }
            // A definition is certain, whatever the model would say.
            return Some((rule, 1.0));
        }
        probabilities
            .into_iter()
            .filter(|(t, _)| cues.candidates.contains(t))
            .max_by(|x, y| x.1.total_cmp(&y.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> EventTypeModel {
        let names = feature_names();
        let scores = classes()
            .map(|t| {
                // Each type scores its own strong trigger.
                let weights = names
                    .iter()
                    .map(|n| {
                        if *n == format!("strong_{}", t.as_str()) {
                            2.0
                        } else {
                            0.0
                        }
                    })
                    .collect();
                (t, LinearModel::new("event_type.tsv", weights, 0.0))
            })
            .collect();
        EventTypeModel::new(scores)
    }

    /// Per-type cues with a strong trigger of `t` alone.
    fn strong_only(t: EventType) -> Vec<TypeCues> {
        classes()
            .map(|c| TypeCues {
                strong: c == t,
                ..TypeCues::default()
            })
            .collect()
    }

    fn cues(strong: &[EventType], candidates: Vec<EventType>) -> Cues {
        let per_type: Vec<TypeCues> = classes()
            .map(|t| TypeCues {
                strong: strong.contains(&t),
                ..TypeCues::default()
            })
            .collect();
        Cues::new(
            &per_type,
            EventType::Unknown,
            &[],
            Flags::default(),
            candidates,
        )
    }

    #[test]
    fn reads_what_it_writes_and_chooses_only_among_candidates() {
        let m = model();
        let text = m.to_tsv(&["fitted on nothing".into()]);
        let back = EventTypeModel::parse("event_type.tsv", &text).expect("valid");
        assert_eq!(back, m);
        let c = cues(
            &[EventType::Bombing],
            vec![EventType::Bombing, EventType::ArmedAssault],
        );
        assert_eq!(back.choose(&c).map(|x| x.0), Some(EventType::Bombing));
        let c = cues(&[EventType::Bombing], vec![EventType::ArmedAssault]);
        assert_eq!(back.choose(&c).map(|x| x.0), Some(EventType::ArmedAssault));
        assert_eq!(back.choose(&cues(&[], vec![])), None);
        let total: f64 = back.probabilities(&c.features).iter().map(|x| x.1).sum();
        assert!((total - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_defined_type_is_chosen_with_certainty() {
        let kidnapping = |lead: bool, kidnapped: bool| {
            let per_type: Vec<TypeCues> = classes()
                .map(|t| TypeCues {
                    strong: t == EventType::Kidnapping,
                    lead: lead && t == EventType::Kidnapping,
                    ..TypeCues::default()
                })
                .collect();
            let flags = Flags {
                kidnapped,
                ..Flags::default()
            };
            Cues::new(
                &per_type,
                EventType::Kidnapping,
                &[],
                flags,
                vec![EventType::Kidnapping, EventType::ArmedAssault],
            )
        };
        for (lead, kidnapped) in [(true, false), (false, true)] {
            let c = kidnapping(lead, kidnapped);
            assert_eq!(model().choose(&c), Some((EventType::Kidnapping, 1.0)));
        }
        // The word alone, away from the lead and with nobody counted, is only a cue.
        let chosen = model().choose(&kidnapping(false, false));
        assert!(chosen.is_some_and(|(_, p)| p < 1.0), "{chosen:?}");
    }

    #[test]
    fn a_kidnapping_or_a_barricade_is_the_models_judgement() {
        // Hostages counted, the rules say kidnapping (no siege word), the words support a
        // barricade too: the model, which scores strong triggers, picks the barricade.
        let per_type = strong_only(EventType::HostageBarricade);
        let flags = Flags {
            kidnapped: true,
            ..Flags::default()
        };
        let both = vec![EventType::HostageBarricade, EventType::Kidnapping];
        let c = Cues::new(&per_type, EventType::Kidnapping, &[], flags, both);
        let chosen = model().choose(&c);
        assert!(
            chosen.is_some_and(|(t, p)| t == EventType::HostageBarricade && p < 1.0),
            "{chosen:?}"
        );
        // Without a barricade among the candidates the definition stands.
        let c = Cues::new(
            &per_type,
            EventType::Kidnapping,
            &[],
            flags,
            vec![EventType::Kidnapping, EventType::ArmedAssault],
        );
        assert_eq!(model().choose(&c), Some((EventType::Kidnapping, 1.0)));
    }

    #[test]
    fn a_chemical_attack_without_guns_or_bombs_is_an_unarmed_assault() {
        // The model scores the armed-assault trigger; the GTD's definition wins over it.
        let per_type = strong_only(EventType::ArmedAssault);
        let candidates = vec![EventType::UnarmedAssault, EventType::ArmedAssault];
        let with = |weapons: &[Weapon]| {
            let c = Cues::new(
                &per_type,
                EventType::UnarmedAssault,
                weapons,
                Flags::default(),
                candidates.clone(),
            );
            model().choose(&c).map(|x| x.0)
        };
        assert_eq!(with(&[Weapon::Chemical]), Some(EventType::UnarmedAssault));
        // Acid thrown beside gunfire: the model's judgement.
        assert_eq!(
            with(&[Weapon::Chemical, Weapon::Firearms]),
            Some(EventType::ArmedAssault)
        );
    }

    #[test]
    fn a_line_for_no_type_or_a_missing_weight_fails() {
        let text = model().to_tsv(&[]);
        let extra = format!("{text}riot_squad.bias\t1\n");
        assert!(EventTypeModel::parse("event_type.tsv", &extra).is_err());
        let missing: String = text
            .lines()
            .filter(|l| !l.starts_with("bombing.weak_"))
            .map(|l| format!("{l}\n"))
            .collect();
        let message = EventTypeModel::parse("event_type.tsv", &missing)
            .expect_err("must fail")
            .to_string();
        assert!(message.starts_with("event_type.tsv"), "{message}");
    }
}
