/*
 * What the commands share (cli.h): opening the store and the analyzer, and
 * progress output. The openers return 1 with nothing left open (the store's
 * reason on stderr); progress is shown only when stderr is a terminal.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "search/search.h"
#include "store/files.h"
#include "store/store.h"

const char *cli_opt(const struct cli_opts *o, const char *name)
{
	const char *v = NULL;
	for (int i = 0; i < o->nopts; i++)
		if (!strcmp(o->opts[i][0], name))
			v = o->opts[i][1];
	return v;
}

int cli_open_store(const struct config *cfg, struct store **st)
{
	char err[1024], media[PATH_MAX];
	if (store_open(cfg->db, st, err, sizeof(err)) || store_migrate(*st, err, sizeof(err)) ||
	    (store_set_media_dir(*st, config_media_dir(cfg, media, sizeof(media))) &&
	     snprintf(err, sizeof(err), "geen geheugen / out of memory"))) {
		fprintf(stderr, "vertrouwd: %s\n", err);
		store_close(*st);
		*st = NULL;
		return 1;
	}
	return 0;
}

int cli_open_search(const struct config *cfg, struct search_env *env, int speller)
{
	char dir[4200], err[1024];
	struct lexicon *lx = NULL;
	memset(env, 0, sizeof(*env));
	snprintf(dir, sizeof(dir), "%s/lexicon", cfg->root);
	if (lexicon_load(cfg->wordlist, dir, &lx, err, sizeof(err))) {
		fprintf(stderr, "vertrouwd: %s\n", err);
		return 1;
	}
	return cli_open_search_with(cfg, lx, env, speller);
}

int cli_open_search_with(const struct config *cfg, const struct lexicon *lx, struct search_env *env, int speller)
{
	memset(env, 0, sizeof(*env));
	env->lx = lx;
	env->stem = text_stemmer_new();
	if (!env->stem || cli_open_store(cfg, &env->st)) {
		cli_close_search(env);
		return 1;
	}
	if (speller)
		env->speller = speller_build(env->st, 200000);
	return 0;
}

void cli_close_search(struct search_env *env)
{
	speller_free(env->speller);
	text_stemmer_free(env->stem);
	lexicon_free((struct lexicon *) env->lx);
	store_close(env->st);
	memset(env, 0, sizeof(*env));
}

void cli_progress(int done, int total)
{
	if (!isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\r  %d/%d", done, total);
	if (done == total)
		fputc('\n', stderr);
}
