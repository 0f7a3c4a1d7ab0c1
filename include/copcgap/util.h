/*
 * util.h — allocation helpers and small growable arrays.
 *
 * The x* allocators never return NULL: on exhaustion they print one line
 * and abort, because every caller would otherwise have to handle a
 * condition it cannot recover from.  Everything they return is freed with
 * free().
 */
#ifndef COPCGAP_UTIL_H
#define COPCGAP_UTIL_H

#include <stddef.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define CG_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define CG_PRINTF(fmt, args)
#endif

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * Make room for at least `need` elements of `elem` bytes in *ptr, whose
 * capacity is *cap; grows geometrically.  Use through VEC_RESERVE.
 */
void vec_reserve(void **ptr, size_t *cap, size_t need, size_t elem);

#define VEC_RESERVE(ptr, cap, need) \
    vec_reserve((void **)&(ptr), &(cap), (need), sizeof(*(ptr)))

/* Append one element: VEC_PUSH(arr, n, cap) = value; */
#define VEC_PUSH(ptr, n, cap) \
    (*(VEC_RESERVE(ptr, cap, (n) + 1), &(ptr)[(n)++]))

/* Byte-wise string equality for (pointer, length) against a C string. */
int str_eq_n(const char *s, size_t n, const char *cstr);

/* 1 when s ends with suffix. */
int str_ends_with(const char *s, const char *suffix);

#endif
