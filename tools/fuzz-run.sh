#!/bin/sh
# fuzz-run.sh FUZZDIR SECONDS TARGET... — fuzz each target for SECONDS
# (make fuzz-run; CI runs it with 20).  Corpora grow in FUZZDIR/corpus/T
# (kept between runs), seeded from the tests (tools/fuzz-seeds.sh) and
# the regression corpus tests/fuzz-regress/T.  Prints, per target, the
# executions, the edges covered (libFuzzer's `cov`), the features and the
# time; exits 1 when a target found a crash, a leak, a timeout or an
# out-of-memory, leaving the input in FUZZDIR/artifacts/T/ (minimise it,
# fix the bug, and add it to tests/fuzz-regress/T: docs/fuzzing.md).
# FUZZ_JOBS=2 runs two targets at a time.
set -u
dir=$1
secs=$2
shift 2
jobs=${FUZZ_JOBS:-1}
sh tools/fuzz-seeds.sh "$dir/seeds" >/dev/null
run_one() {
    t=$1
    mkdir -p "$dir/corpus/$t" "$dir/artifacts/$t" "$dir/logs" \
        "tests/fuzz-regress/$t"
    start=$(date +%s)
    "$dir/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
        -dict="tests/fuzz/$t.dict" -artifact_prefix="$dir/artifacts/$t/" \
        -print_final_stats=1 "$dir/corpus/$t" "$dir/seeds/$t" \
        "tests/fuzz-regress/$t" > "$dir/logs/$t.log" 2>&1
    rc=$?
    echo $rc > "$dir/logs/$t.rc"
    end=$(date +%s)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/logs/$t.log")
    last=$(grep -E '^#[0-9]+' "$dir/logs/$t.log" | tail -n 1)
    cov=$(printf '%s\n' "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(printf '%s\n' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    printf '%-8s %12s execs %6s edges %7s features %5ss %s\n' "$t" \
        "${execs:-?}" "${cov:-?}" "${ft:-?}" "$((end - start))" \
        "$([ $rc -eq 0 ] && echo ok || echo "FAILED (exit $rc, $dir/logs/$t.log)")"
    return $rc
}
fail=0
running=0
for t in "$@"; do
    rm -f "$dir/logs/$t.rc"
    run_one "$t" &
    running=$((running + 1))
    if [ $running -ge "$jobs" ]; then
        wait
        running=0
    fi
done
wait
for t in "$@"; do
    [ "$(cat "$dir/logs/$t.rc" 2>/dev/null)" = 0 ] || fail=1
done
found=$(find "$dir/artifacts" -type f 2>/dev/null)
if [ -n "$found" ]; then
    echo "fuzz: findings:"
    printf '  %s\n' $found
    fail=1
fi
exit $fail
