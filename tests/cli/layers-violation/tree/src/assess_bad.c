/* A core file that reaches up into the edges and out to libxml2. */
#include <stdio.h>
#include <libxml/tree.h>

#include "copcgap/assess.h"
#include "copcgap/render.h"
