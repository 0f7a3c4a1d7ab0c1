#!/bin/sh
# check-keys.sh [TREE] — the language table and the code agree: every key
# the C sources name as a string literal exists in templates/en.lang, and
# every key of en.lang is used (by a literal, or by a family the code
# builds from a name table: status.req.<status>, metric.<name>, ...;
# tests/unit/test_lang.c checks those families member by member).  A key
# misspelt in the code would print as "[key]" in a report; an unused key
# is a translation nobody reads.
set -u
cd "${1:-.}" || exit 2
prefixes='diff|change|progress|trace|detail|evidence|finding|na|window|op|target|measure|proof|plan|risk|report|why|col|xlsx|cli|word|check|better|sec|summary|cover|control|scope|method|limitations|legend|signoff|heatmap|kpi|pst|scorecard|findings|crosswalk|traces|gaps|source'
families='^(@|diff\.field\.|change\.|status\.|verdict\.|channel\.|coverage\.|xrel\.|rule\.type\.|finding\.result\.|finding\.class\.|metric\.|kind\.|evidence\.flag\.|org\.kind\.|legend\.(status|trend|flag)\.|pst\.(trend|result|window)\.|source\.|scorecard\.(met|partial|not-met|not-evidenced|n/a)$|gaps\.rating\.P|legend\.tier\.P)'
used=$(mktemp) && have=$(mktemp) || exit 2
trap 'rm -f "$used" "$have"' EXIT
grep -ohE "\"($prefixes)\.[a-z0-9_./-]+\"" src/*.c | tr -d '"' |
    grep -v '%' | grep -vE '\.(h|c|csv|xml|xsd|lang)$|\.$' | sort -u > "$used"
sed -n 's/^\([^#][^ =]*\)[[:space:]]*=.*/\1/p' templates/en.lang | sort -u > "$have"
fail=0
for k in $(comm -23 "$used" "$have"); do
    echo "src: key \"$k\" is not in templates/en.lang"; fail=1
done
for k in $(comm -13 "$used" "$have" | grep -vE "$families"); do
    echo "templates/en.lang: key \"$k\" is used by no source file"; fail=1
done
if [ $fail = 1 ]; then
    echo "key check: FAILED"
    exit 1
fi
echo "key check: $(wc -l < "$used") keys named in src/, all in en.lang and all used"
