/* util.c — allocation helpers (see util.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/util.h"

static void oom(size_t size)
{
    /* The only place library code prints: there is no caller to return to. */
    fprintf(stderr, "copcgap: out of memory (%zu bytes)\n", size);
    abort();
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        oom(size);
    return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
    void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
    if (!p)
        oom(nmemb * size);
    return p;
}

void *xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        oom(size);
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void vec_reserve(void **ptr, size_t *cap, size_t need, size_t elem)
{
    size_t ncap;

    if (need <= *cap)
        return;
    ncap = *cap ? *cap : 8;
    while (ncap < need)
        ncap *= 2;
    if (ncap > ((size_t)-1) / elem)
        oom(ncap);
    *ptr = xrealloc(*ptr, ncap * elem);
    *cap = ncap;
}

int str_eq_n(const char *s, size_t n, const char *cstr)
{
    return strlen(cstr) == n && memcmp(s, cstr, n) == 0;
}

int str_ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && memcmp(s + a - b, suffix, b) == 0;
}
