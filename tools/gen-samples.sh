#!/bin/sh
# Generate the shipped sample organisations with tools/gen-org, each from
# its options file samples/NAME/gen-org.opts (docs/samples.md).
#
#   sh tools/gen-samples.sh TOOLS data [NAME...]      raw data into
#       samples/NAME/data/ (what make demo does); skipped while
#       data/.generated is newer than gen-org, the options and the catalogue
#   sh tools/gen-samples.sh TOOLS register [NAME...]  rewrite the committed
#       files: profile.xml, evidence.csv, findings.csv, metrics.csv,
#       evidence/
#
# TOOLS is the built tools folder (build/rel/tools).  Run from the top of
# the source tree: the options name the catalogue by a relative path.
set -eu
tools=$1
what=$2
shift 2
gen=$tools/gen-org
if [ $# -eq 0 ]; then
    for opts in samples/*/gen-org.opts; do
        set -- "$@" "$(basename "$(dirname "$opts")")"
    done
fi
for name in "$@"; do
    dir=samples/$name
    opts=$dir/gen-org.opts
    catalog=$(sed -n 's/^--catalog //p' "$opts")
    case $what in
    data)
        stamp=$dir/data/.generated
        if [ -f "$stamp" ] && [ "$stamp" -nt "$gen" ] &&
           [ "$stamp" -nt "$opts" ] && [ "$stamp" -nt "$catalog" ]; then
            echo "$dir/data: up to date"
            continue
        fi
        rm -f "$stamp"
        "$gen" --options "$opts" --out "$dir" --parts data -q
        touch "$stamp"
        echo "$dir/data: generated ($(du -sh "$dir/data" | cut -f1))"
        ;;
    register)
        rm -rf "$dir/evidence"
        rm -f "$dir/evidence.csv" "$dir/findings.csv" "$dir/metrics.csv" \
            "$dir/profile.xml"
        "$gen" --options "$opts" --out "$dir" --parts register -q
        echo "$dir: register written"
        ;;
    *)
        echo "usage: gen-samples.sh TOOLS data|register [NAME...]" >&2
        exit 2
        ;;
    esac
done
