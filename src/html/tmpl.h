/*
 * A small template engine with escaping by context.
 *
 * Syntax (in templates/NAME.html):
 *   {{title}}  {{item.slug}}  {{.}}       a value, escaped for where it stands
 *   {{slug|path}} |query |url |attr |text  choose the escaper explicitly
 *   {{#if x}}..{{else}}..{{/if}}          also {{#unless x}}..{{/unless}}
 *   {{#each list}}..{{else}}..{{/each}}   inside: the item's fields, {{.}},
 *                                         @index (from 1), @first, @last
 *   {{> partial}}                         render another template here
 *   {{< layout}}                          (first tag only) render this page into
 *                                         the layout, which prints it with {{content}}
 *   {{! comment }}
 *
 * The compiler follows the HTML around each value: in element text a value is
 * text-escaped; in a quoted attribute it is attribute-escaped; at the start of
 * href/src/action it must be a safe URL, and after a literal prefix there a
 * path segment (or query value after '?'). Values inside <script>, <style>,
 * comments, tag names, unquoted attributes, style= or on*= attributes are
 * compile errors, as is a block that leaves the HTML context it started in.
 * Templates are compiled once at start-up; errors name file and line. XML
 * templates (NAME.xml: feeds, sitemaps) use the same rules, which also suit XML.
 */
#ifndef VERTROUWD_HTML_TMPL_H
#define VERTROUWD_HTML_TMPL_H

#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "html/tval.h"

struct tmpl_set;

/* An empty set, or NULL on allocation failure. */
struct tmpl_set *tmpl_set_new(void);
void tmpl_set_free(struct tmpl_set *set);
/*
 * Compile src as template `name` into set. On error returns ERR_INVALID (with
 * "file:line: message" in err) or ERR_NOMEM; the set is unchanged.
 */
int tmpl_add(struct tmpl_set *set, const char *name, const char *src, size_t len, char *err, size_t errlen) WUR;
/* Check that every partial and layout a template names exists. */
int tmpl_link(const struct tmpl_set *set, char *err, size_t errlen) WUR;
/* Load and compile every templates/NAME.html in dir, then link. */
int tmpl_load_dir(const char *dir, struct tmpl_set **out, char *err, size_t errlen) WUR;
/*
 * Render template `name` with data into out. Returns 0, ERR_NOT_FOUND for an
 * unknown template, ERR_INVALID for partials nested too deep, or the buf's
 * error; on error out is truncated to its length before the call.
 */
int tmpl_render(const struct tmpl_set *set, const char *name, const struct tval *data, struct arena *a,
		struct buf *out) WUR;

#endif
