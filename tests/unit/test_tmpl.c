#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "html/markdown.h"
#include "html/tmpl.h"

struct fixture {
	struct tmpl_set *set;
	struct arena a;
	struct buf out;
	char err[512];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	f->set = tmpl_set_new();
	f->a = (struct arena) ARENA_INIT;
	buf_init(&f->out, 1 << 20);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	tmpl_set_free(f->set);
	arena_free(&f->a);
	buf_free(&f->out);
	free(f);
	return 0;
}

static int add(struct fixture *f, const char *name, const char *src)
{
	return tmpl_add(f->set, name, src, strlen(src), f->err, sizeof(f->err));
}

static const char *render(struct fixture *f, const char *name, struct tval *data)
{
	buf_reset(&f->out);
	assert_int_equal(tmpl_render(f->set, name, data, &f->a, &f->out), 0);
	return f->out.ptr;
}

static void escaping_by_context(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(add(f, "t",
			     "<p title=\"{{v}}\">{{v}}</p><a href=\"{{u}}\">x</a><a href=\"/n/{{v}}\">y</a>"
			     "<a href=\"/z?q={{v}}\">z</a>"),
			 0);
	struct tval *d = tv_obj(&f->a);
	tv_set_str(d, "v", "\"><script>a b/c=d</script>");
	tv_set_str(d, "u", "javascript:alert(1)");
	const char *out = render(f, "t", d);
	assert_string_equal(out, "<p title=\"&quot;&gt;&lt;script&gt;a b/c&#61;d&lt;/script&gt;\">"
				 "&quot;&gt;&lt;script&gt;a b/c=d&lt;/script&gt;</p>"
				 "<a href=\"#\">x</a>"
				 "<a href=\"/n/%22%3E%3Cscript%3Ea%20b%2Fc%3Dd%3C%2Fscript%3E\">y</a>"
				 "<a href=\"/z?q=%22%3E%3Cscript%3Ea%20b%2Fc%3Dd%3C%2Fscript%3E\">z</a>");
}

static void explicit_filters(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(add(f, "t", "<a href=\"{{p|path}}\" data-x=\"{{p|query}}\">{{p|text}}</a>"), 0);
	struct tval *d = tv_obj(&f->a);
	tv_set_str(d, "p", "a b");
	assert_string_equal(render(f, "t", d), "<a href=\"a%20b\" data-x=\"a%20b\">a b</a>");
	assert_int_equal(add(f, "bad", "{{p|raw}}"), ERR_INVALID);
	assert_contains(f->err, "unknown filter");
}

