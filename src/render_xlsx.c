/*
 * render_xlsx.c — the report as an Excel workbook for consultants
 * (libxlsxwriter; docs/exports.md, "Excel"): Summary, Requirements,
 * KPIs, Gap register, Action plan and Owner load, in the report's
 * language, with the document's properties filled in.  Written under a
 * temporary name, then renamed by the caller.
 *
 * Reproducible: libxlsxwriter dates every zip entry 1980-01-01, so the
 * only clock in the file is the created date of the properties, which
 * the caller gives (SOURCE_DATE_EPOCH when set).
 */
#include <string.h>

#include "copcgap/outfile.h"
#include "copcgap/render.h"
#include "render_xlsx_int.h"

/* libxlsxwriter's struct wants char * for strings it only reads. */
#define RW(s) ((char *)(uintptr_t)(s))

static void properties(struct xctx *x, const struct xlsx_options *opt)
{
    const struct report *r = x->r;
    const struct profile *p = r->profile;
    const struct catalog *c = r->catalog;
    lxw_doc_properties props;
    struct msg *m;

    memset(&props, 0, sizeof props);
    props.title = RW(xlsx_word(x, "xlsx.title"));
    m = msg_new(x->a, "xlsx.subject");
    msg_text(x->a, m, "org", p->org_name);
    msg_id(x->a, m, "catalogue", c->id);
    msg_id(x->a, m, "version", c->version);
    msg_date(x->a, m, "as_of", p->as_of);
    props.subject = RW(xlsx_msg(x, m));
    props.author = RW(opt->author ? opt->author
                      : p->lead ? p->lead : "");
    props.company = RW(p->org_name);
    m = msg_new(x->a, "xlsx.keywords");
    msg_id(x->a, m, "catalogue", c->id);
    props.keywords = RW(xlsx_msg(x, m));
    m = msg_new(x->a, "xlsx.comments");
    msg_id(x->a, m, "version", COPCGAP_VERSION);
    props.comments = RW(xlsx_msg(x, m));
    /* 0 would mean "now" to libxlsxwriter: the epoch itself is one
     * second later, which no reader will mind. */
    props.created = opt->when > 0 ? opt->when : 1;
    workbook_set_properties(x->wb, &props);
}

int render_xlsx(const struct report *r, const struct xlsx_options *opt,
                struct outfile *o, struct cg_errors *errs)
{
    struct xctx x;
    lxw_error rc;

    if (!o->tmp) {
        errors_add(errs, CG_ERR_INPUT, o->path, 0, 0,
                   "an Excel workbook cannot be written to standard output");
        return 0;
    }
    /* libxlsxwriter writes the file by name: close our stream to the
     * temporary file and let it write there. */
    outfile_release_fp(o);
    memset(&x, 0, sizeof x);
    x.r = r;
    x.wb = workbook_new(o->tmp);
    if (!x.wb) {
        errors_add(errs, CG_ERR_IO, o->path, 0, 0, "cannot create workbook");
        return 0;
    }
    x.a = arena_new();
    properties(&x, opt);
    xlsx_make_formats(&x);
    xlsx_summary_sheet(&x);
    xlsx_requirements_sheet(&x);
    xlsx_kpi_sheet(&x);
    xlsx_register_sheet(&x);
    xlsx_plan_sheet(&x);
    xlsx_load_sheet(&x);
    /* The workbook reads the strings given to it until it is closed. */
    rc = workbook_close(x.wb);
    arena_free(x.a);
    if (x.failed) {
        errors_add(errs, CG_ERR_IO, o->path, 0, 0,
                   "cannot write workbook: a sheet could not be added");
        return 0;
    }
    if (rc != LXW_NO_ERROR) {
        errors_add(errs, CG_ERR_IO, o->path, 0, 0,
                   "cannot write workbook: %s", lxw_strerror(rc));
        return 0;
    }
    return 1;
}
