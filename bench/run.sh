#!/bin/sh
# make bench: how fast `copcgap kpi` reads contacts.csv, measured against
# `wc -l` (reads at memory speed) and the sqlite3 shell (import + GROUP BY
# of the same per-program-month aggregates) on the same generated file,
# plus peak RSS, at 1M and 5M rows; before it, the PDF layer and large
# catalogues (below).  Not part of `make check`.
#
#   sh bench/run.sh ./copcgap build/rel/tools
#
# Files are generated once into $BENCH_DIR (default /tmp/copcgap-bench)
# and kept.  Every file is read once before timing so all tools read from
# the page cache; copcgap and wc take the best of $BENCH_RUNS runs (3),
# sqlite3 one run (it takes seconds).  BENCH_ROWS overrides the sizes.
#
# Then the workspace (import, history and diff against assess, in the
# same run; BENCH_ONLY=workspace stops after it).
#
# First, the PDF layer: tools/pdf-bench lays out and writes a 300-page
# report with pdf_flow (tables, paragraphs, charts) and draws the same
# text lines with bare libharu; pages per second for both, their ratio
# (target: the flow at least half as fast), and each one's peak RSS from
# its own process.  BENCH_ONLY=pdf stops after it.
#
# Then large catalogues (BENCH_REQS, default 10 000 and 100 000
# requirements): validate, assess and plan against xmllint and against
# the smallest size; BENCH_ONLY=catalog stops after them.
set -eu
bin=$1
tools=$2
work=${BENCH_DIR:-${TMPDIR:-/tmp}/copcgap-bench}
runs=${BENCH_RUNS:-3}
sizes=${BENCH_ROWS:-"1000000 5000000"}
mkdir -p "$work"

now() { date +%s.%N; }
# Seconds taken by a command (stdout to $out), best of $1 runs.
best_of() {
    n=$1; out=$2; shift 2
    best=""
    i=0
    while [ "$i" -lt "$n" ]; do
        t0=$(now); "$@" > "$out"; t1=$(now)
        best=$(awk -v a="$t0" -v b="$t1" -v best="$best" \
            'BEGIN { t = b - a; if (best == "" || t < best) best = t;
                     printf "%.3f", best }')
        i=$((i + 1))
    done
    echo "$best"
}

# The sqlite3 equivalent of copcgap's contact KPIs: T by channel (the
# profile's defaults; each generated program has one channel), S = 5 s.
sqlite_sql() {
    cat <<EOF
.mode csv
.headers on
.import $1 contacts
CREATE TABLE params(channel TEXT PRIMARY KEY, t REAL);
INSERT INTO params VALUES ('voice', 20), ('chat', 60), ('messaging', 300),
  ('social', 3600), ('email', 86400), ('back-office', 86400);
SELECT c.program, substr(c.arrived, 1, 7) AS period,
  SUM(c.outcome = 'answered' OR CAST(c.wait_s AS REAL) > 5) AS offered,
  SUM(c.outcome = 'answered' AND CAST(c.wait_s AS REAL) <= p.t) AS within_t,
  SUM(c.outcome = 'abandoned' AND CAST(c.wait_s AS REAL) > 5) AS abandons,
  printf('%.6f', AVG(CASE WHEN c.outcome = 'answered'
                     THEN CAST(c.wait_s AS REAL) END)) AS mean_wait,
  printf('%.6f', AVG(CASE WHEN c.outcome = 'answered'
                     THEN CAST(c.handle_s AS REAL) END)) AS mean_handle
FROM contacts c JOIN params p ON p.channel = c.channel
GROUP BY c.program, period ORDER BY c.program, period;
EOF
}

