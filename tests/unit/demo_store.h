/* The demo content in a fresh store, with the Dutch analyzer and speller: for the search tests. */
#ifndef VERTROUWD_DEMO_STORE_H
#define VERTROUWD_DEMO_STORE_H

#include "content/content.h"
#include "search/search.h"
#include "store/store.h"

static inline int demo_store_open(const char *dsn, struct search_env *env, struct lexicon **lx)
{
	char err[512];
	struct import_report rep;
	if (lexicon_load("/usr/share/dict/dutch", "lexicon", lx, err, sizeof(err)))
		return -1;
	env->lx = *lx;
	env->stem = text_stemmer_new();
	if (store_open(dsn, &env->st, err, sizeof(err)) || store_migrate(env->st, err, sizeof(err)) ||
	    content_import_dir(env->st, env, "demo", NULL, &rep) || rep.imported < 60)
		return -1;
	env->speller = speller_build(env->st, 200000);
	return 0;
}

static inline void demo_store_close(struct search_env *env, struct lexicon *lx)
{
	speller_free(env->speller);
	text_stemmer_free(env->stem);
	store_close(env->st);
	lexicon_free(lx);
}

#endif
