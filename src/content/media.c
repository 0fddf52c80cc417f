/*
 * Media (media.h): what a file is, read from its bytes; storing and deleting
 * uploads, each in one audited transaction. A refused file is ERR_INVALID or
 * ERR_TOO_LARGE with a Dutch *why and nothing stored; a failed store or
 * delete is rolled back, and a deleted file's bytes go only after the commit.
 */
#include "content/media.h"

#include <string.h>

#include "store/files.h"
#include "store/store.h"
#include "store/users.h"

static const struct media_kind kinds[] = {
    {"image/png", "png", "PNG", 1},
    {"image/jpeg", "jpg", "JPEG", 1},
    {"image/webp", "webp", "WebP", 1},
    {"application/pdf", "pdf", "PDF", 0},
};

const struct media_kind *media_kind_by_type(const char *content_type)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (content_type && !strcmp(kinds[i].content_type, content_type))
			return &kinds[i];
	return NULL;
}

static unsigned be16(const unsigned char *p)
{
	return (unsigned) p[0] << 8 | p[1];
}

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long) p[0] << 24 | (unsigned long) p[1] << 16 | (unsigned long) p[2] << 8 | p[3];
}

static unsigned long le24(const unsigned char *p)
{
	return (unsigned long) p[0] | (unsigned long) p[1] << 8 | (unsigned long) p[2] << 16;
}

static unsigned long le32(const unsigned char *p)
{
	return le24(p) | (unsigned long) p[3] << 24;
}

/* PNG: the signature, an IHDR chunk first and an IEND chunk last. */
static int png_size(const unsigned char *d, size_t n, unsigned long *w, unsigned long *h)
{
	static const unsigned char iend[12] = {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82};
	if (n < 8 + 25 + 12 || be32(d + 8) != 13 || memcmp(d + 12, "IHDR", 4) || memcmp(d + n - 12, iend, 12))
		return ERR_INVALID;
	*w = be32(d + 16);
	*h = be32(d + 20);
	return 0;
}

/* JPEG: walk the segments up to a start-of-frame marker, which holds the size. */
static int jpeg_size(const unsigned char *d, size_t n, unsigned long *w, unsigned long *h)
{
	size_t i = 2;
	while (i + 4 <= n) {
		if (d[i] != 0xFF)
			return ERR_INVALID;
		while (i < n && d[i] == 0xFF)
			i++; /* fill bytes */
		if (i >= n)
			return ERR_INVALID;
		unsigned m = d[i++];
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD8))
			continue; /* no length */
		if (m == 0xD9 || m == 0xDA || i + 2 > n)
			return ERR_INVALID; /* image data or end before any frame header */
		size_t len = be16(d + i);
		if (len < 2 || i + len > n)
			return ERR_INVALID;
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			if (len < 7)
				return ERR_INVALID;
			*h = be16(d + i + 3);
			*w = be16(d + i + 5);
			return 0;
		}
		i += len;
	}
	return ERR_INVALID;
}

/* WebP: a RIFF container whose first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended). */
static int webp_size(const unsigned char *d, size_t n, unsigned long *w, unsigned long *h)
{
	if (n < 30 || le32(d + 4) + 8 > n || le32(d + 4) < 22)
		return ERR_INVALID;
	const unsigned char *c = d + 12, *p = d + 20;
	if (!memcmp(c, "VP8 ", 4) && !memcmp(p + 3, "\x9d\x01\x2a", 3)) {
		*w = (p[6] | (unsigned) p[7] << 8) & 0x3FFF;
		*h = (p[8] | (unsigned) p[9] << 8) & 0x3FFF;
	} else if (!memcmp(c, "VP8L", 4) && p[0] == 0x2F) {
		unsigned long bits = le32(p + 1);
		*w = (bits & 0x3FFF) + 1;
		*h = ((bits >> 14) & 0x3FFF) + 1;
	} else if (!memcmp(c, "VP8X", 4)) {
		*w = le24(p + 4) + 1;
		*h = le24(p + 7) + 1;
	} else {
		return ERR_INVALID;
	}
	return 0;
}

/* PDF: a version header first and an end-of-file marker near the end. */
static int pdf_ok(const unsigned char *d, size_t n)
{
	if (n < 16 || memcmp(d, "%PDF-", 5) || d[5] < '1' || d[5] > '2' || d[6] != '.' || d[7] < '0' || d[7] > '9')
		return 0;
	size_t tail = n < 1024 ? n : 1024;
	return memmem(d + n - tail, tail, "%%EOF", 5) != NULL;
}