# Every program-month must agree: offered, service level, abandon rate,
# ASA and AHT from copcgap against the SQL aggregates.
cross_check() {
    awk -F, '
        FNR == 1 { file++; next }
        file == 1 { v[$1 "," $3 "," $2] = $4; next }   # program,period,metric
        {
            k = $1 "," $2; months++
            if (v[k ",offered"] != $3) bad++
            if ($3 > 0) {
                if ((v[k ",service_level"] - 100 * $4 / $3) ^ 2 > 1e-10) bad++
                if ((v[k ",abandon_rate"] - 100 * $5 / $3) ^ 2 > 1e-10) bad++
            }
            if ((v[k ",asa"] - $6) ^ 2 > 1e-10) bad++
            if ((v[k ",aht"] - $7) ^ 2 > 1e-10) bad++
        }
        END {
            printf "  cross-check: %d program-months, %d disagreements\n",
                months, bad
            exit bad > 0
        }' "$1" "$2"
}

[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing" >&2; exit 1; }

if [ "${BENCH_ONLY:-}" != catalog ]; then
echo "PDF layer benchmark (CPU seconds, best of $runs)"
"$tools/pdf-bench" -r "$runs" both -l "$work/pdf-lines.txt" \
    -o "$work/pdf-flow.pdf" | grep -v "^  last run"
for side in flow bare; do
    /usr/bin/time -v "$tools/pdf-bench" -r 1 "$side" \
        -l "$work/pdf-lines.txt" > /dev/null 2> "$work/pdf-$side-time.txt"
    awk -F': ' -v side="$side" '/Maximum resident set size/ {
        printf "  %s alone: peak RSS %.1f MB\n", side, $2 / 1024 }' \
        "$work/pdf-$side-time.txt"
done

# Then copcgap's own auditor report of a large generated organisation
# (50 programs, 24 months of data, about 900 evidence rows: 500+ pages)
# against bare libharu drawing the same text lines in the same process;
# then the whole `assess -t auditor -o` command's peak RSS.
big=$work/org-50x24
if [ ! -f "$big/profile.xml" ]; then
    rm -rf "$big"
    "$tools/gen-org" --out "$big" --catalog standards/copc-cx-aligned.xml \
        --programs 50 --months 24 --contacts 20000 --maturity far -q
fi
echo "Auditor report of $(awk -F, 'END { print NR - 1 }' "$big/evidence.csv") evidence rows, 50 programs, 24 months (CPU seconds, best of $runs)"
"$tools/pdf-bench" -r "$runs" report "$big" -t auditor \
    -c standards/copc-cx-aligned.xml -o "$work/report-auditor.pdf"
/usr/bin/time -v "$bin" assess "$big" -t auditor -o "$work/report-cli.pdf" \
    > /dev/null 2> "$work/report-time.txt"
awk -F': ' '/Maximum resident set size/ {
    printf "  copcgap assess -t auditor -o (whole command): peak RSS %.1f MB\n",
    $2 / 1024 }' "$work/report-time.txt"
[ "${BENCH_ONLY:-}" = pdf ] && exit 0
echo
fi

