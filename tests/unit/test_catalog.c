/* test_catalog.c — catalogue loading, texts, defaults, lint. */
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "check_main.h"
#include "copcgap/catalog.h"
#include "copcgap/embedded.h"
#include "copcgap/load.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
             "<catalog id=\"t\" version=\"1\" publisher=\"p\">\n" \
             "<title>T</title>\n"

/* Load XML text through a temp file; returns the catalogue or NULL. */
static struct catalog *load_text(const char *xml, struct cg_errors *errs)
{
    char *path = write_temp(".xml", xml);
    struct catalog *c = catalog_load(path, errs);
    unlink(path);
    free(path);
    return c;
}

/* The first error message, or "" (for assertions). */
static const char *first_msg(const struct cg_errors *e)
{
    return e->n ? e->v[0].msg : "";
}

START_TEST(loads_the_tiny_sample)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct catalog *c = catalog_load("samples/tiny/catalog.xml", &errs);
    const struct requirement *r;

    ck_assert_msg(c != NULL, "%s", first_msg(&errs));
    ck_assert_str_eq(c->id, "tiny");
    ck_assert_uint_eq(c->ncategories, 2);
    ck_assert_uint_eq(c->nreqs, 4);
    ck_assert_uint_eq(c->nrules, 5);
    r = &c->reqs[catalog_find_req(c, "1.2", 3)];
    ck_assert_str_eq(i18n_get(&r->title, "es"),
                     "Política de calidad comunicada a todo el personal");
    /* Unknown language falls back to English. */
    ck_assert(strstr(i18n_get(&r->title, "fr"), "Quality policy") != NULL);
    ck_assert_uint_eq(r->ndepends, 1);
    ck_assert_uint_eq(r->depends_idx[0], 0);
    ck_assert_double_eq(r->weight, 1.0);     /* default */
    ck_assert_int_eq(r->impact, 3);         /* default */
    ck_assert_str_eq(r->rules[0].id, "1.2/1");
    ck_assert_int_eq(r->rules[0].approved, 1);
    ck_assert_int_eq(r->rules[0].max_age_days, 730);
    r = &c->reqs[catalog_find_req(c, "2.1", 3)];
    ck_assert_int_eq(r->critical, 1);
    ck_assert_uint_eq(r->applies_channels,
                      (1u << CH_VOICE) | (1u << CH_CHAT));
    ck_assert_int_eq(r->rules[0].mode, WIN_AT_LEAST);
    ck_assert_int_eq(r->rules[0].at_least, 4);
    ck_assert_int_eq(r->rules[0].program_target, 1);
    catalog_free(c);
    errors_free(&errs);
}
END_TEST

/* The XSD documents the scoring defaults; the engine must use the same. */
START_TEST(scoring_defaults_match_the_schema)
{
    const struct embedded_file *f = embedded_find("catalogue.xsd");
    struct scoring s;
    xmlDocPtr doc;
    xmlNodePtr n;
    int found = 0;
    static const struct { const char *attr; size_t off; int is_int; }
    fields[] = {
        { "met-min", offsetof(struct scoring, met_min), 0 },
        { "partial-min", offsetof(struct scoring, partial_min), 0 },
        { "no-data-score", offsetof(struct scoring, no_data_score), 0 },
        { "partial-finding", offsetof(struct scoring, partial_finding), 0 },
        { "conditional-min", offsetof(struct scoring, conditional_min), 0 },
        { "window-months", offsetof(struct scoring, window_months), 1 },
        { "critical-factor", offsetof(struct scoring, critical_factor), 0 },
        { "urgency-factor", offsetof(struct scoring, urgency_factor), 0 },
        { "trend-confidence", offsetof(struct scoring, trend_confidence),
          0 },
        { "tier2-slack-days", offsetof(struct scoring, tier2_slack_days),
          1 },
        { "effort-evidence", offsetof(struct scoring,
                                      effort[RULE_EVIDENCE]), 0 },
        { "effort-finding", offsetof(struct scoring, effort[RULE_FINDING]),
          0 },
        { "effort-metric", offsetof(struct scoring, effort[RULE_METRIC]),
          0 },
        { "effort-trend", offsetof(struct scoring, effort[RULE_TREND]), 0 },
        { "effort-sample", offsetof(struct scoring, effort[RULE_SAMPLE]),
          0 },
        { "effort-check", offsetof(struct scoring, effort[RULE_CHECK]), 0 },
        { "effort-cadence", offsetof(struct scoring, effort[RULE_CADENCE]),
          0 },
    };

    ck_assert(f != NULL);
    scoring_defaults(&s);
    doc = xmlReadMemory((const char *)f->data, (int)f->len, "x.xsd", NULL,
                        XML_PARSE_NONET);
    ck_assert(doc != NULL);
    /* Find <xs:element name="scoring"> and walk its xs:attribute list. */
    for (n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
        xmlChar *name;
        xmlNodePtr ct, at;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        name = xmlGetProp(n, (const xmlChar *)"name");
        if (!name || strcmp((char *)name, "scoring") != 0) {
            xmlFree(name);
            continue;
        }
        xmlFree(name);
        for (ct = n->children; ct && ct->type != XML_ELEMENT_NODE;)
            ct = ct->next;
        for (at = ct->children; at; at = at->next) {
            xmlChar *an, *def;
            size_t i;
            if (at->type != XML_ELEMENT_NODE)
                continue;
            an = xmlGetProp(at, (const xmlChar *)"name");
            def = xmlGetProp(at, (const xmlChar *)"default");
            /* program-weight is an enumeration: volume is PW_VOLUME. */
            if (strcmp((char *)an, "program-weight") == 0) {
                ck_assert_str_eq((char *)def, "volume");
                ck_assert_int_eq(s.program_weight, PW_VOLUME);
                found++;
            }
            for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
                if (strcmp((char *)an, fields[i].attr) != 0)
                    continue;
                found++;
                if (fields[i].is_int)
                    ck_assert_int_eq(*(int *)((char *)&s + fields[i].off),
                                     atoi((char *)def));
                else
                    ck_assert_msg(*(double *)((char *)&s + fields[i].off) ==
                                      strtod((char *)def, NULL),
                                  "%s", fields[i].attr);
            }
            xmlFree(an);
            xmlFree(def);
        }
    }
    ck_assert_int_eq(found, (int)(sizeof fields / sizeof fields[0]) + 1);
    xmlFreeDoc(doc);
}
END_TEST

