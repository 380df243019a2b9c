//! Grouping reports into incidents, the same whatever order they arrive in.
//!
//! # The rule
//! Sort every report by [`Precedence`] (news before background, precise before vague, then by
//! key). Walk them in that order: a report that matches ([`mentions_match`]) one or more
//! *leaders* seen so far follows the first of them; a report that matches none leads a new
//! incident. An incident is a leader with its followers, and its id is its leader's
//! ([`MentionKey::incident_id`]).
//!
//! Followers are compared with leaders only, never with each other, so incidents do not
//! chain: daily shelling of one town does not become one incident a year long.
//!
//! # Order independence
//! Whether a report leads, and whom it follows, depends only on the reports that precede it
//! in precedence order, and precedence depends only on the reports themselves. So the grouping
//! and the ids are a function of the *set* of reports: [`cluster`] computes it in one pass,
//! and [`place`] keeps it up to date one report at a time, as the store does, with the same
//! result whatever the arrival order (checked by a property test). When a report arrives that
//! precedes an existing leader it matches, that leader becomes a follower and its incident's
//! id changes; the store keeps the old id as an alias.
//!
//! # Incremental placement
//! [`place`] computes the new report's role, then revisits, in precedence order, every report
//! whose role may have changed: those that come after a report whose leadership changed and
//! match it. A report that only joins an incident changes nothing else, so the usual cost is
//! one lookup of the new report's neighbours.

use std::collections::{BTreeMap, HashMap};
use std::convert::Infallible;

use crate::blocking::{BlockKey, block_keys};
use crate::matching::mentions_match;
use crate::mention::{Mention, MentionKey, Precedence};

/// A report found near another: under one of its blocking keys.
#[derive(Debug, Clone)]
pub struct Neighbour {
    /// The report.
    pub mention: Mention,
    /// Whether it leads its incident now.
    pub leads: bool,
}

/// Where reports are filed, for [`place`]: the store's tables, or [`MemoryIndex`].
///
/// [`place`] calls [`MentionIndex::neighbours`] once per report it (re)computes, and writes
/// nothing: it returns assignments for the caller to write after it returns.
pub trait MentionIndex {
    /// What a lookup can fail with.
    type Error;

    /// Every stored report filed under one of `mention`'s [`block_keys`], with whether it
    /// leads its incident. May include reports that do not match, the same report more than
    /// once, and `mention` itself; those are filtered out.
    fn neighbours(&mut self, mention: &Mention) -> Result<Vec<Neighbour>, Self::Error>;
}

/// The leader a report now follows (itself when it leads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// The report.
    pub mention: MentionKey,
    /// The leader of its incident.
    pub leader: MentionKey,
}

impl Assignment {
    /// Whether the report leads its incident.
    pub fn leads(&self) -> bool {
        self.mention == self.leader
    }
}

/// Places a new report among those in `index`, returning the assignment of every report whose
/// role was recomputed, the new report's first. Reports not listed keep their assignment; a
/// listed one may also keep it (the caller compares).
///
/// `new` may already be filed in the index (as the store does, as its own leader) or not; its
/// stored role is ignored. Errors only when the index does.
pub fn place<I: MentionIndex>(index: &mut I, new: Mention) -> Result<Vec<Assignment>, I::Error> {
    // Reports to recompute, in precedence order, each with whether it led before.
    let mut queue: BTreeMap<Precedence, (Mention, Option<bool>)> = BTreeMap::new();
    // Roles decided in this call: they override what the index says.
    let mut decided: HashMap<MentionKey, MentionKey> = HashMap::new();
    let mut out = Vec::new();
    queue.insert(new.precedence().clone(), (new, None));
    while let Some((_, (current, led_before))) = queue.pop_first() {
        let neighbours = index.neighbours(&current)?;
        let mut leader: Option<&Mention> = None;
        for n in &neighbours {
            let m = &n.mention;
            if m.key() == current.key() || m >= &current {
                continue;
            }
            let leads = decided.get(m.key()).map_or(n.leads, |l| l == m.key());
            if leads && mentions_match(m, &current) && leader.is_none_or(|l| m < l) {
                leader = Some(m);
            }
        }
        let leader_key = leader.map_or_else(|| current.key().clone(), |l| l.key().clone());
        let leads = &leader_key == current.key();
        let flipped = match led_before {
            None => leads,
            Some(before) => before != leads,
        };
        if flipped {
            // Its leadership changed (or it is new and leads): reports after it that match it
            // may now follow another leader or lead themselves.
            for n in neighbours {
                if n.mention > current
                    && !queue.contains_key(n.mention.precedence())
                    && mentions_match(&n.mention, &current)
                {
                    let led = decided
                        .get(n.mention.key())
                        .map_or(n.leads, |l| l == n.mention.key());
                    queue.insert(n.mention.precedence().clone(), (n.mention, Some(led)));
                }
            }
        }
        decided.insert(current.key().clone(), leader_key.clone());
        out.push(Assignment {
            mention: current.key().clone(),
            leader: leader_key,
        });
    }
    Ok(out)
}

