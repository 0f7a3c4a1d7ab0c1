/*
 * render_plan.c — the gap register and action plan as JSON (also part of
 * the report JSON) and as CSV (one row per gap, ranked), for pasting
 * into a spreadsheet or a client deck.
 */
#include <stdlib.h>
#include <string.h>

#include "copcgap/csv_write.h"
#include "copcgap/kpi.h"
#include "copcgap/outfile.h"
#include "copcgap/render.h"
#include "render_internal.h"

static json_t *gap_json(const struct report *r, const struct plan *pl,
                        const struct gap *g)
{
    const struct catalog *c = r->catalog;
    const struct requirement *req = &c->reqs[g->req];
    json_t *o = json_object(), *arr;
    size_t i;

    json_object_set_new(o, "rank", json_integer((json_int_t)g->rank));
    json_object_set_new(o, "tier", json_string(tier_name(g->tier)));
    json_object_set_new(o, "priority", rj_num(g->priority));
    json_object_set_new(o, "urgency", rj_num(g->urgency));
    json_object_set_new(o, "lifted_by_dependant", json_boolean(g->lifted));
    json_object_set_new(o, "blocking", json_boolean(g->blocking));
    json_object_set_new(o, "requirement", json_string(req->id));
    json_object_set_new(o, "title", json_string(report_text(r,
                                                            &req->title)));
    json_object_set_new(o, "category",
                        json_string(c->categories[req->category].id));
    json_object_set_new(o, "critical", json_boolean(g->critical));
    json_object_set_new(o, "status",
                        json_string(req_status_name(g->result->status)));
    json_object_set_new(o, "score", rj_num(g->result->score));
    json_object_set_new(o, "assignee", rj_assignee(g->assignee));
    json_object_set_new(o, "effort_days", rj_num(g->effort));
    json_object_set_new(o, "cost", rj_num(g->cost));
    json_object_set_new(o, "data_months", json_integer(g->data_months));
    json_object_set_new(o, "ready", rj_date(g->ready));
    json_object_set_new(o, "start", rj_date(g->start));
    json_object_set_new(o, "due", rj_date(g->due));
    json_object_set_new(o, "proven", rj_date(g->proven));
    json_object_set_new(o, "slack_days", json_integer(g->slack_days));
    json_object_set_new(o, "delay", rj_msg(r, g->delay));
    json_object_set_new(o, "at_risk", json_boolean(g->at_risk));
    json_object_set_new(o, "risk", rj_msg(r, g->risk));
    json_object_set_new(o, "action", rj_msg(r, g->action));
    json_object_set_new(o, "measure", rj_msg(r, g->measure));
    json_object_set_new(o, "proof", rj_msg(r, g->proof));
    arr = json_array();
    for (i = 0; i < g->ndepends; i++)
        json_array_append_new(arr, json_string(
            c->reqs[pl->gaps[g->depends[i]].req].id));
    json_object_set_new(o, "depends_on", arr);
    arr = json_array();
    for (i = 0; i < g->nfailing; i++) {
        const struct rule_result *res = g->failing[i];
        json_t *f = json_object();
        json_object_set_new(f, "id", json_string(res->rule->id));
        json_object_set_new(f, "type",
                            json_string(rule_type_name(res->rule->type)));
        json_object_set_new(f, "status",
                            json_string(rule_status_name(res->status)));
        json_object_set_new(f, "trace", rj_msg(r, res->trace));
        json_array_append_new(arr, f);
    }
    json_object_set_new(o, "failing_rules", arr);
    return o;
}

