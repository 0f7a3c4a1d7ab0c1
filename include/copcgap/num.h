/*
 * num.h — numbers in CSV fields (docs/inputs.md: `.` as decimal point, no
 * thousands separators), parsed in place from (pointer, length).
 *
 * Accepted: an optional `-`, digits, an optional `.` with digits; at
 * least one digit ("12", "-0.5", ".5", "5.").  Refused: spaces, `+`,
 * exponents, `,`, "nan", "inf", and anything else.  Plain numbers of up
 * to 15 significant digits (every realistic count, duration and rate)
 * take a fast exact path; longer ones go through strtod.
 */
#ifndef COPCGAP_NUM_H
#define COPCGAP_NUM_H

#include <stddef.h>

/* Returns 1 and sets *out, or 0 when s is not a number. */
int num_parse(const char *s, size_t len, double *out);

/*
 * A non-negative integer: digits only, at most 18 of them (so it fits a
 * long long).  Returns 1 and sets *out, or 0.
 */
int num_parse_uint(const char *s, size_t len, long long *out);

#endif
