/*
 * text.c — the words gen-org puts in its files: people's names, labels
 * for evidence kinds and channels, and assessor notes, in English and
 * Spanish.  All names are invented; Spanish names take two surnames, as
 * they are written in the Andean countries.
 */
#include <string.h>

#include "copcgap/util.h"
#include "gen.h"

static const char *const first_en[] = {
    "Amelia", "Ben", "Chloe", "Daniel", "Ella", "Finn", "Grace", "Harry",
    "Isla", "Jack", "Katie", "Liam", "Maya", "Noah", "Olivia", "Priya",
    "Quentin", "Ruby", "Samuel", "Tara", "Usman", "Victoria", "William",
    "Yasmin", "Zoe", "Aaron", "Beth", "Connor", "Diana", "Ethan", "Fiona",
    "George", "Hannah", "Ian", "Jasmine", "Kieran", "Laura", "Marcus",
    "Nadia", "Oscar"
};
static const char *const last_en[] = {
    "Ahmed", "Bennett", "Clarke", "Davies", "Evans", "Fletcher", "Graham",
    "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nash",
    "O'Brien", "Patel", "Quinn", "Roberts", "Shaw", "Taylor", "Underwood",
    "Vaughan", "Walsh", "Young", "Ward", "Turner", "Price", "Moss", "Lloyd",
    "Kerr", "Hale", "Grant", "Foster", "Ellis", "Doyle", "Carter", "Brooks",
    "Adams", "Mills", "Reid"
};
static const char *const first_es[] = {
    "Ana", "Andrés", "Beatriz", "Camila", "Carlos", "Daniela", "Diego",
    "Elena", "Felipe", "Gabriela", "Hugo", "Inés", "Javier", "Jimena",
    "Juan", "Laura", "Lucía", "Luis", "Manuel", "María", "Martín",
    "Natalia", "Pablo", "Paula", "Rafael", "Rocío", "Santiago", "Sofía",
    "Tomás", "Valentina", "Verónica", "Ximena", "Alejandro", "Carolina",
    "Fernando", "Isabel", "Mateo", "Renata", "Sebastián", "Julia"
};
static const char *const last_es[] = {
    "Aguilar", "Benítez", "Cabrera", "Castillo", "Delgado", "Espinoza",
    "Flores", "García", "Gómez", "Guerrero", "Herrera", "Ibáñez",
    "Jiménez", "López", "Mendoza", "Morales", "Navarro", "Núñez", "Ortega",
    "Paredes", "Pérez", "Quispe", "Ramírez", "Ríos", "Rojas", "Salazar",
    "Sánchez", "Torres", "Urrutia", "Vargas", "Vásquez", "Zamora",
    "Huamán", "Cárdenas", "Villanueva", "Medina", "Chávez", "Córdova",
    "Reyes", "Valdivia"
};

static int name_used(const struct gen *g, uint64_t id)
{
    size_t i;
    for (i = 0; i < g->nused; i++)
        if (g->used_names[i] == id)
            return 1;
    return 0;
}

char *text_person(struct gen *g, const char *salt)
{
    const char *const *first = g->es ? first_es : first_en;
    const char *const *last = g->es ? last_es : last_en;
    size_t nf = g->es ? ARRAY_LEN(first_es) : ARRAY_LEN(first_en);
    size_t nl = g->es ? ARRAY_LEN(last_es) : ARRAY_LEN(last_en);
    uint64_t h = key_hash(g->o.seed, "person|%s", salt);
    struct strbuf sb = STRBUF_INIT;
    size_t f, l1, l2;
    uint64_t id;
    int tries;

    /* Probe from the hashed position until both the first name and the
     * first surname are new: a small management team never shares one
     * (after many tries, only the pair must be new). */
    for (tries = 0;; tries++) {
        f = (size_t)(h % nf);
        l1 = (size_t)((h >> 16) % nl);
        l2 = (size_t)((h >> 32) % nl);
        id = (uint64_t)f * 1000 + l1;
        if (!name_used(g, id) &&
            (tries > 500 || (!name_used(g, 1000000 + f) &&
                             !name_used(g, 2000000 + l1))))
            break;
        h = h * 6364136223846793005u + 1442695040888963407u;
    }
    VEC_PUSH(g->used_names, g->nused, g->capused) = id;
    VEC_PUSH(g->used_names, g->nused, g->capused) = 1000000 + f;
    VEC_PUSH(g->used_names, g->nused, g->capused) = 2000000 + l1;
    if (l2 == l1)
        l2 = (l2 + 7) % nl;
    strbuf_printf(&sb, "%s %s", first[f], last[l1]);
    if (g->es)
        strbuf_printf(&sb, " %s", last[l2]);
    return strbuf_detach(&sb);
}

