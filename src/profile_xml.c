/*
 * profile_xml.c — the profile.xml loader (load.h; model in profile.h;
 * docs/inputs.md).
 *
 * The embedded profile.xsd rejects unknown elements and attributes and
 * checks enumerations; this file checks what a schema cannot: exactly one
 * organization and assessment, real calendar dates, unique program /
 * role / target entries, and a non-empty reason for every exclusion.
 */
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/metric.h"
#include "copcgap/load.h"
#include "copcgap/profile.h"
#include "copcgap/xmlsafe.h"

/*
 * A date attribute.  Assessment dates lie between DATE_FLOOR and 2099:
 * staff KPIs are derived month by month from the earliest hire (1970 at
 * the earliest) to as-of, so the ceiling bounds that run too (at most
 * 1560 months a program; docs/limits.md).
 */
#define PROFILE_DATE_CEILING_TEXT "2099-12-31"

static int parse_date_attr(struct profile *p, xmlNodePtr n, const char *name,
                           cg_day *out, struct cg_errors *errs)
{
    const char *v = xml_attr(p->arena, n, name);
    cg_day ceiling;

    if (!v)
        return 0;
    if (!date_parse(v, strlen(v), out)) {
        errors_add(errs, CG_ERR_INPUT, p->path, xml_line(n), 0,
                   "%s=\"%s\" is not a calendar date (YYYY-MM-DD)", name, v);
        return 0;
    }
    date_parse(PROFILE_DATE_CEILING_TEXT, 10, &ceiling);
    if (*out < DATE_FLOOR || *out > ceiling) {
        errors_add(errs, CG_ERR_INPUT, p->path, xml_line(n), 0,
                   "%s=\"%s\" is out of range (from %s to %s; "
                   "docs/limits.md)", name, v, DATE_FLOOR_TEXT,
                   PROFILE_DATE_CEILING_TEXT);
        return 0;
    }
    return 1;
}

static void load_program(struct profile *p, xmlNodePtr n, size_t *cap,
                         struct cg_errors *errs)
{
    struct program *pg;
    size_t tcap = 0;
    xmlNodePtr t;

    VEC_RESERVE(p->programs, *cap, p->nprograms + 1);
    pg = &p->programs[p->nprograms++];
    memset(pg, 0, sizeof *pg);
    pg->id = xml_attr(p->arena, n, "id");
    pg->name = xml_attr(p->arena, n, "name");
    if (!pg->name)
        pg->name = pg->id;
    pg->client = xml_attr(p->arena, n, "client");
    pg->channel = (enum channel)xml_attr_enum(n, "channel", channel_parse, 0,
                                              p->path, errs);
    pg->line = xml_line(n);
    pg->sl_seconds = xml_attr_num(n, "sl-seconds",
                                  channel_default_sl_seconds(pg->channel),
                                  0, LIMIT_SECONDS_MAX, p->path, errs);
    pg->short_abandon_seconds = xml_attr_num(n, "short-abandon-seconds", 5,
                                             0, LIMIT_SECONDS_MAX, p->path,
                                             errs);
    pg->forecast_tolerance_pct = xml_attr_num(n, "forecast-tolerance-pct",
                                              15, 0, 1000, p->path, errs);
    /* Targets are checked against each other: quadratic, so capped. */
    if (!xml_count_at_most(n, "target", PROFILE_MAX_TARGETS,
                           "targets in one program", p->path, errs))
        return;
    for (t = xml_first(n); t; t = xml_next(t)) {
        struct target *tg;
        size_t i;

        VEC_RESERVE(pg->targets, tcap, pg->ntargets + 1);
        tg = &pg->targets[pg->ntargets];
        tg->metric = xml_attr(p->arena, t, "metric");
        tg->op = (enum cmp_op)xml_attr_enum(t, "op", cmp_op_parse, 0,
                                            p->path, errs);
        tg->value = xml_attr_num(t, "value", 0, -LIMIT_VALUE_MAX,
                                 LIMIT_VALUE_MAX, p->path, errs);
        tg->line = xml_line(t);
        for (i = 0; i < pg->ntargets; i++) {
            if (strcmp(pg->targets[i].metric, tg->metric) == 0) {
                errors_add(errs, CG_ERR_INPUT, p->path, tg->line, 0,
                           "program \"%s\" has a second target for \"%s\" "
                           "(first on line %ld)", pg->id, tg->metric,
                           pg->targets[i].line);
                break;
            }
        }
        pg->ntargets++;
    }
    /* Keep targets in the arena so that profile_free() frees everything. */
    pg->targets = arena_adopt(p->arena, pg->targets, pg->ntargets,
                              sizeof *pg->targets);
}

