/* A base header would be fine; this model header reaches up. */
#include "copcgap/plan.h"
#include <sqlite3.h>
