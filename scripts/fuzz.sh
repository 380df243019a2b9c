#!/usr/bin/env bash
# Coverage-guided fuzzing of every place where outside bytes enter sitrep (cargo fuzz, libFuzzer).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Builds the targets of fuzz/ (nightly; installs cargo-fuzz if missing), then runs each target
# (all by default, one at a time, under `nice -n 10`) for SECONDS_PER_TARGET (default 60) on a
# working copy of its corpus (fuzz/work/<target>/, not kept) plus its seeds and saved findings.
# An input slower than 1 s, or a process over 2 GB, is a finding like a crash; findings are
# written to fuzz/artifacts/<target>/. Prints per target the executions, coverage (cov: edges,
# ft: features, from libFuzzer's final status line) and findings, then a total line. Exits 1 if
# any target had a finding, 2 if something could not run.
#
# Environment:
#   FUZZ_SANITIZER=none|address   (default none: about 7x faster on this code; Rust is checked
#                                  by its own assertions, overflow checks and debug assertions)
#   FUZZ_UPDATE_CORPUS=1          afterwards, minimise each working corpus with `cargo fuzz
#                                 cmin` (edges only) and keep in fuzz/corpus/<target>/ the
#                                 inputs that reached the most edges first, up to
#                                 FUZZ_CORPUS_KB (default 256) per target
#   FUZZ_JOBS=N                   libFuzzer -jobs/-workers (default: one in-process worker)
#   FUZZ_RUNS=N                   stop a target after N executions (libFuzzer -runs), or at
#                                 SECONDS_PER_TARGET, whichever comes first
#
# See fuzz/README.md for what each target covers and how a finding becomes a regression test.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
shift || true
case $seconds in
'' | *[!0-9]*)
	echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2
	exit 2
	;;
esac
sanitizer=${FUZZ_SANITIZER:-none}
nice=(nice -n 10)

if ! command -v cargo-fuzz >/dev/null 2>&1; then
	echo "fuzz: installing cargo-fuzz from crates.io" >&2
	"${nice[@]}" cargo install --locked cargo-fuzz
fi
if ! rustup toolchain list | grep -q '^nightly'; then
	echo "fuzz: cargo fuzz needs a nightly toolchain: rustup toolchain install nightly" >&2
	exit 2
fi

if [ $# -gt 0 ]; then
	targets=("$@")
else
	mapfile -t targets < <(cargo +nightly fuzz list)
fi

echo "fuzz: building ${#targets[@]} targets (sanitizer: $sanitizer)" >&2
"${nice[@]}" cargo +nightly fuzz build -s "$sanitizer" >&2

extra=()
if [ -n "${FUZZ_JOBS:-}" ]; then
	extra+=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
fi
if [ -n "${FUZZ_RUNS:-}" ]; then
	extra+=(-runs="$FUZZ_RUNS")
fi

# The last value of `name: N` on libFuzzer's status lines of a log.
last_stat() {
	grep -o "$1: [0-9]*" "$2" | tail -n 1 | grep -o '[0-9]*$' || echo 0
}

# Findings in an artifact folder: crash-*, timeout-*, oom-*, leak-* files.
findings_in() {
	find "$1" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \
		-o -name 'leak-*' \) 2>/dev/null | sort
}

