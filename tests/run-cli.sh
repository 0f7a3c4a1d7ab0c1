#!/bin/sh
# CLI golden tests.  Usage: run-cli.sh BIN TOOLS [CASES [LABEL]]; CASES
# is the folder of cases (default tests/cli; make check also runs
# tests/bad, the bad-input catalogue), LABEL names it in the summary.
# Each folder CASES/NAME/ holds:
#   cmd       a shell command line; $COPCGAP is the binary, $ROOT the
#             source tree, $TOOLS the built tools folder
#   stdout    expected standard output   (absent = must be empty)
#   stderr    expected standard error    (absent = must be empty)
#   exit      expected exit status       (absent = 0)
#   no-output marker: the command must create or change no file, not
#             even a hidden temporary one (FIFOs and links count too)
#   setup     optional shell script run first (in the same folder), for
#             what cannot be committed: FIFOs, symbolic links, device
#             nodes, huge sparse files
#   check     optional extra shell script run after the command (in the
#             same folder, where .stdout and .stderr hold the command's
#             output); it must exit 0
# plus any input files.  Folders whose name starts with `_` are shared
# fixtures, not cases.  The folder is copied to a scratch directory and
# the command runs there, so outputs never touch the tree.  In outputs,
# the scratch path and $ROOT are replaced by $OUT and $ROOT.
# UPDATE=1 rewrites the expected stdout/stderr from this run (review the
# diff with git before committing it).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tools=$(cd "$2" 2>/dev/null && pwd || echo "$2")
cases=${3:-tests/cli}
label=${4:-cli golden tests}
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
# Every entry but directories, with its type (f, l, p, c...) and size,
# so that a link or a FIFO replaced by a file shows.
listing() {
    ( cd "$scratch" && find . ! -type d -printf '%y %s %p\n' | sort )
}
for case in "$cases"/*/; do
    name=$(basename "$case")
    case "$name" in _*) continue ;; esac
    scratch=$(mktemp -d)
    meta=$(mktemp -d)
    cp -R "$case". "$scratch"/
    ok=1
    why=""
    if [ -f "$scratch/setup" ] &&
       ! ( cd "$scratch" && sh ./setup ) > "$meta/setup.log" 2>&1; then
        ok=0; why="setup failed: $(tail -n 3 "$meta/setup.log")"
    fi
    listing > "$meta/before"
    ( cd "$scratch" && sh -c "$(cat cmd)" > "$meta/stdout" 2> "$meta/stderr"; echo $? > "$meta/rc" )
    expected_rc=0
    [ -f "$case/exit" ] && expected_rc=$(cat "$case/exit")
    rc=$(cat "$meta/rc")
    if [ "$rc" != "$expected_rc" ]; then
        ok=0; why="$why${why:+; }exit $rc, expected $expected_rc"
    fi
    for stream in stdout stderr; do
        filter < "$meta/$stream" > "$meta/$stream.norm"
        if [ "${UPDATE:-0}" = 1 ]; then
            if [ -s "$meta/$stream.norm" ]; then
                cp "$meta/$stream.norm" "$case/$stream"
            else
                rm -f "$case/$stream"
            fi
        fi
        if [ -f "$case/$stream" ]; then
            exp="$case/$stream"
        else
            exp=/dev/null
        fi
        if ! diff -u "$exp" "$meta/$stream.norm" > "$meta/$stream.diff"; then
            ok=0; why="$why${why:+; }$stream differs"
        fi
    done
    if [ -f "$case/no-output" ]; then
        listing > "$meta/after"
        if ! diff -q "$meta/before" "$meta/after" >/dev/null; then
            ok=0; why="$why${why:+; }changed files: $(diff "$meta/before" "$meta/after" | grep '^[<>]' | tr '\n' ' ')"
        fi
    fi
    if [ $ok = 1 ] && [ -f "$case/check" ]; then
        # Check scripts read the command's output as .stdout / .stderr.
        cp "$meta/stdout" "$scratch/.stdout"
        cp "$meta/stderr" "$scratch/.stderr"
        if ! ( cd "$scratch" && sh ./check > "$meta/check.log" 2>&1 ); then
            ok=0; why="check failed: $(tail -n 3 "$meta/check.log")"
        fi
    fi
    if [ $ok = 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $(basename "$cases")/$name: $why"
        for stream in stdout stderr; do
            [ -s "$meta/$stream.diff" ] && sed -n '1,40p' "$meta/$stream.diff"
        done
    fi
    rm -rf "$scratch" "$meta"
done
total=$((pass + fail))
if [ $total -gt 0 ]; then pct=$((100 * pass / total)); else pct=100; fi
printf '%-23s %s\n' "$label" "$pct%: Checks: $total, Failures: $fail, Errors: 0"
[ $fail -eq 0 ]