void rj_plan_stream(struct rj_stream *w, const struct report *r,
                    const struct plan *pl)
{
    json_t *arr, *tiers;
    size_t i;

    rj_open_object(w);
    rj_member(w, "as_of", rj_date(pl->as_of));
    rj_member(w, "target_audit", pl->has_audit ? rj_date(pl->audit)
                                               : json_null());
    rj_member(w, "mock_audit", pl->has_audit ? rj_date(pl->mock_audit)
                                             : json_null());
    rj_member(w, "mock_audit_weeks", json_integer(pl->mock_weeks));
    rj_member(w, "ready_for_audit", json_boolean(pl->ready));
    rj_member(w, "feasible_audit", pl->feasible_audit
                  ? rj_date(pl->feasible_audit) : json_null());
    rj_member(w, "unplaced", json_integer((json_int_t)pl->unplaced));
    rj_member(w, "capacity_days_per_month", rj_num(pl->capacity_days));
    rj_member(w, "day_rate", rj_num(pl->day_rate));
    rj_member(w, "currency", rj_str_or_null(pl->currency));
    rj_member(w, "total_days", rj_num(pl->total_days));
    rj_member(w, "total_cost", rj_num(pl->total_cost));
    rj_member(w, "blocking", json_integer((json_int_t)pl->blocking));
    tiers = json_object();
    json_object_set_new(tiers, "P1", json_integer((json_int_t)pl->count[1]));
    json_object_set_new(tiers, "P2", json_integer((json_int_t)pl->count[2]));
    json_object_set_new(tiers, "P3", json_integer((json_int_t)pl->count[3]));
    rj_member(w, "gaps_by_tier", tiers);
    rj_member(w, "at_risk", json_integer((json_int_t)pl->at_risk));
    rj_key(w, "gaps");
    rj_open_array(w);
    for (i = 0; i < pl->ngaps; i++)
        rj_value(w, gap_json(r, pl, &pl->gaps[i]));
    rj_close(w);
    arr = json_array();
    for (i = 0; i < pl->nload; i++) {
        json_t *l = json_object();
        char m[MONTH_BUF];
        month_format(pl->load[i].month, m);
        json_object_set_new(l, "owner", json_string(pl->load[i].owner));
        json_object_set_new(l, "unfilled_role",
                            json_boolean(pl->load[i].unfilled));
        json_object_set_new(l, "month", json_string(m));
        json_object_set_new(l, "days", rj_num(pl->load[i].days));
        json_object_set_new(l, "capacity", rj_num(pl->load[i].capacity));
        json_object_set_new(l, "cost", rj_num(pl->load[i].cost));
        json_object_set_new(l, "overloaded",
                            json_boolean(pl->load[i].overloaded));
        json_array_append_new(arr, l);
    }
    rj_member(w, "owner_load", arr);
    arr = json_array();
    for (i = 0; i < pl->nmonths; i++) {
        json_t *l = json_object();
        char m[MONTH_BUF];
        month_format(pl->months[i].month, m);
        json_object_set_new(l, "month", json_string(m));
        json_object_set_new(l, "days", rj_num(pl->months[i].days));
        json_object_set_new(l, "cost", rj_num(pl->months[i].cost));
        json_array_append_new(arr, l);
    }
    rj_member(w, "by_month", arr);
    rj_close(w);
}

int render_plan_json(const struct report *r, struct outfile *o,
                     struct cg_errors *errs)
{
    struct rj_stream w;

    rj_stream_init(&w, o, errs);
    rj_open_object(&w);
    rj_member(&w, "format", json_string("copcgap-plan"));
    rj_member(&w, "version", json_integer(REPORT_JSON_VERSION));
    rj_member(&w, "organization", json_string(r->profile->org_name));
    rj_member(&w, "catalog", json_string(r->catalog->id));
    rj_key(&w, "plan");
    rj_plan_stream(&w, r, r->plan);
    rj_close(&w);
    return rj_stream_finish(&w);
}

/* Prose columns in the report's language; machine values as they are
 * (docs/exports.md). */
static void text_cell(struct strbuf *sb, const struct report *r,
                      const struct msg *m)
{
    struct strbuf t = STRBUF_INIT;
    if (m)
        lang_format(r->lang, m, &t);
    csv_write_cell(sb, strbuf_cstr(&t), CSV_TEXT, 0);
    strbuf_free(&t);
}

