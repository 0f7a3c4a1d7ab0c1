#!/bin/sh
# check-layers.sh — every #include of src/ and include/ against the layer
# table below (design.md, "Layers": data flows top to bottom, never back
# up).  A file may include project headers of its own layer or a lower
# one, standard C/POSIX headers, and only the outside libraries its row
# allows.  Prints each offending include as FILE:LINE: message and exits
# 1 when there is any.  Usage: check-layers.sh [TREE] (default: the
# current directory; make check runs it on the source tree).
#
# The table is the one statement of the allowed graph.  A module is a
# file's name without its extension: src/catalog_xml.c and its header,
# if any, belong to module catalog_xml.  Patterns are shell globs.
set -u

table='
# layer rank  modules
base   1      arena strbuf util error date utf8 num digest csv csv_write infile outfile datadir embedded embedded_find config
core   2      model metric catalog catalog_lint profile org kpi kpi_store kpi_calc kpi_map expr expr_* facts assess assess_* plan plan_* report report_* lang msg msg_* scope stats run run_*
edge   3      xmlsafe load catalog_xml profile_xml org_load org_csv org_internal org_evidence field kpi_derive render render_* pdfkit pdfkit_* pdf_* lang_load template* store store_*
cli    4      main cli cli_* cmd_*
'

# Outside libraries: header pattern, then the modules that may include it.
libs='
libxml/*      xmlsafe catalog_xml profile_xml template*
hpdf.h        pdfkit pdfkit_* pdf_* render_pdf*
png.h         pdfkit
jansson.h     render_json* render_plan render_diff render_internal store*
xlsxwriter.h  render_xlsx*
nettle/*      digest
sqlite3.h     store*
'

# Standard C and POSIX headers, allowed everywhere.
std=' assert.h ctype.h errno.h fcntl.h float.h getopt.h inttypes.h limits.h
math.h signal.h stdarg.h stdbool.h stddef.h stdint.h stdio.h stdlib.h
string.h strings.h time.h unistd.h dirent.h libgen.h poll.h setjmp.h
sys/stat.h sys/types.h sys/time.h sys/resource.h sys/wait.h sys/file.h
sys/ioctl.h '
std=" $(echo $std) "

# Patterns stay patterns: no file-name expansion while they are split
# (template* would otherwise become the templates/ folder).
layer_of() (    # module -> "name rank", or nothing
    set -f
    printf '%s\n' "$table" | while read -r name rank mods; do
        case "$name" in ''|'#'*) continue ;; esac
        for m in $mods; do
            # shellcheck disable=SC2254
            case "$1" in $m) echo "$name $rank"; return ;; esac
        done
    done
)

lib_allowed() ( # header module -> 0 when allowed
    set -f
    printf '%s\n' "$libs" | while read -r pat mods; do
        [ -n "$pat" ] || continue
        # shellcheck disable=SC2254
        case "$1" in $pat) ;; *) continue ;; esac
        for m in $mods; do
            # shellcheck disable=SC2254
            case "$2" in $m) echo yes; return ;; esac
        done
        echo no; return
    done
)

cd "${1:-.}" || exit 2
out=$(mktemp) || exit 2
trap 'rm -f "$out"' EXIT
fail=0
for f in src/*.c src/*.h include/copcgap/*.h; do
    [ -f "$f" ] || continue
    mod=$(basename "$f"); mod=${mod%.*}
    lr=$(layer_of "$mod")
    if [ -z "$lr" ]; then
        echo "$f:1: module $mod is in no layer of tools/check-layers.sh"
        fail=1; continue
    fi
    set -- $lr; flayer=$1; frank=$2
    grep -n '^[[:space:]]*#[[:space:]]*include' "$f" |
    sed -e 's/^\([0-9]*\):[[:space:]]*#[[:space:]]*include[[:space:]]*/\1 /' |
    while read -r line inc; do
        case "$inc" in
        \"*)
            h=${inc#\"}; h=${h%%\"*}
            hm=$(basename "$h"); hm=${hm%.*}
            hl=$(layer_of "$hm")
            if [ -z "$hl" ]; then
                echo "$f:$line: includes $h, which is in no layer"; echo x
                continue
            fi
            set -- $hl
            if [ "$2" -gt "$frank" ]; then
                echo "$f:$line: $flayer file includes $h of the $1 layer (runs up a layer)"
                echo x
            fi ;;
        \<*)
            h=${inc#<}; h=${h%%>*}
            case "$std" in *" $h "*) continue ;; esac
            ok=$(lib_allowed "$h" "$mod")
            case "$ok" in
            yes) ;;
            no) echo "$f:$line: $mod may not include <$h> (see the library table)"; echo x ;;
            *) echo "$f:$line: <$h> is neither standard nor an allowed library"; echo x ;;
            esac ;;
        esac
    done
done > "$out"
if grep -q '^x$' "$out" || [ $fail = 1 ]; then
    grep -v '^x$' "$out"
    echo "layer check: FAILED"
    exit 1
fi
grep -v '^x$' "$out"
n=$(ls src/*.c src/*.h include/copcgap/*.h 2>/dev/null | wc -l)
echo "layer check: $n files, every include within its layer"
