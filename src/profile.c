/*
 * profile.c — the assessed organisation's model: defaults and lookups
 * (see profile.h).  profile_xml.c builds it from profile.xml.
 */
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/profile.h"

double channel_default_sl_seconds(enum channel c)
{
    /* docs/inputs.md: voice 20, chat 60, messaging 300, social 3600, email and
     * back-office 86400 (one day). */
    switch (c) {
    case CH_VOICE: return 20;
    case CH_CHAT: return 60;
    case CH_MESSAGING: return 300;
    case CH_SOCIAL: return 3600;
    case CH_EMAIL:
    case CH_BACK_OFFICE:
    case CH_SELF_SERVICE:
    default: return 86400;
    }
}

void profile_free(struct profile *p)
{
    if (p)
        arena_free(p->arena);
}

int profile_find_program(const struct profile *p, const char *id, size_t len)
{
    size_t i;
    for (i = 0; i < p->nprograms; i++)
        if (str_eq_n(id, len, p->programs[i].id))
            return (int)i;
    return -1;
}

const struct target *program_target(const struct program *pg,
                                    const char *metric)
{
    size_t i;
    for (i = 0; i < pg->ntargets; i++)
        if (strcmp(pg->targets[i].metric, metric) == 0)
            return &pg->targets[i];
    return NULL;
}

const char *profile_person(const struct profile *p, const char *role)
{
    size_t i;
    if (!role)
        return NULL;
    for (i = 0; i < p->nroles; i++)
        if (strcmp(p->roles[i].id, role) == 0)
            return p->roles[i].person;
    return NULL;
}

const char *profile_named_owner(const struct profile *p, const char *req)
{
    size_t i;
    for (i = 0; i < p->nowners; i++)
        if (strcmp(p->owners[i].req, req) == 0)
            return p->owners[i].person;
    return NULL;
}

const struct scope_exclusion *profile_excluded(const struct profile *p,
                                               const char *ref)
{
    return profile_excluded_for(p, ref, -1);
}

const struct scope_exclusion *profile_excluded_for(const struct profile *p,
                                                   const char *ref,
                                                   int program)
{
    size_t i;
    for (i = 0; i < p->nscope; i++)
        if (p->scope[i].program == program &&
            strcmp(p->scope[i].ref, ref) == 0)
            return &p->scope[i];
    return NULL;
}

static const struct person *person(const struct profile *p, const char *name)
{
    size_t i;
    for (i = 0; name && i < p->npeople; i++)
        if (strcmp(p->people[i].name, name) == 0)
            return &p->people[i];
    return NULL;
}

double profile_capacity(const struct profile *p, const char *name)
{
    const struct person *who = person(p, name);
    return who && who->capacity_days >= 0 ? who->capacity_days
                                          : p->capacity_days;
}

double profile_day_rate(const struct profile *p, const char *name)
{
    const struct person *who = person(p, name);
    return who && who->day_rate >= 0 ? who->day_rate : p->day_rate;
}
