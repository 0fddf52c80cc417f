/*
 * A case's files (cases.h, records.h): attachments a melder or VP shares
 * ("bijlage") and the VP's own documents ("stuk"). Each is a record holding
 * the file's size, cleaned name and its own random key, boxed under the case
 * key like every record, and the bytes sealed under that file key beside it,
 * bound to the case and record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cases/cases.h"
#include "cases/records.h"
#include "store/store.h"

/* A file's name fit for a header and a page: no directories, controls or quotes; at most 100 bytes. */
static void clean_name(const char *in, char out[101])
{
	const char *base = in ? strrchr(in, '/') : NULL;
	base = base ? base + 1 : in && *in ? in : "bijlage";
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *) base; *p && k < 100; p++)
		out[k++] = *p < 0x20 || *p == 0x7f || *p == '"' || *p == '\\' || *p == '\x1e' ? '_' : (char) *p;
	while (k && ((unsigned char) out[k - 1] & 0xC0) == 0x80) /* no half UTF-8 character at the cut */
		k--;
	if (k && (unsigned char) out[k - 1] >= 0xC0)
		k--;
	out[k] = '\0';
}

/* What the file's own key is bound to: its case and record. */
static size_t file_ad(char out[96], long long case_id, long long record_id)
{
	int n = snprintf(out, 96, "file:%lld|%lld", case_id, record_id);
	return n > 0 && n < 96 ? (size_t) n : 0;
}

int case_attach(struct store *st, long long case_id, const unsigned char *ck, const char *kind, const char *author,
		const struct case_file_in *f, long long now, long long *rid, const char **why)
{
	if (f->len > CASE_FILE_MAX) {
		*why = T_("De bijlage is te groot (hoogstens 900 kB). Maak hem kleiner of laat hem weg.");
		return ERR_INVALID;
	}
	unsigned char key[VAULT_KEY_BYTES];
	char name[101], keyhex[2 * VAULT_KEY_BYTES + 1], ad[96];
	clean_name(f->name, name);
	vault_random(key, sizeof(key));
	vault_hex(keyhex, key, sizeof(key));
	char text[256];
	snprintf(text, sizeof(text), "%zu\x1e%s\x1e%s", f->len, keyhex, name);
	int rc = case_record_put(st, case_id, ck, kind, author, "", now, text, rid);
	unsigned char *sealed = rc ? NULL : malloc(vault_stream_size(f->len));
	if (!rc && !sealed)
		rc = ERR_NOMEM;
	if (!rc) {
		vault_stream_seal(key, f->data, f->len, ad, file_ad(ad, case_id, *rid), sealed);
		rc = store_case_file_put(st, case_id, *rid, sealed, vault_stream_size(f->len));
	}
	free(sealed);
	vault_wipe(key, sizeof(key));
	vault_wipe(keyhex, sizeof(keyhex));
	vault_wipe(text, sizeof(text));
	return rc;
}

/* Whether a record of kind is a file: shared with the melder (bijlage) or the VP's own document (stuk). */
static int is_file(const char *kind)
{
	return !strcmp(kind, "bijlage") || !strcmp(kind, "stuk");
}

/* An attachment record's text: size, key (hex) and name; ERR_INVALID when it is not one. */
static int file_record(char *text, long long *size, const char **keyhex, const char **name)
{
	char *a = strchr(text, '\x1e'), *b = a ? strchr(a + 1, '\x1e') : NULL;
	if (!b)
		return ERR_INVALID;
	*a = *b = '\0';
	*size = strtoll(text, NULL, 10);
	*keyhex = a + 1;
	*name = b + 1;
	return 0;
}

int case_file_entry(struct case_entry *e)
{
	const char *keyhex;
	if (!is_file(e->kind))
		return 0;
	/* The text lies in the buffer case_record_open made in the caller's arena. */
	if (file_record((char *) e->text, &e->file_size, &keyhex, &e->file_name))
		return ERR_INVALID;
	/* The file's key is in this record's text: wipe it, only the name and size go out. */
	vault_wipe((char *) keyhex, 2 * VAULT_KEY_BYTES);
	e->text = "";
	return 0;
}

int cases_attachment(struct store *st, struct arena *a, long long case_id, const unsigned char *ck,
		     enum case_audience audience, long long id, const char **name, const unsigned char **data,
		     size_t *len)
{
	struct case_record *recs;
	size_t n;
	int rc = store_records(st, a, case_id, &recs, &n);
	size_t i = 0;
	while (
	    !rc && i < n &&
	    (recs[i].id != id || !is_file(recs[i].kind) || (audience == CASE_FOR_MELDER && !case_shared(recs[i].kind))))
		i++;
	if (!rc && i == n)
		rc = ERR_NOT_FOUND;
	struct case_entry e;
	char ad[96], *plain = NULL;
	if (!rc)
		rc = case_record_open(a, case_id, ck, &recs[i], &e, &plain);
	const unsigned char *sealed;
	size_t slen;
	long long size;
	const char *keyhex;
	unsigned char key[VAULT_KEY_BYTES];
	if (!rc)
		rc = file_record((char *) e.text, &size, &keyhex, name);
	if (!rc && vault_unhex(key, sizeof(key), keyhex))
		rc = ERR_INVALID;
	if (!rc)
		rc = store_case_file_of(st, a, case_id, id, &sealed, &slen);
	unsigned char *out = rc ? NULL : arena_alloc(a, slen ? slen : 1);
	if (!rc && !out)
		rc = ERR_NOMEM;
	if (!rc && vault_stream_open(key, sealed, slen, ad, file_ad(ad, case_id, id), out, len))
		rc = ERR_INVALID;
	if (!rc && (long long) *len != size)
		rc = ERR_INVALID;
	if (!rc) {
		*data = out;
		*name = arena_strdup(a, *name); /* it points into the record, which is wiped below */
		rc = *name ? 0 : ERR_NOMEM;
	}
	vault_wipe(key, sizeof(key));
	if (plain)
		vault_wipe(plain, recs[i].len - VAULT_BOX_OVERHEAD);
	return rc;
}
