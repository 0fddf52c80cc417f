/*
 * gettext .mo catalogues (i18n.h): read whole at start-up, looked up by
 * binary search (msgfmt writes the originals sorted). i18n_load returns 0,
 * ERR_INVALID for a file that is not a .mo (or lies about its offsets), or
 * ERR_NOMEM; on error nothing is loaded. Lookups never fail.
 */
#include "base/i18n.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"

struct entry {
	const char *id, *str;
	uint32_t idlen, strlen;
};

struct catalogue {
	char lang[4];
	unsigned char *data;
	struct entry *entries;
	uint32_t n;
};

static struct catalogue cats[I18N_MAX_LANGS];
static size_t ncats;

static uint32_t word(const unsigned char *p, int swap)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

/* Parse data (len bytes, NUL-terminated past len) into c; 0 or ERR_INVALID. */
static int parse(struct catalogue *c, size_t len)
{
	const unsigned char *d = c->data;
	if (len < 28)
		return ERR_INVALID;
	uint32_t magic = word(d, 0);
	int swap = magic == 0xde120495u;
	if (!swap && magic != 0x950412deu)
		return ERR_INVALID;
	uint32_t n = word(d + 8, swap), orig = word(d + 12, swap), trans = word(d + 16, swap);
	if (n > (1u << 20) || orig > len || trans > len || (size_t) n * 8 > len - orig || (size_t) n * 8 > len - trans)
		return ERR_INVALID;
	c->entries = mem_calloc(n ? n : 1, sizeof(*c->entries));
	if (!c->entries)
		return ERR_NOMEM;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t il = word(d + orig + 8 * i, swap), io = word(d + orig + 8 * i + 4, swap);
		uint32_t sl = word(d + trans + 8 * i, swap), so = word(d + trans + 8 * i + 4, swap);
		if (io > len || il > len - io || so > len || sl > len - so)
			return ERR_INVALID;
		c->entries[i] = (struct entry){(const char *) d + io, (const char *) d + so, il, sl};
		if (i && strcmp(c->entries[i - 1].id, c->entries[i].id) > 0)
			return ERR_INVALID; /* not sorted: binary search would miss */
	}
	c->n = n;
	return 0;
}

static int load_file(const char *path, const char *lang, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s is niet te lezen / unreadable", path);
		return ERR_INVALID;
	}
	struct catalogue *c = &cats[ncats];
	memset(c, 0, sizeof(*c));
	snprintf(c->lang, sizeof(c->lang), "%s", lang);
	int rc = fseek(f, 0, SEEK_END) ? ERR_INVALID : 0;
	long len = rc ? -1 : ftell(f);
	if (len < 0 || len > (16L << 20) || fseek(f, 0, SEEK_SET))
		rc = ERR_INVALID;
	if (!rc && !(c->data = mem_alloc((size_t) len + 1)))
		rc = ERR_NOMEM;
	if (!rc && fread(c->data, 1, (size_t) len, f) != (size_t) len)
		rc = ERR_INVALID;
	fclose(f);
	if (!rc) {
		c->data[len] = '\0';
		rc = parse(c, (size_t) len);
	}
	if (rc) {
		snprintf(err, errlen, "%s is geen geldige gettext-catalogus / not a valid .mo file", path);
		mem_free(c->entries);
		mem_free(c->data);
		return rc;
	}
	ncats++;
	return 0;
}

int i18n_load(const char *dir, char *err, size_t errlen)
{
	i18n_free();
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	struct dirent *e;
	int rc = 0;
	while (!rc && (e = readdir(d)) && ncats < I18N_MAX_LANGS) {
		size_t n = strlen(e->d_name);
		if (n < 5 || n > 6 || strcmp(e->d_name + n - 3, ".mo"))
			continue;
		char lang[4], path[4200];
		snprintf(lang, sizeof(lang), "%.*s", (int) (n - 3), e->d_name);
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		rc = load_file(path, lang, err, errlen);
	}
	closedir(d);
	if (rc)
		i18n_free();
	return rc;
}

void i18n_free(void)
{
	for (size_t i = 0; i < ncats; i++) {
		mem_free(cats[i].entries);
		mem_free(cats[i].data);
	}
	ncats = 0;
}

static const struct catalogue *find(const char *lang)
{
	for (size_t i = 0; lang && i < ncats; i++)
		if (!strcmp(cats[i].lang, lang))
			return &cats[i];
	return NULL;
}

int i18n_has(const char *lang)
{
	return lang && (!strcmp(lang, "nl") || find(lang));
}

size_t i18n_langs(const char *out[I18N_MAX_LANGS])
{
	for (size_t i = 0; i < ncats; i++)
		out[i] = cats[i].lang;
	return ncats;
}

const char *i18n_text(const char *lang, const char *msgid, size_t n, size_t *outlen)
{
	const struct catalogue *c = find(lang);
	*outlen = n;
	if (!c)
		return msgid;
	uint32_t lo = 0, hi = c->n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const struct entry *e = &c->entries[mid];
		size_t k = e->idlen < n ? e->idlen : n;
		int cmp = memcmp(e->id, msgid, k);
		if (!cmp)
			cmp = e->idlen < n ? -1 : e->idlen > n;
		if (!cmp) {
			if (!e->strlen)
				return msgid; /* untranslated */
			*outlen = e->strlen;
			return e->str;
		}
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return msgid;
}

int i18n_rtl(const char *lang)
{
	static const char *const rtl[] = {"ar", "fa", "he", "ur"};
	for (size_t i = 0; lang && i < sizeof(rtl) / sizeof(rtl[0]); i++)
		if (!strcmp(lang, rtl[i]))
			return 1;
	return 0;
}
