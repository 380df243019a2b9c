#!/usr/bin/env python3
"""Builds data/lexicons/groups_mined.tsv: armed-group names mined from the perpetrator fields
of the labelled training descriptions (../shared/train/rand_train.jsonl, wiki_train.jsonl).

The hand-written lexicon (groups.tsv) misses the many small groups the RAND and Wikipedia
coders name (Greek anarchist cells, Indian north-eastern fronts, Corsican and Breton groups)
and some spellings of groups it has ("Kurdish Workers Party"). A name is kept when at least
MIN_RECORDS training records name it: a name attested that often is a fact about the world,
not the wording of one record. No record text is copied; only names, the share of records
per country and the count.

For each name (perpetrator fields split at "/" and ";", "(suspected)" removed, "Name (ACR)"
read as a name and its acronym):
  * a spelling of a group groups.tsv already has (same name once case, hyphens, apostrophes,
    accents and a leading "the" are folded), or whose acronym groups.tsv gives to one group,
    becomes an extra alias of that group: the row repeats the hand-written canonical name;
  * otherwise it is a new group, its countries those of at least a fifth of its records;
  * generic descriptions ("Islamic extremists", "Shiite Militias", "Palestinian"), disjunctions
    ("Taliban or Islamic State"), names the RAND export cut at 50 characters and acronyms that
    clash with ordinary text (GROUPS.md lists them) are left out.

Columns: name, aliases, countries, kind (always `other`), records (how many training records
name it: the provenance). Extraction loads it after groups.tsv (crates/extract/src/groups.rs).

Usage (from the repo root):  python3 scripts/data/mine_groups.py [../shared/train]
"""
import collections
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HAND = os.path.join(ROOT, "data", "lexicons", "groups.tsv")
OUT = os.path.join(ROOT, "data", "lexicons", "groups_mined.tsv")
MIN_RECORDS = 3
COUNTRY_SHARE = 0.2

# Words that make a perpetrator field a description, not a name.
GENERIC = {
    "suspected", "militants", "militant", "extremists", "extremist", "insurgents", "rebels",
    "separatists", "militias", "militia", "paramilitaries", "nationalist", "nationalists",
    "herdsmen", "gunmen", "unknown", "or", "and", "individual", "individuals", "tribesmen",
    "palestinian", "marxist", "islamist", "islamists", "students", "protesters",
    # State bodies are not armed groups here (GROUPS.md, "Deliberately left out").
    "agency", "intelligence", "police", "government", "army of the republic",
}
# Acronyms that clash with ordinary text (GROUPS.md, "Acronyms omitted").
CLASHING = set(
    "ISI SSP NDA CPP CPC PDF FACT EPL EPP CDG CDN ABM AST ULA TIP RPF NDC JAM NRF SRA ICU MIT "
    "CV PLA SNA HM IM CMA STC ITS PRC JEM CPI RAW CAR ANA MK ERP".split()
)


