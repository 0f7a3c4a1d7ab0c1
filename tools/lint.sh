#!/bin/sh
# lint.sh — static analysis of the sources (make lint; docs/lint.md):
# cppcheck with the warning, portability and performance checks, and
# clang-tidy with the check set of .clang-tidy, over every C file of
# src/ (the tool) and tests/fuzz/.  Exits 1 on any finding.  LINT_JOBS
# (default 2) files are analysed at a time; LINT_FILES names other files.
set -u
jobs=${LINT_JOBS:-2}
# What the Makefile passes on the command line comes from a header here,
# so that no quoting has to survive xargs and sh -c.
mkdir -p build/lint/gen
printf '#define COPCGAP_DATADIR "/usr/local/share/copcgap"\n' \
    > build/lint/gen/config.h
printf '#define COPCGAP_VERSION "lint"\n' > build/lint/gen/version.h
defs="-D_POSIX_C_SOURCE=200809L -include build/lint/gen/version.h"
incs="-Iinclude -Ibuild/lint/gen -Itests/fuzz $(pkg-config --cflags libxml-2.0)"
files=${LINT_FILES:-"src/*.c tests/fuzz/*.c"}
fail=0

echo "cppcheck $(cppcheck --version | sed 's/^Cppcheck //')"
# shellcheck disable=SC2086
if ! cppcheck --enable=warning,portability,performance --std=c11 \
        --error-exitcode=1 --inline-suppr --quiet -j "$jobs" \
        --suppress=missingIncludeSystem -D_POSIX_C_SOURCE=200809L \
        -DCOPCGAP_VERSION=\"lint\" -Iinclude -Ibuild/lint/gen \
        --template='{file}:{line}: {severity}: {message} [{id}]' $files; then
    fail=1
fi

echo "clang-tidy $(clang-tidy --version | sed -n 's/.*version //p')"
# shellcheck disable=SC2086
if ! printf '%s\n' $files | xargs -P "$jobs" -n 1 sh -c '
        out=$(clang-tidy --quiet "$0" -- -std=c11 '"$defs $incs"' 2>&1)
        rc=$?
        # clang-tidy prints "N warnings generated" even when they are in
        # system headers it then hides; only findings matter.
        printf "%s\n" "$out" | grep -v "warnings\? generated\.$" |
            grep -v "^[0-9]* warnings\? and [0-9]* errors\? generated\.$" |
            grep -v "^Suppressed [0-9]* warnings" |
            grep -v "^Use -header-filter=" | grep . || true
        exit $rc'; then
    fail=1
fi
if [ $fail = 0 ]; then
    echo "lint: no findings"
else
    echo "lint: FAILED"
fi
exit $fail
