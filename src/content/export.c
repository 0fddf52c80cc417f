/*
 * Writing content back out as Markdown files with YAML front matter, attached
 * files beside them (content.h). The first file that cannot be written stops
 * the export with ERR_IO and a message on stderr; what was written before it
 * stays, and *count says how many items that were.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/log.h"
#include "content/content.h"
#include "store/store.h"

struct export
{
	struct store *st;
	struct arena *a;
	const char *dir;
	int count;
};

/* A YAML double-quoted scalar: backslash, quote and control characters escaped. */
static int yaml_quoted(struct buf *b, const char *s)
{
	int rc = buf_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *) s; *p && !rc; p++) {
		if (*p == '"' || *p == '\\')
			rc = buf_addc(b, '\\') || buf_addc(b, (char) *p);
		else if (*p == '\n')
			rc = buf_adds(b, "\\n");
		else if (*p == '\t')
			rc = buf_adds(b, "\\t");
		else if (*p < 0x20)
			rc = buf_addf(b, "\\x%02x", *p);
		else
			rc = buf_addc(b, (char) *p);
	}
	return rc ? rc : buf_addc(b, '"');
}

static int field(struct buf *b, const char *key, const char *value, int quoted)
{
	if (!value || !*value)
		return 0;
	int rc = buf_addf(b, "%s: ", key);
	if (!rc)
		rc = quoted ? yaml_quoted(b, value) : buf_adds(b, value);
	return rc ? rc : buf_addc(b, '\n');
}

int content_to_markdown(const struct item *it, struct buf *b)
{
	int rc = buf_adds(b, "---\n");
	rc = rc || field(b, "type", it->type, 0) || field(b, "title", it->title, 1) || field(b, "slug", it->slug, 0) ||
	     field(b, "date", it->published, 0);
	rc = rc || buf_adds(b, "categories: [");
	for (size_t i = 0; i < it->ncategories && !rc; i++)
		rc = (i && buf_adds(b, ", ")) || yaml_quoted(b, it->categories[i].name);
	rc = rc || buf_adds(b, "]\n") || field(b, "lead", it->lead, 1) || field(b, "status", it->status, 0) ||
	     field(b, "author", it->author, 1) || field(b, "file", it->file_name, 1) ||
	     field(b, "image", it->image, 1) || field(b, "image_alt", it->image_alt, 1) || buf_adds(b, "---\n\n") ||
	     buf_adds(b, it->body ? it->body : "");
	return rc ? ERR_NOMEM : 0;
}

static int write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return ERR_IO;
	size_t n = fwrite(data, 1, len, f);
	return fclose(f) == 0 && n == len ? 0 : ERR_IO;
}

static int mkdir_p(const char *dir)
{
	return mkdir(dir, 0755) == 0 || errno == EEXIST ? 0 : ERR_IO;
}

static int export_one(void *ctx, const struct item *it)
{
	struct export *e = ctx;
	const struct content_type *type = content_type_find(it->type);
	char sub[4200], path[4400];
	snprintf(sub, sizeof(sub), "%s/%s", e->dir, type ? type->dir : it->type);
	if (mkdir_p(sub)) {
		fprintf(stderr, "%s: map niet te maken / cannot create directory\n", sub);
		return ERR_IO;
	}
	struct buf b = BUF_INIT(64 << 20);
	int rc = content_to_markdown(it, &b);
	if (!rc) {
		snprintf(path, sizeof(path), "%s/%s.md", sub, it->slug);
		rc = write_file(path, b.ptr, b.len);
	}
	if (!rc && it->file_name) {
		buf_reset(&b);
		rc = store_item_file_by_id(e->st, e->a, it->id, &b);
		snprintf(path, sizeof(path), "%s/%s", sub, it->file_name);
		if (!rc)
			rc = write_file(path, b.ptr, b.len);
	}
	buf_free(&b);
	if (rc)
		fprintf(stderr, "%s: schrijven mislukt / write failed (%s)\n", path, err_str(rc));
	else
		e->count++;
	arena_free(e->a);
	return rc ? ERR_IO : 0;
}

int content_export_dir(struct store *st, const char *dir, int *count)
{
	struct arena a = ARENA_INIT;
	struct export e = {.st = st, .a = &a, .dir = dir};
	*count = 0;
	if (mkdir_p(dir)) {
		fprintf(stderr, "%s: map niet te maken / cannot create directory (%s)\n", dir, strerror(errno));
		return ERR_IO;
	}
	int rc = store_item_each(st, &a, export_one, &e);
	arena_free(&a);
	*count = e.count;
	return rc;
}
