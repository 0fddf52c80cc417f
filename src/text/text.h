/*
 * text: the Dutch analyzer. Pure functions over text, independent of any store,
 * so SQLite and PostgreSQL index the very same terms.
 *
 * A text becomes a list of terms:
 *   1. tokens: runs of letters and digits; apostrophes inside a word are dropped
 *      ("auto's" -> "autos"), hyphens split ("e-mail" -> "e", "mail");
 *   2. normalised: lower case, accents folded (é ë è -> e, ĳ -> ij, combining
 *      marks dropped), so "Coördinator" and "coordinator" meet;
 *   3. stop words dropped (lexicon/stopwords.txt), keeping positions;
 *   4. stemmed with Snowball's Dutch stemmer;
 *   5. compounds split with the Dutch word list: "werkpesten" also yields the
 *      parts "werk" and "pest", honouring the linking morphemes -s-, -en-, -e-.
 *      A part must be a real word of at least 3 letters (the last at least 4),
 *      and suffix-like "words" (heid, lijk, ing, ...) never count as parts.
 *
 * The lexicon is loaded once and immutable; a stemmer is per thread.
 */
#ifndef VERTROUWD_TEXT_TEXT_H
#define VERTROUWD_TEXT_TEXT_H

#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"

#define TEXT_MAX_WORD  64
#define TEXT_MAX_PARTS 4

struct lexicon;
struct text_stemmer;

/*
 * Load the word list (one word per line, e.g. /usr/share/dict/dutch) and the
 * stop words and synonyms under dir (stopwords.txt, synonyms.txt). Missing
 * synonyms are fine; a missing word list or stop list is an error (err says which).
 */
int lexicon_load(const char *wordlist, const char *dir, struct lexicon **out, char *err, size_t errlen) WUR;
void lexicon_free(struct lexicon *lx);
/* Whether the folded word is in the word list / is a stop word. */
int lexicon_has(const struct lexicon *lx, const char *word, size_t len);
int lexicon_stop(const struct lexicon *lx, const char *word, size_t len);
/* Number of words loaded (for messages). */
size_t lexicon_size(const struct lexicon *lx);

/* A Snowball Dutch stemmer for one thread; NULL on allocation failure. */
struct text_stemmer *text_stemmer_new(void);
void text_stemmer_free(struct text_stemmer *s);

/*
 * Fold s[0..n) to lower-case ASCII letters and digits, for one token. Returns the
 * length written to out (at most outlen - 1, NUL-terminated).
 */
size_t text_fold(const char *s, size_t n, char *out, size_t outlen);

/* One token of a text. */
struct token {
	size_t start, len;	  /* where it stands in the original text (bytes) */
	char word[TEXT_MAX_WORD]; /* folded */
	int pos;		  /* position among tokens (stop words counted) */
	int stop;		  /* a stop word */
};

/* Split text into tokens (in the arena); ERR_NOMEM or ERR_TOO_LARGE (over max tokens). */
int text_tokens(const struct lexicon *lx, const char *text, size_t n, size_t max, struct arena *a, struct token **out,
		size_t *count) WUR;

/* The stem of a folded word, into out (NUL-terminated). */
void text_stem(struct text_stemmer *s, const char *word, char *out, size_t outlen);

/*
 * Split a folded word into its parts (each folded, unstemmed); returns the
 * number of parts (0 when it is not a compound), at most TEXT_MAX_PARTS.
 */
int text_split(const struct lexicon *lx, const char *word, char parts[TEXT_MAX_PARTS][TEXT_MAX_WORD]);

/* Turn a diminutive into its base word in place ("gesprekje" -> "gesprek"); 1 if it did. */
int text_base(const struct lexicon *lx, char *word);

/* One analysed term: a stem, at a position; parts come with the word they split. */
struct term {
	const char *text;
	int pos;
	int part;	   /* 1: a compound part, 0: the word itself */
	size_t start, len; /* the token it came from */
};

/*
 * The terms of a text: stems of every non-stop token, followed (at the same
 * position) by the stems of its compound parts. Strings in the arena.
 */
int text_analyze(const struct lexicon *lx, struct text_stemmer *stem, const char *text, size_t n, size_t max,
		 struct arena *a, struct term **out, size_t *count) WUR;

/*
 * Synonym groups: for a sequence of stems, the groups it belongs to. Each group
 * is a list of alternatives, each alternative a list of stems (multi-word).
 */
struct synonym_alt {
	const char **stems;
	size_t n;
};
struct synonym_group {
	struct synonym_alt *alts;
	size_t n;
};
/* The synonym groups loaded (stemmed at load); NULL if none. */
const struct synonym_group *lexicon_synonyms(const struct lexicon *lx, size_t *n);

#endif