/// Groups a set of reports in one pass, by the rule of this module: the leader of each report,
/// by key. The reference that [`place`] agrees with; near-linear thanks to blocking.
pub fn cluster(mut mentions: Vec<Mention>) -> BTreeMap<MentionKey, MentionKey> {
    mentions.sort();
    let mut leaders_by_block: HashMap<BlockKey, Vec<usize>> = HashMap::new();
    let mut leader_of: BTreeMap<MentionKey, MentionKey> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let keys = block_keys(m);
        // Leaders precede `m` (they were seen first), so the first match found in precedence
        // order is the smallest: compare by index.
        let leader = keys
            .iter()
            .filter_map(|k| leaders_by_block.get(k))
            .flatten()
            .copied()
            .filter(|&j| mentions_match(&mentions[j], m))
            .min();
        match leader {
            Some(j) => {
                leader_of.insert(m.key().clone(), mentions[j].key().clone());
            }
            None => {
                for k in keys {
                    leaders_by_block.entry(k).or_default().push(i);
                }
                leader_of.insert(m.key().clone(), m.key().clone());
            }
        }
    }
    leader_of
}

/// An in-memory [`MentionIndex`]: reports filed by blocking key, with their current leader.
/// Resolution without a database, for tests and small batches.
///
/// ```
/// use sitrep_model::{ArticleId, CountryCode, DatePrecision, EventDate, EventType, Incident, Location, LocationPrecision};
/// use sitrep_resolve::{MemoryIndex, Mention, MentionKey};
///
/// let report = |article: &str, day: &str| {
///     let mut i = Incident::new(EventType::Bombing);
///     i.date = Some(EventDate { start: Some(day.parse().unwrap()), end: Some(day.parse().unwrap()),
///                               precision: DatePrecision::Day, text: String::new() });
///     i.location = Some(Location { name: "Kabul".into(), country: CountryCode::new("AF").unwrap(),
///         country_name: "Afghanistan".into(), admin1: None, admin2: None, lat: 34.55, lon: 69.2,
///         geonames_id: None, precision: LocationPrecision::City, text: String::new() });
///     Mention::new(MentionKey::new(ArticleId::new(article), 0), i, None)
/// };
/// let mut index = MemoryIndex::default();
/// index.insert(report("b", "2016-07-23"));
/// index.insert(report("a", "2016-07-24"));
/// index.insert(report("c", "2016-07-30"));
/// // "a" precedes "b" and matches it, so it leads; "c" is a week later.
/// assert_eq!(index.leader(&MentionKey::new(ArticleId::new("b"), 0)).unwrap().article.as_str(), "a");
/// assert_eq!(index.incidents().len(), 2);
/// ```
#[derive(Debug, Default)]
pub struct MemoryIndex {
    mentions: HashMap<MentionKey, (Mention, MentionKey)>,
    blocks: HashMap<BlockKey, Vec<MentionKey>>,
}

