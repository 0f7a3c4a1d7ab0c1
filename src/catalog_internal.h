/* catalog_internal.h — shared between catalog.c and catalog_lint.c. */
#ifndef COPCGAP_CATALOG_INTERNAL_H
#define COPCGAP_CATALOG_INTERNAL_H

#include "copcgap/catalog.h"

/* Cross-reference checks on a built catalogue; errors appended. */
void catalog_lint(struct catalog *c, struct cg_errors *errs);

#endif