# Large catalogues: tools/gen-catalog writes N requirements (every rule
# type, dependencies, crosswalk links), tools/gen-org an organisation
# for it (profile, evidence register and files, findings, metrics, a
# little raw data).  validate, assess (JSON) and plan (CSV) are timed
# against `xmllint --noout` on the same catalogue (parsing alone, the
# floor of any validation) and against the smallest size (linear
# scaling keeps time per requirement flat), for a catalogue with random
# dependencies and one where they form a single chain.  Peak RSS from
# /usr/bin/time -v.  BENCH_REQS overrides the sizes ("" skips this).
reqs=${BENCH_REQS-"10000 100000"}
# Seconds (best of $1 runs) and peak RSS (KB) of a command, as "s kb".
time_rss() {
    n=$1; shift
    t=$(best_of "$n" /dev/null "$@")
    /usr/bin/time -v "$@" > /dev/null 2> "$work/time-cat.txt" || {
        tail -n 5 "$work/time-cat.txt" >&2; exit 1; }
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' \
        "$work/time-cat.txt")
    echo "$t $rss"
}
if [ -n "$reqs" ]; then
    command -v xmllint >/dev/null ||
        { echo "bench: xmllint missing (libxml2-utils)" >&2; exit 1; }
    echo "Large catalogues ($(nproc) CPUs); files in $work"
    printf '  %-14s %-9s %8s %8s %8s %8s %9s\n' catalogue command seconds \
        "x xmllint" "us/req" "x first" "peak RSS"
    for shape in random chain; do
        first=""
        for n in $reqs; do
            dir=$work/cat-$shape-$n
            cat=$dir/catalog.xml
            chain=0
            [ "$shape" = chain ] && chain=all
            if [ ! -s "$cat" ] ||
               [ -n "$(find "$tools/gen-catalog" "$tools/gen-org" \
                       -newer "$cat")" ]; then
                echo "  generating $n requirements ($shape)..."
                rm -rf "$dir"
                mkdir -p "$dir"
                "$tools/gen-catalog" -n "$n" --chain "$chain" --refs \
                    -o "$cat.tmp"
                cp standards/iso-18295-1-aligned.xml "$dir/"
                "$tools/gen-org" -q --catalog "$cat.tmp" --out "$dir/org" \
                    -n 2000 -p voice,chat,email
                mv "$cat.tmp" "$cat"
            fi
            cat "$cat" > /dev/null
            find "$dir/org" -type f -exec cat {} + > /dev/null
            set -- $(time_rss "$runs" xmllint --noout "$cat")
            t_xml=$1
            set -- $(time_rss "$runs" "$bin" validate "$cat")
            t_val=$1 r_val=$2
            set -- $(time_rss 1 "$bin" assess "$dir/org" --catalog "$cat" \
                --json "$dir/report.json")
            t_ass=$1 r_ass=$2
            set -- $(time_rss 1 "$bin" plan "$dir/org" --catalog "$cat" \
                --format csv -o "$dir/plan.csv")
            t_pln=$1 r_pln=$2
            [ -n "$first" ] || first="$n $t_val $t_ass $t_pln"
            awk -v n="$n" -v shape="$shape" -v x="$t_xml" -v f="$first" \
                -v tv="$t_val" -v ta="$t_ass" -v tp="$t_pln" \
                -v rv="$r_val" -v ra="$r_ass" -v rp="$r_pln" '
                function row(cmd, t, r, t0) {
                    printf "  %-14s %-9s %8.2f %8.1f %8.1f %8.1f %6.0f MB\n",
                        shape " " n, cmd, t, t / x, 1e6 * t / n,
                        (t / n) / (t0 / n0), r / 1024
                }
                BEGIN {
                    split(f, a, " "); n0 = a[1]
                    printf "  %-14s %-9s %8.2f\n", shape " " n, "xmllint", x
                    row("validate", tv, rv, a[2])
                    row("assess", ta, ra, a[3])
                    row("plan", tp, rp, a[4])
                }'
        done
    done
    echo "  (x first: time per requirement against the first size; 1.0 is"
    echo "  linear.  assess writes the JSON report; plan the CSV plan.)"
    echo
fi
[ "${BENCH_ONLY:-}" = catalog ] && exit 0

command -v sqlite3 >/dev/null || { echo "bench: sqlite3 missing" >&2; exit 1; }

# The workspace (docs/workspace.md): import, history and diff against the
# assess run itself, on the northwind-care sample (data generated as make
# demo does), all measured here in the same run.  The 100-run workspace
# is two real runs (the second with four KPI months improved) and 98
# copies of them made in SQL, alternating, so that the diff of the last
# two compares real changes.  `copcgap --version` is timed too: the
# process start every command pays.
cat_=standards/copc-cx-aligned.xml
ws=$work/workspace
if [ ! -s "$ws/nw/data/contacts.csv" ] ||
   [ -n "$(find "$tools/gen-org" -newer "$ws/nw/data/contacts.csv")" ]; then
    rm -rf "$ws" && mkdir -p "$ws/nw"
    s=samples/northwind-care
    cp -R $s/profile.xml $s/evidence.csv $s/findings.csv $s/metrics.csv \
        $s/evidence "$ws/nw/"
    "$tools/gen-org" --options $s/gen-org.opts --catalog $cat_ \
        --out "$ws/nw" --parts data -q
