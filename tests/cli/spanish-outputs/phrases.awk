# phrases.awk en.lang shared.txt — the English phrases of the language
# table that a Spanish output must not contain: each English text cut at
# its placeholders into runs of words (the words inside plural and
# presence choices count; argument names do not), keeping runs with a
# word of four letters or more, less the words both languages use
# (shared.txt: one per line, e.g. "chat", "Net Promoter Score").  One phrase per line, with
# "1 " in front of single words (to be matched as whole words) and "2 "
# in front of longer phrases.
function load(file, map,    line, k, v, eq) {
    while ((getline line < file) > 0) {
        if (line ~ /^[ \t]*(#|$)/ || line ~ /^@/)
            continue
        eq = index(line, "=")
        k = substr(line, 1, eq - 1); v = substr(line, eq + 1)
        gsub(/^[ \t]+|[ \t]+$/, "", k); gsub(/^[ \t]+|[ \t]+$/, "", v)
        map[k] = v
    }
    close(file)
}
# Replace placeholder syntax by "|" separators, keeping choice texts.
function strip(t,    out, i, c, depth, mode, m) {
    out = ""; depth = 0
    for (i = 1; i <= length(t); i++) {
        c = substr(t, i, 1)
        if (c == "\\") { i++; out = out substr(t, i, 1); continue }
        if (c == "{") { depth++; mode[depth] = "name"; out = out "|"; continue }
        if (c == "}") { depth--; out = out "|"; continue }
        if (depth > 0 && mode[depth] == "name") {
            if (c == "|") mode[depth] = "text"
            continue
        }
        if (depth > 0 && c == "|") { out = out "|"; continue }
        if (c == "#") { out = out "|"; continue }
        out = out c
    }
    return out
}
BEGIN {
    load(ARGV[1], en)
    while ((getline line < ARGV[2]) > 0)
        if (line !~ /^#/ && line != "")
            shared[line] = 1
    for (k in en) {
        n = split(strip(en[k]), part, "|")
        for (i = 1; i <= n; i++) {
            p = part[i]
            gsub(/[0-9.,;:()«»“”"\[\]…=≤≥<>≠%+\/–—-]/, " ", p)
            gsub(/[ \t]+/, " ", p); gsub(/^ | $/, "", p)
            if (p !~ /[A-Za-z][A-Za-z][A-Za-z][A-Za-z]/)
                continue
            if (p in shared)
                continue
            print (index(p, " ") ? "2 " : "1 ") p
        }
    }
    exit
}
