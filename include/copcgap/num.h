/*
 * num.h — numbers in CSV fields (docs/inputs.md: `.` as decimal point, no
 * thousands separators), parsed in place from (pointer, length).
 *
 * Accepted: an optional `-`, digits, an optional `.` with digits; at
 * least one digit ("12", "-0.5", ".5", "5."), and at most NUM_MAX_CHARS
 * characters in all.  Refused: spaces, `+`, exponents, `,`, "nan",
 * "inf", longer numbers, and anything else.  The length bound keeps
 * every value finite and below 1e40 in magnitude: a 401-digit number
 * used to become inf, which then passed comparisons such as
 * `service_level = inf >= 80` (docs/limits.md).  Plain numbers of up to
 * 15 significant digits (every realistic count, duration and rate) take
 * a fast exact path; longer ones go through strtod.
 */
#ifndef COPCGAP_NUM_H
#define COPCGAP_NUM_H

#include <stddef.h>

/* The longest number accepted, in characters (sign and point included):
 * 40 digits hold any count, duration or rate with room to spare. */
#define NUM_MAX_CHARS 40

/* Returns 1 and sets *out (finite), or 0 when s is not such a number. */
int num_parse(const char *s, size_t len, double *out);

/*
 * A non-negative integer: digits only, at most 18 of them (so it fits a
 * long long).  Returns 1 and sets *out, or 0.
 */
int num_parse_uint(const char *s, size_t len, long long *out);

#endif
