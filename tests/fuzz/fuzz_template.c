/*
 * fuzz_template.c — the report template loader (template_load) and,
 * when a template loads, the PDF report laid out with it
 * (render_pdf_layout) for a fixed report made once: the engine test
 * catalogue assessed on tests/data/orgs/metrics-only.  The sections,
 * their order and options, the limits, max-pages and branding all drive
 * the layout.  A logo the input names is looked for beside the scratch
 * file (none is there: the loader must refuse it cleanly).  Files are
 * found from the working directory or $COPCGAP_FUZZ_ROOT.
 */
#include "fuzz.h"

#include "copcgap/assess.h"
#include "copcgap/datadir.h"
#include "copcgap/lang.h"
#include "copcgap/load.h"
#include "copcgap/pdf_flow.h"
#include "copcgap/pdfkit.h"
#include "copcgap/plan.h"
#include "copcgap/render.h"
#include "copcgap/report.h"
#include "copcgap/template.h"

static char path[1024];
static struct catalog *cat;
static struct profile *prof;
static struct orgdata *org;
static struct lang *lang;
static struct report *rep;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    const char *root = getenv("COPCGAP_FUZZ_ROOT");
    char buf[700];

    (void)argc;
    (void)argv;
    root = root ? root : ".";
    snprintf(buf, sizeof buf, "%s/tests/data/engine/catalog.xml", root);
    cat = catalog_load(buf, &errs);
    snprintf(buf, sizeof buf, "%s/tests/data/orgs/metrics-only", root);
    if (cat) {
        char p[800];
        snprintf(p, sizeof p, "%s/profile.xml", buf);
        prof = profile_load(p, &errs);
    }
    if (prof)
        org = org_load(buf, prof, cat, NULL, ORG_DIGESTS, &errs);
    if (org)
        lang = lang_load("en", &errs);
    if (lang) {
        rep = report_new(cat, prof, lang);
        if (!assess_scope(rep, &errs) || !assess_run(rep, org, &errs))
            rep = NULL;
    }
    if (!rep) {
        fprintf(stderr, "fuzz_template: the fixed report does not build "
                "(run from the repository root or set "
                "COPCGAP_FUZZ_ROOT)\n");
        exit(2);
    }
    plan_build(rep, NULL);
    errors_free(&errs);
    snprintf(path, sizeof path, "%s/template.xml", fuzz_scratch());
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct report_template *t;

    fuzz_write(path, data, size);
    t = template_load(path, &errs);
    if (t) {
        struct pdf_options po;
        struct pdfkit *k = NULL;
        struct pdf_flow *f = NULL;

        FUZZ_ASSERT(errors_count(&errs) == 0);
        po.font_dir = datadir_fonts(NULL);
        po.when = 1790000000;
        po.tpl = t;
        if (render_pdf_layout(rep, &po, &k, &f, &errs))
            FUZZ_ASSERT(t->max_pages <= 0 ||
                        pdf_flow_page_count(f) <= (size_t)t->max_pages);
        else
            FUZZ_ASSERT(errors_count(&errs) > 0);
        pdf_flow_free(f);
        pdfkit_free(k);
        template_free(t);
    } else {
        FUZZ_ASSERT(errors_count(&errs) > 0);
    }
    errors_free(&errs);
    return 0;
}