impl MemoryIndex {
    /// Files a report and places it ([`place`]). A key already filed is ignored.
    pub fn insert(&mut self, mention: Mention) {
        if self.mentions.contains_key(mention.key()) {
            return;
        }
        let key = mention.key().clone();
        for block in block_keys(&mention) {
            self.blocks.entry(block).or_default().push(key.clone());
        }
        self.mentions
            .insert(key.clone(), (mention.clone(), key.clone()));
        let Ok(assignments) = place(self, mention);
        for a in assignments {
            if let Some(entry) = self.mentions.get_mut(&a.mention) {
                entry.1 = a.leader;
            }
        }
    }

    /// The leader a report follows (itself when it leads); `None` for an unknown key.
    pub fn leader(&self, key: &MentionKey) -> Option<&MentionKey> {
        self.mentions.get(key).map(|(_, leader)| leader)
    }

    /// Every report's leader.
    pub fn assignments(&self) -> BTreeMap<MentionKey, MentionKey> {
        self.mentions
            .iter()
            .map(|(k, (_, leader))| (k.clone(), leader.clone()))
            .collect()
    }

    /// The incidents: each leader with its reports in precedence order (the leader first).
    pub fn incidents(&self) -> BTreeMap<MentionKey, Vec<&Mention>> {
        let mut groups: BTreeMap<MentionKey, Vec<&Mention>> = BTreeMap::new();
        for (mention, leader) in self.mentions.values() {
            groups.entry(leader.clone()).or_default().push(mention);
        }
        for members in groups.values_mut() {
            members.sort();
        }
        groups
    }
}

impl MentionIndex for MemoryIndex {
    type Error = Infallible;

