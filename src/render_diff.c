/*
 * render_diff.c — the workspace's history and diffs as JSON and CSV
 * (docs/workspace.md, "Exports"): machine values (ids, status codes,
 * ISO dates, scores 0-1), messages as code and arguments with their
 * words in the reader's language beside them.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "copcgap/csv_write.h"
#include "copcgap/plan.h"
#include "copcgap/render.h"
#include "copcgap/run.h"
#include "render_internal.h"

/* Seconds since the epoch as ISO 8601 UTC ("2026-12-02T07:31:11Z"). */
static void iso_time(long long at, char buf[32])
{
    time_t t = (time_t)at;
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        memset(&tm, 0, sizeof tm);
    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static json_t *run_json(const struct run *r)
{
    json_t *o = json_object(), *cat = json_object(), *gaps = json_object();
    char at[32];

    iso_time(r->at, at);
    json_object_set_new(o, "run", json_integer(r->id));
    json_object_set_new(o, "at", json_string(at));
    json_object_set_new(o, "as_of", rj_date(r->as_of));
    json_object_set_new(cat, "id", json_string(r->catalogue_id));
    json_object_set_new(cat, "version", json_string(r->catalogue_version));
    json_object_set_new(cat, "sha256", json_string(r->catalogue_sha256));
    json_object_set_new(o, "catalogue", cat);
    json_object_set_new(o, "verdict", json_string(verdict_name(r->verdict)));
    json_object_set_new(o, "overall", rj_num(r->overall));
    json_object_set_new(o, "points", rj_num(r->points));
    json_object_set_new(o, "points_max", rj_num(r->points_max));
    json_object_set_new(gaps, "total", json_integer((json_int_t)r->ngaps));
    json_object_set_new(gaps, "P1", json_integer((json_int_t)r->tiers[1]));
    json_object_set_new(gaps, "P2", json_integer((json_int_t)r->tiers[2]));
    json_object_set_new(gaps, "P3", json_integer((json_int_t)r->tiers[3]));
    json_object_set_new(o, "gaps", gaps);
    json_object_set_new(o, "at_risk", json_integer((json_int_t)r->at_risk));
    return o;
}

static int write_text(struct strbuf *sb, struct outfile *o,
                      struct cg_errors *errs)
{
    int ok = outfile_write(o, sb->buf ? sb->buf : "", sb->len, errs);
    strbuf_free(sb);
    return ok;
}

int render_history(struct run *const *runs, size_t n, int csv,
                   struct outfile *o, struct cg_errors *errs)
{
    static const char *const head[] = {
        "run", "at", "as_of", "catalogue", "version", "verdict", "overall",
        "gaps", "p1", "p2", "p3", "at_risk"
    };
    struct strbuf sb = STRBUF_INIT;
    json_t *root, *arr;
    size_t i, j;

    if (!csv) {
        root = json_object();
        arr = json_array();
        json_object_set_new(root, "version", json_integer(1));
        for (i = 0; i < n; i++)
            json_array_append_new(arr, run_json(runs[i]));
        json_object_set_new(root, "runs", arr);
        return rj_write(root, o, errs);
    }
    for (j = 0; j < ARRAY_LEN(head); j++)
        csv_write_cell(&sb, head[j], CSV_RAW, j + 1 == ARRAY_LEN(head));
    for (i = 0; i < n; i++) {
        const struct run *r = runs[i];
        char at[32], as_of[DATE_BUF];
        iso_time(r->at, at);
        date_format(r->as_of, as_of);
        strbuf_printf(&sb, "%lld,%s,%s,", r->id, at, as_of);
        csv_write_cell(&sb, r->catalogue_id, CSV_RAW, 0);
        csv_write_cell(&sb, r->catalogue_version, CSV_RAW, 0);
        strbuf_printf(&sb, "%s,%.6f,%zu,%zu,%zu,%zu,%zu\n",
                      verdict_name(r->verdict), r->overall, r->ngaps,
                      r->tiers[1], r->tiers[2], r->tiers[3], r->at_risk);
    }
    return write_text(&sb, o, errs);
}

static json_t *state_json(const char *status, double score)
{
    json_t *o = json_object();
    json_object_set_new(o, "status", json_string(status));
    json_object_set_new(o, "score", rj_num(score));
    return o;
}

static json_t *rule_json(const struct rule_change *c, const struct lang *L)
{
    const struct run_rule *r = c->b ? c->b : c->a;
    json_t *o = json_object(), *causes = json_array();
    size_t i;

    json_object_set_new(o, "rule", json_string(r->id));
    json_object_set_new(o, "type", json_string(r->type));
    json_object_set_new(o, "metric", rj_str_or_null(r->metric));
    json_object_set_new(o, "from", c->a ? state_json(
        rule_status_name(c->a->status), c->a->score) : json_null());
    json_object_set_new(o, "to", c->b ? state_json(
        rule_status_name(c->b->status), c->b->score) : json_null());
    for (i = 0; i < c->ncauses; i++)
        json_array_append_new(causes, rj_msg_lang(L, c->causes[i]));
    json_object_set_new(o, "causes", causes);
    return o;
}

static json_t *req_json(const struct req_change *c, const struct lang *L)
{
    const struct run_req *q = c->b ? c->b : c->a;
    json_t *o = json_object(), *rules = json_array();
    size_t i;

    json_object_set_new(o, "requirement", json_string(q->id));
    json_object_set_new(o, "category", json_string(q->category));
    json_object_set_new(o, "critical", json_boolean(q->critical));
    json_object_set_new(o, "change", json_string(change_kind_name(c->kind)));
    json_object_set_new(o, "from", c->a ? state_json(
        req_status_name(c->a->status), c->a->score) : json_null());
    json_object_set_new(o, "to", c->b ? state_json(
        req_status_name(c->b->status), c->b->score) : json_null());
    for (i = 0; i < c->nrules; i++)
        json_array_append_new(rules, rule_json(&c->rules[i], L));
    json_object_set_new(o, "rules", rules);
    return o;
}

static json_t *diff_json(const struct run_diff *d, const struct lang *L)
{
    json_t *root = json_object(), *arr, *o;
    size_t i;

    json_object_set_new(root, "version", json_integer(1));
    json_object_set_new(root, "from", run_json(d->a));
    json_object_set_new(root, "to", run_json(d->b));
    o = json_object();
    json_object_set_new(o, "from", rj_num(d->a->overall));
    json_object_set_new(o, "to", rj_num(d->b->overall));
    json_object_set_new(o, "delta", rj_num(d->b->overall - d->a->overall));
    json_object_set_new(root, "overall", o);
    arr = json_array();
    for (i = 0; i < d->ninputs; i++)
        json_array_append_new(arr, rj_msg_lang(L, d->inputs[i]));
    json_object_set_new(root, "inputs", arr);
    arr = json_array();
    for (i = 0; i < d->ncats; i++) {
        const struct cat_change *c = &d->cats[i];
        o = json_object();
        json_object_set_new(o, "category", json_string(c->id));
        json_object_set_new(o, "from", c->a ? rj_num(c->a->score)
                                            : json_null());
        json_object_set_new(o, "to", c->b ? rj_num(c->b->score)
                                          : json_null());
        json_object_set_new(o, "delta", c->a && c->b
                            ? rj_num(c->b->score - c->a->score)
                            : json_null());
        json_array_append_new(arr, o);
    }
    json_object_set_new(root, "categories", arr);
    o = json_object();
    for (i = 0; i < CHANGE_COUNT; i++)
        json_object_set_new(o, change_kind_name((enum change_kind)i),
                            json_integer((json_int_t)d->count[i]));
    json_object_set_new(root, "counts", o);
    arr = json_array();
    for (i = 0; i < d->nreqs; i++)
        json_array_append_new(arr, req_json(&d->reqs[i], L));
    json_object_set_new(root, "changes", arr);
    return root;
}

static void csv_state(struct strbuf *sb, const char *status, double score,
                      int present)
{
    char num[64];
    if (!present) {
        strbuf_adds(sb, ",,");
        return;
    }
    snprintf(num, sizeof num, "%.6f", score);
    csv_write_cell(sb, status, CSV_RAW, 0);
    csv_write_cell(sb, num, CSV_RAW, 0);
}

/* One CSV row: the requirement's change, the rule's, one cause. */
static void csv_row(struct strbuf *sb, const struct req_change *c,
                    const struct rule_change *rc, const struct msg *cause,
                    const struct lang *L)
{
    const struct run_req *q = c->b ? c->b : c->a;
    struct strbuf t = STRBUF_INIT;

    csv_write_cell(sb, change_kind_name(c->kind), CSV_RAW, 0);
    csv_write_cell(sb, q->id, CSV_RAW, 0);
    csv_write_cell(sb, q->critical ? "1" : "0", CSV_RAW, 0);
    csv_state(sb, c->a ? req_status_name(c->a->status) : "",
              c->a ? c->a->score : 0, c->a != NULL);
    csv_state(sb, c->b ? req_status_name(c->b->status) : "",
              c->b ? c->b->score : 0, c->b != NULL);
    if (rc) {
        const struct run_rule *r = rc->b ? rc->b : rc->a;
        csv_write_cell(sb, r->id, CSV_RAW, 0);
        csv_write_cell(sb, r->type, CSV_RAW, 0);
        csv_write_cell(sb, r->metric ? r->metric : "", CSV_RAW, 0);
        csv_write_cell(sb, rc->a ? rule_status_name(rc->a->status) : "",
                       CSV_RAW, 0);
        csv_write_cell(sb, rc->b ? rule_status_name(rc->b->status) : "",
                       CSV_RAW, 0);
    } else {
        strbuf_adds(sb, ",,,,,");
    }
    if (cause)
        lang_format(L, cause, &t);
    csv_write_cell(sb, cause ? cause->key : "", CSV_RAW, 0);
    csv_write_cell(sb, strbuf_cstr(&t), CSV_TEXT, 1);
    strbuf_free(&t);
}

static void diff_csv(const struct run_diff *d, const struct lang *L,
                     struct strbuf *sb)
{
    static const char *const head[] = {
        "change", "requirement", "critical", "from_status", "from_score",
        "to_status", "to_score", "rule", "rule_type", "metric",
        "rule_from", "rule_to", "cause_code", "cause"
    };
    size_t i, j, k;

    for (i = 0; i < ARRAY_LEN(head); i++)
        csv_write_cell(sb, head[i], CSV_RAW, i + 1 == ARRAY_LEN(head));
    for (i = 0; i < d->nreqs; i++) {
        const struct req_change *c = &d->reqs[i];
        if (!c->nrules)
            csv_row(sb, c, NULL, NULL, L);
        for (j = 0; j < c->nrules; j++) {
            const struct rule_change *rc = &c->rules[j];
            if (!rc->ncauses)
                csv_row(sb, c, rc, NULL, L);
            for (k = 0; k < rc->ncauses; k++)
                csv_row(sb, c, rc, rc->causes[k], L);
        }
    }
}

int render_diff(const struct run_diff *d, const struct lang *L, int csv,
                struct outfile *o, struct cg_errors *errs)
{
    struct strbuf sb = STRBUF_INIT;

    if (!csv)
        return rj_write(diff_json(d, L), o, errs);
    diff_csv(d, L, &sb);
    return write_text(&sb, o, errs);
}
