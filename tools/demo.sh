#!/bin/sh
# make demo: run copcgap on the shipped sample(s) into out/.
set -eu
bin=$1
mkdir -p out
echo "== validate"
"$bin" validate samples/tiny/catalog.xml samples/tiny/profile.xml
echo
echo "== assess samples/tiny"
"$bin" assess samples/tiny --catalog samples/tiny/catalog.xml \
    -o out/tiny-report.pdf --json out/tiny-report.json
"$bin" assess samples/tiny --catalog samples/tiny/catalog.xml --lang es \
    -o out/tiny-informe.pdf > /dev/null
echo "wrote out/tiny-informe.pdf (Spanish)"
echo
echo "Open out/tiny-report.pdf to see the report."
