/*
 * labels.h — every fixed text a report prints, in each supported
 * language, defined once in labels.c.  Statuses and verdicts are
 * translated here too (their machine names stay in model.c).
 */
#ifndef COPCGAP_LABELS_H
#define COPCGAP_LABELS_H

#include "copcgap/model.h"

enum label_id {
    L_REPORT_TITLE,
    L_ORGANIZATION,
    L_CATALOGUE,
    L_AS_OF,
    L_TARGET_AUDIT,
    L_LEAD,
    L_VERDICT,
    L_OVERALL_SCORE,
    L_CATEGORY,
    L_SCORE,
    L_STATUS,
    L_REQUIREMENT,
    L_REQUIREMENTS,
    L_CATEGORY_SCORES,
    L_RULE,
    L_TRACE,
    L_PAGE,
    L_OF,
    L_NOT_SET,
    L_PROGRAMS,
    L_BLOCKING,
    L_NONE,
    L_CRITICAL,
    L_GENERATED_BY,
    L_SUMMARY,
    L_WEIGHT,
    L_GAP_REGISTER,
    L_ACTION_PLAN,
    L_TIER,
    L_PRIORITY,
    L_OWNER,
    L_START,
    L_DUE,
    L_AT_RISK,
    L_ACTION,
    L_MEASURE,
    L_PROOF,
    L_NO_GAPS,
    L_FEASIBLE_AUDIT,
    L_CROSSWALK,
    L_CLAUSE,
    L_COVERAGE,
    L_EVIDENCE_INDEX,
    L_EVIDENCE_SUMMARY,
    L_PROBLEMS,
    L_KIND,
    L_DATED,
    L_EV_UNAPPROVED,
    L_EV_EXPIRED,
    L_EV_STALE,
    L_EV_CHANGED,
    L_EV_MISSING,
    L_EV_FUTURE,
    L_COUNT
};

/* Languages with a complete label table. */
int labels_has_lang(const char *lang);
const char *label(const char *lang, enum label_id id);
const char *label_req_status(const char *lang, enum req_status s);
const char *label_rule_status(const char *lang, enum rule_status s);
const char *label_verdict(const char *lang, enum verdict v);

#endif