def fold(s: str) -> str:
    """Case, accents, hyphens, apostrophes and a leading "the" folded away."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("’", "'").replace("'", "").replace("-", " ").replace("–", " ")
    s = s.replace("(", " ").replace(")", " ")
    s = re.sub(r"\s+", " ", s).strip()
    return s[4:] if s.startswith("the ") else s


def hand_lexicon():
    """(folded alias → canonical name, acronym as written → canonical names)."""
    by_fold, by_loose, acronyms = {}, {}, collections.defaultdict(set)
    with open(HAND, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if not cols or not cols[0].strip() or cols[0].startswith("#"):
                continue
            name = cols[0].strip()
            names = [name] + [a.strip() for a in (cols[1] if len(cols) > 1 else "").split("|")]
            for alias in filter(None, names):
                exact = alias.startswith("=")
                alias = alias.lstrip("=")
                by_fold.setdefault(fold(alias), name)
                by_loose.setdefault(loose(alias), name)
                if exact or alias.isupper():
                    acronyms[alias].add(name)
    return by_fold, by_loose, acronyms


def parts(field: str):
    """(name, acronym or None) for each group a perpetrator field names."""
    field = re.sub(r"\(?\s*suspected\s*\)?", " ", field, flags=re.IGNORECASE)
    # A lower-case parenthesis qualifies the attribution: "(claimed)", "(alleged)".
    field = re.sub(r"\([^()A-Z]*\)", " ", field)
    # A parenthesis of several words is another name: "Hamas (Islamic Resistance Movement)".
    field = re.sub(r"\([^()]* [^()]*\)", " ", field)
    # "PKK/KADEK" and "YPG / PKK" are two groups; "Turkish Communist Party/Marxist (TKP-ML)"
    # is one name whose qualifier follows the slash.
    field = re.sub(r"/(?=[A-Z][a-z]+\b(?:\s*\(|$))", "\x00", field)
    for part in re.split(r"\s*[/;]\s*", field):
        part = part.replace("\x00", "/")
        part = re.sub(r"\s+", " ", part).strip(" ,")
        m = re.match(r"^(.*?)\s*\(([^()]*)\)$", part)
        if m and is_acronym_like(m.group(2).strip()):
            yield m.group(1).strip(), m.group(2).strip()
        elif part:
            yield part, None


def is_acronym_like(s: str) -> bool:
    """"ALF", "TKP-ML", "JuM"; not "Maoist" (a part of the name) or a translation."""
    upper = sum(c.isupper() for c in s)
    return " " not in s and (upper >= 2 or (upper == 1 and any(c.isdigit() for c in s)))


def loose(s: str) -> str:
    """A looser key, only for finding a hand-written group: no "al" article, no plural -s,
    letters and digits only ("al-Mahdi Army" → "mahdi army", "India-Maoists" → "india maoist")."""
    words = re.sub(r"[^a-z0-9 ]", " ", fold(s)).split()
    if words and words[0] == "al":
        words = words[1:]
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


def is_name(name: str) -> bool:
    words = fold(name).split()
    if not words or any(w in GENERIC for w in words):
        return False
    if len(name) >= 49:  # the RAND export cuts names at 50 characters
        return False
    if name.isupper() and len(name) <= 3:
        return False
    return any(c.isupper() for c in name)


def good_acronym(acr: str) -> bool:
    return (
        re.fullmatch(r"[A-Z][A-Za-z0-9-]{2,9}", acr) is not None
        and sum(c.isupper() for c in acr) >= 3
        and acr not in CLASHING
    )


def main():
    train = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "train")
    by_fold, by_loose, hand_acronyms = hand_lexicon()
    records = collections.Counter()
    spellings = collections.defaultdict(collections.Counter)
    acronyms = collections.defaultdict(collections.Counter)
    countries = collections.defaultdict(collections.Counter)
    for file in ("rand_train.jsonl", "wiki_train.jsonl"):
        with open(os.path.join(train, file), encoding="utf-8") as f:
            for line in f:
                gold = json.loads(line).get("gold") or {}
                field = gold.get("perpetrator")
                if not field:
                    continue
                for name, acr in parts(field):
                    if not is_name(name):
                        continue
                    key = fold(name)
                    records[key] += 1
                    spellings[key][name] += 1
                    if acr:
                        acronyms[key][acr] += 1
                    if gold.get("country"):
                        countries[key][gold["country"]] += 1

    extra_aliases = collections.defaultdict(list)  # canonical hand name → (alias, records)
    new_rows = []
    taken = set(by_fold)
    for key, n in sorted(records.items(), key=lambda kv: (-kv[1], kv[0])):
        if n < MIN_RECORDS:
            continue
        name = spellings[key].most_common(1)[0][0]
        acr = next((a for a, k in acronyms[key].most_common() if k >= 2), None)
        if key in by_fold:
            hand = by_fold[key]
            if acr and good_acronym(acr) and acr not in hand_acronyms and fold(acr) not in taken:
                extra_aliases[hand].append(("=" + acr, n))
                taken.add(fold(acr))
            continue
        owners = hand_acronyms.get(acr, set()) if acr else set()
        if len(owners) != 1 and loose(name) in by_loose:
            owners = {by_loose[loose(name)]}
        if len(owners) == 1:
            extra_aliases[next(iter(owners))].append((name, n))
            taken.add(key)
            continue
        aliases = []
        if acr and good_acronym(acr) and fold(acr) not in taken:
            aliases.append("=" + acr)
            taken.add(fold(acr))
        taken.add(key)
        total = sum(countries[key].values())
        codes = [c for c, k in countries[key].most_common(3) if total and k / total >= COUNTRY_SHARE]
        kept_name = ("=" + name) if name.isupper() else name
        if name.isupper():
            # An all-capitals name is an acronym: it matches only as written.
            aliases = [a for a in aliases if a != kept_name]
        new_rows.append((name, aliases, codes, n))

    out = ["name\taliases\tcountries\tkind\trecords"]
    for hand, aliases in sorted(extra_aliases.items(), key=lambda kv: fold(kv[0])):
        total = sum(n for _, n in aliases)
        out.append(f"{hand}\t{'|'.join(a for a, _ in aliases)}\t\tother\t{total}")
    for name, aliases, codes, n in sorted(new_rows, key=lambda r: fold(r[0])):
        if name.isupper():
            aliases = ["=" + name] + aliases
        out.append(f"{name}\t{'|'.join(aliases)}\t{'|'.join(codes)}\tother\t{n}")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"{OUT}: {len(extra_aliases)} hand-written groups with new aliases, "
          f"{len(new_rows)} new groups", file=sys.stderr)


if __name__ == "__main__":
    main()
