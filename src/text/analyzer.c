/*
 * The Dutch analyzer (text.h): tokenising, folding, stemming and compound
 * splitting. Words are cut at TEXT_MAX_WORD rather than refused; only lists of
 * tokens fail, with ERR_TOO_LARGE past max tokens or ERR_NOMEM for a full
 * arena. text_stemmer_new is NULL when memory or Snowball's Dutch stemmer is
 * missing.
 */
#include <libstemmer.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "base/slug.h"
#include "text/text.h"

struct text_stemmer {
	struct sb_stemmer *sb;
};

struct text_stemmer *text_stemmer_new(void)
{
	struct text_stemmer *s = mem_calloc(1, sizeof(*s));
	if (s && !(s->sb = sb_stemmer_new("dutch", "UTF_8"))) {
		mem_free(s);
		s = NULL;
	}
	return s;
}

void text_stemmer_free(struct text_stemmer *s)
{
	if (s) {
		sb_stemmer_delete(s->sb);
		mem_free(s);
	}
}

void text_stem(struct text_stemmer *s, const char *word, char *out, size_t outlen)
{
	const sb_symbol *r = sb_stemmer_stem(s->sb, (const sb_symbol *) word, (int) strlen(word));
	size_t n = r ? (size_t) sb_stemmer_length(s->sb) : strlen(word);
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, r ? (const char *) r : word, n);
	out[n] = '\0';
	/* Snowball undoubles only kk, dd and tt: "grappen" -> "grapp" must meet "grap" too. */
	if (n >= 3 && out[n - 1] == out[n - 2] && !strchr("aeiouy", out[n - 1]))
		out[n - 1] = '\0';
}

/* A combining diacritical mark (U+0300..U+036F): part of the letter before it. */
static int combining(const unsigned char *p, size_t n)
{
	return n >= 2 && ((p[0] == 0xCC && p[1] >= 0x80) || (p[0] == 0xCD && p[1] <= 0xAF));
}

/* Fold one character; *used gets its length. Returns folded bytes (len in *flen), "" to skip, NULL to end a word. */
static const char *fold_char(const unsigned char *p, size_t n, size_t *used, size_t *flen)
{
	if (combining(p, n)) {
		*used = 2;
		*flen = 0;
		return "";
	}
	return slug_fold_char(p, n, used, flen);
}

size_t text_fold(const char *s, size_t n, char *out, size_t outlen)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		size_t used, flen;
		const char *f = fold_char((const unsigned char *) s + i, n - i, &used, &flen);
		i += used;
		if (f && k + flen < outlen) {
			memcpy(out + k, f, flen);
			k += flen;
		}
	}
	out[k] = '\0';
	return k;
}

int text_tokens(const struct lexicon *lx, const char *text, size_t n, size_t max, struct arena *a, struct token **out,
		size_t *count)
{
	size_t cap = 64, k = 0;
	struct token *t = arena_alloc(a, cap * sizeof(*t));
	*out = NULL;
	*count = 0;
	if (!t)
		return ERR_NOMEM;
	const unsigned char *p = (const unsigned char *) text;
	for (size_t i = 0; i < n;) {
		size_t used, flen;
		const char *f = fold_char(p + i, n - i, &used, &flen);
		if (!f || !flen) { /* not a word character (an apostrophe outside a word too) */
			i += used;
			continue;
		}
		if (k == max)
			return ERR_TOO_LARGE;
		if (k == cap) {
			struct token *bigger = arena_alloc(a, cap * 2 * sizeof(*t));
			if (!bigger)
				return ERR_NOMEM;
			memcpy(bigger, t, cap * sizeof(*t));
			t = bigger;
			cap *= 2;
		}
		struct token *tok = &t[k];
		size_t w = 0, start = i;
		while (i < n) {
			f = fold_char(p + i, n - i, &used, &flen);
			if (!f)
				break;
			if (!flen && !combining(p + i, n - i)) {
				/* An apostrophe only joins letters ("auto's"); at a word's edge it ends it. */
				size_t u2, f2;
				const char *next =
				    i + used < n ? fold_char(p + i + used, n - i - used, &u2, &f2) : NULL;
				if (!next || !f2)
					break;
			}
			if (w + flen < TEXT_MAX_WORD) {
				memcpy(tok->word + w, f, flen);
				w += flen;
			}
			i += used;
		}
		tok->word[w] = '\0';
		tok->start = start;
		tok->len = i - start;
		tok->pos = (int) k;
		tok->stop = lx && lexicon_stop(lx, tok->word, w);
		k++;
	}
	*out = t;
	*count = k;
	return 0;
}

/* Tails that are suffixes, not words, whatever the word list says. */
static int suffix_like(const char *s)
{
	static const char *const sfx[] = {"heid",   "heden",  "lijk",	 "lijke",    "lijks", "baar",  "bare",
					  "loos",   "loze",   "schap",	 "schappen", "ing",   "ingen", "ling",
					  "lingen", "achtig", "achtige", "isme",     "iteit", "ster",  "sters",
					  "nis",    "nissen", "tje",	 "tjes",     "atie",  "aties", "erij",
					  "igheid", "ingen",  "tjes",	 "pjes",     "etje",  "etjes"};
	for (size_t i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++)
		if (!strcmp(s, sfx[i]))
			return 1;
	return 0;
}

/* Heads that are prefixes (ver-trouwen, ont-vangen), not compound parts. */
static int prefix_like(const char *s, size_t n)
{
	static const char *const pre[] = {"ver",  "ont",  "her",    "mis", "gebe", "bele", "tege",  "over", "onder",
					  "voor", "door", "achter", "aan", "uit",  "mede", "weder", "miss"};
	for (size_t i = 0; i < sizeof(pre) / sizeof(pre[0]); i++)
		if (strlen(pre[i]) == n && !strncmp(s, pre[i], n))
			return 1;
	return 0;
}

