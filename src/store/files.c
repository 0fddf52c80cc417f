/*
 * Files in the store (files.h): metadata rows, bytes in the row or in a
 * content-addressed directory. Bytes go to a temporary name, are synced and
 * renamed, so a failed write (ERR_IO, logged) leaves no half file; bytes
 * missing from the directory read as ERR_IO. Bytes written for a row whose
 * transaction then rolls back stay behind, unreferenced.
 */
#include "store/files.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/log.h"
#include "base/mem.h"
#include "store/db.h"

int store_set_media_dir(struct store *st, const char *dir)
{
	char *copy = dir ? mem_strdup(dir) : NULL;
	if (dir && !copy)
		return ERR_NOMEM;
	mem_free(st->media_dir);
	st->media_dir = copy;
	return 0;
}

/* DIR/ab/abcdef... for a hash. */
static int blob_path(const char *dir, const char *hash, char *out, size_t outlen)
{
	int n = snprintf(out, outlen, "%s/%.2s/%s", dir, hash, hash);
	return n > 0 && (size_t) n < outlen ? 0 : ERR_TOO_LARGE;
}

static int make_dir(const char *path)
{
	return mkdir(path, 0750) && errno != EEXIST ? ERR_IO : 0;
}

/* Write the bytes under their hash unless they are there already. */
static int blob_write(const char *dir, const char *hash, const void *data, size_t len)
{
	char path[4096], sub[4096], tmp[4200];
	if (blob_path(dir, hash, path, sizeof(path)))
		return ERR_TOO_LARGE;
	if (!access(path, F_OK))
		return 0;
	snprintf(sub, sizeof(sub), "%s/%.2s", dir, hash);
	if (make_dir(dir) || make_dir(sub)) {
		log_error("store: cannot create media directory %s: %s", sub, strerror(errno));
		return ERR_IO;
	}
	snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", sub, hash);
	int fd = mkstemp(tmp);
	if (fd < 0)
		return ERR_IO;
	const char *p = data;
	size_t left = len;
	while (left) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		p += w;
		left -= (size_t) w;
	}
	int rc = left || fsync(fd) ? ERR_IO : 0;
	if (close(fd) || (!rc && rename(tmp, path)))
		rc = ERR_IO;
	if (rc) {
		log_error("store: cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
	}
	return rc;
}

/* Append the size bytes of the file dir/hash to out. */
static int blob_read(const char *dir, const char *hash, long long size, struct buf *out)
{
	char path[4096];
	if (!dir || size < 0 || blob_path(dir, hash, path, sizeof(path)))
		return ERR_IO;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		log_error("store: file %s missing from %s", hash, dir);
		return ERR_IO;
	}
	int rc = buf_grow(out, (size_t) size);
	size_t got = 0;
	while (!rc && got < (size_t) size) {
		ssize_t r = read(fd, out->ptr + out->len + got, (size_t) size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t) r;
	}
	close(fd);
	if (rc)
		return rc;
	if (got != (size_t) size)
		return ERR_IO;
	out->len += got;
	out->ptr[out->len] = '\0';
	return 0;
}

int store_file_place(struct store *st, const char *hash, const void *data, size_t len, int *in_db)
{
	*in_db = !st->media_dir;
	return *in_db ? 0 : blob_write(st->media_dir, hash, data, len);
}

int store_file_put(struct store *st, struct stored_file *meta, const void *data, size_t len, long long *id)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(meta->hash, sizeof(meta->hash), h, sizeof(h));
	int in_db;
	if (store_file_place(st, meta->hash, data, len, &in_db))
		return ERR_IO;
	struct stmt *s = stmt_get(st, ST_FILE_UPSERT);
	if (!s || bind_text(s, 1, meta->hash) || bind_text(s, 2, meta->name) || bind_text(s, 3, meta->content_type) ||
	    bind_int(s, 4, (long long) len) || bind_blob(s, 5, in_db ? data : "", in_db ? len : 0) ||
	    bind_text(s, 6, in_db ? "db" : "dir") || bind_text(s, 7, meta->alt ? meta->alt : "") ||
	    bind_int(s, 8, meta->width) || bind_int(s, 9, meta->height) ||
	    bind_text(s, 10, meta->uploaded_by ? meta->uploaded_by : "") || stmt_step(s) != STEP_ROW)
		return ERR_DB;
	*id = col_int(s, 0);
	meta->id = *id;
	meta->in_db = in_db;
	meta->size = (long long) len;
	stmt_reset(s);
	return 0;
}

