/*
 * date.c — calendar arithmetic (see date.h).
 *
 * days_from_civil / civil_from_days are Howard Hinnant's public-domain
 * algorithms ("chrono-Compatible Low-Level Date Algorithms"): exact for
 * the proleptic Gregorian calendar, no tables, no time zones.
 */
#include <stdio.h>

#include "copcgap/date.h"

cg_day date_from_ymd(int y, int m, int d)
{
    int era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (cg_day)(era * 146097 + doe - 719468);
}

void date_to_ymd(cg_day day, int *yp, int *mp, int *dp)
{
    int z = day + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp0 = (5 * doy + 2) / 153;
    int d = doy - (153 * mp0 + 2) / 5 + 1;
    int m = mp0 < 10 ? mp0 + 3 : mp0 - 9;

    *yp = y + (m <= 2);
    *mp = m;
    *dp = d;
}

int date_days_in_month(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

/* Read exactly n digits at s; -1 when any is not a digit. */
static int digits(const char *s, int n)
{
    int v = 0, i;

    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int parse_ymd(const char *s, int *y, int *m, int *d)
{
    if (s[4] != '-' || s[7] != '-')
        return 0;
    *y = digits(s, 4);
    *m = digits(s + 5, 2);
    *d = digits(s + 8, 2);
    if (*y < 1 || *m < 1 || *m > 12 || *d < 1)
        return 0;
    return *d <= date_days_in_month(*y, *m);
}

int date_parse(const char *s, size_t len, cg_day *out)
{
    int y, m, d;

    if (len != 10 || !parse_ymd(s, &y, &m, &d))
        return 0;
    *out = date_from_ymd(y, m, d);
    return 1;
}

int month_parse(const char *s, size_t len, cg_month *out)
{
    int y, m;

    if (len != 7 || s[4] != '-')
        return 0;
    y = digits(s, 4);
    m = digits(s + 5, 2);
    if (y < 1 || m < 1 || m > 12)
        return 0;
    *out = month_from_ym(y, m);
    return 1;
}

int timestamp_parse_time(const char *s, size_t len, int32_t *secs)
{
    int h, mi, se;
    size_t i = 19;

    if (len < 19)
        return 0;
    if ((s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
        return 0;
    h = digits(s + 11, 2);
    mi = digits(s + 14, 2);
    se = digits(s + 17, 2);
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59)
        return 0;
    if (i < len && s[i] == '.') {
        size_t start = ++i;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == start)
            return 0;
    }
    if (i < len) {
        if (s[i] == 'Z') {
            i++;
        } else if (s[i] == '+' || s[i] == '-') {
            int oh, om;
            if (len - i != 6 || s[i + 3] != ':')
                return 0;
            oh = digits(s + i + 1, 2);
            om = digits(s + i + 4, 2);
            if (oh < 0 || oh > 23 || om < 0 || om > 59)
                return 0;
            i += 6;
        }
    }
    if (i != len)
        return 0;
    if (secs)
        *secs = (int32_t)(h * 3600 + mi * 60 + se);
    return 1;
}

int timestamp_parse(const char *s, size_t len, cg_day *day, int32_t *secs)
{
    int y, mo, d;

    if (len < 19 || !parse_ymd(s, &y, &mo, &d) ||
        !timestamp_parse_time(s, len, secs))
        return 0;
    *day = date_from_ymd(y, mo, d);
    return 1;
}

cg_month month_from_ym(int y, int m)
{
    return (cg_month)(y * 12 + (m - 1));
}

cg_month date_month(cg_day day)
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    return month_from_ym(y, m);
}

cg_day month_first_day(cg_month mon)
{
    return date_from_ymd(mon / 12, mon % 12 + 1, 1);
}

cg_day month_last_day(cg_month mon)
{
    int y = mon / 12, m = mon % 12 + 1;
    return date_from_ymd(y, m, date_days_in_month(y, m));
}

void date_format(cg_day day, char buf[DATE_BUF])
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    if (y < 0 || y > 9999)
        y = 0;
    snprintf(buf, DATE_BUF, "%04u-%02u-%02u", (unsigned)y % 10000u,
             (unsigned)m % 100u, (unsigned)d % 100u);
}

void month_format(cg_month mon, char buf[MONTH_BUF])
{
    int y = mon / 12, m = mon % 12 + 1;
    if (y < 0 || y > 9999)
        y = 0;
    snprintf(buf, MONTH_BUF, "%04u-%02u", (unsigned)y % 10000u,
             (unsigned)m % 100u);
}

int date_weekday(cg_day day)
{
    /* 1970-01-01 (day 0) was a Thursday. */
    int w = (int)((day + 3) % 7);
    return w < 0 ? w + 7 : w;
}
