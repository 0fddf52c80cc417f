#include "testutil.h"
#include <stdio.h>

#include "content/content.h"
#include "content/diff.h"

static int parse(struct arena *a, const char *text, struct item *it, char *err, size_t n)
{
	return content_parse(a, "x.md", text, strlen(text), it, err, n);
}

static void good_file(void **state)
{
	struct arena a = ARENA_INIT;
	struct item it;
	char err[512];
	const char *text = "---\ntype: nieuws\ntitle: \"Nieuwe regels voor de meldprocedure\"\ndate: 2026-03-02\n"
			   "categories: [Klokkenluider, Melding]\nlead: \"Wat werkgevers moeten doen.\"\n"
			   "status: gepubliceerd\n---\n\nDe **tekst**.\n";
	assert_int_equal(parse(&a, text, &it, err, sizeof(err)), 0);
	assert_string_equal(it.type, "nieuws");
	assert_string_equal(it.slug, "nieuwe-regels-voor-de-meldprocedure");
	assert_string_equal(it.published, "2026-03-02");
	assert_int_equal(it.ncategories, 2);
	assert_string_equal(it.categories[1].name, "Melding");
	assert_string_equal(it.categories[1].slug, "melding");
	assert_string_equal(it.body, "De **tekst**.\n");
	arena_free(&a);
}

static void errors_name_file_and_line(void **state)
{
	const char *cases[][2] = {
	    {"geen kop", "x.md:1:"},
	    {"---\ntype: nieuws\n", "niet afgesloten"},
	    {"---\ntype: nieuws\ntitle: t\ndate: 2026-01-01\ncategories: [A]\nkleur: rood\n---\n",
	     "x.md:6: onbekende sleutel 'kleur'"},
	    {"---\ntype: blog\ntitle: t\ndate: 2026-01-01\ncategories: [A]\n---\n", "'type'"},
	    {"---\ntype: nieuws\ndate: 2026-01-01\ncategories: [A]\n---\n", "'title' ontbreekt"},
	    {"---\ntype: nieuws\ntitle: t\ndate: 2026-02-30\ncategories: [A]\n---\n", "geldige datum"},
	    {"---\ntype: nieuws\ntitle: t\ndate: 2026-01-01\n---\n", "categorie"},
	    {"---\ntype: nieuws\ntitle: t\ndate: 2026-01-01\ncategories: A\n---\n", "lijst"},
	    {"---\ntype: nieuws\ntitle: [a]\ndate: 2026-01-01\ncategories: [A]\n---\n",
	     "x.md:3: 'title' moet een tekst"},
	    {"---\ntype: nieuws\ntitle: t\ndate: 2026-01-01\ncategories: [A]\nstatus: klaar\n---\n", "'status'"},
	    {"---\ntype: nieuws\ntitle: t\nslug: Slecht Slug\ndate: 2026-01-01\ncategories: [A]\n---\n", "'slug'"},
	    {"---\ntype: nieuws\ntitle: \"t\ndate: 2026-01-01\n---\n", "YAML-fout"},
	    {"---\n- a\n- b\n---\n", "sleutel: waarde"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct arena a = ARENA_INIT;
		struct item it;
		char err[512] = "";
		assert_int_equal(parse(&a, cases[i][0], &it, err, sizeof(err)), ERR_INVALID);
		if (!strstr(err, cases[i][1]))
			fail_msg("case %zu: '%s' does not contain '%s'", i, err, cases[i][1]);
		arena_free(&a);
	}
}

static void every_demo_file_parses(void **state)
{
	/* The demo directory is also imported by the integration tests; here each type is known. */
	for (size_t i = 0; i < content_type_count; i++)
		assert_non_null(content_type_find(content_types[i].name));
	assert_null(content_type_find("blog"));
	assert_true(content_status_valid("gepland"));
	assert_false(content_status_valid("klaar"));
}

/* The diff as one string: "op text" per line. */
static char *render_diff(struct arena *a, const char *old, const char *new)
{
	struct diff_line *d;
	size_t n;
	if (diff_lines(a, old, new, &d, &n))
		return NULL;
	char *s = arena_calloc(a, 4096, 1);
	for (size_t i = 0; i < n; i++)
		snprintf(s + strlen(s), 4096 - strlen(s), "%c%.*s|", d[i].op, (int) d[i].len, d[i].text);
	return s;
}

static void revision_diff(void **state)
{
	struct arena a = ARENA_INIT;
	assert_string_equal(render_diff(&a, "a\nb\nc\n", "a\nb\nc\n"), " a| b| c|");
	assert_string_equal(render_diff(&a, "a\nb\nc\n", "a\nB\nc\n"), " a|-b|+B| c|");
	assert_string_equal(render_diff(&a, "", "x\ny"), "+x|+y|");
	assert_string_equal(render_diff(&a, "x\ny\n", ""), "-x|-y|");
	assert_string_equal(render_diff(&a, "titel\n\ntekst\n", "titel\nnieuw\n\ntekst\nslot\n"),
			    " titel|+nieuw| | tekst|+slot|");
	/* Over the cap: refused, not slow. */
	char *big = arena_calloc(&a, 2 * (DIFF_MAX_LINES + 1) + 1, 1);
	memset(big, '\n', 2 * (DIFF_MAX_LINES + 1));
	struct diff_line *d;
	size_t n;
	assert_int_equal(diff_lines(&a, big, "x", &d, &n), ERR_TOO_LARGE);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(good_file),
	    cmocka_unit_test(errors_name_file_and_line),
	    cmocka_unit_test(every_demo_file_parses),
	    cmocka_unit_test(revision_diff),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
