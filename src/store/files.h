/*
 * Files: downloads attached to items and media uploaded by editors.
 *
 * A file is addressed by the SHA-256 of its bytes (hex). Its metadata is a
 * row in the store; its bytes live either in that row or, when the store has
 * a media directory, in DIR/ab/abcdef... (written to a temporary name, synced
 * and renamed, so a reader never sees half a file). The same bytes uploaded
 * twice are one file.
 */
#ifndef VERTROUWD_STORE_FILES_H
#define VERTROUWD_STORE_FILES_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"

struct store;
struct buf;

#define FILE_HASH_LEN 64

struct stored_file {
	long long id;
	char hash[FILE_HASH_LEN + 1];
	const char *name;	  /* the original file name (display only) */
	const char *content_type; /* checked by content before it was stored */
	const char *alt;	  /* images: the description for people who cannot see them */
	const char *uploaded_by;  /* an e-mail address, or "" (imports) */
	const char *created_at;
	long long size;
	int width, height; /* images; 0 otherwise */
	int in_db;	   /* the bytes are in the store, not in the media directory */
	int uses;	   /* lists: items that attach or mention it */
};

/*
 * Keep files' bytes in dir from now on (NULL: in the store). The directory is
 * created when the first file is written.
 */
int store_set_media_dir(struct store *st, const char *dir) WUR;

/*
 * Store data with meta (name, content_type, alt, uploaded_by, width, height);
 * meta->hash and *id are filled. An existing file with the same bytes keeps
 * its row (a new alt text replaces an empty one). Inside a transaction or not.
 */
int store_file_put(struct store *st, struct stored_file *meta, const void *data, size_t len, long long *id) WUR;
/*
 * Put a file's bytes where st keeps files: into its media directory (then
 * *in_db = 0), or leave them to the caller to store in the row (*in_db = 1).
 */
int store_file_place(struct store *st, const char *hash, const void *data, size_t len, int *in_db) WUR;
/* The metadata of the file with hash; ERR_NOT_FOUND when there is none. */
int store_file_get(struct store *st, struct arena *a, const char *hash, struct stored_file *out) WUR;
/* Append the bytes of f to out (a response body, say: no copy in between). */
int store_file_read(struct store *st, const struct stored_file *f, struct buf *out) WUR;
/* The newest files first, at most limit from offset, with their use counts; *total counts all. */
int store_file_list(struct store *st, struct arena *a, size_t offset, size_t limit, struct stored_file **out, size_t *n,
		    long long *total) WUR;
/* Remove an unused file's row (ERR_CONFLICT when an item attaches or mentions it). */
int store_file_delete(struct store *st, const char *hash) WUR;
/* After the deletion is committed: remove the bytes from the media directory, if there. */
void store_file_drop_bytes(struct store *st, const char *hash);

#endif