#define MIN_COMPOUND 7
#define MIN_HEAD     4
#define MIN_TAIL     4

static int split_rec(const struct lexicon *lx, const char *w, char parts[][TEXT_MAX_WORD], int room, int depth)
{
	static const char *const links[] = {"", "s", "en", "e"};
	size_t len = strlen(w);
	if (len < MIN_COMPOUND || room < 2 || depth > 3)
		return 0;
	/* The longest head first: "klokkenluiders|regeling" before "klok|kenluidersregeling". */
	for (size_t h = len - MIN_TAIL; h >= MIN_HEAD; h--) {
		if (!lexicon_has(lx, w, h) || prefix_like(w, h))
			continue;
		for (size_t l = 0; l < sizeof(links) / sizeof(links[0]); l++) {
			size_t ll = strlen(links[l]);
			if (h + ll + MIN_TAIL > len || strncmp(w + h, links[l], ll))
				continue;
			const char *rest = w + h + ll;
			if (suffix_like(rest))
				continue;
			int sub;
			if (lexicon_has(lx, rest, strlen(rest))) {
				memcpy(parts[1], rest, strlen(rest) + 1);
				sub = 1;
			} else if (!(sub = split_rec(lx, rest, parts + 1, room - 1, depth + 1))) {
				continue;
			}
			memcpy(parts[0], w, h);
			parts[0][h] = '\0';
			return sub + 1;
		}
	}
	return 0;
}

/* Drop a doubled final consonant: "gesprekk" -> "gesprek". */
static void undouble(char *w)
{
	size_t n = strlen(w);
	if (n >= 2 && w[n - 1] == w[n - 2] && !strchr("aeiou", w[n - 1]))
		w[n - 1] = '\0';
}

/*
 * Whether word is an inflection (plural -en, -s, -'s) of a known word that is
 * itself no compound: "gesprekken" must not become "gesp" + "rekken".
 */
static int plural_of_simple_word(const struct lexicon *lx, const char *word)
{
	size_t n = strlen(word);
	char base[TEXT_MAX_WORD], parts[TEXT_MAX_PARTS][TEXT_MAX_WORD];
	for (int k = 0; k < 2; k++) {
		size_t cut = k == 0 ? 2 : 1;
		if (n <= cut + 3 || (k == 0 && strcmp(word + n - 2, "en")) || (k == 1 && word[n - 1] != 's'))
			continue;
		memcpy(base, word, n - cut);
		base[n - cut] = '\0';
		if (k == 0)
			undouble(base);
		if (lexicon_has(lx, base, strlen(base)))
			return !split_rec(lx, base, parts, TEXT_MAX_PARTS, 0);
	}
	return 0;
}

int text_split(const struct lexicon *lx, const char *word, char parts[TEXT_MAX_PARTS][TEXT_MAX_WORD])
{
	char base[TEXT_MAX_WORD];
	snprintf(base, sizeof(base), "%s", word);
	if (text_base(lx, base)) /* a diminutive splits as its base word does */
		word = base;
	if (plural_of_simple_word(lx, word))
		return 0;
	return split_rec(lx, word, parts, TEXT_MAX_PARTS, 0);
}

int text_base(const struct lexicon *lx, char *word)
{
	static const char *const dim[] = {"etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je"};
	size_t n = strlen(word);
	for (size_t i = 0; i < sizeof(dim) / sizeof(dim[0]); i++) {
		size_t d = strlen(dim[i]);
		if (n < d + 3 || strcmp(word + n - d, dim[i]))
			continue;
		char base[TEXT_MAX_WORD];
		memcpy(base, word, n - d);
		base[n - d] = '\0';
		if (!strcmp(dim[i], "etje") || !strcmp(dim[i], "etjes"))
			undouble(base); /* mannetje -> mann -> man */
		if (lexicon_has(lx, base, strlen(base))) {
			memcpy(word, base, strlen(base) + 1);
			return 1;
		}
	}
	return 0;
}

int text_analyze(const struct lexicon *lx, struct text_stemmer *stem, const char *text, size_t n, size_t max,
		 struct arena *a, struct term **out, size_t *count)
{
	struct token *toks;
	size_t ntok;
	*out = NULL;
	*count = 0;
	int rc = text_tokens(lx, text, n, max, a, &toks, &ntok);
	if (rc)
		return rc;
	struct term *terms = arena_alloc(a, (ntok * (1 + TEXT_MAX_PARTS) + 1) * sizeof(*terms));
	if (!terms)
		return ERR_NOMEM;
	size_t k = 0;
	for (size_t i = 0; i < ntok; i++) {
		if (toks[i].stop)
			continue;
		char s[TEXT_MAX_WORD], parts[TEXT_MAX_PARTS][TEXT_MAX_WORD];
		text_base(lx, toks[i].word);
		text_stem(stem, toks[i].word, s, sizeof(s));
		terms[k] = (struct term){arena_strdup(a, s), toks[i].pos, 0, toks[i].start, toks[i].len};
		k++;
		int np = text_split(lx, toks[i].word, parts);
		for (int p = 0; p < np; p++) {
			text_stem(stem, parts[p], s, sizeof(s));
			terms[k] = (struct term){arena_strdup(a, s), toks[i].pos, 1, toks[i].start, toks[i].len};
			k++;
		}
	}
	if (a->failed)
		return ERR_NOMEM;
	*out = terms;
	*count = k;
	return 0;
}
