/*
 * Slugs (slug.h): Latin-1 letters and ĳ, œ, š and ž fold to a-z0-9,
 * apostrophes vanish, and each run of anything else (invalid UTF-8 too)
 * becomes one hyphen, cut at SLUG_MAX. slug_make returns ERR_INVALID, with
 * out empty, when nothing of the text is left.
 */
#include "base/slug.h"

#include <string.h>

/* Folds of U+00C0..U+00FF (upper and lower case share the table). */
static const char *const latin1[64] = {
    "a", "a",  "a", "a", "a", "a", "ae", "c", "e",  "e",  "e", "e",  "i", "i", "i", "i", "d",  "n", "o",  "o", "o", "o",
    "o", NULL, "o", "u", "u", "u", "u",	 "y", "th", "ss", "a", "a",  "a", "a", "a", "a", "ae", "c", "e",  "e", "e", "e",
    "i", "i",  "i", "i", "d", "n", "o",	 "o", "o",  "o",  "o", NULL, "o", "u", "u", "u", "u",  "y", "th", "y",
};

static const char alnum[] = "abcdefghijklmnopqrstuvwxyz0123456789";

static const char *fold(const unsigned char *s, size_t n, size_t *used)
{
	unsigned char c = s[0];
	*used = 1;
	if (c < 0x80) {
		if (c == '\'')
			return "";
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char) (c + 32);
		if (c >= 'a' && c <= 'z')
			return alnum + (c - 'a');
		if (c >= '0' && c <= '9')
			return alnum + 26 + (c - '0');
		return NULL;
	}
	if (n >= 2 && s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0xBF) {
		*used = 2;
		return latin1[s[1] - 0x80];
	}
	if (n >= 2 && (s[0] == 0xC4 || s[0] == 0xC5) && (s[1] & 0xC0) == 0x80) {
		unsigned cp = ((unsigned) (s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		*used = 2;
		if (cp == 0x132 || cp == 0x133)
			return "ij";
		if (cp == 0x152 || cp == 0x153)
			return "oe";
		if (cp == 0x160 || cp == 0x161)
			return "s";
		if (cp == 0x17D || cp == 0x17E)
			return "z";
		return NULL;
	}
	/* Typographic apostrophes: ’ (U+2019) and ‘ (U+2018). */
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x98 || s[2] == 0x99)) {
		*used = 3;
		return "";
	}
	/* Any other multi-byte character: skip the whole sequence. */
	size_t len = 1;
	while (len < n && len < 4 && (s[len] & 0xC0) == 0x80)
		len++;
	*used = len;
	return NULL;
}

const char *slug_fold_char(const unsigned char *s, size_t n, size_t *used, size_t *outlen)
{
	const char *r = fold(s, n, used);
	*outlen = !r ? 0 : s[0] < 0x80 ? (r[0] != '\0') : strlen(r);
	return r;
}

int slug_make(const char *s, char *out, size_t outlen)
{
	size_t n = strlen(s), k = 0, max = outlen - 1 < SLUG_MAX ? outlen - 1 : SLUG_MAX;
	int pending_dash = 0;
	for (size_t i = 0; i < n;) {
		size_t used, flen;
		const char *f = slug_fold_char((const unsigned char *) s + i, n - i, &used, &flen);
		i += used;
		if (!f) {
			pending_dash = k > 0;
			continue;
		}
		if (!flen)
			continue;
		if (k + flen + (size_t) pending_dash > max)
			break;
		if (pending_dash)
			out[k++] = '-';
		pending_dash = 0;
		memcpy(out + k, f, flen);
		k += flen;
	}
	out[k] = '\0';
	return k ? 0 : ERR_INVALID;
}

int slug_valid(const char *s)
{
	size_t n = strlen(s);
	if (!n || n > SLUG_MAX || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && s[i + 1] != '-')))
			return 0;
	}
	return 1;
}
