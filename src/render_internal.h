/* render_internal.h — pieces shared by the renderers (jansson inside). */
#ifndef COPCGAP_RENDER_INTERNAL_H
#define COPCGAP_RENDER_INTERNAL_H

#include <jansson.h>

#include "copcgap/outfile.h"
#include "copcgap/plan.h"
#include "copcgap/report.h"
#include "copcgap/strbuf.h"

/* A number rounded to 6 decimals (integers stay integers). */
json_t *rj_num(double x);
json_t *rj_date(cg_day d);
json_t *rj_str_or_null(const char *s);

/* Names of the evidence flags set in `flags` ("stale", ...). */
json_t *rj_evidence_flags(unsigned flags);

/* A message as {"code", "args"} (machine values only). */
json_t *rj_msg_code(const struct report *r, const struct msg *m);
/* {"code", "args", "text"} in language L (no report needed). */
json_t *rj_msg_lang(const struct lang *L, const struct msg *m);
/* ... plus "text": the words in the report's language. */
json_t *rj_msg(const struct report *r, const struct msg *m);
/* {"person", "role", "source"}. */
json_t *rj_assignee(const struct assignee *a);

/*
 * A JSON document written as it is made, member by member and element
 * by element, in exactly the text json_dumps would give for the whole
 * tree (two-space indentation, members in order): a report of 100 000
 * requirements is a gigabyte of JSON, and a tree of it took several.
 * Values are jansson trees, dumped and re-indented at their depth.  The
 * text collects in `buf` and, when an output is given, goes to it every
 * megabyte.
 */
#define RJ_MAX_DEPTH 16
struct rj_stream {
    struct strbuf buf;
    struct outfile *out;        /* NULL: keep everything in buf */
    struct cg_errors *errs;
    int ok;
    int depth;
    struct { int array; size_t n; } level[RJ_MAX_DEPTH];
};

void rj_stream_init(struct rj_stream *w, struct outfile *out,
                    struct cg_errors *errs);
/* Open an object or array: the document's root, the value of the key
 * just written, or the next element of the array open. */
void rj_open_object(struct rj_stream *w);
void rj_open_array(struct rj_stream *w);
/* A member's key (inside an object); its value follows. */
void rj_key(struct rj_stream *w, const char *key);
/* A value (after rj_key, or as the next element of an array); takes the
 * reference.  NULL (jansson out of memory) fails the stream. */
void rj_value(struct rj_stream *w, json_t *v);
/* rj_key then rj_value. */
void rj_member(struct rj_stream *w, const char *key, json_t *v);
/* Close the innermost open object or array. */
void rj_close(struct rj_stream *w);
/* End the document (a newline), write what is left to the output and
 * free the buffer.  1, or 0 with an error appended. */
int rj_stream_finish(struct rj_stream *w);
/* End the document and hand over its text (malloc'd), or NULL. */
char *rj_stream_text(struct rj_stream *w);

/* A whole document from one tree (small ones: the workspace's history
 * and diff), written to an opened output; takes the reference to root.
 * 1, or 0 with an error appended. */
int rj_write(json_t *root, struct outfile *o, struct cg_errors *errs);

/* The plan object (docs/json.md, "plan") as the value of the member or
 * array element being written. */
void rj_plan_stream(struct rj_stream *w, const struct report *r,
                    const struct plan *pl);

#endif