static void check_unique_programs(struct profile *p, struct cg_errors *errs)
{
    size_t i, j;
    for (i = 0; i < p->nprograms; i++)
        for (j = 0; j < i; j++)
            if (strcmp(p->programs[i].id, p->programs[j].id) == 0)
                errors_add(errs, CG_ERR_INPUT, p->path, p->programs[i].line,
                           0, "duplicate program id \"%s\" (first on line "
                           "%ld)", p->programs[i].id, p->programs[j].line);
    for (i = 0; i < p->nroles; i++)
        for (j = 0; j < i; j++)
            if (strcmp(p->roles[i].id, p->roles[j].id) == 0)
                errors_add(errs, CG_ERR_INPUT, p->path, p->roles[i].line, 0,
                           "duplicate role \"%s\" (first on line %ld)",
                           p->roles[i].id, p->roles[j].line);
    for (i = 0; i < p->nowners; i++)
        for (j = 0; j < i; j++)
            if (strcmp(p->owners[i].req, p->owners[j].req) == 0)
                errors_add(errs, CG_ERR_INPUT, p->path, p->owners[i].line, 0,
                           "requirement \"%s\" has a second owner (first on "
                           "line %ld)", p->owners[i].req,
                           p->owners[j].line);
    for (i = 0; i < p->npeople; i++)
        for (j = 0; j < i; j++)
            if (strcmp(p->people[i].name, p->people[j].name) == 0)
                errors_add(errs, CG_ERR_INPUT, p->path, p->people[i].line, 0,
                           "person \"%s\" is described twice (first on "
                           "line %ld)", p->people[i].name,
                           p->people[j].line);
    for (i = 0; i < p->nscope; i++)
        for (j = 0; j < i; j++)
            if (strcmp(p->scope[i].ref, p->scope[j].ref) == 0 &&
                p->scope[i].program == p->scope[j].program)
                errors_add(errs, CG_ERR_INPUT, p->path, p->scope[i].line, 0,
                           "\"%s\" is excluded twice (first on line %ld)",
                           p->scope[i].ref, p->scope[j].line);
}

static void load_elements(struct profile *p, xmlNodePtr root,
                          struct cg_errors *errs)
{
    size_t pcap = 0, rcap = 0, scap = 0, ocap = 0, ncap = 0, i;
    long org_line = 0, asm_line = 0, plan_line = 0;
    xmlNodePtr n;

