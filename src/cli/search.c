/*
 * search, analyze, reindex (cli.h): the tools to see why something was or was
 * not found. Each returns 0, or 1 after a message on stderr; a failed reindex
 * is rolled back and leaves the old index in place.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "cli/cli.h"
#include "content/content.h"
#include "search/search.h"
#include "store/store.h"

#define CLI_HITS 10

static void print_json(json_t *j)
{
	char *s = json_dumps(j, JSON_INDENT(2) | JSON_ENSURE_ASCII);
	if (s)
		puts(s);
	free(s);
	json_decref(j);
}

/* A snippet as plain text, hits in [brackets] for a terminal. */
static char *snippet_text(struct search_env *env, long long id, const struct search_result *res, struct arena *a,
			  int marks)
{
	const char *lead, *body;
	struct snippet_part *parts;
	size_t n;
	if (store_item_text(env->st, a, id, &lead, &body) || search_snippet(env, body, res, 24, a, &parts, &n))
		return NULL;
	struct buf b = BUF_INIT(1 << 16);
	for (size_t i = 0; i < n; i++)
		if ((parts[i].hit && marks && buf_addc(&b, '[')) || buf_adds(&b, parts[i].text) ||
		    (parts[i].hit && marks && buf_addc(&b, ']')))
			break;
	char *s = arena_strndup(a, b.ptr, b.len);
	buf_free(&b);
	return s;
}

int cli_search(struct cli_opts *o)
{
	struct search_env env;
	if (cli_open_search(&o->cfg, &env, 1))
		return 1;
	struct arena a = ARENA_INIT;
	struct search_result res;
	struct item_filter f = {0};
	int rc = store_read_begin(env.st);
	if (!rc)
		rc = search_run(&env, o->args[0], &f, 0, CLI_HITS, &a, &res);
	if (rc) {
		fprintf(stderr, "vertrouwd: zoeken mislukt (%s)%s\n", err_str(rc),
			rc == ERR_TOO_LARGE ? ": de zoekvraag is te lang" : "");
	} else if (o->json) {
		json_t *hits = json_array();
		for (size_t i = 0; i < res.n; i++) {
			const struct item *it = &res.hits[i].item;
			const char *snip = snippet_text(&env, it->id, &res, &a, 0);
			json_array_append_new(hits, json_pack("{s:s, s:s, s:s, s:f, s:s}", "slug", it->slug, "type",
							      it->type, "title", it->title, "score", -res.hits[i].score,
							      "snippet", snip ? snip : ""));
		}
		json_t *out = json_pack("{s:s, s:I, s:b, s:o, s:s?, s:s?}", "query", o->args[0], "total",
					(json_int_t) res.total, "total_at_least", store_search_more(res.total), "hits",
					hits, "suggestion", res.suggestion, "expression", res.match);
		print_json(out);
	} else {
		printf("%s voor '%s'\n", search_total_label(res.total, &a), o->args[0]);
		if (res.suggestion)
			printf("Bedoelde je: %s?\n", res.suggestion);
		for (size_t i = 0; i < res.n; i++) {
			const struct item *it = &res.hits[i].item;
			const char *snip = snippet_text(&env, it->id, &res, &a, 1);
			printf("%2zu. %s  [%s/%s]  %.3f\n    %s\n", i + 1, it->title, it->type, it->slug,
			       -res.hits[i].score, snip ? snip : "");
		}
	}
	store_read_end(env.st);
	arena_free(&a);
	cli_close_search(&env);
	return rc ? 1 : 0;
}

int cli_analyze(struct cli_opts *o)
{
	struct search_env env;
	if (cli_open_search(&o->cfg, &env, 0))
		return 1;
	struct arena a = ARENA_INIT;
	struct term *t;
	size_t n;
	const char *text = o->args[0];
	int rc = text_analyze(env.lx, env.stem, text, strlen(text), 100000, &a, &t, &n);
	if (rc) {
		fprintf(stderr, "vertrouwd: analyseren mislukt (%s)\n", err_str(rc));
	} else if (o->json) {
		json_t *terms = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(terms, json_pack("{s:s, s:s%, s:i, s:b}", "term", t[i].text, "token",
							       text + t[i].start, t[i].len, "position", t[i].pos,
							       "part", t[i].part));
		print_json(terms);
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%s%s\t(%.*s, positie %d%s)\n", t[i].part ? "  " : "", t[i].text, (int) t[i].len,
			       text + t[i].start, t[i].pos, t[i].part ? ", deel van een samenstelling" : "");
	}
	arena_free(&a);
	cli_close_search(&env);
	return rc ? 1 : 0;
}

int cli_reindex(struct cli_opts *o)
{
	struct search_env env;
	if (cli_open_search(&o->cfg, &env, 0))
		return 1;
	fprintf(stderr, "Zoekindex opnieuw opbouwen ...\n");
	int count;
	int rc = search_reindex(&env, cli_progress, &count);
	cli_close_search(&env);
	if (rc) {
		fprintf(stderr, "vertrouwd: herindexeren mislukt (%s); de oude index is bewaard\n", err_str(rc));
		return 1;
	}
	printf("Zoekindex klaar: %d items.\n", count);
	return 0;
}
