/*
 * Turning items into index terms (search.h): title, lead and body analysed
 * into terms and compound parts, their words counted into the vocabulary.
 * search_index_item writes in the caller's transaction and returns the first
 * error (ERR_NOMEM, ERR_TOO_LARGE, ERR_DB); search_reindex runs in a
 * transaction of its own and rolls all of it back on any error.
 */
#include <string.h>

#include "base/buf.h"
#include "base/strmap.h"
#include "search/search.h"
#include "store/store.h"

#define MAX_TOKENS 200000

/* Markdown to plain text, good enough for indexing and snippets: link targets, markup signs and tables go. */
char *search_plain(struct arena *a, const char *md)
{
	size_t n = strlen(md), k = 0;
	char *out = arena_alloc(a, n + 1);
	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		char c = md[i];
		if (c == ']' && i + 1 < n && md[i + 1] == '(') {
			const char *close = memchr(md + i, ')', n - i);
			if (close) {
				i = (size_t) (close - md);
				continue;
			}
		}
		if (strchr("#*_`>|[]", c) || (c == '-' && (i == 0 || md[i - 1] == '\n')))
			c = ' ';
		out[k++] = c;
	}
	out[k] = '\0';
	return out;
}

/* Stems of one field, space-separated; compound parts go to parts. */
static int field_terms(struct search_env *env, struct arena *a, const char *text, struct buf *terms, struct buf *parts)
{
	struct term *t;
	size_t n;
	int rc = text_analyze(env->lx, env->stem, text, strlen(text), MAX_TOKENS, a, &t, &n);
	for (size_t i = 0; i < n && !rc; i++) {
		struct buf *b = t[i].part ? parts : terms;
		rc = (b->len && buf_addc(b, ' ')) || buf_adds(b, t[i].text) ? ERR_NOMEM : 0;
	}
	return rc;
}

/*
 * Write the vocabulary as {"word": count, ...} objects of at most about a
 * megabyte each. A reindex counts the whole of it in memory (env->pending) and
 * writes it once at the end: a word in most items would otherwise be updated
 * once per item inside one transaction, which PostgreSQL pays for with an ever
 * longer chain of row versions.
 */
static int vocabulary_write(struct store *st, const struct strmap *m)
{
	struct buf json = BUF_INIT(16 << 20);
	int rc = 0;
	for (size_t i = 0; i <= m->cap && !rc; i++) {
		int last = i == m->cap;
		/* Folded words hold no quotes or backslashes, but such a key is left out all the same. */
		if (!last && m->slots[i].key && !strpbrk(m->slots[i].key, "\"\\"))
			rc = buf_addf(&json, "%c\"%s\":%lld", json.len ? ',' : '{', m->slots[i].key, m->slots[i].value);
		if (!rc && json.len && (last || json.len > (1 << 20))) {
			rc = buf_addc(&json, '}') ? ERR_NOMEM : store_search_words_add(st, json.ptr);
			buf_reset(&json);
		}
	}
	buf_free(&json);
	return rc;
}

static int vocabulary_add(struct strmap *m, const char *word, long long n)
{
	long long *count = strmap_slot(m, word);
	if (!count)
		return ERR_NOMEM;
	*count += n;
	return 0;
}

/*
 * Count the folded words of the texts into the vocabulary: into env->pending
 * during a reindex, else written at once.
 */
static int add_words(struct search_env *env, struct arena *a, const char *const *texts, size_t ntexts)
{
	struct strmap local = STRMAP_INIT, *m = env->pending ? env->pending : &local;
	int rc = 0;
	for (size_t t = 0; t < ntexts && !rc; t++) {
		struct token *toks;
		size_t n;
		rc = text_tokens(env->lx, texts[t], strlen(texts[t]), MAX_TOKENS, a, &toks, &n);
		for (size_t i = 0; i < n && !rc; i++) {
			if (toks[i].stop || strlen(toks[i].word) < 3 || strspn(toks[i].word, "0123456789"))
				continue;
			text_base(env->lx, toks[i].word);
			rc = vocabulary_add(m, toks[i].word, 1);
		}
	}
	if (!rc && m == &local)
		rc = vocabulary_write(env->st, &local);
	strmap_free(&local);
	return rc;
}

int search_index_item(struct search_env *env, const struct item *it)
{
	if (it->status && strcmp(it->status, "gepubliceerd"))
		return store_search_remove(env->st, it->id); /* drafts are not searchable */
	struct arena a = ARENA_INIT;
	struct buf title = BUF_INIT(1 << 20), lead = BUF_INIT(1 << 20), body = BUF_INIT(16 << 20),
		   parts = BUF_INIT(16 << 20);
	const char *plain = search_plain(&a, it->body ? it->body : "");
	int rc = plain ? 0 : ERR_NOMEM;
	if (!rc)
		rc = field_terms(env, &a, it->title, &title, &parts);
	if (!rc)
		rc = field_terms(env, &a, it->lead ? it->lead : "", &lead, &parts);
	if (!rc)
		rc = field_terms(env, &a, plain, &body, &parts);
	if (!rc)
		rc = store_search_put(env->st, it->id, title.ptr, lead.ptr, body.ptr, parts.ptr);
	const char *texts[] = {it->title, it->lead ? it->lead : "", plain};
	if (!rc)
		rc = add_words(env, &a, texts, sizeof(texts) / sizeof(texts[0]));
	buf_free(&title);
	buf_free(&lead);
	buf_free(&body);
	buf_free(&parts);
	arena_free(&a);
	return rc;
}

struct reindex {
	struct search_env *env;
	struct arena *a;
	void (*progress)(int, int);
	int done, total;
};

static int reindex_one(void *ctx, const struct item *it)
{
	struct reindex *r = ctx;
	int rc = search_index_item(r->env, it);
	arena_free(r->a); /* the item's strings; the next row brings its own */
	r->done++;
	if (r->progress)
		r->progress(r->done, r->total);
	return rc;
}

int search_reindex(struct search_env *env, void (*progress)(int done, int total), int *count)
{
	struct arena a = ARENA_INIT;
	struct reindex r = {env, &a, progress, 0, 0};
	long long total = 0;
	struct strmap words = STRMAP_INIT;
	int rc = store_item_count_all(env->st, &total);
	r.total = (int) total;
	if (!rc)
		rc = store_begin(env->st);
	if (!rc)
		rc = store_search_clear(env->st);
	env->pending = &words;
	if (!rc)
		rc = store_item_each(env->st, &a, reindex_one, &r);
	env->pending = NULL;
	if (!rc)
		rc = vocabulary_write(env->st, &words);
	strmap_free(&words);
	if (!rc)
		rc = store_commit(env->st);
	if (rc)
		store_rollback(env->st);
	arena_free(&a);
	*count = r.done;
	return rc;
}