fi
cp -R "$ws/nw" "$ws/nw2.tmp" && rm -rf "$ws/nw2" && mv "$ws/nw2.tmp" "$ws/nw2"
sed -e 's/^\(retail-email,system_availability,2026-\(07\|08\|09\|10\)\),99\.3,/\1,99.6,/' \
    "$ws/nw/metrics.csv" > "$ws/nw2/metrics.csv"
cat "$ws"/nw/data/*.csv > /dev/null
t_ver=$(best_of "$runs" /dev/null "$bin" --version)
t_assess=$(best_of "$runs" /dev/null "$bin" assess "$ws/nw" --catalog $cat_)
fresh_import() {
    rm -f "$ws/i.db" "$ws/i.db-wal" "$ws/i.db-shm"
    "$bin" import "$ws/nw" --catalog $cat_ --db "$ws/i.db"
}
t_import=$(best_of "$runs" /dev/null fresh_import)
t_same=$(best_of "$runs" /dev/null "$bin" import "$ws/nw" --catalog $cat_ \
    --db "$ws/i.db")
rm -f "$ws/w.db" "$ws/w.db-wal" "$ws/w.db-shm"
"$bin" assess "$ws/nw" --catalog $cat_ --db "$ws/w.db" > /dev/null
"$bin" assess "$ws/nw2" --catalog $cat_ --db "$ws/w.db" > /dev/null
cols="at, import_id, catalogue_id, catalogue_version, catalogue_sha256,
  as_of, audit, verdict, overall, points, points_max, met, partial, not_met,
  not_evidenced, na, gaps, p1, p2, p3, at_risk, ready, feasible"
i=1
{
    echo "BEGIN;"
    while [ $i -le 98 ]; do
        k=$((1 + i % 2))
        echo "INSERT INTO run ($cols) SELECT $cols FROM run WHERE id = $k;"
        for t in "run_category:ord, category, score, points, points_max" \
                 "run_requirement:ord, req, category, critical, status, score, na_reason" \
                 "run_rule:req_ord, ord, rule, type, metric, status, score, trace, details" \
                 "run_gap:req, rank, tier, priority, at_risk, risk, owner, effort, start, due, action"
        do
            echo "INSERT INTO ${t%%:*} (run_id, ${t#*:}) SELECT (SELECT max(id) FROM run), ${t#*:} FROM ${t%%:*} WHERE run_id = $k;"
        done
        i=$((i + 1))
    done
    echo "COMMIT;"
} | sqlite3 "$ws/w.db"
nruns=$(sqlite3 "$ws/w.db" "SELECT count(*) FROM run")
t_hist=$(best_of "$runs" /dev/null "$bin" history --db "$ws/w.db")
t_diff=$(best_of "$runs" /dev/null "$bin" diff --db "$ws/w.db")
t_diff12=$(best_of "$runs" /dev/null "$bin" diff --db "$ws/w.db" 1 2)
t_json=$(best_of "$runs" /dev/null "$bin" diff --db "$ws/w.db" --format json)
mbytes=$(wc -c < "$ws/w.db")
echo "workspace benchmark (northwind-care, $(nproc) CPUs; best of $runs)"
awk -v v="$t_ver" -v a="$t_assess" -v i="$t_import" -v s="$t_same" \
    -v h="$t_hist" -v d="$t_diff" -v d12="$t_diff12" -v j="$t_json" \
    -v n="$nruns" -v mb="$mbytes" '
    function row(name, t) {
        printf "  %-34s %6.3f s  %5.1f %% of assess  (%.3f s after the " \
               "process start)\n", name, t, 100 * t / a, t - v
    }
    BEGIN {
        printf "  %-34s %6.3f s\n", "copcgap --version (process start)", v
        printf "  %-34s %6.3f s\n", "assess (the reference)", a
        row("import into a new workspace", i)
        row("import again, nothing changed", s)
        row(sprintf("history, %d runs", n), h)
        row(sprintf("diff, the last two of %d runs", n), d)
        row(sprintf("diff runs 1 and 2 of %d", n), d12)
        row("diff --format json", j)
        printf "  workspace of %d runs: %.1f MB\n", n, mb / 1e6
        printf "  import well under 1 s: %s\n", (i < 1 ? "met" : "NOT met")
    }'
[ "${BENCH_ONLY:-}" = workspace ] && exit 0
echo

command -v sqlite3 >/dev/null || { echo "bench: sqlite3 missing" >&2; exit 1; }

echo "copcgap kpi benchmark ($(nproc) CPUs, $(uname -m)); files in $work"
for rows in $sizes; do
    dir=$work/$rows
    csv=$dir/contacts.csv
    mkdir -p "$dir"
    if [ ! -s "$csv" ] || [ -n "$(find "$tools/gen-contacts" -newer "$csv")" ]
    then
        echo "generating $rows rows..."
        "$tools/gen-contacts" -n "$rows" -o "$csv" --profile "$dir/profile.xml"
    fi
    bytes=$(wc -c < "$csv")
    mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
    cat "$csv" > /dev/null

    t_kpi=$(best_of "$runs" "$dir/kpi.csv" "$bin" kpi "$dir")
    t_wc=$(best_of "$runs" /dev/null wc -l "$csv")
    sqlite_sql "$csv" > "$dir/query.sql"
    t_sql=$(best_of 1 "$dir/sqlite.csv" sqlite3 :memory: -init /dev/null \
        ".read $dir/query.sql")
    /usr/bin/time -v "$bin" kpi "$dir" > /dev/null 2> "$dir/time.txt"
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' \
        "$dir/time.txt")

    echo
    echo "$rows rows, $mb MB:"
    awk -v mb="$mb" -v k="$t_kpi" -v w="$t_wc" -v s="$t_sql" -v rss="$rss" '
        BEGIN {
            printf "  copcgap kpi   %7.3f s  %7.1f MB/s\n", k, mb / k
            printf "  wc -l         %7.3f s  %7.1f MB/s\n", w, mb / w
            printf "  sqlite3       %7.3f s  %7.1f MB/s\n", s, mb / s
            printf "  copcgap / wc -l throughput:   %5.1f %%  " \
                   "(target >= 5 %%: %s)\n",
                100 * w / k, (w / k >= 0.05 ? "met" : "NOT met")
            printf "  copcgap / sqlite3 throughput: %5.1fx  " \
                   "(target >= 10x: %s)\n",
                s / k, (s / k >= 10 ? "met" : "NOT met")
            printf "  copcgap peak RSS: %.1f MB  (target < 16 MB: %s)\n",
                rss / 1024, (rss < 16384 ? "met" : "NOT met")
        }'
    cross_check "$dir/kpi.csv" "$dir/sqlite.csv"
done

# Parse-only: copcgap's reader against libcsv on the largest file.
lib=$(dirname "$tools")/libcopcgap.a
if [ -f /usr/include/csv.h ] && [ -f "$lib" ]; then
    cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude bench/csvparse.c \
        "$lib" -lcsv -o "$work/csvparse"
    echo
    echo "CSV parse only (records, fields, seconds; best of $runs):"
    for impl in own libcsv; do
        best=""
        i=0
        while [ "$i" -lt "$runs" ]; do
            r=$("$work/csvparse" "$impl" "$csv")
            best=$(echo "$r" | awk -v best="$best" '{
                if (best == "" || $3 < best) best = $3; print best }')
            i=$((i + 1))
        done
        echo "$r" | awk -v impl="$impl" -v t="$best" -v mb="$mb" '{
            printf "  %-7s %s records, %s fields  %7.3f s  %7.1f MB/s\n",
                impl, $1, $2, t, mb / t }'
    done
fi
