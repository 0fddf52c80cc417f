/*
 * libFuzzer target: content_parse() (YAML front matter through libyaml).
 *
 * Besides memory safety it checks the contract of content.h: an error comes
 * with a message that starts with the path; a parsed item has a known type, a
 * title, a real date, a known status, at least one category with a slug, a
 * well-formed slug and a body.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/dates.h"
#include "base/slug.h"
#include "content/content.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what, const char *err)
{
	fprintf(stderr, "fuzz_frontmatter: invariant broken: %s (err: %s)\n", what, err);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct item it;
	char err[512];
	err[0] = '\0';
	int rc = content_parse(&a, "fuzz.md", (const char *) data, size, &it, err, sizeof(err));
	if (rc) {
		if (rc != ERR_INVALID && rc != ERR_NOMEM)
			die("unexpected error code", err);
		if (strncmp(err, "fuzz.md:", 8))
			die("error message does not start with the path", err);
		if (!memchr(err, '\0', sizeof(err)))
			die("error message not terminated", "");
	} else {
		if (!it.type || !content_type_find(it.type))
			die("unknown type accepted", "");
		if (!it.title || !*it.title)
			die("empty title accepted", "");
		if (!it.published || !date_valid(it.published))
			die("bad date accepted", "");
		if (!it.status || !content_status_valid(it.status))
			die("bad status accepted", "");
		if (!it.slug || !slug_valid(it.slug))
			die("bad slug accepted", "");
		if (!it.body)
			die("no body", "");
		if (!it.ncategories || !it.categories)
			die("no categories accepted", "");
		for (size_t i = 0; i < it.ncategories; i++)
			if (!it.categories[i].name || !it.categories[i].slug || !slug_valid(it.categories[i].slug))
				die("category without a valid slug", "");
	}
	arena_free(&a);
	return 0;
}