int media_identify(const unsigned char *d, size_t n, struct media_info *out, const char **why)
{
	static const char unknown[] = "Dit bestand is geen PNG, JPEG, WebP of PDF. Kies een afbeelding in een van die "
				      "vormen of een PDF-document.";
	unsigned long w = 0, h = 0;
	int rc = ERR_INVALID;
	memset(out, 0, sizeof(*out));
	if (n >= 8 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8)) {
		out->kind = &kinds[0];
		rc = png_size(d, n, &w, &h);
	} else if (n >= 3 && !memcmp(d, "\xff\xd8\xff", 3)) {
		out->kind = &kinds[1];
		rc = jpeg_size(d, n, &w, &h);
	} else if (n >= 12 && !memcmp(d, "RIFF", 4) && !memcmp(d + 8, "WEBP", 4)) {
		out->kind = &kinds[2];
		rc = webp_size(d, n, &w, &h);
	} else if (n >= 5 && !memcmp(d, "%PDF-", 5)) {
		out->kind = &kinds[3];
		if (pdf_ok(d, n))
			return 0;
		*why =
		    "Dit PDF-bestand is onvolledig of beschadigd. Sla het opnieuw op als PDF en probeer het nog eens.";
		return ERR_INVALID;
	} else {
		*why = unknown;
		return ERR_INVALID;
	}
	if (rc) {
		*why =
		    "Deze afbeelding is beschadigd of onvolledig. Sla haar opnieuw op (PNG, JPEG of WebP) en probeer "
		    "het nog eens.";
		return rc;
	}
	if (!w || !h || w > MEDIA_MAX_SIDE || h > MEDIA_MAX_SIDE) {
		*why = "Deze afbeelding heeft een onmogelijke maat (hoogstens 20000 beeldpunten per zijde).";
		return ERR_INVALID;
	}
	out->width = (int) w;
	out->height = (int) h;
	return 0;
}

int media_check(const unsigned char *d, size_t n, size_t max, struct media_info *out, const char **why)
{
	if (n > max) {
		*why = "Het bestand is te groot. Verklein het (een foto voor het web is meestal kleiner dan 1 MiB).";
		return ERR_TOO_LARGE;
	}
	return media_identify(d, n, out, why);
}

int media_upload(struct store *st, const char *user, const char *filename, const unsigned char *data, size_t len,
		 const char *alt, size_t max, struct stored_file *f, const char **why)
{
	struct media_info info;
	memset(f, 0, sizeof(*f));
	int rc = media_check(data, len, max, &info, why);
	if (rc)
		return rc;
	while (alt && (*alt == ' ' || *alt == '\n' || *alt == '\r' || *alt == '\t'))
		alt++;
	if (info.kind->image && (!alt || !*alt)) {
		*why = "Beschrijf wat er op de afbeelding staat (alt-tekst), voor wie haar niet kan zien.";
		return ERR_INVALID;
	}
	if (alt && strlen(alt) > MEDIA_MAX_ALT) {
		*why = "De beschrijving is te lang (hoogstens 300 tekens). Houd het bij wat er te zien is.";
		return ERR_INVALID;
	}
	f->name = filename && *filename ? filename : info.kind->ext;
	f->content_type = info.kind->content_type;
	f->alt = info.kind->image ? alt : "";
	f->uploaded_by = user;
	f->width = info.width;
	f->height = info.height;
	long long id;
	rc = store_begin(st);
	if (!rc)
		rc = store_file_put(st, f, data, len, &id);
	if (!rc)
		rc = store_audit(st, user, "media geüpload", f->hash, f->name);
	if (!rc)
		rc = store_commit(st);
	if (rc) {
		store_rollback(st);
		*why = "Het bestand kon niet worden opgeslagen. Probeer het zo opnieuw; blijft dit gebeuren, meld het "
		       "dan aan de beheerder.";
	}
	return rc;
}

int media_delete(struct store *st, const char *user, const char *hash)
{
	int rc = store_begin(st);
	if (!rc)
		rc = store_file_delete(st, hash);
	if (!rc)
		rc = store_audit(st, user, "media verwijderd", hash, "");
	if (!rc)
		rc = store_commit(st);
	if (rc)
		store_rollback(st);
	else
		store_file_drop_bytes(st, hash);
	return rc;
}

int media_list(struct store *st, struct arena *a, size_t offset, size_t limit, struct stored_file **out, size_t *n,
	       long long *total)
{
	return store_file_list(st, a, offset, limit, out, n, total);
}

int media_find(struct store *st, struct arena *a, const char *hash, struct stored_file *out)
{
	return store_file_get(st, a, hash, out);
}

int media_read(struct store *st, const struct stored_file *f, struct buf *out)
{
	return store_file_read(st, f, out);
}