    /* Ids are checked against each other (quadratic): counts capped. */
    if (!xml_count_at_most(root, "program", PROFILE_MAX_PROGRAMS, "programs",
                           p->path, errs) ||
        !xml_count_at_most(root, "role", PROFILE_MAX_ENTRIES, "roles",
                           p->path, errs) ||
        !xml_count_at_most(root, "scope", PROFILE_MAX_ENTRIES,
                           "scope exclusions", p->path, errs) ||
        !xml_count_at_most(root, "owner", PROFILE_MAX_ENTRIES,
                           "named owners", p->path, errs) ||
        !xml_count_at_most(root, "person", PROFILE_MAX_ENTRIES, "people",
                           p->path, errs))
        return;
    for (n = xml_first(root); n; n = xml_next(n)) {
        if (xml_is(n, "organization")) {
            if (org_line) {
                errors_add(errs, CG_ERR_INPUT, p->path, xml_line(n), 0,
                           "second <organization> (first on line %ld)",
                           org_line);
                continue;
            }
            org_line = xml_line(n);
            p->org_id = xml_attr(p->arena, n, "id");
            p->org_name = xml_attr(p->arena, n, "name");
            if (!p->org_name)
                p->org_name = p->org_id;
            p->kind = (enum org_kind)xml_attr_enum(n, "kind", org_kind_parse,
                                                   0, p->path, errs);
        } else if (xml_is(n, "assessment")) {
            if (asm_line) {
                errors_add(errs, CG_ERR_INPUT, p->path, xml_line(n), 0,
                           "second <assessment> (first on line %ld)",
                           asm_line);
                continue;
            }
            asm_line = xml_line(n);
            parse_date_attr(p, n, "as-of", &p->as_of, errs);
            p->has_target_audit = parse_date_attr(p, n, "target-audit",
                                                  &p->target_audit, errs);
            p->lead = xml_attr(p->arena, n, "lead");
            p->mock_audit_weeks = xml_attr_int(n, "mock-audit-weeks",
                                               PLAN_DEFAULT_MOCK_WEEKS, 0,
                                               52, p->path, errs);
        } else if (xml_is(n, "planning")) {
            if (plan_line) {
                errors_add(errs, CG_ERR_INPUT, p->path, xml_line(n), 0,
                           "second <planning> (first on line %ld)",
                           plan_line);
                continue;
            }
            plan_line = xml_line(n);
            p->capacity_days = xml_attr_num(n, "capacity-days",
                                            PLAN_DEFAULT_CAPACITY, 0, 31,
                                            p->path, errs);
            p->day_rate = xml_attr_num(n, "day-rate", 0, 0, LIMIT_VALUE_MAX,
                                       p->path, errs);
            p->currency = xml_attr(p->arena, n, "currency");
        } else if (xml_is(n, "person")) {
            struct person *who = &VEC_PUSH(p->people, p->npeople, ncap);
            who->name = xml_attr(p->arena, n, "name");
            who->capacity_days = xml_attr_num(n, "capacity-days", -1, 0, 31,
                                              p->path, errs);
            who->day_rate = xml_attr_num(n, "day-rate", -1, 0,
                                         LIMIT_VALUE_MAX, p->path, errs);
            who->line = xml_line(n);
        } else if (xml_is(n, "program")) {
            load_program(p, n, &pcap, errs);
        } else if (xml_is(n, "role")) {
            struct role *r = &VEC_PUSH(p->roles, p->nroles, rcap);
            r->id = xml_attr(p->arena, n, "id");
            r->person = xml_attr(p->arena, n, "person");
            r->line = xml_line(n);
        } else if (xml_is(n, "owner")) {
            struct named_owner *o = &VEC_PUSH(p->owners, p->nowners, ocap);
            o->req = xml_attr(p->arena, n, "requirement");
            o->person = xml_attr(p->arena, n, "person");
            o->line = xml_line(n);
        } else if (xml_is(n, "scope")) {
            struct scope_exclusion *s = &VEC_PUSH(p->scope, p->nscope, scap);
            const char *r;
            s->ref = xml_attr(p->arena, n, "exclude");
            s->approved_by = xml_attr(p->arena, n, "approved-by");
            s->program_id = xml_attr(p->arena, n, "program");
            s->program = -1;
            r = xml_attr(p->arena, n, "reason");
            s->reason = r;
            s->line = xml_line(n);
            while (r && (*r == ' ' || *r == '\t' || *r == '\n'))
                r++;
            if (!r || !*r)
                errors_add(errs, CG_ERR_INPUT, p->path, s->line, 0,
                           "scope exclusion of \"%s\" needs a reason",
                           s->ref);
        }
    }
    if (!org_line)
        errors_add(errs, CG_ERR_INPUT, p->path, xml_line(root), 0,
                   "<organization> is missing");
    if (!asm_line)
        errors_add(errs, CG_ERR_INPUT, p->path, xml_line(root), 0,
                   "<assessment> is missing");
    if (p->nprograms == 0)
        errors_add(errs, CG_ERR_INPUT, p->path, xml_line(root), 0,
                   "no <program>: at least one program is assessed");
    p->programs = arena_adopt(p->arena, p->programs, p->nprograms,
                           sizeof *p->programs);
    p->roles = arena_adopt(p->arena, p->roles, p->nroles, sizeof *p->roles);
    p->scope = arena_adopt(p->arena, p->scope, p->nscope, sizeof *p->scope);
    p->owners = arena_adopt(p->arena, p->owners, p->nowners,
                            sizeof *p->owners);
    p->people = arena_adopt(p->arena, p->people, p->npeople,
                            sizeof *p->people);
    /* Programs may come after the exclusions that name them. */
    for (i = 0; i < p->nscope; i++) {
        struct scope_exclusion *s = &p->scope[i];
        if (!s->program_id)
            continue;
        s->program = profile_find_program(p, s->program_id,
                                          strlen(s->program_id));
        if (s->program < 0)
            errors_add(errs, CG_ERR_INPUT, p->path, s->line, 0,
                       "scope exclusion names program \"%s\", which the "
                       "profile does not have", s->program_id);
    }
}

struct profile *profile_load(const char *path, struct cg_errors *errs)
{
    struct profile *p = NULL;
    size_t before = errors_count(errs);
    struct file_digest digest;
    xmlDocPtr doc = xml_read_digest(path, &digest, errs);
    struct arena *a;

    if (!doc)
        return NULL;
    if (!xml_validate(doc, "profile.xsd", path, errs)) {
        xmlFreeDoc(doc);
        return NULL;
    }
    a = arena_new();
    p = arena_calloc(a, 1, sizeof *p);
    p->arena = a;
    p->path = arena_strdup(a, path);
    p->digest = digest;
    /* What the profile leaves out (profile.xsd's defaults). */
    p->mock_audit_weeks = PLAN_DEFAULT_MOCK_WEEKS;
    p->capacity_days = PLAN_DEFAULT_CAPACITY;
    load_elements(p, xmlDocGetRootElement(doc), errs);
    if (errors_count(errs) == before)
        check_unique_programs(p, errs);
    xmlFreeDoc(doc);
    if (errors_count(errs) != before) {
        profile_free(p);
        return NULL;
    }
    return p;
}

