#!/usr/bin/env python3
"""Builds data/lexicons/common_words.txt: lower-case English words that are also place names.

A capitalised word such as "Police" or "Mission" at the start of a sentence is usually the
English word, not the town of that name; extraction accepts such a name as a place only with a
locative cue ("in Mission"). The list is the intersection of
  * the lower-case entries of SCOWL's American English word list (Debian package `wamerican`,
    /usr/share/dict/american-english; SCOWL licence, permissive: see data/lexicons/README.md), and
  * the spellings in data/geo/{countries,admin1,cities}.tsv (normalised as sitrep does).
A word that is also a proper noun ("Nice", "Reading", "Man") stays in the list: as a place it
needs a cue ("in Nice"), which news copy almost always gives.

Usage (from the repo root, after build_gazetteer.py):  python3 scripts/data/build_common_words.py
It downloads the Debian package with `apt-get download wamerican` into .cache/data-src/.
"""
import glob
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CACHE = os.path.join(ROOT, ".cache", "data-src")
OUT = os.path.join(ROOT, "data", "lexicons", "common_words.txt")


def key(name: str) -> str:
    """The same normalisation as sitrep_geo::name_key for plain words."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = folded.replace("'", "").replace("\u2019", "").replace(".", " ")
    return re.sub(r"[^0-9a-z]+", " ", folded).strip()


def word_list() -> list[str]:
    os.makedirs(CACHE, exist_ok=True)
    debs = glob.glob(os.path.join(CACHE, "wamerican_*.deb"))
    if not debs:
        subprocess.run(["apt-get", "download", "wamerican"], cwd=CACHE, check=True)
        debs = glob.glob(os.path.join(CACHE, "wamerican_*.deb"))
    deb = sorted(debs)[-1]
    target = os.path.join(CACHE, "wamerican")
    subprocess.run(["dpkg-deb", "-x", deb, target], check=True)
    with open(os.path.join(target, "usr/share/dict/american-english"), encoding="utf-8") as f:
        return [w.strip() for w in f if w.strip()]


def gazetteer_keys() -> set[str]:
    keys: set[str] = set()
    for name, cols in (("countries.tsv", ("name", "names")), ("admin1.tsv", ("name", "names")), ("cities.tsv", ("name", "names"))):
        with open(os.path.join(ROOT, "data", "geo", name), encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            idx = [header.index(c) for c in cols]
            for line in f:
                fields = line.rstrip("\n").split("\t")
                for i in idx:
                    for n in fields[i].split("|") if i < len(fields) else []:
                        if n:
                            keys.add(key(n))
    return keys


def main() -> None:
    words = word_list()
    common = {w for w in words if w[:1].islower() and "'" not in w}
    places = gazetteer_keys()
    chosen = sorted(w for w in common if w in places and len(w) >= 3)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Lower-case English words that are also place names (see scripts/data/build_common_words.py).\n")
        f.write("# Source: SCOWL via Debian wamerican (permissive licence) x GeoNames names. Regenerate, do not edit.\n")
        for w in chosen:
            f.write(w + "\n")
    print(f"common_words.txt: {len(chosen)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
