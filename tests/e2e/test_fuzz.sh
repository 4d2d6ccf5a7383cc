# The libFuzzer targets (fuzz/fuzz_*.c): built with clang in a build directory of their own,
# each run for FUZZ_SECONDS (30) from its seed corpus fuzz/corpus/NAME/; a finding fails.
# Skipped, saying so, when clang is missing. FUZZ_SECONDS=600 FUZZ_ONLY=fuzz_json_in for long runs.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SECONDS_EACH=${FUZZ_SECONDS:-30}
command -v clang >/dev/null ||
	skip "clang is not installed (scripts/deps.sh); the fuzz targets were not run"
# Kept between runs (next to the test build) so that only what changed is rebuilt.
FB=${QWEEK_BUILD:-$T}/fuzz-build
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

# run NAME: fuzzes for SECONDS_EACH from a copy of the seed corpus; prints the executions.
run() {
	local name=$1 corpus=$QWEEK_SRC/fuzz/corpus/${1#fuzz_} work=$T/corpus-${1#fuzz_}
	mkdir -p "$work" "$T/art-$name"
	[[ -d $corpus ]] && cp -r "$corpus"/. "$work"/
	(cd "$T/art-$name" && "$FB/$name" -max_total_time="$SECONDS_EACH" -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 "$work" >"$T/$name.log" 2>&1)
}

step "run each target for $SECONDS_EACH s: ${targets[*]}"
pids=()
for name in "${targets[@]}"; do
	run "$name" &
	pids+=($!)
	# Two at a time: CI has two cores.
	if ((${#pids[@]} == 2)); then
		wait "${pids[0]}" || true
		pids=("${pids[1]}")
	fi
done
wait || true
failed=0
for name in "${targets[@]}"; do
	execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$T/$name.log" | grep -o '[0-9]*$' || true)
	if grep -qE '^==[0-9]+==ERROR|^SUMMARY: |deadly signal|runtime error|Test unit written' "$T/$name.log" ||
		[[ -z $execs ]]; then
		echo "FINDING in $name:" >&2
		tail -n 40 "$T/$name.log" >&2
		failed=1
		continue
	fi
	echo "   $name: $execs executions in $SECONDS_EACH s, no finding"
done
((failed == 0)) || fail "a fuzz target found a bug (the input is in its log above)"
echo "ok"
