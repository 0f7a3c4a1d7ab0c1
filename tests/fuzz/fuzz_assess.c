/*
 * fuzz_assess.c — a whole assessment from a fuzzed organisation folder:
 * profile.xml, the registers, the raw data files and evidence files,
 * against the engine test catalogue (tests/data/engine/catalog.xml, every
 * rule type; found from the working directory or $COPCGAP_FUZZ_ROOT).
 *
 * The input is the folder as sections, each starting with a line
 * `#FILE NAME`; the text up to the next such line is the file.  NAME is
 * a relative path of letters, digits, `.`, `_`, `-` and at most three
 * `/`-separated parts, no `..` (others are skipped); the folders it
 * needs are made.  The folder is made afresh for every input.
 * tools/fuzz-seeds.sh writes test folders in this form.
 */
#include "fuzz.h"
#include "pipeline.h"

static char orgdir[512];
static struct catalog *cat;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    const char *root = getenv("COPCGAP_FUZZ_ROOT");
    char path[600];

    (void)argc;
    (void)argv;
    snprintf(path, sizeof path, "%s/tests/data/engine/catalog.xml",
             root ? root : ".");
    cat = catalog_load(path, &errs);
    if (!cat) {
        fprintf(stderr, "fuzz_assess: %s does not load (run from the "
                "repository root or set COPCGAP_FUZZ_ROOT)\n", path);
        exit(2);
    }
    errors_free(&errs);
    snprintf(orgdir, sizeof orgdir, "%s/org", fuzz_scratch());
    return 0;
}

/* 1 when name (len bytes) is a file name we create: see the top. */
static int name_ok(const char *name, size_t len)
{
    size_t i, parts = 1, part_len = 0;

    if (len == 0 || len > 100 || name[0] == '/')
        return 0;
    for (i = 0; i < len; i++) {
        char c = name[i];
        if (c == '/') {
            if (part_len == 0 || ++parts > 3)
                return 0;
            part_len = 0;
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return 0;
        if (c == '.' && part_len == 1 && name[i - 1] == '.')
            return 0;                   /* ".." */
        part_len++;
    }
    return part_len > 0;
}

/* Write orgdir/name, making its folders. */
static void write_file(const char *name, size_t len, const char *data,
                       size_t size)
{
    char path[700];
    size_t i;
    int n = snprintf(path, sizeof path, "%s/%.*s", orgdir, (int)len, name);

    if (n < 0 || (size_t)n >= sizeof path)
        return;
    for (i = strlen(orgdir) + 1; path[i]; i++) {
        if (path[i] == '/') {
            path[i] = '\0';
            mkdir(path, 0700);
            path[i] = '/';
        }
    }
    /* A name that is already a folder (or a file where a folder is
     * wanted) is skipped, as if absent. */
    {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            return;
    }
    {
        FILE *fp = fopen(path, "wb");
        if (!fp)
            return;
        if (size)
            fwrite(data, 1, size, fp);
        fclose(fp);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char mark[] = "#FILE ";
    const char *p = (const char *)data, *end = p + size;
    char path[700];
    struct stat st;

    fuzz_remove_tree(orgdir);
    if (mkdir(orgdir, 0700) != 0)
        abort();
    /* Sections: "#FILE NAME\n" then the content up to the next one. */
    while (p < end) {
        const char *nl, *next, *name;
        if ((size_t)(end - p) < sizeof mark - 1 ||
            memcmp(p, mark, sizeof mark - 1) != 0)
            break;
        name = p + sizeof mark - 1;
        nl = memchr(name, '\n', (size_t)(end - name));
        if (!nl)
            break;
        p = nl + 1;
        for (next = p; next < end; next++)
            if (*next == '#' && (next == p || next[-1] == '\n') &&
                (size_t)(end - next) >= sizeof mark - 1 &&
                memcmp(next, mark, sizeof mark - 1) == 0)
                break;
        if (name_ok(name, (size_t)(nl - name)))
            write_file(name, (size_t)(nl - name), p, (size_t)(next - p));
        p = next;
    }
    snprintf(path, sizeof path, "%s/profile.xml", orgdir);
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        struct cg_errors errs = CG_ERRORS_INIT;
        struct profile *prof = profile_load(path, &errs);
        if (prof)
            fuzz_pipeline(cat, prof, orgdir, size % 2 ? "es" : "en");
        profile_free(prof);
        errors_free(&errs);
    }
    return 0;
}
