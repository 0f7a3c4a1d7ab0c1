/* render_internal.h — pieces shared by the renderers (jansson inside). */
#ifndef COPCGAP_RENDER_INTERNAL_H
#define COPCGAP_RENDER_INTERNAL_H

#include <jansson.h>

#include "copcgap/outfile.h"
#include "copcgap/plan.h"
#include "copcgap/report.h"

/* A number rounded to 6 decimals (integers stay integers). */
json_t *rj_num(double x);
json_t *rj_date(cg_day d);
json_t *rj_str_or_null(const char *s);

/* The plan as a JSON object (docs/json.md, "plan"). */
json_t *rj_plan(const struct report *r, const struct plan *pl);

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

/* The document as indented text ending in a newline (malloc'd), or NULL;
 * takes the reference to root. */
char *rj_dumps(json_t *root);

/* The document written to an opened output; takes the reference to
 * root.  1, or 0 with an error appended. */
int rj_write(json_t *root, struct outfile *o, struct cg_errors *errs);

#endif
