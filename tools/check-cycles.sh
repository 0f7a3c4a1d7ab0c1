#!/bin/sh
# check-cycles.sh OBJ... — which source files call each other in a loop.
# File A depends on file B when A's object uses a global symbol that B's
# defines (nm).  Files that reach one another are a cycle: the design
# wants none (a helper two files share belongs in a file below both).
# Prints each cycle and exits 1 when there is any.  make check passes the
# library's and the CLI's objects (never tests or tools).
set -u
[ $# -gt 0 ] || { echo "usage: check-cycles.sh OBJ..."; exit 2; }
for o in "$@"; do
    f=$(basename "$o" .o)
    nm --defined-only -g "$o" | awk -v f="$f" 'NF >= 3 { print "D", f, $3 }'
    nm -u "$o" | awk -v f="$f" '{ print "U", f, $NF }'
done | awk '
    $1 == "D" { if (!($3 in def)) def[$3] = $2; files[$2] = 1; next }
    { use[++nu] = $2 SUBSEP $3; files[$2] = 1 }
    END {
        for (i = 1; i <= nu; i++) {
            split(use[i], p, SUBSEP)
            if ((p[2] in def) && def[p[2]] != p[1])
                reach[p[1], def[p[2]]] = 1
        }
        n = 0
        for (f in files) name[++n] = f
        for (i = 2; i <= n; i++)        # sorted, for a stable report
            for (j = i; j > 1 && name[j - 1] > name[j]; j--) {
                t = name[j]; name[j] = name[j - 1]; name[j - 1] = t
            }
        # Transitive closure (Warshall): a few dozen files, instant.
        for (k = 1; k <= n; k++)
            for (i = 1; i <= n; i++)
                if ((name[i], name[k]) in reach)
                    for (j = 1; j <= n; j++)
                        if ((name[k], name[j]) in reach)
                            reach[name[i], name[j]] = 1
        cycles = 0
        for (i = 1; i <= n; i++) {
            a = name[i]
            if (a in done) continue
            group = a
            for (j = 1; j <= n; j++) {
                b = name[j]
                if (b != a && ((a, b) in reach) && ((b, a) in reach)) {
                    group = group ", " b
                    done[b] = 1
                }
            }
            if (group != a) {
                print "cycle: " group
                cycles++
            }
        }
        printf "%d cycle(s) among %d object files\n", cycles, n
        exit cycles > 0
    }'
