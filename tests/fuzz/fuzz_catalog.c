/*
 * fuzz_catalog.c — the catalogue loader (catalog_load: xmlsafe, the
 * schema, the builder, the linter) and, when a catalogue loads, the
 * whole assessment of a fixed organisation against it (pipeline.h):
 * a fuzzed catalogue drives every rule type of the engine and the plan.
 *
 * The organisation is tests/data/orgs/raw-data without its evidence and
 * findings registers (they name requirement ids, which a fuzzed
 * catalogue seldom has): its KPIs come from raw data and metrics only,
 * so it loads against any catalogue.  Found from the working directory
 * (the repository root, where make runs) or $COPCGAP_FUZZ_ROOT.
 */
#include "fuzz.h"
#include "pipeline.h"

static char path[512], orgdir[512];
static struct profile *prof;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static const char *const files[] = {
        "profile.xml", "contacts.csv", "forecast.csv", "staff.csv",
        "data/qa.csv", "data/surveys.csv"
    };
    struct cg_errors errs = CG_ERRORS_INIT;
    const char *root = getenv("COPCGAP_FUZZ_ROOT");
    char prof_path[600], from[600], to[600];
    size_t i;

    (void)argc;
    (void)argv;
    root = root ? root : ".";
    fuzz_path(path, sizeof path, "catalog.xml");
    snprintf(orgdir, sizeof orgdir, "%s/org", fuzz_scratch());
    mkdir(orgdir, 0700);
    snprintf(to, sizeof to, "%s/data", orgdir);
    mkdir(to, 0700);
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(from, sizeof from, "%s/tests/data/orgs/raw-data/%s", root,
                 files[i]);
        snprintf(to, sizeof to, "%s/%s", orgdir, files[i]);
        fuzz_copy(from, to);
    }
    snprintf(prof_path, sizeof prof_path, "%s/profile.xml", orgdir);
    prof = profile_load(prof_path, &errs);
    if (!prof) {
        fprintf(stderr, "fuzz_catalog: %s does not load (run from the "
                "repository root or set COPCGAP_FUZZ_ROOT)\n", prof_path);
        exit(2);
    }
    errors_free(&errs);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct catalog *cat;

    fuzz_write(path, data, size);
    cat = catalog_load(path, &errs);
    if (cat) {
        FUZZ_ASSERT(errors_count(&errs) == 0);
        fuzz_pipeline(cat, prof, orgdir, size % 2 ? "es" : "en");
        catalog_free(cat);
    } else {
        FUZZ_ASSERT(errors_count(&errs) > 0);
    }
    errors_free(&errs);
    return 0;
}
