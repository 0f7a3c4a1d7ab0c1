/* arena.c — region allocator (see arena.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/strbuf.h"

#define ALIGN 16
#define BLOCK_SIZE ((size_t)64 << 10)

struct block {
    struct block *next;
    size_t size;
    size_t used;
    /* Followed by the block's bytes, ALIGN-aligned. */
};

struct arena {
    struct block *head;
};

static size_t header_size(void)
{
    return (sizeof(struct block) + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

struct arena *arena_new(void)
{
    return xcalloc(1, sizeof(struct arena));
}

void arena_free(struct arena *a)
{
    struct block *b, *next;

    if (!a)
        return;
    for (b = a->head; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

void *arena_alloc(struct arena *a, size_t size)
{
    struct block *b = a->head;
    size_t need = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    void *p;

    if (need == 0)
        need = ALIGN;
    if (!b || b->size - b->used < need) {
        size_t bsize = need > BLOCK_SIZE / 4 ? need : BLOCK_SIZE;
        b = xmalloc(header_size() + bsize);
        b->size = bsize;
        b->used = 0;
        if (need > BLOCK_SIZE / 4 && a->head) {
            /* A big allocation gets its own block behind the current one,
             * so the current block's free space is not wasted. */
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    p = (char *)b + header_size() + b->used;
    b->used += need;
    return p;
}

void *arena_calloc(struct arena *a, size_t nmemb, size_t size)
{
    void *p;
    if (size && nmemb > SIZE_MAX / size) {
        fprintf(stderr, "copcgap: arena allocation overflow\n");
        abort();
    }
    p = arena_alloc(a, nmemb * size);
    memset(p, 0, nmemb * size);
    return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

static char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
    struct strbuf sb = STRBUF_INIT;
    char *p;

    strbuf_vprintf(&sb, fmt, ap);
    p = arena_strndup(a, strbuf_cstr(&sb), sb.len);
    strbuf_free(&sb);
    return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
    va_list ap;
    char *p;

    va_start(ap, fmt);
    p = arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

void *arena_adopt(struct arena *a, void *heap, size_t n, size_t size)
{
    void *copy = arena_calloc(a, n + 1, size);
    if (n)
        memcpy(copy, heap, n * size);
    free(heap);
    return copy;
}

void *arena_grow(struct arena *a, void *v, size_t n, size_t *cap,
                 size_t size)
{
    void *nv;
    if (n < *cap)
        return v;
    *cap = *cap ? *cap * 2 : 8;
    nv = arena_calloc(a, *cap, size);
    if (n)
        memcpy(nv, v, n * size);
    return nv;
}
