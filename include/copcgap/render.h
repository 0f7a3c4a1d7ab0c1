/*
 * render.h — turning a report model into files (edges).
 *
 * Renderers read the report model only.  Each writes into an output the
 * caller opened (outfile.h) and returns 1, or 0 with an error appended;
 * the caller then commits or aborts the output, so that a failed render
 * leaves no file behind and a command writes all its outputs or none.
 */
#ifndef COPCGAP_RENDER_H
#define COPCGAP_RENDER_H

#include <time.h>

#include "copcgap/error.h"
#include "copcgap/outfile.h"
#include "copcgap/report.h"
#include "copcgap/strbuf.h"

/* Version of the JSON report format (docs/json.md). */
#define REPORT_JSON_VERSION 3

int render_json(const struct report *r, struct outfile *o,
                struct cg_errors *errs);
/* The same JSON as a malloc'd string (free it), or NULL (tests, fuzz). */
char *render_json_text(const struct report *r);
/* The plan's CSV appended to out (render_plan_csv without a file). */
void render_plan_csv_text(const struct report *r, struct strbuf *out);

struct report_template;
struct pdfkit;
struct pdf_flow;

struct pdf_options {
    const char *font_dir;   /* holds DejaVuSans.ttf and -Bold */
    time_t when;            /* creation date written in the file */
    const struct report_template *tpl;  /* sections and branding */
};

int render_pdf(const struct report *r, const struct pdf_options *opt,
               struct outfile *o, struct cg_errors *errs);

/*
 * Lay the PDF report out without drawing it (tests inspect the placed
 * boxes, pdf_flow_boxes).  Returns 1, or 0 with errors; either way free
 * *flow with pdf_flow_free() and then *kit with pdfkit_free().
 */
int render_pdf_layout(const struct report *r, const struct pdf_options *opt,
                      struct pdfkit **kit, struct pdf_flow **flow,
                      struct cg_errors *errs);

/* The plan (r->plan must be built) as JSON or CSV; with `bom`, the CSV
 * starts with a UTF-8 byte-order mark (csv_write.h). */
int render_plan_json(const struct report *r, struct outfile *o,
                     struct cg_errors *errs);
int render_plan_csv(const struct report *r, int bom, struct outfile *o,
                    struct cg_errors *errs);

struct xlsx_options {
    time_t when;            /* created date in the document properties */
    const char *author;     /* the preparer; NULL: the profile's lead */
};

/*
 * The consultant's workbook (docs/exports.md, "Excel"): Summary,
 * Requirements, KPIs, Gap register, Action plan (with tracking columns)
 * and Owner load, named and headed in the report's language.  r must be
 * assessed and planned (r->org and r->plan set).  A workbook is written
 * by name: o must be a file, not standard output.  Same report and
 * opt->when: byte-identical file.
 */
int render_xlsx(const struct report *r, const struct xlsx_options *opt,
                struct outfile *o, struct cg_errors *errs);

/*
 * The workspace's runs (oldest first) and a diff between two, as JSON
 * (csv 0) or CSV (csv 1); docs/workspace.md, "Exports".  Causes carry
 * their words in language L beside the code and arguments.
 */
struct run;
struct run_diff;
int render_history(struct run *const *runs, size_t n, int csv,
                   struct outfile *o, struct cg_errors *errs);
int render_diff(const struct run_diff *d, const struct lang *L, int csv,
                struct outfile *o, struct cg_errors *errs);

#endif
