#!/bin/sh
# make demo: generate the sample organisations' raw data (skipped when it
# is already there and up to date), then run copcgap kpi, assess and plan
# on each sample, writing the reports (consultant, executive and auditor
# templates) and exports to out/.
#   sh tools/demo.sh BINARY TOOLS
set -eu
bin=$1
tools=$2
start=$(date +%s)
mkdir -p out
echo "== sample data (tools/gen-org; docs/samples.md)"
sh tools/gen-samples.sh "$tools" data northwind-care contacto-andino
for name in northwind-care contacto-andino; do
    dir=samples/$name
    lang=en
    [ "$name" = contacto-andino ] && lang=es
    echo
    echo "== $dir (report language: $lang)"
    "$bin" kpi "$dir" -o "out/$name-kpis.csv"
    # Captured rather than piped, so that a failing assess stops the demo.
    summary=$("$bin" assess "$dir" --lang "$lang" \
        -o "out/$name-report.pdf" --json "out/$name-report.json")
    printf '%s\n' "$summary"
    # The other two report templates (docs/templates.md).
    for t in executive auditor; do
        summary=$("$bin" assess "$dir" --lang "$lang" -t "$t" \
            -o "out/$name-$t.pdf")
        printf '%s\n' "$summary" | tail -n 1
    done
    "$bin" plan "$dir" --lang "$lang" -o "out/$name-plan.csv"
    "$bin" plan "$dir" --lang "$lang" -o "out/$name-plan.xlsx"
done
echo
echo "What each report should show: samples/*/README.md.  Done in" \
    "$(( $(date +%s) - start )) s."
