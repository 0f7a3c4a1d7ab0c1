# tests/xlsx-cells.sh — read an .xlsx the way the CLI tests' check
# scripts need, with unzip and xmllint only (no spreadsheet program).
# Source it, then:
#   xlsx_open BOOK          unzip BOOK into BOOK.d (the book later calls read)
#   xlsx_sheets             the sheet names, one a line, in order
#   xlsx_part NAME          the part of the sheet named NAME
#   xlsx_get PART XPATH     the string value of XPATH in a part (a path
#                           under BOOK.d; elements by local-name())
#   xlsx_type NAME REF      s (shared string), n (number: no t attribute),
#                           str or inlineStr (formula results, inline text)
#   xlsx_text NAME REF      the text of a cell (shared string resolved)
#   xlsx_value NAME REF     the raw <v> of a cell
#   xlsx_format NAME REF    the number format of a cell: its format code,
#                           or builtin:N
#   xlsx_has_formula        exit 0 when any sheet has a formula cell
# Names are compared exactly; they must not hold a single quote.
xlsx_dir=

xlsx_open() {
    xlsx_dir=$1.d
    rm -rf "$xlsx_dir"
    unzip -q -o "$1" -d "$xlsx_dir"
}

xlsx_get() {
    xmllint --xpath "string($2)" "$xlsx_dir/$1" 2>/dev/null
}

xlsx_sheets() {
    xmllint --xpath "//*[local-name()='sheet']/@name" \
        "$xlsx_dir/xl/workbook.xml" 2>/dev/null |
        sed -e 's/^ *name="//' -e 's/"$//' -e 's/&amp;/\&/g'
}

# libxlsxwriter writes the Nth sheet as xl/worksheets/sheetN.xml.
xlsx_part() {
    n=$(xlsx_get xl/workbook.xml \
        "count(//*[local-name()='sheet'][@name='$1']/preceding-sibling::*)+1")
    [ -n "$(xlsx_get xl/workbook.xml "//*[local-name()='sheet'][@name='$1']/@name")" ] ||
        { echo "no sheet named '$1'" >&2; return 1; }
    echo "xl/worksheets/sheet$n.xml"
}

xlsx_cell_attr() {  # NAME REF ATTR
    p=$(xlsx_part "$1") || return 1
    xlsx_get "$p" "//*[local-name()='c'][@r='$2']/@$3"
}

xlsx_type() {
    t=$(xlsx_cell_attr "$1" "$2" t) || return 1
    echo "${t:-n}"
}

xlsx_value() {
    p=$(xlsx_part "$1") || return 1
    xlsx_get "$p" "//*[local-name()='c'][@r='$2']/*[local-name()='v']"
}

xlsx_text() {
    v=$(xlsx_value "$1" "$2") || return 1
    [ "$(xlsx_type "$1" "$2")" = s ] || { echo "$v"; return 0; }
    xlsx_get xl/sharedStrings.xml "//*[local-name()='si'][$((v + 1))]"
}

xlsx_format() {
    s=$(xlsx_cell_attr "$1" "$2" s) || return 1
    id=$(xlsx_get xl/styles.xml \
        "//*[local-name()='cellXfs']/*[local-name()='xf'][$((${s:-0} + 1))]/@numFmtId")
    code=$(xlsx_get xl/styles.xml "//*[local-name()='numFmt'][@numFmtId='$id']/@formatCode")
    if [ -n "$code" ]; then echo "$code"; else echo "builtin:$id"; fi
}

xlsx_has_formula() {
    cat "$xlsx_dir"/xl/worksheets/*.xml | grep -q '<f[ >]'
}