START_TEST(lint_finds_cross_reference_problems)
{
    static const struct { const char *body; const char *msg; } cases[] = {
        { "<category id='1'><title>c</title>"
          "<requirement id='1.1'><title>a</title><depends-on ref='1.1'/>"
          "<rules><finding/></rules></requirement></category>",
          "requirement 1.1 depends on itself" },
        { "<category id='1'><title>c</title>"
          "<requirement id='1'><title>a</title><rules><finding/></rules>"
          "</requirement></category>",
          "duplicate id \"1\"" },
        { "<category id='1'><title>c</title>"
          "<requirement id='1.1'><title>a</title>"
          "<rules><metric name='aht' target='fixed'/></rules>"
          "</requirement></category>",
          "needs op and value" },
        { "<category id='1'><title>c</title>"
          "<requirement id='1.1'><title>a</title>"
          "<rules><metric name='csat' mode='at-least' at-least='7'/></rules>"
          "</requirement></category>",
          "at-least=\"7\" is more than the 6-month window" },
        { "<category id='1'><title>c</title>"
          "<requirement id='1.1'><title>a</title>"
          "<rules><trend name='aht'/></rules>"
          "</requirement></category>",
          "needs better=\"higher\" or \"lower\"" },
        { "<category id='1'><title>c</title>"
          "<requirement id='1.1'><title>a</title></requirement></category>",
          "has no rules" },
        { "<category id='1'><title>c</title>"
          "<requirement id='1.1'><title>a</title><title>b</title>"
          "<rules><finding/></rules></requirement></category>",
          "<title> given twice in language \"en\"" },
        { "<metrics><metric name='csat'/></metrics>"
          "<category id='1'><title>c</title>"
          "<requirement id='1.1'><title>a</title>"
          "<rules><finding/></rules></requirement></category>",
          "is built in and cannot be declared again" },
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cg_errors errs = CG_ERRORS_INIT;
        struct strbuf xml = STRBUF_INIT;
        struct catalog *c;
        strbuf_printf(&xml, HEAD "%s</catalog>\n", cases[i].body);
        c = load_text(xml.buf, &errs);
        ck_assert_msg(c == NULL, "case %zu loaded", i);
        ck_assert_msg(strstr(first_msg(&errs), cases[i].msg) != NULL,
                      "case %zu: %s", i, first_msg(&errs));
        strbuf_free(&xml);
        errors_free(&errs);
    }
}
END_TEST

START_TEST(declared_metrics_and_reference_catalogues)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct catalog *c = load_text(
        "<?xml version='1.0'?>"
        "<catalog id='iso' version='1' publisher='p' type='reference'>"
        "<title>Ref</title>"
        "<metrics><metric name='occupancy' unit='%' better='none'/></metrics>"
        "<category id='4'><title>c</title>"
        "<requirement id='4.1'><title>clause</title></requirement>"
        "</category></catalog>", &errs);

    ck_assert_msg(c != NULL, "%s", first_msg(&errs));
    ck_assert(c->reference);
    ck_assert(catalog_knows_metric(c, "occupancy", 9));
    ck_assert(catalog_knows_metric(c, "service_level", 13));
    ck_assert(!catalog_knows_metric(c, "occupanc", 8));
    ck_assert_int_eq(catalog_metric_better(c, "abandon_rate"), 2);
    catalog_free(c);
    errors_free(&errs);
}
END_TEST

static Suite *catalog_suite(void)
{
    Suite *s = suite_create("catalog");
    TCase *tc = tcase_create("catalog");
    tcase_add_test(tc, loads_the_tiny_sample);
    tcase_add_test(tc, scoring_defaults_match_the_schema);
    tcase_add_test(tc, lint_finds_cross_reference_problems);
    tcase_add_test(tc, declared_metrics_and_reference_catalogues);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(catalog_suite)
