/*
 * Markdown files with YAML front matter (libyaml) into content items
 * (content.h). Anything wrong with the file is ERR_INVALID with "PATH:LINE:
 * what to do" (Dutch) in err, a full arena ERR_NOMEM; strings live in the
 * caller's arena, and out is complete only on success.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "base/dates.h"
#include "base/slug.h"
#include "content/content.h"

struct fm {
	struct arena *a;
	const char *path;
	char *err;
	size_t errlen;
	int line_offset; /* lines before the YAML text (the opening ---) */
	yaml_document_t *doc;
};

static int fail(struct fm *f, int line, const char *fmt, ...) PRINTF_LIKE(3, 4);

static int fail(struct fm *f, int line, const char *fmt, ...)
{
	int n = snprintf(f->err, f->errlen, "%s:%d: ", f->path, line);
	if (n > 0 && (size_t) n < f->errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(f->err + n, f->errlen - (size_t) n, fmt, ap);
		va_end(ap);
	}
	return ERR_INVALID;
}

static int node_line(struct fm *f, yaml_node_t *n)
{
	return (int) n->start_mark.line + 1 + f->line_offset;
}

static int scalar(struct fm *f, yaml_node_t *n, const char *key, const char **out)
{
	if (n->type != YAML_SCALAR_NODE)
		return fail(f, node_line(f, n), "'%s' moet een tekst zijn (geen lijst)", key);
	*out = arena_strndup(f->a, (const char *) n->data.scalar.value, n->data.scalar.length);
	return *out ? 0 : ERR_NOMEM;
}

static int categories(struct fm *f, yaml_node_t *n, struct item *it)
{
	if (n->type != YAML_SEQUENCE_NODE)
		return fail(f, node_line(f, n), "'categories' moet een lijst zijn, bv. [Integriteit, Melding]");
	size_t count = (size_t) (n->data.sequence.items.top - n->data.sequence.items.start);
	if (count > 32)
		return fail(f, node_line(f, n), "te veel categorieën (hoogstens 32)");
	it->categories = arena_calloc(f->a, count ? count : 1, sizeof(*it->categories));
	if (!it->categories)
		return ERR_NOMEM;
	it->ncategories = 0;
	for (yaml_node_item_t *p = n->data.sequence.items.start; p < n->data.sequence.items.top; p++) {
		yaml_node_t *c = yaml_document_get_node(f->doc, *p);
		const char *name = NULL;
		int rc = c ? scalar(f, c, "categories", &name) : ERR_INVALID;
		if (rc)
			return rc;
		char slug[SLUG_MAX + 1];
		if (slug_make(name, slug, sizeof(slug)))
			return fail(f, node_line(f, c), "categorie '%s' heeft geen bruikbare naam", name);
		struct item_category *cat = &it->categories[it->ncategories++];
		cat->name = name;
		cat->slug = arena_strdup(f->a, slug);
		if (!cat->slug)
			return ERR_NOMEM;
	}
	return 0;
}

static int field(struct fm *f, const char *key, yaml_node_t *v, struct item *it, int line)
{
	static const char *const names[] = {"type",   "title",	"slug", "date",	 "lead",
					    "status", "author", "file", "image", "image_alt"};
	const char **dst[] = {&it->type,   &it->title,	&it->slug,	&it->published, &it->lead,
			      &it->status, &it->author, &it->file_name, &it->image,	&it->image_alt};
	if (!strcmp(key, "categories"))
		return categories(f, v, it);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(key, names[i]))
			continue;
		return scalar(f, v, key, dst[i]);
	}
	return fail(f, line,
		    "onbekende sleutel '%s' (toegestaan: type, title, slug, date, categories, lead, status, author, "
		    "file, image, image_alt)",
		    key);
}

