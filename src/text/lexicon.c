/*
 * The Dutch lexicon (text.h): the word list as a compact hash set, stop
 * words, synonyms. Loading fails with ERR_IO (no word list or stop list) or
 * ERR_NOMEM, a message in err, and nothing kept; a missing synonyms file is
 * fine. Once loaded the lexicon is read-only and shared by every thread.
 */
#include <stdio.h>
#include <string.h>

#include "base/hash.h"
#include "base/mem.h"
#include "text/text.h"

/* A set of short strings: all bytes in one block, an open-addressed table of offsets. */
struct strset {
	char *data;
	size_t len, cap;
	unsigned *slots; /* offset + 1; 0 = empty */
	size_t nslots, count;
};

struct lexicon {
	struct strset words, stops;
	struct synonym_group *groups;
	size_t ngroups;
	struct arena arena; /* synonym stems */
};

static int set_add_raw(struct strset *s, const char *w, size_t n)
{
	if (s->len + n + 1 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 1 << 20;
		while (cap < s->len + n + 1)
			cap *= 2;
		char *d = mem_realloc(s->data, cap);
		if (!d)
			return ERR_NOMEM;
		s->data = d;
		s->cap = cap;
	}
	memcpy(s->data + s->len, w, n);
	s->data[s->len + n] = '\0';
	s->len += n + 1;
	s->count++;
	return 0;
}

static int set_find(const struct strset *s, const char *w, size_t n)
{
	if (!s->nslots)
		return 0;
	size_t mask = s->nslots - 1, i = (size_t) hash64(w, n) & mask;
	while (s->slots[i]) {
		const char *e = s->data + s->slots[i] - 1;
		if (!strncmp(e, w, n) && !e[n])
			return 1;
		i = (i + 1) & mask;
	}
	return 0;
}

/* Build the table once all strings are in (duplicates are harmless). */
static int set_index(struct strset *s)
{
	size_t n = 16;
	while (n < s->count * 2)
		n *= 2;
	s->slots = mem_calloc(n, sizeof(*s->slots));
	if (!s->slots)
		return ERR_NOMEM;
	s->nslots = n;
	for (size_t off = 0; off < s->len;) {
		const char *w = s->data + off;
		size_t len = strlen(w), i = (size_t) hash64(w, len) & (n - 1);
		while (s->slots[i])
			i = (i + 1) & (n - 1);
		s->slots[i] = (unsigned) off + 1;
		off += len + 1;
	}
	return 0;
}

static void set_free(struct strset *s)
{
	mem_free(s->data);
	mem_free(s->slots);
	memset(s, 0, sizeof(*s));
}

/* Read a file of words (folded on the way in); # starts a comment. */
static int load_words(const char *path, struct strset *s, int keep_lines, struct buf *lines)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return ERR_IO;
	char line[1024];
	int rc = 0;
	while (!rc && fgets(line, sizeof(line), f)) {
		size_t n = strcspn(line, "\r\n#");
		line[n] = '\0';
		if (keep_lines) {
			if (n && strspn(line, " \t") < n)
				rc = buf_add(lines, line, n + 1);
			continue;
		}
		char folded[TEXT_MAX_WORD];
		size_t len = text_fold(line, n, folded, sizeof(folded));
		/* Only plain lower-case words: names (Verdi, Ping) would make false compound parts. */
		int name = line[0] >= 'A' && line[0] <= 'Z';
		if (!name && len >= 2 && len == strspn(folded, "abcdefghijklmnopqrstuvwxyz") && !memchr(line, ' ', n))
			rc = set_add_raw(s, folded, len);
	}
	fclose(f);
	return rc;
}

