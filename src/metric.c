/* metric.c — the built-in KPI table (see metric.h and inputs.md). */
#include "copcgap/metric.h"
#include "copcgap/util.h"

const struct metric_def metric_defs[M_BUILTIN_COUNT] = {
    { "offered", "count", BETTER_NONE, SRC_CONTACTS, 1,
      "Contacts offered", "Contactos ofrecidos" },
    { "service_level", "%", BETTER_HIGHER, SRC_CONTACTS, 0,
      "Service level", "Nivel de servicio" },
    { "abandon_rate", "%", BETTER_LOWER, SRC_CONTACTS, 0,
      "Abandonment rate", "Tasa de abandono" },
    { "asa", "s", BETTER_LOWER, SRC_CONTACTS, 0,
      "Average speed of answer", "Tiempo medio de respuesta" },
    { "aht", "s", BETTER_NONE, SRC_CONTACTS, 0,
      "Average handle time", "Tiempo medio de gestión" },
    { "fcr", "%", BETTER_HIGHER, SRC_CONTACTS, 0,
      "First-contact resolution", "Resolución en el primer contacto" },
    { "qa_sample", "count", BETTER_NONE, SRC_QA, 1,
      "Evaluations monitored", "Evaluaciones monitoreadas" },
    { "euc_accuracy", "%", BETTER_HIGHER, SRC_QA, 0,
      "End-user critical accuracy",
      "Precisión crítica para el usuario final" },
    { "bc_accuracy", "%", BETTER_HIGHER, SRC_QA, 0,
      "Business critical accuracy", "Precisión crítica para el negocio" },
    { "cc_accuracy", "%", BETTER_HIGHER, SRC_QA, 0,
      "Compliance critical accuracy", "Precisión crítica de cumplimiento" },
    { "nc_accuracy", "%", BETTER_HIGHER, SRC_QA, 0,
      "Non-critical accuracy", "Precisión no crítica" },
    { "euc_moe", "pts", BETTER_LOWER, SRC_QA, 0,
      "Monitoring margin of error (EUC)",
      "Margen de error del monitoreo (EUC)" },
    { "bc_moe", "pts", BETTER_LOWER, SRC_QA, 0,
      "Monitoring margin of error (BC)",
      "Margen de error del monitoreo (BC)" },
    { "cc_moe", "pts", BETTER_LOWER, SRC_QA, 0,
      "Monitoring margin of error (CC)",
      "Margen de error del monitoreo (CC)" },
    { "csat", "%", BETTER_HIGHER, SRC_SURVEYS, 0,
      "Customer satisfaction (top-2-box)",
      "Satisfacción del cliente (top-2-box)" },
    { "dsat", "%", BETTER_LOWER, SRC_SURVEYS, 0,
      "Customer dissatisfaction (bottom-2-box)",
      "Insatisfacción del cliente (bottom-2-box)" },
    { "nps", "pts", BETTER_HIGHER, SRC_SURVEYS, 0,
      "Net promoter score", "Net Promoter Score" },
    { "ces", "", BETTER_HIGHER, SRC_SURVEYS, 0,
      "Customer effort score (7 = very easy)",
      "Índice de esfuerzo del cliente (7 = muy fácil)" },
    { "forecast_accuracy", "%", BETTER_HIGHER, SRC_FORECAST, 0,
      "Forecast accuracy (intervals within tolerance)",
      "Precisión del pronóstico (intervalos dentro de tolerancia)" },
    { "forecast_wape", "%", BETTER_LOWER, SRC_FORECAST, 0,
      "Forecast error (WAPE)", "Error del pronóstico (WAPE)" },
    { "headcount", "count", BETTER_NONE, SRC_STAFF, 1,
      "Average headcount", "Plantilla promedio" },
    { "attrition", "%", BETTER_LOWER, SRC_STAFF, 0,
      "Monthly attrition", "Rotación mensual" },
    { "unverified_agents", "count", BETTER_LOWER, SRC_STAFF, 1,
      "Agents live before skills verification",
      "Agentes en línea sin verificación de habilidades" },
};

int metric_find(const char *name, size_t len)
{
    int i;
    for (i = 0; i < M_BUILTIN_COUNT; i++)
        if (str_eq_n(name, len, metric_defs[i].name))
            return i;
    return -1;
}

const char *metric_source_file(enum metric_source src)
{
    static const char *const files[SRC_COUNT] = {
        "contacts.csv", "qa.csv", "surveys.csv", "forecast.csv", "staff.csv"
    };
    return files[src];
}
