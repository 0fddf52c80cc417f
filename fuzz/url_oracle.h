/* The fuzz targets' shared oracle: would a URL attribute value run script? */
#ifndef VERTROUWD_FUZZ_URL_ORACLE_H
#define VERTROUWD_FUZZ_URL_ORACLE_H

#include <stdbool.h>
#include <string.h>
#include <strings.h>

/*
 * Whether an attribute value (as written, entities undecoded) would run
 * script: the entities the escapers write and the usual numeric ones are
 * decoded, leading spaces and controls skipped, tabs and newlines dropped,
 * as a browser does.
 */
static inline bool url_unsafe(const char *v, size_t n)
{
	static const struct {
		const char *ent;
		char c;
	} ents[] = {{"&amp;", '&'}, {"&quot;", '"'}, {"&#39;", '\''},	  {"&lt;", '<'},
		    {"&gt;", '>'},  {"&#96;", '`'},  {"&#61;", '='},	  {"&colon;", ':'},
		    {"&#58;", ':'}, {"&#x3a;", ':'}, {"&#x3A;", ':'},	  {"&Tab;", '\t'},
		    {"&#9;", '\t'}, {"&#10;", '\n'}, {"&NewLine;", '\n'}, {"&#13;", '\r'}};
	char plain[64];
	size_t k = 0;
	for (size_t i = 0; i < n && k < sizeof(plain) - 1;) {
		char c = v[i];
		size_t used = 1;
		if (c == '&') {
			for (size_t e = 0; e < sizeof(ents) / sizeof(ents[0]); e++) {
				size_t el = strlen(ents[e].ent);
				if (el <= n - i && !memcmp(v + i, ents[e].ent, el)) {
					c = ents[e].c;
					used = el;
					break;
				}
			}
		}
		i += used;
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		if (!k && (unsigned char) c <= 0x20)
			continue;
		plain[k++] = c;
	}
	plain[k] = '\0';
	return !strncasecmp(plain, "javascript:", 11) || !strncasecmp(plain, "vbscript:", 9) ||
	       !strncasecmp(plain, "data:", 5);
}

#endif
