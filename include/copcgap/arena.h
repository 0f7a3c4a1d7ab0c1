/*
 * arena.h — region allocator.
 *
 * Everything a loaded catalogue, profile or report model owns lives in one
 * arena and is released by one arena_free().  Allocations are 16-byte
 * aligned and never freed individually.
 */
#ifndef COPCGAP_ARENA_H
#define COPCGAP_ARENA_H

#include <stdarg.h>
#include <stddef.h>

#include "copcgap/util.h"

struct arena;

struct arena *arena_new(void);
/* Release every allocation made from the arena; accepts NULL. */
void arena_free(struct arena *a);

/* Uninitialised memory; never NULL (aborts on exhaustion like xmalloc). */
void *arena_alloc(struct arena *a, size_t size);
/* Zeroed memory for nmemb elements of size bytes. */
void *arena_calloc(struct arena *a, size_t nmemb, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) CG_PRINTF(2, 3);

/*
 * Move a heap array of n elements of `size` bytes into the arena and
 * free() the heap copy: loaders grow arrays with VEC_PUSH, then hand them
 * to the model's arena so that one arena_free releases everything.  The
 * copy has room for one more zeroed element and is never NULL.
 */
void *arena_adopt(struct arena *a, void *heap, size_t n, size_t size);

/*
 * Room for one more element in an arena array `v` holding n of *cap:
 * v itself while n < *cap, else a copy twice as large (the old one stays
 * in the arena until arena_free).  For arrays built where the arena is
 * at hand (the workspace's loaders, diffs).
 */
void *arena_grow(struct arena *a, void *v, size_t n, size_t *cap,
                 size_t size);


#endif
