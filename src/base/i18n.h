/*
 * i18n: the melder's pages in more than Dutch. Catalogues are gettext's: a
 * po/LANG.po per language, compiled by Debian's msgfmt into locale/LANG.mo at
 * build time and read here at start-up (the msgids are the Dutch texts). A
 * text without a translation stays Dutch. Loaded once, then read-only and
 * shared by every thread.
 */
#ifndef VERTROUWD_BASE_I18N_H
#define VERTROUWD_BASE_I18N_H

#include <stddef.h>

#include "base/err.h"

/* Marks a Dutch text in C as one to translate (scripts/po-check.sh finds them). */
#define T_(s) s

#define I18N_MAX_LANGS 8

/* Load every DIR/LANG.mo (LANG two or three letters); a missing DIR loads none. 0, ERR_INVALID (a broken file, named in err), ERR_NOMEM. */
int i18n_load(const char *dir, char *err, size_t errlen) WUR;
void i18n_free(void);
/* Whether lang ("en") has a catalogue; "nl" always has (the texts themselves). */
int i18n_has(const char *lang);
/* The languages with a catalogue, after "nl": into out (at most I18N_MAX_LANGS); returns how many. */
size_t i18n_langs(const char *out[I18N_MAX_LANGS]);
/* The translation of the n bytes at msgid into lang (*outlen set), or msgid itself. Never NULL. */
const char *i18n_text(const char *lang, const char *msgid, size_t n, size_t *outlen);
/* Right-to-left languages (ar, fa, he, ur). */
int i18n_rtl(const char *lang);

#endif
