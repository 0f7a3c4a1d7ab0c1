/*
 * datadir.h — where shipped data (catalogues, templates) and fonts are.
 *
 * Data is looked up in $COPCGAP_DATADIR, then next to the binary in a
 * source tree (standards/ beside or above the executable), then in
 * ../share/copcgap beside the executable (a relocated install), then in
 * the installed PREFIX/share/copcgap.  Fonts: an explicit directory, then
 * $COPCGAP_FONT_DIR, then /usr/share/fonts/truetype/dejavu.
 */
#ifndef COPCGAP_DATADIR_H
#define COPCGAP_DATADIR_H

/*
 * Full path of a shipped data file, e.g. datadir_find("copc-cx-aligned.xml",
 * "standards"); `subdir` is the folder that holds it in a source tree.
 * Returns a malloc'd path (free it) or NULL when not found.
 */
char *datadir_find(const char *name, const char *subdir);

/* Font directory to use: `explicit_dir` when not NULL, else as above. */
const char *datadir_fonts(const char *explicit_dir);

#define DEFAULT_CATALOG "copc-cx-aligned.xml"

#endif
