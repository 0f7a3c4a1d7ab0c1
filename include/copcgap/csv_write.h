/*
 * csv_write.h — writing CSV fields (RFC 4180), the one writer every CSV
 * output uses (kpi, plan exports).
 */
#ifndef COPCGAP_CSV_WRITE_H
#define COPCGAP_CSV_WRITE_H

#include "copcgap/strbuf.h"

enum csv_cell {
    CSV_RAW,        /* machine values: ids, dates, numbers (never altered) */
    CSV_TEXT        /* words people wrote or read: formula-safe */
};

/*
 * Append s (NULL = empty) as one field, quoted only when it holds a
 * comma, a quote, CR or LF.  A CSV_TEXT cell that a spreadsheet would
 * run as a formula (it begins with = + - @, a tab or CR) is neutralised
 * with a leading apostrophe, as OWASP recommends against CSV injection
 * (docs/exports.md); numbers are CSV_RAW, so "-12.5" stays a number.
 */
void csv_write_field(struct strbuf *sb, const char *s, enum csv_cell kind);

/* The same followed by ',' or, for the last field, '\n'. */
void csv_write_cell(struct strbuf *sb, const char *s, enum csv_cell kind,
                    int last);

/*
 * The UTF-8 byte-order mark, EF BB BF.  RFC 4180 has no use for it and
 * programs read the file the same without it, but Excel on Windows opens
 * a double-clicked CSV as UTF-8 only when it starts with one (otherwise
 * in the system's code page: "Ríos" shows as "RÃ­os").  `--bom` asks for
 * it; copcgap's own reader skips it (csv.h).
 */
#define CSV_BOM "\xEF\xBB\xBF"

/* Append the byte-order mark (call before the header row). */
void csv_write_bom(struct strbuf *sb);

#endif