struct kind_label {
    const char *kind, *en, *es;
};

static const struct kind_label kind_labels[] = {
    { "policy", "Policy", "Política" },
    { "procedure", "Procedure", "Procedimiento" },
    { "plan", "Plan", "Plan" },
    { "report", "Report", "Informe" },
    { "minutes", "Minutes", "Acta" },
    { "record", "Record", "Registro" },
    { "training-record", "Training record", "Registro de capacitación" },
    { "dashboard", "Dashboard", "Tablero" },
    { "contract", "Contract", "Contrato" },
    { "test-report", "Test report", "Informe de prueba" },
    { "certificate", "Certificate", "Certificado" },
    { "job-description", "Job description", "Descripción de puesto" },
};

const char *text_kind_label(const char *kind, int es)
{
    size_t i;
    for (i = 0; i < ARRAY_LEN(kind_labels); i++)
        if (strcmp(kind_labels[i].kind, kind) == 0)
            return es ? kind_labels[i].es : kind_labels[i].en;
    return kind;
}

const char *text_channel_word(enum channel c, int es)
{
    static const char *const en[CH_COUNT] = {
        "voice", "chat", "email", "messaging", "social", "back office",
        "self-service"
    };
    static const char *const sp[CH_COUNT] = {
        "voz", "chat", "correo", "mensajería", "redes sociales",
        "back office", "autoservicio"
    };
    return es ? sp[c] : en[c];
}

static const char *const notes_en[FR_COUNT][3] = {
    { "Interviews and records confirm the practice is in place and "
      "followed.",
      "Sampled records and walk-throughs match the documented practice.",
      "Practice in place; staff interviewed explained it consistently." },
    { "Practice in place but not applied consistently across teams.",
      "Documented, but records for part of the period are incomplete.",
      "Partly implemented; follow-up actions are not yet tracked to "
      "closure." },
    { "No evidence that the practice is applied; interviews contradict "
      "the procedure.",
      "Not implemented: the records requested could not be produced.",
      "Practice missing; the owner confirmed it has not started." },
    { "Not applicable to this operation.", "Not applicable.",
      "Not applicable." },
};
static const char *const notes_es[FR_COUNT][3] = {
    { "Las entrevistas y los registros confirman que la práctica está "
      "implantada y se sigue.",
      "Los registros muestreados y los recorridos coinciden con la "
      "práctica documentada.",
      "Práctica implantada; el personal entrevistado la explicó de forma "
      "coherente." },
    { "La práctica existe pero no se aplica igual en todos los equipos.",
      "Documentada, pero faltan registros de parte del período.",
      "Implantada en parte; las acciones de seguimiento no se controlan "
      "hasta su cierre." },
    { "No hay evidencia de que la práctica se aplique; las entrevistas "
      "contradicen el procedimiento.",
      "No implantada: no se pudieron presentar los registros solicitados.",
      "La práctica no existe; el responsable confirmó que no ha "
      "comenzado." },
    { "No aplica a esta operación.", "No aplica.", "No aplica." },
};

const char *text_finding_note(int result, uint64_t pick, int es)
{
    if (result < 0 || result >= FR_COUNT)
        result = FR_MET;
    return es ? notes_es[result][pick % 3] : notes_en[result][pick % 3];
}

/* ASCII letter for a two-byte UTF-8 Latin-1 letter (C3 xx), or 0. */
static char latin1_base(unsigned char b)
{
    static const char map[65] =
        "AAAAAAACEEEEIIII" "DNOOOOO*OUUUUYTs"
        "aaaaaaaceeeeiiii" "dnooooo/ouuuuyty";
    char c = map[b & 0x3f];
    return c == '*' || c == '/' ? 0 : c;
}

char *text_slug(const char *s)
{
    struct strbuf sb = STRBUF_INIT;
    int dash = 0;

    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char out = 0;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out = (char)c;
        else if (c >= 'A' && c <= 'Z')
            out = (char)(c - 'A' + 'a');
        else if (c == 0xc3 && (unsigned char)s[1] >= 0x80 &&
                 (unsigned char)s[1] < 0xc0)
            out = latin1_base((unsigned char)*++s);
        if (out >= 'A' && out <= 'Z')
            out = (char)(out - 'A' + 'a');
        if (out) {
            if (dash && sb.len)
                strbuf_addc(&sb, '-');
            strbuf_addc(&sb, out);
            dash = 0;
        } else if (c < 0x80 || c >= 0xc0) {
            /* Punctuation, or a letter with no ASCII base: a break. */
            dash = 1;
        }
    }
    return strbuf_detach(&sb);
}
