/* Names a key the table lacks, and one it has. */
static const char *const a = "trace.misspelt";
static const char *const b = "report.title";