static int read_meta(struct stmt *s, struct arena *a, struct stored_file *f)
{
	memset(f, 0, sizeof(*f));
	f->id = col_int(s, 0);
	snprintf(f->hash, sizeof(f->hash), "%s", col_str(s, 1));
	f->name = col_text(s, 2, a);
	f->content_type = col_text(s, 3, a);
	f->alt = col_text(s, 4, a);
	f->uploaded_by = col_text(s, 5, a);
	f->created_at = col_text(s, 6, a);
	f->size = col_int(s, 7);
	f->width = (int) col_int(s, 8);
	f->height = (int) col_int(s, 9);
	f->in_db = (int) col_int(s, 10);
	f->uses = (int) col_int(s, 11);
	return f->name && f->content_type && f->alt && f->uploaded_by && f->created_at ? 0 : ERR_NOMEM;
}

int store_file_get(struct store *st, struct arena *a, const char *hash, struct stored_file *out)
{
	struct stmt *s = stmt_get(st, ST_FILE_GET);
	if (!s || bind_text(s, 1, hash))
		return ERR_DB;
	int step = stmt_step(s);
	int rc = step == STEP_ROW ? read_meta(s, a, out) : step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_file_read(struct store *st, const struct stored_file *f, struct buf *out)
{
	if (!f->in_db)
		return blob_read(st->media_dir, f->hash, f->size, out);
	struct stmt *s = stmt_get(st, ST_FILE_DATA);
	if (!s || bind_text(s, 1, f->hash))
		return ERR_DB;
	int step = stmt_step(s), rc = 0;
	if (step == STEP_ROW) {
		size_t len;
		const void *bytes = col_blob(s, 0, &len);
		rc = buf_add(out, bytes, len);
	} else {
		rc = step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	}
	stmt_reset(s);
	return rc;
}

int store_file_list(struct store *st, struct arena *a, size_t offset, size_t limit, struct stored_file **out, size_t *n,
		    long long *total)
{
	if (stmt_int(stmt_get(st, ST_FILE_TOTAL), total))
		return ERR_DB;
	struct stmt *s = stmt_get(st, ST_FILE_LIST);
	if (!s || bind_int(s, 1, (long long) limit) || bind_int(s, 2, (long long) offset))
		return ERR_DB;
	struct stored_file *files = arena_calloc(a, limit ? limit : 1, sizeof(*files));
	int rc = files ? 0 : ERR_NOMEM, step = STEP_DONE;
	*n = 0;
	while (!rc && *n < limit && (step = stmt_step(s)) == STEP_ROW)
		rc = read_meta(s, a, &files[(*n)++]);
	if (!rc && step != STEP_ROW && step != STEP_DONE)
		rc = ERR_DB;
	stmt_reset(s);
	*out = files;
	return rc;
}

int store_file_delete(struct store *st, const char *hash)
{
	struct arena a = ARENA_INIT;
	struct stored_file f;
	int rc = store_file_get(st, &a, hash, &f);
	if (!rc && f.uses)
		rc = ERR_CONFLICT;
	if (!rc) {
		struct stmt *s = stmt_get(st, ST_FILE_DELETE);
		rc = !s || bind_text(s, 1, hash) ? ERR_DB : stmt_exec(s);
	}
	if (!rc && !store_changes(st))
		rc = ERR_CONFLICT; /* put to use between the two statements */
	arena_free(&a);
	return rc;
}

void store_file_drop_bytes(struct store *st, const char *hash)
{
	char path[4096];
	if (st->media_dir && !blob_path(st->media_dir, hash, path, sizeof(path)) && unlink(path) && errno != ENOENT)
		log_warn("store: cannot remove %s: %s", path, strerror(errno));
}