void render_plan_csv_text(const struct report *r, struct strbuf *sb)
{
    static const char *const header[] = {
        "rank", "tier", "priority", "requirement", "title", "category",
        "critical", "status", "score", "owner", "owner_role", "start", "due",
        "effort_days", "cost", "data_months", "at_risk", "risk_reason",
        "depends_on",
        "action", "measure", "proof", "failing_rules"
    };
    const struct plan *pl = r->plan;
    const struct catalog *c = r->catalog;
    size_t i, j, nh = sizeof header / sizeof header[0];

    for (i = 0; i < nh; i++)
        csv_write_cell(sb, header[i], CSV_RAW, i + 1 == nh);
    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        const struct requirement *req = &c->reqs[g->req];
        struct strbuf tmp = STRBUF_INIT;
        char d1[DATE_BUF], d2[DATE_BUF], num[64];

        strbuf_printf(&tmp, "%zu", g->rank);
        csv_write_cell(sb, strbuf_cstr(&tmp), CSV_RAW, 0);
        csv_write_cell(sb, tier_name(g->tier), CSV_RAW, 0);
        kpi_format_value(g->priority, num, sizeof num);
        csv_write_cell(sb, num, CSV_RAW, 0);
        csv_write_cell(sb, req->id, CSV_RAW, 0);
        csv_write_cell(sb, report_text(r, &req->title), CSV_TEXT, 0);
        csv_write_cell(sb, c->categories[req->category].id, CSV_RAW, 0);
        csv_write_cell(sb, g->critical ? "yes" : "no", CSV_RAW, 0);
        csv_write_cell(sb, req_status_name(g->result->status), CSV_RAW, 0);
        kpi_format_value(g->result->score, num, sizeof num);
        csv_write_cell(sb, num, CSV_RAW, 0);
        csv_write_cell(sb, g->assignee->person, CSV_TEXT, 0);
        csv_write_cell(sb, g->assignee->role, CSV_RAW, 0);
        date_format(g->start, d1);
        date_format(g->due, d2);
        csv_write_cell(sb, d1, CSV_RAW, 0);
        csv_write_cell(sb, d2, CSV_RAW, 0);
        kpi_format_value(g->effort, num, sizeof num);
        csv_write_cell(sb, num, CSV_RAW, 0);
        kpi_format_value(g->cost, num, sizeof num);
        csv_write_cell(sb, num, CSV_RAW, 0);
        strbuf_truncate(&tmp, 0);
        strbuf_printf(&tmp, "%d", g->data_months);
        csv_write_cell(sb, strbuf_cstr(&tmp), CSV_RAW, 0);
        csv_write_cell(sb, g->at_risk ? "yes" : "no", CSV_RAW, 0);
        text_cell(sb, r, g->risk);
        strbuf_truncate(&tmp, 0);
        for (j = 0; j < g->ndepends; j++)
            strbuf_printf(&tmp, "%s%s", j ? ";" : "",
                          c->reqs[pl->gaps[g->depends[j]].req].id);
        csv_write_cell(sb, strbuf_cstr(&tmp), CSV_RAW, 0);
        text_cell(sb, r, g->action);
        text_cell(sb, r, g->measure);
        text_cell(sb, r, g->proof);
        strbuf_truncate(&tmp, 0);
        for (j = 0; j < g->nfailing; j++) {
            if (j)
                strbuf_adds(&tmp, " | ");
            lang_format(r->lang, g->failing[j]->trace, &tmp);
        }
        csv_write_cell(sb, strbuf_cstr(&tmp), CSV_TEXT, 1);
        strbuf_free(&tmp);
    }
}

int render_plan_csv(const struct report *r, int bom, struct outfile *o,
                    struct cg_errors *errs)
{
    struct strbuf sb = STRBUF_INIT;
    int ok;
    if (bom)
        csv_write_bom(&sb);
    render_plan_csv_text(r, &sb);
    ok = outfile_write(o, strbuf_cstr(&sb), sb.len, errs);
    strbuf_free(&sb);
    return ok;
}
