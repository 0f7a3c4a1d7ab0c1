/*
 * model.h — the vocabulary shared by every layer: channels, organisation
 * kinds, comparison operators, rule and requirement statuses, verdicts,
 * and language-tagged texts.
 *
 * Each enum has exactly one name table (in model.c); parsers, renderers
 * and docs go through model_*_name / model_*_parse so that a spelling is
 * defined once.
 */
#ifndef COPCGAP_MODEL_H
#define COPCGAP_MODEL_H

#include <stddef.h>

enum channel {
    CH_VOICE,
    CH_CHAT,
    CH_EMAIL,
    CH_MESSAGING,
    CH_SOCIAL,
    CH_BACK_OFFICE,
    CH_SELF_SERVICE,        /* IVR, bots, help centre: no agent */
    CH_COUNT
};

/* A set of channels as a bit mask (1u << channel); 0 means "any". */
typedef unsigned channel_mask;

enum org_kind {
    ORG_OUTSOURCER = 1,
    ORG_INTERNAL = 2
};

enum cmp_op { OP_GE, OP_GT, OP_LE, OP_LT, OP_EQ, OP_COUNT };

/* Result of one rule (OpenSCAP-style: no-data is never folded into fail). */
enum rule_status {
    RS_PASS,
    RS_PARTIAL,
    RS_FAIL,
    RS_NO_DATA,
    RS_NA,
    RS_COUNT
};

enum req_status {
    REQ_MET,
    REQ_PARTIAL,
    REQ_NOT_MET,
    REQ_NOT_EVIDENCED,
    REQ_NA,
    REQ_COUNT
};

enum verdict {
    VERDICT_READY,
    VERDICT_CONDITIONAL,
    VERDICT_NOT_READY,
    VERDICT_COUNT
};

/* Assessor finding results (findings.csv `result`). */
enum finding_result {
    FR_MET,
    FR_PARTIAL,
    FR_NOT_MET,
    FR_NA,
    FR_COUNT
};

/* Finding classes (findings.csv `class`); FC_NONE when empty. */
enum finding_class {
    FC_NONE,
    FC_MAJOR_NC,
    FC_MINOR_NC,
    FC_OBSERVATION,
    FC_IMPROVEMENT,
    FC_COUNT
};

/* Crosswalk relationship of a source requirement to a target clause. */
enum xrel {
    XREL_EQUAL,
    XREL_SUBSET,
    XREL_SUPERSET,
    XREL_INTERSECT,
    XREL_COUNT
};

/*
 * Name tables.  *_name returns the canonical spelling; *_parse takes
 * (pointer, length) and returns the enum value or -1.
 */
const char *channel_name(enum channel c);
int channel_parse(const char *s, size_t len);
const char *org_kind_name(enum org_kind k);
int org_kind_parse(const char *s, size_t len);
const char *cmp_op_name(enum cmp_op op);      /* "ge" */
const char *cmp_op_symbol(enum cmp_op op);    /* ">=" */
int cmp_op_parse(const char *s, size_t len);
/* 1 when `value op target` holds. */
int cmp_op_eval(enum cmp_op op, double value, double target);
const char *rule_status_name(enum rule_status s);
const char *req_status_name(enum req_status s);
const char *verdict_name(enum verdict v);
int verdict_parse(const char *s, size_t len);
const char *finding_result_name(enum finding_result r);
const char *finding_class_name(enum finding_class c);
const char *xrel_name(enum xrel r);
int xrel_parse(const char *s, size_t len);

/*
 * A text in several languages (`xml:lang` variants).  Lookup falls back
 * from the asked language to English to the first variant; NULL when the
 * text is absent.
 */
struct i18n_var {
    const char *lang;
    const char *text;
};

struct i18n {
    struct i18n_var *v;
    size_t n;
};

const char *i18n_get(const struct i18n *t, const char *lang);
/* The variant in exactly that language, or NULL. */
const char *i18n_exact(const struct i18n *t, const char *lang);

#endif
