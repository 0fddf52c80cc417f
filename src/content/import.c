/*
 * Importing a directory of Markdown files (content.h), by name, one
 * transaction per file. A file that cannot be read, parsed or stored is
 * reported on stderr with its path (and line) and leaves nothing behind; the
 * others still import, and the result is ERR_INVALID. A directory that cannot
 * be read is an error before anything is imported.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/log.h"
#include "base/mem.h"
#include "content/content.h"
#include "content/media.h"
#include "search/search.h"
#include "store/store.h"

#define IMPORT_MAX_FILES      100000
#define IMPORT_MAX_FILE_BYTES ((size_t) 4 << 20)
#define IMPORT_MAX_ATTACHMENT ((size_t) 10 << 20)

struct paths {
	char **v;
	size_t n, cap;
};

static int collect(const char *dir, struct paths *p)
{
	DIR *d = opendir(dir);
	if (!d)
		return ERR_IO;
	struct dirent *e;
	int rc = 0;
	while (!rc && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char full[4096];
		if ((size_t) snprintf(full, sizeof(full), "%s/%s", dir, e->d_name) >= sizeof(full))
			continue;
		struct stat sb;
		if (stat(full, &sb))
			continue;
		size_t len = strlen(e->d_name);
		if (S_ISDIR(sb.st_mode)) {
			rc = collect(full, p);
		} else if (S_ISREG(sb.st_mode) && len > 3 && !strcmp(e->d_name + len - 3, ".md")) {
			if (p->n == IMPORT_MAX_FILES)
				rc = ERR_TOO_LARGE;
			else if (p->n == p->cap) {
				size_t cap = p->cap ? p->cap * 2 : 64;
				char **v = mem_realloc(p->v, cap * sizeof(*v));
				rc = v ? 0 : ERR_NOMEM;
				if (v) {
					p->v = v;
					p->cap = cap;
				}
			}
			if (!rc && !(p->v[p->n] = mem_strdup(full)))
				rc = ERR_NOMEM;
			if (!rc)
				p->n++;
		}
	}
	closedir(d);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static int read_all(const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return ERR_IO;
	char chunk[8192];
	size_t n;
	int rc = 0;
	while (!rc && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		rc = buf_add(out, chunk, n);
	fclose(f);
	return rc;
}

/* Read the file a content item names (next to its Markdown file) into file. */
static int attach_file(struct arena *a, const char *md_path, struct item *it, struct buf *file, char *err,
		       size_t errlen)
{
	const char *slash = strrchr(md_path, '/');
	char *full = arena_printf(a, "%.*s%s", slash ? (int) (slash - md_path + 1) : 0, md_path, it->file_name);
	int rc = full ? read_all(full, file) : ERR_NOMEM;
	if (rc) {
		snprintf(err, errlen, "%s: bestand '%s' %s", md_path, it->file_name,
			 rc == ERR_TOO_LARGE ? "is te groot (hoogstens 10 MiB)" : "niet gevonden of niet te lezen");
		return rc;
	}
	struct media_info info;
	const char *why;
	if (media_identify((const unsigned char *) file->ptr, file->len, &info, &why)) {
		snprintf(err, errlen, "%s: bestand '%s': %s", md_path, it->file_name, why);
		return ERR_INVALID;
	}
	it->file_type = info.kind->content_type;
	const char *base = strrchr(it->file_name, '/');
	it->file_name = base ? base + 1 : it->file_name;
	it->file_data = file->ptr;
	it->file_len = file->len;
	return 0;
}

/* Import one file in its own transaction; on error nothing of it is stored. */
static int import_file(struct store *st, struct search_env *search, const char *path, char *err, size_t errlen)
{
	struct arena a = ARENA_INIT;
	struct buf text = BUF_INIT(IMPORT_MAX_FILE_BYTES);
	struct buf file = BUF_INIT(IMPORT_MAX_ATTACHMENT);
	struct item it;
	long long id = 0;
	int rc = read_all(path, &text);
	if (rc) {
		snprintf(err, errlen, "%s: %s", path,
			 rc == ERR_TOO_LARGE ? "bestand te groot (hoogstens 4 MiB)" : "niet te lezen");
		goto done;
	}
	rc = content_parse(&a, path, text.ptr, text.len, &it, err, errlen);
	if (!rc && it.file_name)
		rc = attach_file(&a, path, &it, &file, err, errlen);
	if (rc)
		goto done;
	rc = store_begin(st);
	if (!rc)
		rc = store_item_save(st, &it, &id);
	it.id = id;
	if (!rc && search)
		rc = search_index_item(search, &it);
	if (!rc)
		rc = store_commit(st);
	if (rc) {
		store_rollback(st);
		snprintf(err, errlen, "%s: opslaan mislukt (%s)", path, err_str(rc));
	}
done:
	buf_free(&file);
	buf_free(&text);
	arena_free(&a);
	return rc;
}

int content_import_dir(struct store *st, struct search_env *search, const char *dir,
		       void (*progress)(int done, int total), struct import_report *rep)
{
	struct paths p = {0};
	memset(rep, 0, sizeof(*rep));
	int rc = collect(dir, &p);
	if (rc) {
		log_error("%s: map niet te lezen / cannot read directory (%s)", dir, err_str(rc));
	} else {
		qsort(p.v, p.n, sizeof(*p.v), by_name);
		rep->files = (int) p.n;
		for (size_t i = 0; i < p.n; i++) {
			char err[1024];
			if (import_file(st, search, p.v[i], err, sizeof(err))) {
				fprintf(stderr, "%s\n", err);
				rep->failed++;
			} else {
				rep->imported++;
			}
			if (progress)
				progress((int) i + 1, (int) p.n);
		}
		rc = rep->failed ? ERR_INVALID : 0;
	}
	for (size_t i = 0; i < p.n; i++)
		mem_free(p.v[i]);
	mem_free(p.v);
	return rc;
}
