/* The CLI may include any project header, but never libxml2. */
#include <libxml/parser.h>
#include "copcgap/load.h"