/* "vp, vertrouwenspersoon" -> a group of alternatives, each a list of stems. */
static int parse_synonyms(struct lexicon *lx, const struct buf *lines)
{
	struct text_stemmer *st = text_stemmer_new();
	if (!st)
		return ERR_NOMEM;
	size_t count = 0;
	for (size_t off = 0; off < lines->len; off += strlen(lines->ptr + off) + 1)
		count++;
	lx->groups = arena_calloc(&lx->arena, count ? count : 1, sizeof(*lx->groups));
	for (size_t off = 0; lx->groups && off < lines->len; off += strlen(lines->ptr + off) + 1) {
		const char *line = lines->ptr + off;
		struct synonym_group *g = &lx->groups[lx->ngroups];
		size_t nalts = 1;
		for (const char *p = line; *p; p++)
			nalts += *p == ',';
		g->alts = arena_calloc(&lx->arena, nalts, sizeof(*g->alts));
		for (const char *p = line; g->alts && *p;) {
			size_t len = strcspn(p, ",");
			struct token *toks;
			size_t ntok;
			if (text_tokens(lx, p, len, 16, &lx->arena, &toks, &ntok) == 0 && ntok) {
				struct synonym_alt *alt = &g->alts[g->n];
				alt->stems = arena_calloc(&lx->arena, ntok, sizeof(*alt->stems));
				for (size_t k = 0; alt->stems && k < ntok; k++) {
					char stem[TEXT_MAX_WORD];
					if (toks[k].stop)
						continue; /* the index has no stop words either */
					text_stem(st, toks[k].word, stem, sizeof(stem));
					alt->stems[alt->n++] = arena_strdup(&lx->arena, stem);
				}
				g->n++;
			}
			p += len + (p[len] == ',');
		}
		if (g->n >= 2)
			lx->ngroups++;
	}
	text_stemmer_free(st);
	return lx->arena.failed ? ERR_NOMEM : 0;
}

int lexicon_load(const char *wordlist, const char *dir, struct lexicon **out, char *err, size_t errlen)
{
	struct lexicon *lx = mem_calloc(1, sizeof(*lx));
	char path[4200];
	struct buf syn = BUF_INIT(1 << 20);
	int rc = lx ? 0 : ERR_NOMEM;
	*out = NULL;
	if (!rc && (rc = load_words(wordlist, &lx->words, 0, NULL)))
		snprintf(err, errlen, "woordenlijst %s niet te lezen (apt-get install wdutch) / word list unreadable",
			 wordlist);
	snprintf(path, sizeof(path), "%s/stopwords.txt", dir);
	if (!rc && (rc = load_words(path, &lx->stops, 0, NULL)))
		snprintf(err, errlen, "%s niet te lezen / unreadable", path);
	if (!rc && (rc = set_index(&lx->words) || set_index(&lx->stops) ? ERR_NOMEM : 0))
		snprintf(err, errlen, "geen geheugen voor de woordenlijst / out of memory");
	if (!rc) {
		lx->arena = (struct arena) ARENA_INIT;
		snprintf(path, sizeof(path), "%s/synonyms.txt", dir);
		if (load_words(path, NULL, 1, &syn) == 0 && (rc = parse_synonyms(lx, &syn)))
			snprintf(err, errlen, "synoniemen niet te laden / cannot load synonyms");
	}
	buf_free(&syn);
	if (rc) {
		lexicon_free(lx);
		return rc;
	}
	*out = lx;
	return 0;
}

void lexicon_free(struct lexicon *lx)
{
	if (!lx)
		return;
	set_free(&lx->words);
	set_free(&lx->stops);
	arena_free(&lx->arena);
	mem_free(lx);
}

int lexicon_has(const struct lexicon *lx, const char *word, size_t len)
{
	return set_find(&lx->words, word, len);
}

int lexicon_stop(const struct lexicon *lx, const char *word, size_t len)
{
	return set_find(&lx->stops, word, len);
}

size_t lexicon_size(const struct lexicon *lx)
{
	return lx->words.count;
}

const struct synonym_group *lexicon_synonyms(const struct lexicon *lx, size_t *n)
{
	*n = lx->ngroups;
	return lx->groups;
}
