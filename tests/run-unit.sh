#!/bin/sh
# Run Check unit-test binaries; VALGRIND=1 runs each under valgrind.
# Prints each suite's Check summary line; exits 1 if any test failed.
set -u
failed=0
for t in "$@"; do
    name=$(basename "$t")
    if [ "${VALGRIND:-0}" = 1 ]; then
        CK_FORK=no valgrind -q --error-exitcode=99 --leak-check=full \
            --errors-for-leak-kinds=definite "$t" > "$t.log" 2>&1
    else
        "$t" > "$t.log" 2>&1
    fi
    rc=$?
    summary=$(grep -E '^[0-9]+%: Checks:' "$t.log" | tail -n 1)
    printf '%-22s %s\n' "$name" "${summary:-no summary (crashed?)}"
    if [ $rc -ne 0 ]; then
        failed=1
        sed -n '1,60p' "$t.log"
    fi
done
exit $failed
