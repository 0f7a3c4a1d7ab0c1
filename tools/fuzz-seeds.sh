#!/bin/sh
# fuzz-seeds.sh OUTDIR — seed corpora for the fuzz targets, from the test
# data (written afresh into OUTDIR/TARGET; never committed):
#   csv      tests/csv-spectrum, every CSV of the test folders, each with
#            a first byte choosing the reader's buffer size
#   num      a few numbers, dates, months and timestamps, and the
#            values of the test CSVs' fields
#   expr     every expression of tests/expr and the catalogues' checks
#   catalog  the test catalogues and the shipped ones under 64 KB
#   profile  every profile of the samples and the tests
#   template the shipped report templates and those of the tests
#   assess   every test organisation folder, as `#FILE NAME` sections
#            (tests/fuzz/fuzz_assess.c)
set -eu
out=$1
rm -rf "$out"
for t in csv num expr catalog profile template assess; do mkdir -p "$out/$t"; done
# seed DIR < content: named by its digest (pipelines run in subshells,
# so no counter; equal seeds collapse into one).
seed() {
    tmp=$(mktemp "$1/.new.XXXXXX")
    cat > "$tmp"
    mv "$tmp" "$1/$(sha1sum < "$tmp" | cut -c1-16)"
}

csvs=$(find tests/csv-spectrum/csvs tests/data tests/cli tests/bad/_org \
            -name '*.csv' -size -64k | sort)
for f in $csvs; do
    { printf '\007'; cat "$f"; } | seed "$out/csv"
    { printf '\077'; cat "$f"; } | seed "$out/csv"
done

for v in 12 -0.5 .5 5. 007 0 999999999999999999 \
         1234567890123456789012345678901234567890 3.14159265358979323846 \
         2026-02-28 2024-02-29 2026-02-30 2026-02 1970-01 \
         2026-01-05T09:00:00 '2026-01-05 09:00:00.250+05:30' \
         2026-08-31T23:30:00-05:00 2026-01-05T09:00:00Z; do
    printf '%s' "$v" | seed "$out/num"
done
for f in $csvs; do
    tail -n +2 "$f" | head -n 3 | tr ',' '\n' | head -n 12
done | sort -u | head -n 300 | while IFS= read -r v; do
    printf '%s' "$v" | seed "$out/num"
done

grep -h '^expr:' tests/expr/*.test | sed 's/^expr: *//' |
while IFS= read -r e; do
    printf '%s' "$e" | seed "$out/expr"
done
grep -ho "expr='[^']*'" standards/*.xml tests/data/*/*.xml 2>/dev/null |
sed "s/^expr='//; s/'\$//; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\\&/g" |
while IFS= read -r e; do
    printf '%s' "$e" | seed "$out/expr"
done

for f in $(find standards samples templates tests/data tests/cli tests/bad \
                -name '*.xml' \
                -size -64k | sort); do
    case "$(sed -n '1,5p' "$f")" in
    *'<catalog'*) seed "$out/catalog" < "$f" ;;
    *'<profile'*) seed "$out/profile" < "$f" ;;
    esac
    # Templates open with a comment: look for the root anywhere.
    if grep -q '<report-template[ >]' "$f"; then
        seed "$out/template" < "$f"
    fi
done

# Each folder twice: whole, and without the registers that name
# requirement ids (most test folders use another catalogue's ids than
# the engine catalogue fuzz_assess loads), so that its raw data reaches
# the engine.
for d in tests/data/orgs/* tests/cli/*/org tests/bad/_org; do
    [ -f "$d/profile.xml" ] || continue
    names=$(cd "$d" && find . -type f -size -64k | sed 's|^\./||' | sort)
    for skip in none 'evidence.csv findings.csv'; do
        for name in $names; do
            case " $skip " in *" $name "*) continue ;; esac
            printf '#FILE %s\n' "$name"
            cat "$d/$name"
        done | seed "$out/assess"
    done
done
for t in csv num expr catalog profile template assess; do
    printf '%s ' "$t: $(ls "$out/$t" | wc -l)"
done
echo "seeds"