static int validate(struct fm *f, struct item *it)
{
	if (!it->type || !content_type_find(it->type))
		return fail(f, 1 + f->line_offset,
			    "'type' ontbreekt of is onbekend ('%s'): kies nieuws, artikel, kennisbank, organisaties of "
			    "download",
			    it->type ? it->type : "");
	if (!it->title || !*it->title)
		return fail(f, 1 + f->line_offset, "'title' ontbreekt");
	if (!it->published || !date_valid(it->published))
		return fail(f, 1 + f->line_offset, "'date' ontbreekt of is geen geldige datum (JJJJ-MM-DD): '%s'",
			    it->published ? it->published : "");
	if (!it->status)
		it->status = "gepubliceerd";
	if (!content_status_valid(it->status))
		return fail(f, 1 + f->line_offset,
			    "'status' '%s' is onbekend: kies concept, gepland, gepubliceerd of gearchiveerd",
			    it->status);
	if (it->image && *it->image && (!it->image_alt || !*it->image_alt))
		return fail(f, 1 + f->line_offset,
			    "bij 'image' hoort een beschrijving in 'image_alt' (voor wie niet kan zien)");
	if (it->file_name && (!*it->file_name || strstr(it->file_name, "..") || it->file_name[0] == '/'))
		return fail(f, 1 + f->line_offset, "'file' moet een bestandsnaam naast dit bestand zijn, zonder '..'");
	if (!it->ncategories)
		return fail(f, 1 + f->line_offset, "geef minstens één categorie op in 'categories'");
	if (it->slug) {
		if (!slug_valid(it->slug))
			return fail(f, 1 + f->line_offset,
				    "'slug' '%s' mag alleen kleine letters, cijfers en streepjes bevatten", it->slug);
	} else {
		char slug[SLUG_MAX + 1];
		if (slug_make(it->title, slug, sizeof(slug)))
			return fail(f, 1 + f->line_offset, "van de titel '%s' is geen slug te maken; geef 'slug' op",
				    it->title);
		it->slug = arena_strdup(f->a, slug);
	}
	return it->slug ? 0 : ERR_NOMEM;
}

int content_parse(struct arena *a, const char *path, const char *text, size_t len, struct item *out, char *err,
		  size_t errlen)
{
	struct fm f = {.a = a, .path = path, .err = err, .errlen = errlen, .line_offset = 1};
	memset(out, 0, sizeof(*out));
	if (len < 4 || strncmp(text, "---\n", 4))
		return fail(&f, 1, "het bestand moet beginnen met '---' en YAML-kopgegevens");
	const char *yaml = text + 4;
	const char *end = NULL;
	for (const char *p = yaml; p < text + len;) {
		const char *nl = memchr(p, '\n', (size_t) (text + len - p));
		size_t linelen = nl ? (size_t) (nl - p) : (size_t) (text + len - p);
		if (linelen == 3 && !strncmp(p, "---", 3)) {
			end = p;
			break;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	if (!end)
		return fail(&f, 1, "de kopgegevens worden niet afgesloten met '---'");
	const char *body = end + 3;
	while (body < text + len && (*body == '\n' || *body == '\r'))
		body++;
	out->body = arena_strndup(a, body, (size_t) (text + len - body));

	yaml_parser_t parser;
	yaml_document_t doc;
	if (!yaml_parser_initialize(&parser))
		return ERR_NOMEM;
	yaml_parser_set_input_string(&parser, (const unsigned char *) yaml, (size_t) (end - yaml));
	int rc = 0;
	if (!yaml_parser_load(&parser, &doc)) {
		rc = fail(&f, (int) parser.problem_mark.line + 1 + f.line_offset, "YAML-fout: %s",
			  parser.problem ? parser.problem : "onleesbaar");
		yaml_parser_delete(&parser);
		return rc;
	}
	f.doc = &doc;
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (!root || root->type != YAML_MAPPING_NODE) {
		rc = fail(&f, 1 + f.line_offset, "de kopgegevens moeten 'sleutel: waarde'-regels zijn");
	} else {
		for (yaml_node_pair_t *p = root->data.mapping.pairs.start; !rc && p < root->data.mapping.pairs.top;
		     p++) {
			yaml_node_t *k = yaml_document_get_node(&doc, p->key);
			yaml_node_t *v = yaml_document_get_node(&doc, p->value);
			if (!k || !v || k->type != YAML_SCALAR_NODE) {
				rc = fail(&f, k ? node_line(&f, k) : 1, "ongeldige sleutel");
				break;
			}
			rc = field(&f, (const char *) k->data.scalar.value, v, out, node_line(&f, k));
		}
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	if (!rc && !out->body)
		rc = ERR_NOMEM;
	if (!rc)
		rc = validate(&f, out);
	if (rc == ERR_NOMEM)
		snprintf(err, errlen, "%s: geen geheugen / out of memory", path);
	return rc;
}
