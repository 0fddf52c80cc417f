/*
 * Media: what an uploaded or imported file really is, read from its bytes
 * (never from its name or the type the browser claims), and storing uploads.
 *
 * Allowed: PNG, JPEG and WebP images (their headers must parse and give a
 * size) and PDF documents (a PDF header and an end-of-file marker). Nothing a
 * browser could run as script (HTML, SVG, ...) is ever accepted.
 */
#ifndef VERTROUWD_CONTENT_MEDIA_H
#define VERTROUWD_CONTENT_MEDIA_H

#include <stddef.h>

#include "base/err.h"

struct arena;
struct buf;
struct store;
struct stored_file;

#define MEDIA_MAX_SIDE 20000 /* pixels per side */
#define MEDIA_MAX_ALT  300   /* bytes of alt text */

struct media_kind {
	const char *content_type; /* "image/png" */
	const char *ext;	  /* "png" */
	const char *label;	  /* "PNG" */
	int image;
};

struct media_info {
	const struct media_kind *kind;
	int width, height; /* images */
};

/*
 * Identify d[0..n). Returns 0 and fills out, or ERR_INVALID with a Dutch
 * message (what is wrong and what to upload instead) in *why.
 */
int media_identify(const unsigned char *d, size_t n, struct media_info *out, const char **why) WUR;
/* The kind with this content type (as stored), or NULL. */
const struct media_kind *media_kind_by_type(const char *content_type);

/* What d[0..n) is, refused (ERR_TOO_LARGE) above max bytes; *why in Dutch on error. */
int media_check(const unsigned char *d, size_t n, size_t max, struct media_info *out, const char **why) WUR;

/*
 * Check and store an upload by user (an e-mail address): an image needs alt
 * text, nothing may be larger than max bytes. On success f holds the stored
 * metadata (f->hash names it); on ERR_INVALID/ERR_TOO_LARGE *why says why in
 * Dutch. The upload is audited.
 */
int media_upload(struct store *st, const char *user, const char *filename, const unsigned char *data, size_t len,
		 const char *alt, size_t max, struct stored_file *f, const char **why) WUR;

/* Delete an unused file (ERR_CONFLICT while used, ERR_NOT_FOUND), audited. */
int media_delete(struct store *st, const char *user, const char *hash) WUR;

/*
 * Reading the library, the one way web/ reaches stored files. Strings live in
 * a; nothing is written. On error (ERR_DB, ERR_NOMEM, or as said) the
 * out-parameters are unspecified.
 */

/* The newest files first, at most limit from offset, with their use counts; *total counts all. */
int media_list(struct store *st, struct arena *a, size_t offset, size_t limit, struct stored_file **out, size_t *n,
	       long long *total) WUR;
/* The metadata of the file with hash; ERR_NOT_FOUND when there is none. */
int media_find(struct store *st, struct arena *a, const char *hash, struct stored_file *out) WUR;
/*
 * Append the bytes of f to out; ERR_IO when they are missing from the media
 * directory, ERR_TOO_LARGE past out's cap. On error out keeps its old length.
 */
int media_read(struct store *st, const struct stored_file *f, struct buf *out) WUR;

#endif