static void forbidden_places(void **state)
{
	struct fixture *f = *state;
	const char *bad[][2] = {
	    {"<script>var x = {{v}};</script>", "script"},
	    {"<style>p { color: {{v}} }</style>", "script"},
	    {"<a href={{v}}>", "quoted"},
	    {"<a {{v}}>", "names"},
	    {"<{{v}}>", "names"},
	    {"<a onclick=\"{{v}}\">", "event"},
	    {"<p style=\"{{v}}\">", "style"},
	    {"<!-- {{v}} -->", "comments"},
	    /* Found by fuzz_tmpl: a browser tokenizes these differently than a naive tracker. */
	    {"</ x=\"><a y=\"z>\"{{v}}>", "names"},
	    {"<a h{{#if f}}ref{{else}}x{{/if}}=\"{{v}}\">", "blocks may not"},
	    {"<a o{{#if f}}nclick{{else}}x{{/if}}=\"{{v}}\">", "blocks may not"},
	    {"<s{{#if f}}cript{{else}}pan{{/if}}>{{v}}", "blocks may not"},
	    {"<script></scriptx>{{v}}</script>", "raw text"},
	    {"<script><!--<script></script>{{v}}</script>", "<!--"},
	    {"<a href=\"{{v|attr}}\">", "URL attributes"},
	    {"<a href=\"{{v|text}}\">", "URL attributes"},
	    {"<iframe srcdoc=\"{{v}}\">", "srcdoc"},
	    {"<!x {{v}} >", "comments"},
	    {"<?{{v}}>", "comments"},
	    {"<p>{{v}}</p><script>", "ends inside"},
	    {"<plaintext>{{v}}", "plaintext"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char name[16];
		snprintf(name, sizeof(name), "b%zu", i);
		assert_int_equal(add(f, name, bad[i][0]), ERR_INVALID);
		assert_contains(f->err, bad[i][1]);
	}
	/* A URL attribute in SVG is a URL too. */
	assert_int_equal(add(f, "svg", "<svg><a xlink:href=\"{{v}}\"></a></svg>"), 0);
	/* After the script closes, text is allowed again. */
	assert_int_equal(add(f, "ok", "<script src=\"/s.js\"></script><p>{{v}}</p><!-- c --><b>{{v}}</b>"), 0);
}

static void conditionals_and_loops(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(add(f, "t",
			     "{{#if show}}ja{{else}}nee{{/if}}|{{#unless show}}u{{/unless}}|"
			     "{{#each items}}{{@index}}:{{name}}{{#unless @last}},{{/unless}}{{else}}leeg{{/each}}|"
			     "{{#each tags}}[{{.}}]{{/each}}|{{outer}}"),
			 0);
	struct tval *d = tv_obj(&f->a);
	tv_set_bool(d, "show", true);
	struct tval *items = tv_list(&f->a);
	for (int i = 0; i < 3; i++) {
		struct tval *o = tv_obj(&f->a);
		tv_set_str(o, "name", i == 1 ? "<b>" : "x");
		tv_push(items, o);
	}
	tv_set(d, "items", items);
	struct tval *tags = tv_list(&f->a);
	tv_push(tags, tv_str(&f->a, "a&b"));
	tv_set(d, "tags", tags);
	tv_set_str(d, "outer", "o");
	assert_string_equal(render(f, "t", d), "ja||1:x,2:&lt;b&gt;,3:x|[a&amp;b]|o");
	struct tval *e = tv_obj(&f->a);
	assert_string_equal(render(f, "t", e), "nee|u|leeg||");
}

static void missing_values_render_empty(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(add(f, "t", "[{{nope}}][{{a.b.c}}][{{n}}]"), 0);
	struct tval *d = tv_obj(&f->a);
	tv_set_int(d, "n", -42);
	assert_string_equal(render(f, "t", d), "[][][-42]");
}

static void layouts_and_partials(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(add(f, "layout", "<main>{{content}}</main><title>{{title}}</title>"), 0);
	assert_int_equal(add(f, "_p", "<i>{{title}}</i>"), 0);
	assert_int_equal(add(f, "page", "{{< layout}}\n<h1>{{title}}</h1>{{> _p}}"), 0);
	assert_int_equal(tmpl_link(f->set, f->err, sizeof(f->err)), 0);
	struct tval *d = tv_obj(&f->a);
	tv_set_str(d, "title", "T&");
	assert_string_equal(render(f, "page", d), "<main>\n<h1>T&amp;</h1><i>T&amp;</i></main><title>T&amp;</title>");
	/* A string named content is escaped like any other. */
	tv_set_str(d, "content", "<b>");
	assert_int_equal(add(f, "c", "{{content}}"), 0);
	assert_string_equal(render(f, "c", d), "&lt;b&gt;");
}

static void markdown_is_the_only_raw_html(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(add(f, "t", "<div>{{body}}</div><p title=\"{{body}}\"></p>"), 0);
	struct md_doc doc;
	assert_int_equal(html_markdown(&f->a, "**vet**", 7, 1 << 20, &doc), 0);
	struct tval *d = tv_obj(&f->a);
	tv_set(d, "body", doc.html);
	assert_string_equal(render(f, "t", d), "<div><p><strong>vet</strong></p>\n</div><p "
					       "title=\"&lt;p&gt;&lt;strong&gt;vet&lt;/strong&gt;&lt;/p&gt;\n\"></p>");
}

static void malformed_templates(void **state)
{
	struct fixture *f = *state;
	const char *bad[][2] = {
	    {"a\nb {{x", "t0.html:2: '{{' without '}}'"},
	    {"{{#if x}}open", "not closed"},
	    {"{{/if}}", "without an open block"},
	    {"{{#if x}}{{/each}}", "does not match"},
	    {"{{#each}}{{/each}}", "unknown block"},
	    {"{{#if x}}{{else}}{{else}}{{/if}}", "two {{else}}"},
	    {"{{else}}", "outside a block"},
	    {"{{a b}}", "bad value name"},
	    {"<p>x</p>{{< layout}}", "first tag"},
	    {"<a {{#if x}}href=\"{{/if}}\">", "context"},
	    {"{{#loop x}}{{/loop}}", "unknown block"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char name[16];
		snprintf(name, sizeof(name), "t%zu", i);
		assert_int_equal(add(f, name, bad[i][0]), ERR_INVALID);
		assert_contains(f->err, bad[i][1]);
	}
	assert_int_equal(tmpl_add(f->set, "nul", "a\0b", 3, f->err, sizeof(f->err)), ERR_INVALID);
	assert_int_equal(add(f, "dup", "x"), 0);
	assert_int_equal(add(f, "dup", "y"), ERR_INVALID);
}

static void unknown_partial_fails_link(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(add(f, "p", "line1\n{{> nergens}}"), 0);
	assert_int_equal(tmpl_link(f->set, f->err, sizeof(f->err)), ERR_INVALID);
	assert_contains(f->err, "p.html:2: partial 'nergens' does not exist");
	struct tval *d = tv_obj(&f->a);
	assert_int_equal(tmpl_render(f->set, "onbekend", d, &f->a, &f->out), ERR_NOT_FOUND);
}

static void recursion_is_bounded(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(add(f, "loop", "x{{> loop}}"), 0);
	struct tval *d = tv_obj(&f->a);
	assert_int_equal(buf_adds(&f->out, "keep"), 0);
	assert_int_equal(tmpl_render(f->set, "loop", d, &f->a, &f->out), ERR_INVALID);
	assert_string_equal(f->out.ptr, "keep");
}

static void output_cap(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(add(f, "t", "{{#each l}}{{v}}{{/each}}"), 0);
	struct tval *d = tv_obj(&f->a);
	struct tval *l = tv_list(&f->a);
	for (int i = 0; i < 100; i++) {
		struct tval *o = tv_obj(&f->a);
		tv_set_str(o, "v", "0123456789");
		tv_push(l, o);
	}
	tv_set(d, "l", l);
	struct buf small = BUF_INIT(500);
	assert_int_equal(tmpl_render(f->set, "t", d, &f->a, &small), ERR_TOO_LARGE);
	assert_string_equal(small.ptr, "");
	buf_free(&small);
}

static void load_project_templates(void **state)
{
	struct tmpl_set *set;
	char err[512];
	assert_int_equal(tmpl_load_dir("templates", &set, err, sizeof(err)), 0);
	tmpl_set_free(set);
	assert_int_equal(tmpl_load_dir("/nonexistent-dir", &set, err, sizeof(err)), ERR_IO);
	assert_null(set);
}

/*
 * {{t "..."}} and {{t path}}: the Dutch text, or its translation from the
 * compiled catalogue (locale/en.mo, which make builds before the tests), with
 * "{}" filled and everything escaped for where it stands; an unknown text and
 * an unknown language stay Dutch; a broken catalogue is refused.
 */
static void translated_texts(void **state)
{
	struct fixture *f = *state;
	char err[256];
	assert_int_equal(i18n_load("locale", err, sizeof(err)), 0);
	assert_true(i18n_has("en"));
	assert_false(i18n_has("xx"));
	assert_int_equal(
	    add(f, "t",
		"<p title=\"{{t \"Uitloggen\"}}\">{{t \"Fout {}\" n}}|{{t msg}}|{{t \"Vertrouwenspersonen van "
		"{}\" org}}|{{t \"Niet vertaald\"}}</p>"),
	    0);
	struct tval *d = tv_obj(&f->a);
	tv_set_int(d, "n", 404);
	tv_set_str(d, "msg", "Schrijf eerst een bericht.");
	tv_set_str(d, "org", "A&B <Zorg>");
	assert_string_equal(render(f, "t", d), "<p title=\"Uitloggen\">Fout 404|Schrijf eerst een bericht.|"
					       "Vertrouwenspersonen van A&amp;B &lt;Zorg&gt;|Niet vertaald</p>");
	tv_set_str(d, "lang", "en");
	assert_string_equal(render(f, "t", d), "<p title=\"Sign out\">Error 404|Write a message first.|"
					       "Confidential advisers of A&amp;B &lt;Zorg&gt;|Niet vertaald</p>");
	tv_set_str(d, "lang", "xx");
	assert_string_equal(render(f, "t", d), "<p title=\"Uitloggen\">Fout 404|Schrijf eerst een bericht.|"
					       "Vertrouwenspersonen van A&amp;B &lt;Zorg&gt;|Niet vertaald</p>");
	assert_int_not_equal(add(f, "bad", "{{t \"zonder eind}}"), 0);
	assert_int_not_equal(add(f, "bad2", "{{t 12 + 3}}"), 0);
	/* A file that only looks like a catalogue: refused, and nothing is loaded. */
	char dir[] = "/tmp/vertrouwd-mo-XXXXXX", path[64];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/en.mo", dir);
	FILE *mo = fopen(path, "wb");
	unsigned char junk[40] = {0xde, 0x12, 0x04, 0x95, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f};
	fwrite(junk, 1, sizeof(junk), mo);
	fclose(mo);
	assert_int_equal(i18n_load(dir, err, sizeof(err)), ERR_INVALID);
	assert_false(i18n_has("en"));
	i18n_free();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(escaping_by_context, setup, teardown),
	    cmocka_unit_test_setup_teardown(explicit_filters, setup, teardown),
	    cmocka_unit_test_setup_teardown(forbidden_places, setup, teardown),
	    cmocka_unit_test_setup_teardown(conditionals_and_loops, setup, teardown),
	    cmocka_unit_test_setup_teardown(missing_values_render_empty, setup, teardown),
	    cmocka_unit_test_setup_teardown(layouts_and_partials, setup, teardown),
	    cmocka_unit_test_setup_teardown(markdown_is_the_only_raw_html, setup, teardown),
	    cmocka_unit_test_setup_teardown(malformed_templates, setup, teardown),
	    cmocka_unit_test_setup_teardown(translated_texts, setup, teardown),
	    cmocka_unit_test_setup_teardown(unknown_partial_fails_link, setup, teardown),
	    cmocka_unit_test_setup_teardown(recursion_is_bounded, setup, teardown),
	    cmocka_unit_test_setup_teardown(output_cap, setup, teardown),
	    cmocka_unit_test(load_project_templates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
