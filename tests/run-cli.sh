#!/bin/sh
# CLI golden tests.  Each folder tests/cli/NAME/ holds:
#   cmd       a shell command line; $COPCGAP is the binary, $ROOT the
#             source tree, $TOOLS the built tools folder
#   stdout    expected standard output   (absent = must be empty)
#   stderr    expected standard error    (absent = must be empty)
#   exit      expected exit status       (absent = 0)
#   no-output marker: the command must create no file
#   check     optional extra shell script run after the command (in the
#             same folder); it must exit 0
# plus any input files.  The folder is copied to a scratch directory and
# the command runs there, so outputs never touch the tree.  In outputs,
# the scratch path and $ROOT are replaced by $OUT and $ROOT.
# UPDATE=1 rewrites the expected stdout/stderr from this run (review the
# diff with git before committing it).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tools=$(cd "$2" 2>/dev/null && pwd || echo "$2")
root=$(pwd)
pass=0
fail=0
if [ "${VALGRIND:-0}" = 1 ]; then
    COPCGAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite $bin"
else
    COPCGAP=$bin
fi
export COPCGAP ROOT="$root" TOOLS="$tools"
# Reports must not depend on the clock.
export SOURCE_DATE_EPOCH=1790000000
# Nor on the width of the terminal they were started from: a test that
# wants a width sets COLUMNS itself.
unset COLUMNS
filter() {
    sed -e "s|$scratch|\$OUT|g" -e "s|$root|\$ROOT|g"
}
for case in tests/cli/*/; do
    name=$(basename "$case")
    scratch=$(mktemp -d)
    cp -R "$case". "$scratch"/
    ( cd "$scratch" && find . -type f ! -name '.*' | sort > .before )
    ( cd "$scratch" && sh -c "$(cat cmd)" > .stdout 2> .stderr; echo $? > .rc )
    ok=1
    why=""
    expected_rc=0
    [ -f "$case/exit" ] && expected_rc=$(cat "$case/exit")
    rc=$(cat "$scratch/.rc")
    if [ "$rc" != "$expected_rc" ]; then
        ok=0; why="exit $rc, expected $expected_rc"
    fi
    for stream in stdout stderr; do
        filter < "$scratch/.$stream" > "$scratch/.$stream.norm"
        if [ "${UPDATE:-0}" = 1 ]; then
            if [ -s "$scratch/.$stream.norm" ]; then
                cp "$scratch/.$stream.norm" "$case/$stream"
            else
                rm -f "$case/$stream"
            fi
        fi
        if [ -f "$case/$stream" ]; then
            exp="$case/$stream"
        else
            exp=/dev/null
        fi
        if ! diff -u "$exp" "$scratch/.$stream.norm" > "$scratch/.$stream.diff"; then
            ok=0; why="$why${why:+; }$stream differs"
        fi
    done
    if [ -f "$case/no-output" ]; then
        ( cd "$scratch" && find . -type f ! -name '.*' | sort > .after )
        if ! diff -q "$scratch/.before" "$scratch/.after" >/dev/null; then
            ok=0; why="$why${why:+; }created files: $(comm -13 "$scratch/.before" "$scratch/.after" | tr '\n' ' ')"
        fi
    fi
    if [ $ok = 1 ] && [ -f "$case/check" ]; then
        if ! ( cd "$scratch" && sh ./check > .check.log 2>&1 ); then
            ok=0; why="check failed: $(tail -n 3 "$scratch/.check.log")"
        fi
    fi
    if [ $ok = 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL cli/$name: $why"
        for stream in stdout stderr; do
            [ -s "$scratch/.$stream.diff" ] && sed -n '1,40p' "$scratch/.$stream.diff"
        done
    fi
    rm -rf "$scratch"
done
total=$((pass + fail))
if [ $total -gt 0 ]; then pct=$((100 * pass / total)); else pct=100; fi
echo "cli golden tests        $pct%: Checks: $total, Failures: $fail, Errors: 0"
[ $fail -eq 0 ]
