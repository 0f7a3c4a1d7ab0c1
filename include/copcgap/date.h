/*
 * date.h — calendar dates, months and timestamps.
 *
 * A day is a count of days since 1970-01-01 (proleptic Gregorian); a month
 * is year * 12 + (month - 1), so consecutive months are consecutive
 * integers.  Parsers take (pointer, length) so they work on CSV fields in
 * place, accept exactly the forms of docs/inputs.md and reject impossible dates
 * (2026-02-30).  Years are four digits, 0001-9999.
 */
#ifndef COPCGAP_DATE_H
#define COPCGAP_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t cg_day;
typedef int32_t cg_month;

/*
 * The earliest date the organisation's data may hold (docs/limits.md):
 * day 0, 1970-01-01.  Every date and month read from a CSV file and the
 * profile's dates are checked against it (field.c, profile_xml.c):
 * staff KPIs run month by month from the earliest hire, and a hire in
 * year 1 expanded one row into 24 000 months.
 */
#define DATE_FLOOR 0
#define DATE_FLOOR_TEXT "1970-01-01"

/* Buffer sizes for the formatters, NUL included. */
#define DATE_BUF 11         /* YYYY-MM-DD */
#define MONTH_BUF 8         /* YYYY-MM */

cg_day date_from_ymd(int y, int m, int d);
void date_to_ymd(cg_day day, int *y, int *m, int *d);
int date_days_in_month(int y, int m);

/* YYYY-MM-DD.  Returns 1 and sets *out on success, 0 on a bad date. */
int date_parse(const char *s, size_t len, cg_day *out);

/* YYYY-MM. */
int month_parse(const char *s, size_t len, cg_month *out);

/*
 * YYYY-MM-DDTHH:MM:SS, with a space allowed instead of T, optional
 * fractional seconds, and an optional Z or +hh:mm / -hh:mm suffix that is
 * accepted and ignored (times are site-local: the month is the one
 * written).  *secs (may be NULL) receives the seconds since midnight.
 */
int timestamp_parse(const char *s, size_t len, cg_day *day, int32_t *secs);

/*
 * The part of such a timestamp after its date: s[0..len) is the whole
 * timestamp and only s[10..len) is checked.  For readers that have
 * already validated the date (the same YYYY-MM-DD as the previous row).
 */
int timestamp_parse_time(const char *s, size_t len, int32_t *secs);

cg_month date_month(cg_day day);
/* Day of the week: 0 = Monday ... 6 = Sunday. */
int date_weekday(cg_day day);
cg_day month_first_day(cg_month m);
cg_day month_last_day(cg_month m);
cg_month month_from_ym(int y, int m);

void date_format(cg_day day, char buf[DATE_BUF]);
void month_format(cg_month m, char buf[MONTH_BUF]);

#endif
