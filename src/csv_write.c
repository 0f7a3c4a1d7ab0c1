/* csv_write.c — CSV fields out (see csv_write.h). */
#include <string.h>

#include "copcgap/csv_write.h"

void csv_write_field(struct strbuf *sb, const char *s, enum csv_cell kind)
{
    const char *c;
    int formula;

    if (!s)
        s = "";
    formula = kind == CSV_TEXT && s[0] && strchr("=+-@\t\r", s[0]);
    if (!strpbrk(s, ",\"\r\n")) {
        if (formula)
            strbuf_addc(sb, '\'');
        strbuf_adds(sb, s);
        return;
    }
    strbuf_addc(sb, '"');
    if (formula)
        strbuf_addc(sb, '\'');
    for (c = s; *c; c++) {
        if (*c == '"')
            strbuf_addc(sb, '"');
        strbuf_addc(sb, *c);
    }
    strbuf_addc(sb, '"');
}

void csv_write_cell(struct strbuf *sb, const char *s, enum csv_cell kind,
                    int last)
{
    csv_write_field(sb, s, kind);
    strbuf_addc(sb, last ? '\n' : ',');
}

void csv_write_bom(struct strbuf *sb)
{
    strbuf_adds(sb, CSV_BOM);
}
