/* Shared between the template compiler and renderer. Internal to html/. */
#ifndef VERTROUWD_HTML_TMPL_INTERNAL_H
#define VERTROUWD_HTML_TMPL_INTERNAL_H

#include <stddef.h>

#include "html/tmpl_context.h"

enum kind { N_TEXT, N_VAR, N_IF, N_UNLESS, N_EACH, N_ELSE, N_END, N_PARTIAL, N_TRANSLATE };

struct node {
	enum kind kind;
	const char *s; /* literal, path or template name (points into the source copy) */
	size_t len;
	enum esc esc;
	size_t alt; /* N_IF/N_UNLESS/N_EACH: index of N_ELSE, or of N_END */
	size_t end; /* N_IF/N_UNLESS/N_EACH: index of N_END */
	int line;
	/* N_TRANSLATE: s is the Dutch text itself (literal) or a value's path; arg a path whose value fills "{}". */
	int literal;
	const char *arg;
	size_t arglen;
};

struct tmpl {
	char *name;
	char *src;
	struct node *nodes;
	size_t n, cap;
	const char *layout; /* points into src, or NULL */
	size_t layout_len;
};

struct tmpl_set {
	struct tmpl *t;
	size_t n, cap;
};

const struct tmpl *tmpl_find(const struct tmpl_set *set, const char *name, size_t len);

#endif
