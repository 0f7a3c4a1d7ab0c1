/*
 * template.h — what a PDF report holds and how it looks (edges; loaded
 * by template_xml.c from templates/NAME.xml, docs/templates.md).
 *
 * A template lists the report's sections in order, each with its
 * options, and the branding every page carries: colours, an optional
 * logo, who prepared the report and for whom, a confidentiality marking
 * and a footer.  Texts may have one variant per language (xml:lang), as
 * in the catalogue.  The shipped templates are auditor (the full
 * record), consultant (the client deliverable, the default) and
 * executive (four pages at most).
 */
#ifndef COPCGAP_TEMPLATE_H
#define COPCGAP_TEMPLATE_H

#include <stddef.h>

#include "copcgap/arena.h"
#include "copcgap/error.h"
#include "copcgap/model.h"
#include "copcgap/pdfkit.h"

enum section_kind {
    SEC_COVER,          /* title page with the verdict */
    SEC_CONTROL,        /* document control and distribution */
    SEC_CONTENTS,       /* contents with page numbers and links */
    SEC_SUMMARY,        /* verdict, readiness, tiles, charts, top gaps */
    SEC_SCOPE,          /* programs in scope and exclusions */
    SEC_METHOD,         /* how the scores are computed, data sources */
    SEC_LIMITATIONS,
    SEC_LEGEND,         /* statuses, tiers, priority */
    SEC_HEATMAP,        /* category x item scores */
    SEC_KPIS,           /* per program: line charts and pass/fail grid */
    SEC_PST,            /* performance summary table */
    SEC_SCORECARD,      /* every requirement in plain language */
    SEC_GAPS,           /* gap register */
    SEC_PLAN,           /* Gantt, owner load, actions */
    SEC_EVIDENCE,       /* evidence index and evidence still to produce */
    SEC_FINDINGS,       /* assessor findings by class */
    SEC_CROSSWALK,      /* coverage of reference standards */
    SEC_TRACES,         /* appendix: every rule's trace and details */
    SEC_SIGNOFF,
    SEC_PROGRESS,       /* since the last run of a workspace: changes
                           and the score history (left out without an
                           earlier run) */
    SEC_COUNT
};

/* How the gap register shows each gap. */
enum gap_form {
    GAPS_TABLE,         /* one row per gap */
    GAPS_FINDINGS       /* condition / criteria / cause / effect /
                           recommendation, with a management response */
};

struct tpl_section {
    enum section_kind kind;
    size_t limit;       /* at most this many rows / gaps / actions;
                           0 = all */
    int gantt;          /* plan: draw the Gantt chart */
    int load;           /* plan: the owner load */
    int actions;        /* plan: the action list */
    enum gap_form form; /* gaps */
    int details;        /* scorecard: the failing rules' traces under
                           each requirement */
    long line;          /* in the template file */
};

struct report_template {
    struct arena *arena;
    const char *id;
    const char *path;           /* as displayed (a file or "NAME.xml") */
    const char *file;           /* the file read; NULL for the copy in
                                   the binary */
    struct i18n title;          /* may be empty: the language table's */
    struct i18n subtitle;
    struct i18n marking;        /* "Confidential"; may be empty */
    struct i18n footer;         /* may be empty */
    struct i18n distribution;   /* may be empty */
    const char *preparer;       /* may be NULL: the profile's lead */
    const char *organisation;   /* the preparer's firm; may be NULL */
    const char *client;         /* may be NULL: the organisation */
    const char *doc_version;    /* "1.0"; may be NULL */
    const char *logo;           /* resolved path, or NULL */
    float logo_width;           /* points */
    struct rgb accent, ink, muted;
    int max_pages;              /* 0 = no limit; else layout must fit */
    struct tpl_section *sections;
    size_t nsections;
};

/* Machine name of a section ("summary"), as in the template files. */
const char *section_name(enum section_kind k);

/* The section of that kind, or NULL when the template leaves it out. */
const struct tpl_section *template_section(const struct report_template *t,
                                           enum section_kind k);

/*
 * Load a template: NAME (a shipped template: templates/NAME.xml in the
 * data directory, else the copy in the binary) or a FILE path (anything
 * with a '/' or ending in .xml).  The file is validated against the
 * embedded template.xsd; a logo is resolved relative to the template and
 * must be a readable PNG or JPEG.  NULL with located errors.
 */
struct report_template *template_load(const char *name_or_path,
                                      struct cg_errors *errs);
void template_free(struct report_template *t);

#endif
