/*
 * tval: the values a handler hands to a template (a small tree in an arena).
 *
 * Strings are always escaped on output. The only value written out raw is
 * TV_HTML, and the only producer of TV_HTML is html_markdown() (Markdown
 * rendered by md4c with raw HTML disabled), so no handler can print a dynamic
 * string unescaped by mistake.
 *
 * Builders never fail loudly: on allocation failure they return NULL and the
 * arena's sticky `failed` flag is set; setters ignore a NULL object or value.
 * Check arena.failed once before rendering.
 */
#ifndef VERTROUWD_HTML_TVAL_H
#define VERTROUWD_HTML_TVAL_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

enum tval_type { TV_NULL, TV_STR, TV_INT, TV_BOOL, TV_LIST, TV_OBJ, TV_HTML };

struct tval;

struct tfield {
	const char *key;
	struct tval *val;
};

struct tval {
	enum tval_type type;
	struct arena *arena; /* for lists and objects, which grow */
	union {
		struct {
			const char *s;
			size_t len;
		} str; /* TV_STR and TV_HTML */
		long long i;
		bool b;
		struct {
			struct tval **items;
			size_t n, cap;
		} list;
		struct {
			struct tfield *fields;
			size_t n, cap;
		} obj;
	} u;
};

struct tval *tv_str(struct arena *a, const char *s); /* copies s; NULL s gives TV_NULL */
struct tval *tv_strn(struct arena *a, const char *s, size_t n);
struct tval *tv_int(struct arena *a, long long i);
struct tval *tv_bool(struct arena *a, bool b);
struct tval *tv_list(struct arena *a);
struct tval *tv_obj(struct arena *a);

/* Set key (not copied: use literals or arena strings) on an object; a later set wins. */
void tv_set(struct tval *obj, const char *key, struct tval *v);
void tv_set_str(struct tval *obj, const char *key, const char *s);
void tv_set_int(struct tval *obj, const char *key, long long i);
void tv_set_bool(struct tval *obj, const char *key, bool b);
/* Append to a list. */
void tv_push(struct tval *list, struct tval *v);

/* Look up a key of an object; NULL if absent or obj is not an object. */
struct tval *tv_get(const struct tval *obj, const char *key, size_t keylen);
/* Template truth: false for NULL, null, "", 0, false and empty lists. */
bool tv_truthy(const struct tval *v);

/* For html/markdown.c only: wrap already-safe HTML. */
struct tval *tv_html_internal(struct arena *a, const char *html, size_t n);

#endif