# Minimises the working corpus of a target (cargo fuzz cmin, edges only), then replaces
# fuzz/corpus/<target>/ with the inputs that brought the most new edges, up to FUZZ_CORPUS_KB:
# a corpus small enough to keep in the repository and to replay in `cargo test`.
keep_corpus() {
	local target=$1 work=$2 log=$3
	local budget=$((${FUZZ_CORPUS_KB:-256} * 1024))
	local host bin ctl out
	"${nice[@]}" cargo +nightly fuzz cmin -s "$sanitizer" "$target" "$work" -- \
		-use_counters=0 -rss_limit_mb=2048 -timeout=10 >>"$log" 2>&1
	host=$(rustc +nightly -vV | sed -n 's/^host: //p')
	bin=fuzz/target/$host/release/$target
	ctl=$(mktemp)
	out=$(mktemp -d)
	# A merge into an empty folder attributes each edge to the first (smallest) input that
	# reaches it: the control file's `COV <input> <edges…>` lines.
	"${nice[@]}" "$bin" -merge=1 -use_counters=0 -merge_control_file="$ctl" \
		-rss_limit_mb=2048 -timeout=10 "$out" "$work" >>"$log" 2>&1
	find "fuzz/corpus/$target" -maxdepth 1 -type f ! -name '.*' -delete
	awk '
		NR == 1 { files = $1; next }
		NR == 2 { next }
		NR <= files + 2 { name[NR - 3] = $0; next }
		$1 == "STARTED" { size[$2] = $3 }
		$1 == "COV" && NF > 2 { print NF - 2, size[$2], name[$2] }
	' "$ctl" | sort -k1,1nr -k2,2n | awk -v budget="$budget" '
		{ if (used + $2 > budget) next; used += $2; print $3 }
	' | while read -r input; do
		cp "$input" "fuzz/corpus/$target/"
	done
	rm -rf "$ctl" "$out"
}

printf '%-14s %12s %8s %8s %8s %8s  %s\n' target executions exec/s cov ft seconds findings
total_execs=0
total_findings=0
failed_to_run=0
for target in "${targets[@]}"; do
	work=fuzz/work/$target
	artifacts=fuzz/artifacts/$target
	log=fuzz/work/$target.log
	mkdir -p "$work" "$artifacts" "fuzz/corpus/$target" "fuzz/seeds/$target" \
		"fuzz/regressions/$target"
	find "fuzz/corpus/$target" -maxdepth 1 -type f ! -name '.*' -exec cp -n -t "$work" {} +
	before=$(findings_in "$artifacts")
	start=$(date +%s)
	status=0
	"${nice[@]}" cargo +nightly fuzz run -s "$sanitizer" "$target" \
		"$work" "fuzz/seeds/$target" "fuzz/regressions/$target" -- \
		-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=1 -print_final_stats=1 \
		"${extra[@]}" >"$log" 2>&1 || status=$?
	elapsed=$(($(date +%s) - start))
	# With -jobs, libFuzzer writes each worker's output to fuzz-N.log in the working folder.
	for worker_log in fuzz-*.log; do
		[ -f "$worker_log" ] && cat "$worker_log" >>"$log" && rm -f "$worker_log"
	done
	execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" |
		awk '{ n += $2 } END { print n + 0 }')
	rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" |
		awk '{ n += $2 } END { print n + 0 }')
	cov=$(last_stat cov "$log")
	ft=$(last_stat ft "$log")
	new=$(comm -13 <(echo "$before") <(findings_in "$artifacts") | sed '/^$/d')
	found=$(echo -n "$new" | grep -c . || true)
	if [ "$status" -ne 0 ] && [ "$found" -eq 0 ]; then
		# libFuzzer stopped without leaving an artifact: a build or set-up failure.
		echo "fuzz: $target failed (exit $status) without a finding; see $log" >&2
		tail -n 20 "$log" >&2
		failed_to_run=1
	fi
	summary=$found
	if [ "$found" -gt 0 ]; then
		summary="$found: $(echo "$new" | xargs -n1 basename | tr '\n' ' ')"
	fi
	printf '%-14s %12s %8s %8s %8s %8s  %s\n' "$target" "$execs" "$rate" "$cov" "$ft" \
		"$elapsed" "$summary"
	total_execs=$((total_execs + execs))
	total_findings=$((total_findings + found))

	if [ "${FUZZ_UPDATE_CORPUS:-0}" = 1 ]; then
		keep_corpus "$target" "$work" "$log"
	fi
done
printf '%-14s %12s %8s %8s %8s %8s  %s\n' total "$total_execs" '' '' '' '' "$total_findings"

if [ "$total_findings" -gt 0 ]; then
	echo "fuzz: $total_findings finding(s) in fuzz/artifacts/; reproduce one with" \
		"cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/FILE, fix it, and save the input" \
		"as fuzz/regressions/TARGET/<name> (see fuzz/README.md)" >&2
	exit 1
fi
if [ "$failed_to_run" -ne 0 ]; then
	exit 2
fi
