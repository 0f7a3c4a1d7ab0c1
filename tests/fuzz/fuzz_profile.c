/*
 * fuzz_profile.c — the profile loader (profile_load) and, when a profile
 * loads, the whole assessment of the fixed organisation folder
 * tests/data/orgs/metrics-only with it and the engine test catalogue
 * (pipeline.h): programs, targets, dates and scope drive the engine.
 * Files are found from the working directory or $COPCGAP_FUZZ_ROOT.
 */
#include "fuzz.h"
#include "pipeline.h"

static char path[1024], orgdir[600];
static struct catalog *cat;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    const char *root = getenv("COPCGAP_FUZZ_ROOT");
    char cat_path[600];
    size_t i;

    (void)argc;
    (void)argv;
    root = root ? root : ".";
    snprintf(cat_path, sizeof cat_path, "%s/tests/data/engine/catalog.xml",
             root);
    cat = catalog_load(cat_path, &errs);
    if (!cat) {
        fprintf(stderr, "fuzz_profile: %s does not load (run from the "
                "repository root or set COPCGAP_FUZZ_ROOT)\n", cat_path);
        exit(2);
    }
    errors_free(&errs);
    /* A copy of the folder without its profile: the input is one. */
    snprintf(orgdir, sizeof orgdir, "%s/org", fuzz_scratch());
    mkdir(orgdir, 0700);
    {
        static const char *const files[] = {
            "evidence.csv", "findings.csv", "metrics.csv",
            "evidence/qa-policy.txt", "evidence/voice-proc.txt"
        };
        char sub[700];
        snprintf(sub, sizeof sub, "%s/evidence", orgdir);
        mkdir(sub, 0700);
        for (i = 0; i < sizeof files / sizeof files[0]; i++) {
            char from[700], to[700];
            snprintf(from, sizeof from, "%s/tests/data/orgs/metrics-only/%s",
                     root, files[i]);
            snprintf(to, sizeof to, "%s/%s", orgdir, files[i]);
            fuzz_copy(from, to);
        }
    }
    snprintf(path, sizeof path, "%s/profile.xml", orgdir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct profile *prof;

    fuzz_write(path, data, size);
    prof = profile_load(path, &errs);
    if (prof) {
        FUZZ_ASSERT(errors_count(&errs) == 0);
        fuzz_pipeline(cat, prof, orgdir, "en");
        profile_free(prof);
    } else {
        FUZZ_ASSERT(errors_count(&errs) > 0);
    }
    errors_free(&errs);
    return 0;
}
