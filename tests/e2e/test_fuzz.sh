# The libFuzzer targets (fuzz/fuzz_*.c): built with clang in a build directory of their own,
# then, for each target,
#   - its hostile inputs, each once, within the per-input timeout: the VTIMEZONE bombs, 40,000
#     ATTENDEEs, cells of 10,000 names (tests/e2e/hostile_files.py writes them; fuzz/corpus/ics
#     keeps the small ones too). Today's code reads each in milliseconds; a return of libical's
#     zone expansion or of quadratic name checks is a timeout here.
#   - FUZZ_SECONDS (30) of fuzzing from its seed corpus fuzz/corpus/NAME/ and the hostile
#     inputs that are no longer than FUZZ_MAX_LEN (16 KiB, the largest input it makes: four
#     times the largest seed; mutating the 200 KiB ones would leave few executions), with its
#     dictionary fuzz/NAME.dict when there is one.
# Any input that takes over FUZZ_TIMEOUT (3) seconds is a finding, as is a crash or a leak.
# Skipped (exit 77), saying so, when clang is missing. Long runs: FUZZ_SECONDS=600
# FUZZ_ONLY=fuzz_ics FUZZ_JOBS=1 (FUZZ_KEEP=DIR keeps the corpora and logs there).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SECONDS_EACH=${FUZZ_SECONDS:-30}
TIMEOUT=${FUZZ_TIMEOUT:-3}
MAX_LEN=${FUZZ_MAX_LEN:-16384}
command -v clang >/dev/null ||
	skip "clang is not installed (scripts/deps.sh); the fuzz targets were not run"
# Kept between runs (next to the test build) so that only what changed is rebuilt.
FB=${QWEEK_BUILD:-$T}/fuzz-build
W=${FUZZ_KEEP:-$T}
mkdir -p "$W"
unset ASAN_OPTIONS
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

step "build the fuzz targets with clang in $FB"
targets=()
for src in "$QWEEK_SRC"/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c)
	[[ -z ${FUZZ_ONLY:-} || $name == "$FUZZ_ONLY" ]] && targets+=("$name")
done
((${#targets[@]} > 0)) || fail "no fuzz targets in $QWEEK_SRC/fuzz"
cmake -S "$QWEEK_SRC" -B "$FB" -DCMAKE_C_COMPILER=clang -DQWEEK_FUZZ=ON -DQWEEK_TESTS=OFF \
	-DCMAKE_BUILD_TYPE=RelWithDebInfo >"$T/cmake.log" 2>&1 || { cat "$T/cmake.log"; fail "cmake"; }
cmake --build "$FB" -j"$(nproc)" --target "${targets[@]}" >"$T/build.log" 2>&1 ||
	{ tail -n 40 "$T/build.log"; fail "building the fuzz targets"; }

step "the hostile inputs"
"$PY" "$QWEEK_SRC/tests/e2e/hostile_files.py" "$T/hostile"
mkdir -p "$T/hostile-ics" "$T/hostile-csv"
cp "$T"/hostile/*.ics "$T/hostile-ics/"
# fuzz_csv reads its first byte as the encoding to force: "A" is none.
for f in "$T"/hostile/*.csv; do
	{ printf A; cat "$f"; } >"$T/hostile-csv/$(basename "$f")"
done

# replay NAME: each hostile input of NAME once; fails on a timeout, a crash or a leak.
replay() {
	local name=$1 dir=$T/hostile-${1#fuzz_}
	[[ -d $dir ]] || return 0
	(cd "$T" && "$FB/$name" -timeout="$TIMEOUT" -rss_limit_mb=2048 "$dir"/* \
		>"$W/$name.replay.log" 2>&1) || {
		tail -n 30 "$W/$name.replay.log" >&2
		fail "$name: a hostile input took over $TIMEOUT s, or crashed"
	}
	echo "   $name: $(ls "$dir" | wc -l) hostile inputs, each within $TIMEOUT s"
}
for name in "${targets[@]}"; do
	replay "$name"
done

# run NAME: fuzzes for SECONDS_EACH from a copy of the seed corpus; prints the executions.
run() {
	local name=$1 corpus=$QWEEK_SRC/fuzz/corpus/${1#fuzz_} work=$W/corpus-${1#fuzz_}
	local dict=$QWEEK_SRC/fuzz/${1#fuzz_}.dict args=()
	mkdir -p "$work" "$W/art-$name"
	[[ -d $corpus ]] && cp -r "$corpus"/. "$work"/
	[[ -d $T/hostile-${1#fuzz_} ]] &&
		find "$T/hostile-${1#fuzz_}" -type f -size -$((MAX_LEN + 1))c -exec cp {} "$work"/ \;
	[[ -f $dict ]] && args+=(-dict="$dict")
	(cd "$W/art-$name" && nice -n "${FUZZ_NICE:-0}" "$FB/$name" \
		-max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -max_len="$MAX_LEN" \
		-rss_limit_mb=2048 -print_final_stats=1 "${args[@]}" "$work" >"$W/$name.log" 2>&1)
}

step "run each target for $SECONDS_EACH s: ${targets[*]}"
pids=()
for name in "${targets[@]}"; do
	run "$name" &
	pids+=($!)
	# Two at a time: CI has two cores (FUZZ_JOBS=1: one, for long runs on a shared machine).
	if ((${#pids[@]} == ${FUZZ_JOBS:-2})); then
		wait "${pids[0]}" || true
		pids=("${pids[@]:1}")
	fi
done
wait || true
failed=0
for name in "${targets[@]}"; do
	execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$W/$name.log" | grep -o '[0-9]*$' || true)
	if grep -qE '^==[0-9]+==ERROR|^SUMMARY: |deadly signal|runtime error|Test unit written|ALARM: working on the last Unit' "$W/$name.log" ||
		[[ -z $execs ]]; then
		echo "FINDING in $name:" >&2
		tail -n 40 "$W/$name.log" >&2
		failed=1
		continue
	fi
	echo "   $name: $execs executions in $SECONDS_EACH s, no finding"
done
((failed == 0)) || fail "a fuzz target found a bug (the input is in its log above)"
echo "ok"
