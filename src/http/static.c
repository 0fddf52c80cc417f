/*
 * Static files: everything under static/ is read into memory at start-up,
 * with a content hash as ETag, and served from there. The set is immutable
 * after start, so threads share it without locks.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/hash.h"
#include "base/mem.h"
#include "http/http.h"

#define STATIC_MAX_FILES 1024
#define STATIC_MAX_BYTES ((size_t) 64 << 20)

struct static_file {
	char *path; /* relative to static/, e.g. "css/site.css" */
	char *data;
	size_t len;
	char etag[24];
	char *url; /* "/static/css/site.css?v=<hash>": a new URL whenever the content changes */
	const char *type;
};

static struct static_file *files;
static size_t nfiles, total_bytes;

static const char *type_of(const char *path)
{
	static const char *const types[][2] = {
	    {".css", "text/css; charset=utf-8"},
	    {".js", "text/javascript; charset=utf-8"},
	    {".svg", "image/svg+xml"},
	    {".png", "image/png"},
	    {".jpg", "image/jpeg"},
	    {".webp", "image/webp"},
	    {".ico", "image/x-icon"},
	    {".woff2", "font/woff2"},
	    {".txt", "text/plain; charset=utf-8"},
	    {".pdf", "application/pdf"},
	    {".json", "application/json"},
	    {".webmanifest", "application/manifest+json"},
	};
	const char *dot = strrchr(path, '.');
	for (size_t i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(dot, types[i][0]))
			return types[i][1];
	return "application/octet-stream";
}

static int add_file(const char *full, const char *rel, char *err, size_t errlen)
{
	FILE *f = fopen(full, "rb");
	struct stat sb;
	if (!f || fstat(fileno(f), &sb) || sb.st_size < 0 || (size_t) sb.st_size > STATIC_MAX_BYTES - total_bytes ||
	    nfiles == STATIC_MAX_FILES) {
		snprintf(err, errlen, "%s: niet te lezen of te groot / unreadable or too large", full);
		if (f)
			fclose(f);
		return ERR_IO;
	}
	struct static_file *sf = &files[nfiles];
	sf->len = (size_t) sb.st_size;
	sf->data = mem_alloc(sf->len + 1);
	sf->path = mem_strdup(rel);
	int rc = 0;
	if (!sf->data || !sf->path) {
		rc = ERR_NOMEM;
	} else if (fread(sf->data, 1, sf->len, f) != sf->len) {
		rc = ERR_IO;
	}
	fclose(f);
	if (rc) {
		mem_free(sf->data);
		mem_free(sf->path);
		snprintf(err, errlen, "%s: %s", full, err_str(rc));
		return rc;
	}
	unsigned long long h = (unsigned long long) hash64(sf->data, sf->len);
	snprintf(sf->etag, sizeof(sf->etag), "\"%016llx\"", h);
	size_t ulen = strlen(rel) + 32;
	sf->url = mem_alloc(ulen);
	if (!sf->url) {
		mem_free(sf->data);
		mem_free(sf->path);
		return ERR_NOMEM;
	}
	snprintf(sf->url, ulen, "/static/%s?v=%.10llx", rel, h);
	sf->type = type_of(rel);
	total_bytes += sf->len;
	nfiles++;
	return 0;
}

static int walk(const char *dir, const char *rel, char *err, size_t errlen)
{
	DIR *d = opendir(dir);
	if (!d) {
		snprintf(err, errlen, "%s: map niet te openen / cannot open directory", dir);
		return ERR_IO;
	}
	struct dirent *e;
	int rc = 0;
	while (!rc && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char full[4096], sub[4096];
		snprintf(full, sizeof(full), "%s/%s", dir, e->d_name);
		snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "", e->d_name);
		struct stat sb;
		if (stat(full, &sb))
			continue;
		rc = S_ISDIR(sb.st_mode)   ? walk(full, sub, err, errlen)
		     : S_ISREG(sb.st_mode) ? add_file(full, sub, err, errlen)
					   : 0;
	}
	closedir(d);
	return rc;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct static_file *) a)->path, ((const struct static_file *) b)->path);
}

int http_static_load(const char *dir, char *err, size_t errlen)
{
	http_static_free();
	files = mem_calloc(STATIC_MAX_FILES, sizeof(*files));
	if (!files) {
		snprintf(err, errlen, "out of memory");
		return ERR_NOMEM;
	}
	int rc = walk(dir, "", err, errlen);
	if (rc) {
		http_static_free();
		return rc;
	}
	qsort(files, nfiles, sizeof(*files), by_path);
	return 0;
}

void http_static_free(void)
{
	for (size_t i = 0; i < nfiles; i++) {
		mem_free(files[i].path);
		mem_free(files[i].data);
		mem_free(files[i].url);
	}
	mem_free(files);
	files = NULL;
	nfiles = total_bytes = 0;
}

const char *http_static_url(const char *path)
{
	struct static_file key = {.path = (char *) path};
	const struct static_file *f = files ? bsearch(&key, files, nfiles, sizeof(*files), by_path) : NULL;
	return f ? f->url : NULL;
}

int http_static_handler(struct req *r)
{
	const char *path = req_param(r, "path");
	if (!path || !files)
		return 404;
	struct static_file key = {.path = (char *) path};
	const struct static_file *f = bsearch(&key, files, nfiles, sizeof(*files), by_path);
	if (!f)
		return 404;
	r->page.static_body = f->data;
	r->page.static_len = f->len;
	r->page.etag = f->etag;
	r->page.content_type = f->type;
	/* A fingerprinted URL never changes its content; a bare one may, so it revalidates. */
	r->page.cache_control = req_query(r, "v") ? "public, max-age=31536000, immutable" : "public, max-age=300";
	return 0;
}