    fn neighbours(&mut self, mention: &Mention) -> Result<Vec<Neighbour>, Infallible> {
        let mut seen = std::collections::HashSet::new();
        let mut found = Vec::new();
        for block in block_keys(mention) {
            for key in self.blocks.get(&block).into_iter().flatten() {
                if seen.insert(key) {
                    let (m, leader) = &self.mentions[key];
                    found.push(Neighbour {
                        mention: m.clone(),
                        leads: leader == key,
                    });
                }
            }
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use sitrep_model::{ArticleId, DatePrecision, EventType, Incident, LocationPrecision};

    use super::*;
    use crate::matching::tests::{day, group, kabul, place as at, range};

    fn mention(article: &str, ordinal: u32, incident: Incident) -> Mention {
        Mention::new(
            MentionKey::new(ArticleId::new(article), ordinal),
            incident,
            Some("2016-07-26".parse().unwrap()),
        )
    }

    fn on(d: &str) -> Incident {
        let mut i = kabul();
        i.date = Some(day(d));
        i
    }

    fn key(article: &str) -> MentionKey {
        MentionKey::new(ArticleId::new(article), 0)
    }

    #[test]
    fn followers_do_not_chain_leaders_together() {
        // Daily events: each day matches the next, but a leader only takes its neighbours.
        let days = ["2016-07-20", "2016-07-21", "2016-07-22", "2016-07-23"];
        let mentions: Vec<Mention> = days
            .iter()
            .enumerate()
            .map(|(n, d)| mention(&format!("a{n}"), 0, on(d)))
            .collect();
        let result = cluster(mentions);
        let leaders: std::collections::BTreeSet<_> = result.values().collect();
        assert_eq!(leaders.len(), 2, "{result:?}");
    }

    #[test]
    fn a_more_precise_report_takes_the_lead_and_the_old_leader_follows() {
        let mut index = MemoryIndex::default();
        let mut vague = kabul();
        vague.date = Some(range("2016-07-01", "2016-07-31", DatePrecision::Month));
        vague.perpetrators = vec![group("Taliban")];
        index.insert(mention("a", 0, vague));
        assert_eq!(index.leader(&key("a")), Some(&key("a")));
        let mut precise = on("2016-07-23");
        precise.perpetrators = vec![group("Taliban")];
        index.insert(mention("z", 0, precise));
        assert_eq!(index.leader(&key("a")), Some(&key("z")));
        assert_eq!(index.incidents().len(), 1);
    }

    #[test]
    fn a_background_mention_follows_the_news_report_of_its_event() {
        let mut index = MemoryIndex::default();
        let mut past = on("2016-07-23");
        past.background = true;
        index.insert(mention("2017-article", 1, past));
        index.insert(mention("2016-report", 0, on("2016-07-23")));
        let leader = MentionKey::new(ArticleId::new("2016-report"), 0);
        assert_eq!(
            index.leader(&MentionKey::new(ArticleId::new("2017-article"), 1)),
            Some(&leader)
        );
    }

    #[test]
    fn a_displaced_leader_releases_followers_that_match_only_it() {
        // b leads; c (a day later) follows b. Then a arrives, precedes b, matches b but not c
        // (two days apart): b follows a, and c, no longer near a leader, leads.
        let mut index = MemoryIndex::default();
        index.insert(mention("b", 0, on("2016-07-22")));
        index.insert(mention("c", 0, on("2016-07-23")));
        assert_eq!(index.leader(&key("c")), Some(&key("b")));
        index.insert(mention("a", 0, on("2016-07-21")));
        assert_eq!(index.leader(&key("b")), Some(&key("a")));
        assert_eq!(index.leader(&key("c")), Some(&key("c")));
        let batch = cluster(vec![
            mention("a", 0, on("2016-07-21")),
            mention("b", 0, on("2016-07-22")),
            mention("c", 0, on("2016-07-23")),
        ]);
        assert_eq!(index.assignments(), batch);
    }

    /// Reports from a small space, so that many match: three places, ten days, a few types,
    /// groups and precisions.
    fn arbitrary_mention() -> impl Strategy<Value = (u8, u8, Incident)> {
        (
            0u8..12,
            0u8..2,
            0i64..10,
            0usize..4,
            0usize..4,
            0usize..3,
            proptest::sample::select(vec![
                EventType::Bombing,
                EventType::ArmedAssault,
                EventType::Kidnapping,
                EventType::Unknown,
            ]),
            any::<bool>(),
        )
            .prop_map(
                |(article, ordinal, offset, where_, when, who, kind, background)| {
                    let base: jiff::civil::Date = "2016-07-15".parse().unwrap();
                    let d = base.checked_add(jiff::Span::new().days(offset)).unwrap();
                    let mut i = Incident::new(kind);
                    i.background = background && ordinal == 1;
                    i.date = match when {
                        0 | 1 => Some(day(&d.to_string())),
                        2 => Some(range("2016-07-01", "2016-07-31", DatePrecision::Month)),
                        _ => None,
                    };
                    i.location = match where_ {
                        0 => Some(at("AF", "Kabul", Some("Kabul"), 34.5553, 69.2075)),
                        1 => Some(at("AF", "Paghman", Some("Kabul"), 34.5875, 68.9533)),
                        2 => {
                            let mut l = at("AF", "Kabul", Some("Kabul"), 34.5, 69.1);
                            l.precision = LocationPrecision::Admin1;
                            Some(l)
                        }
                        _ => {
                            let mut l = at("AF", "Afghanistan", None, 33.0, 65.0);
                            l.precision = LocationPrecision::Country;
                            Some(l)
                        }
                    };
                    i.perpetrators = match who {
                        0 => vec![],
                        1 => vec![group("Taliban")],
                        _ => vec![group("Islamic State")],
                    };
                    (article, ordinal, i)
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_arrival_order_gives_the_one_pass_grouping(
            reports in proptest::collection::vec(arbitrary_mention(), 1..24),
            seed in any::<u64>(),
        ) {
            let mut mentions: Vec<Mention> = Vec::new();
            for (article, ordinal, incident) in reports {
                let m = mention(&format!("a{article:02}"), u32::from(ordinal), incident);
                if !mentions.iter().any(|x| x.key() == m.key()) {
                    mentions.push(m);
                }
            }
            let expected = cluster(mentions.clone());
            // A deterministic shuffle from the seed.
            let mut order: Vec<usize> = (0..mentions.len()).collect();
            let mut state = seed | 1;
            for i in (1..order.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                order.swap(i, (state % (i as u64 + 1)) as usize);
            }
            let mut index = MemoryIndex::default();
            for &i in &order {
                index.insert(mentions[i].clone());
            }
            prop_assert_eq!(index.assignments(), expected);
        }
    }
}
