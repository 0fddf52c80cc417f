#include "testutil.h"

#include <math.h>
#include <unistd.h>

#include "base/mem.h"
#include "report_demo.h"
#include "reports/chart.h"
#include "reports/chart_layout.h"

static const enum chart_kind kinds[] = {CHART_BARS, CHART_LINES, CHART_STACKED};

static struct rtable demo(enum chart_kind kind)
{
	return kind == CHART_BARS ? demo_themes() : kind == CHART_LINES ? demo_years() : demo_quarters();
}

static char *svg(const struct rtable *t, enum chart_kind kind, const char *id)
{
	struct buf b = BUF_INIT(1 << 22);
	assert_int_equal(chart_svg(&b, t, kind, id), 0);
	return buf_detach(&b, NULL);
}

/* xmllint's verdict on s as a file: 0 when it is well-formed XML. */
static int xmllint(const char *s)
{
	char path[] = "/tmp/vertrouwd-chart-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, s, strlen(s)), (ssize_t) strlen(s));
	close(fd);
	const char *argv[] = {"xmllint", "--noout", path, NULL};
	int rc = demo_run(argv, NULL);
	unlink(path);
	return rc;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

static void every_kind_is_valid_accessible_svg(void **state)
{
	for (size_t i = 0; i < 3; i++) {
		struct rtable t = demo(kinds[i]);
		char *s = svg(&t, kinds[i], NULL);
		assert_int_equal(xmllint(s), 0);
		assert_true(!strncmp(s, "<svg xmlns=\"http://www.w3.org/2000/svg\"", 39));
		assert_contains(s, "role=\"img\"");
		char want[256];
		snprintf(want, sizeof(want), "aria-labelledby=\"chart-%s-title chart-%s-desc\"", t.id, t.id);
		assert_contains(s, want);
		snprintf(want, sizeof(want), "<title id=\"chart-%s-title\">", t.id);
		assert_contains(s, want);
		snprintf(want, sizeof(want), "<desc id=\"chart-%s-desc\">", t.id);
		assert_contains(s, want);
		assert_int_equal(count(s, "<title"), 1);
		assert_int_equal(count(s, "<desc"), 1);
		assert_not_contains(s, "<script");
		assert_not_contains(s, "Totaal"); /* totals are no bars, lines or parts */
		mem_free(s);
	}
}

/* The description names every figure drawn, marks included, and what the marks mean. */
static void description_tells_the_figures(void **state)
{
	struct rtable t = demo_themes();
	char *s = svg(&t, CHART_BARS, NULL);
	assert_contains(s, "Staafdiagram. Ongewenste omgangsvormen: pesten: 14. Ongewenste omgangsvormen: "
			   "seksuele intimidatie: &lt; 5. Agressie en geweld: 21.");
	assert_contains(s, "&lt; 5 betekent 1 tot 4 zaken.");
	assert_contains(s, "x betekent weggelaten");
	mem_free(s);
	t = demo_years();
	s = svg(&t, CHART_LINES, NULL);
	assert_contains(s, "Lijndiagram. Sparren (advies en steun): 2021 18, 2022 22");
	assert_contains(s, "Formele melding: 2021 6, 2022 &lt; 5, 2023 x, 2024 7, 2025 9.");
	mem_free(s);
}

static void labels_are_escaped(void **state)
{
	const char *rows[] = {"<script>alert(1)</script>", "Tom & Jerry's \"huis\"", "U+FFFF \xef\xbf\xbf, bad \xff"};
	const char *cols[] = {"2024 <b>", "2025 & later"};
	long long value[] = {3, 7, 0, 9, 12, 0};
	unsigned char st[] = {CELL_VALUE, CELL_VALUE, CELL_LOW, CELL_VALUE, CELL_VALUE, CELL_HIDDEN};
	struct rtable t =
	    demo_table("a\"><script>", "</title><script>x</script> & \"quotes\"", 3, 2, rows, cols, value, st);
	for (size_t i = 0; i < 3; i++) {
		char *s = svg(&t, kinds[i], NULL);
		assert_int_equal(xmllint(s), 0);
		assert_not_contains(s, "<script");
		assert_not_contains(s, "<b>");
		assert_not_contains(s, "\xef\xbf\xbf");
		assert_not_contains(s, "\xff");
		assert_contains(s, "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; &quot;quotes&quot;");
		assert_contains(s, "id=\"chart-a---script--title\"");
		assert_contains(s, "Tom &amp; Jerry&#39;s &quot;huis&quot;");
		if (kinds[i] != CHART_BARS)
			assert_contains(s, "2025 &amp; later");
		mem_free(s);
	}
	char *s = svg(&t, CHART_BARS, "Grafiek 2\" onload=\"x");
	assert_contains(s, "id=\"grafiek-2--onload--x-title\"");
	mem_free(s);
}

static size_t items(const struct chart_layout *L, enum chart_op op, uint32_t fill)
{
	size_t n = 0;
	for (size_t i = 0; i < L->nitems; i++)
		n += L->items[i].op == op && L->items[i].fill == fill;
	return n;
}

static size_t texts(const struct chart_layout *L, const char *s)
{
	size_t n = 0;
	for (size_t i = 0; i < L->nitems; i++)
		n += L->items[i].op == CHART_TEXT && !strcmp(chart_string(L, L->items[i].text), s);
	return n;
}

/* A suppressed cell is a stub of one fixed size with its mark, never a bar or a point of some size. */
static void suppressed_cells_draw_no_bar(void **state)
{
	struct chart_layout L;
	struct rtable t = demo_themes(); /* 5 counts, one "< 5", one "x" */
	assert_int_equal(chart_layout(&L, &t, CHART_BARS), 0);
	assert_int_equal(items(&L, CHART_RECT, chart_palette[0]), 5);
	size_t stubs = 0;
	for (size_t i = 0; i < L.nitems; i++)
		if (L.items[i].op == CHART_RECT && L.items[i].fill == 0xf0f0f0 && L.items[i].h > 12) {
			assert_true(fabs(L.items[i].w - 14) < 1e-9);
			assert_int_equal(L.items[i].dash, 2);
			stubs++;
		}
	assert_int_equal(stubs, 2);
	assert_int_equal(texts(&L, "< 5"), 1);
	assert_int_equal(texts(&L, "x"), 1);
	chart_layout_free(&L);

	t = demo_years(); /* series 1 has "< 5" in 2022 and "x" in 2023 */
	assert_int_equal(chart_layout(&L, &t, CHART_LINES), 0);
	double gap[2] = {NAN, NAN}; /* x of 2022 and 2023 */
	for (size_t i = 0; i < L.nitems; i++)
		if (L.items[i].op == CHART_TEXT && !strcmp(chart_string(&L, L.items[i].text), "2022"))
			gap[0] = L.items[i].x;
		else if (L.items[i].op == CHART_TEXT && !strcmp(chart_string(&L, L.items[i].text), "2023"))
			gap[1] = L.items[i].x;
	size_t filled = 0, hollow = 0;
	for (size_t i = 0; i < L.nitems; i++) {
		const struct chart_item *it = &L.items[i];
		if (it->op == CHART_MARKER && it->shape == 1)
			it->fill == CHART_WHITE ? hollow++ : filled++;
		if (it->op != CHART_PATH || it->stroke != chart_palette[1])
			continue;
		/* No line of series 1 passes over the gap: 2024-2025 only (and the legend's sample). */
		double lo = L.pts[2 * it->first], hi = L.pts[2 * (it->first + it->count - 1)];
		for (size_t k = 0; k < 2; k++)
			assert_false(lo < gap[k] + 1 && hi > gap[k] - 1);
	}
	assert_int_equal(filled, 3 + 1); /* 2021, 2024, 2025 and the legend's */
	assert_int_equal(hollow, 2);	 /* below the axis, not on the scale */
	assert_int_equal(texts(&L, "< 5"), 1);
	chart_layout_free(&L);

	t = demo_quarters(); /* 16 parts, 4 suppressed */
	assert_int_equal(chart_layout(&L, &t, CHART_STACKED), 0);
	size_t segments = 0, swatches = 0;
	for (size_t i = 0; i < L.nitems; i++) {
		const struct chart_item *it = &L.items[i];
		if (it->op == CHART_RECT && fabs(it->h - 20) < 1e-9)
			segments++;
		if (it->op == CHART_RECT && it->dash)
			swatches++;
	}
	assert_int_equal(segments, 12);
	assert_int_equal(swatches, 4);
	assert_int_equal(texts(&L, "totaal 24"), 1);
	chart_layout_free(&L);
}

/* A bar chart of a table with several columns draws its total column. */
static void bars_of_a_wide_table_use_the_total(void **state)
{
	struct chart_layout L;
	struct rtable t = demo_quarters();
	assert_int_equal(chart_layout(&L, &t, CHART_BARS), 0);
	assert_int_equal(texts(&L, "24"), 1);
	assert_int_equal(texts(&L, "26"), 1);
	assert_int_equal(texts(&L, "< 5"), 0);
	chart_layout_free(&L);
}

static void output_is_deterministic(void **state)
{
	for (size_t i = 0; i < 3; i++) {
		struct rtable t = demo(kinds[i]);
		char *a = svg(&t, kinds[i], NULL), *b = svg(&t, kinds[i], NULL);
		assert_string_equal(a, b);
		mem_free(a);
		mem_free(b);
	}
}

static void bad_tables_are_refused(void **state)
{
	struct buf b = BUF_INIT(1 << 20);
	struct rtable t = demo_themes();
	assert_int_equal(chart_svg(&b, &t, CHART_NONE, NULL), ERR_INVALID);
	assert_int_equal(chart_svg(&b, NULL, CHART_BARS, NULL), ERR_INVALID);
	t.nrows = 0;
	assert_int_equal(chart_svg(&b, &t, CHART_BARS, NULL), ERR_INVALID);
	t = demo_themes();
	t.nrows = CHART_MAX_ROWS + 1;
	assert_int_equal(chart_svg(&b, &t, CHART_BARS, NULL), ERR_TOO_LARGE);
	const char *rows[] = {"a", NULL};
	const char *cols[] = {"n"};
	long long value[] = {-1, 2};
	unsigned char st[] = {CELL_VALUE, 7};
	t = demo_table(NULL, NULL, 2, 1, rows, cols, value, st);
	assert_int_equal(chart_svg(&b, &t, CHART_BARS, NULL), ERR_INVALID); /* a NULL label */
	rows[1] = "b";
	assert_int_equal(chart_svg(&b, &t, CHART_BARS, NULL), ERR_INVALID); /* a negative count */
	value[0] = 1;
	assert_int_equal(chart_svg(&b, &t, CHART_BARS, NULL), ERR_INVALID); /* a state out of range */
	st[1] = CELL_LOW;
	assert_int_equal(chart_svg(&b, &t, CHART_BARS, NULL), 0);
	assert_int_equal(b.len, strlen(b.ptr));
	buf_free(&b);

	struct buf small = BUF_INIT(500);
	assert_int_equal(buf_adds(&small, "<p>"), 0);
	t = demo_themes();
	assert_int_equal(chart_svg(&small, &t, CHART_BARS, NULL), ERR_TOO_LARGE);
	assert_string_equal(small.ptr, "<p>");
	buf_free(&small);
}

/* Fail each allocation in turn: a clean ERR_NOMEM, the output as it was, no leak (ASan). */
static void allocation_failures(void **state)
{
	for (size_t i = 0; i < 3; i++) {
		struct rtable t = demo(kinds[i]);
		int rc = -1;
		for (long n = 1; rc; n++) {
			struct buf b = BUF_INIT(1 << 20);
			assert_int_equal(buf_adds(&b, "<main>"), 0);
			mem_fail_after(n);
			rc = chart_svg(&b, &t, kinds[i], NULL);
			mem_fail_after(0);
			if (rc) {
				assert_int_equal(rc, ERR_NOMEM);
				assert_string_equal(b.ptr, "<main>");
			}
			buf_free(&b);
		}
	}
}

static double luminance(uint32_t c)
{
	double l = 0;
	const double k[3] = {0.0722, 0.7152, 0.2126};
	for (int i = 0; i < 3; i++) {
		double v = (double) (c >> (8 * i) & 0xff) / 255;
		l += k[i] * (v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4));
	}
	return l;
}

/* White text on every series colour reads (WCAG 4.5:1), so each colour also stands out on white. */
static void palette_contrast(void **state)
{
	for (size_t i = 0; i < CHART_PALETTE; i++)
		assert_true(1.05 / (luminance(chart_palette[i]) + 0.05) >= 4.5);
}

static void cell_texts(void **state)
{
	const char *rows[] = {"a", "b", "c", "d", "e"};
	const char *cols[] = {"n"};
	long long value[] = {0, 999, 1234567, 0, 0};
	unsigned char st[] = {CELL_VALUE, CELL_VALUE, CELL_VALUE, CELL_LOW, CELL_HIDDEN};
	struct rtable t = demo_table(NULL, NULL, 5, 1, rows, cols, value, st);
	char s[CHART_CELL_CHARS];
	assert_string_equal(chart_cell_text(&t, 0, 0, s), "0");
	assert_string_equal(chart_cell_text(&t, 1, 0, s), "999");
	assert_string_equal(chart_cell_text(&t, 2, 0, s), "1.234.567");
	assert_string_equal(chart_cell_text(&t, 3, 0, s), "< 5");
	assert_string_equal(chart_cell_text(&t, 4, 0, s), "x");
}

/* A label too long for two lines ends in an ellipsis and every line fits its width. */
static void long_labels_wrap(void **state)
{
	const char *rows[] = {"Een bijzonder lange omschrijving van een samengevoegde groep thema's die niet op twee "
			      "regels past",
			      "Onafgebrokenwoordzonderspatiesdatlangerisdandekolomenooknietoptweeregelspastbijlange"};
	const char *cols[] = {"n"};
	long long value[] = {12, 30};
	unsigned char st[] = {CELL_VALUE, CELL_VALUE};
	struct rtable t = demo_table(NULL, NULL, 2, 1, rows, cols, value, st);
	struct chart_layout L;
	assert_int_equal(chart_layout(&L, &t, CHART_BARS), 0);
	size_t ellipses = 0;
	for (size_t i = 0; i < L.nitems; i++) {
		const char *s = chart_string(&L, L.items[i].text);
		if (L.items[i].op != CHART_TEXT)
			continue;
		assert_true(chart_text_width(s, strlen(s), L.items[i].h) <= CHART_WIDTH * 0.34 + 1e-9);
		ellipses += strstr(s, "\xe2\x80\xa6") != NULL;
	}
	assert_int_equal(ellipses, 2);
	chart_layout_free(&L);
}

/* The cairo back-end draws the same layout: the height chart_height says, ink on the page. */
static void cairo_draws_the_chart(void **state)
{
	PangoFontMap *fm = chart_font_map();
	for (size_t i = 0; i < 3; i++) {
		struct rtable t = demo(kinds[i]);
		double h, want;
		assert_int_equal(chart_height(&t, kinds[i], 320, &want), 0);
		cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 320, (int) want + 1);
		cairo_t *cr = cairo_create(s);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
		assert_int_equal(chart_cairo(cr, fm, &t, kinds[i], 320, &h), 0);
		assert_true(fabs(h - want) < 1e-9);
		cairo_surface_flush(s);
		const unsigned char *px = cairo_image_surface_get_data(s);
		size_t ink = 0, stride = (size_t) cairo_image_surface_get_stride(s);
		for (int y = 0; y < (int) want; y++)
			for (int x = 0; x < 320; x++)
				ink += px[(size_t) y * stride + (size_t) x * 4 + 1] <
				       0xc0;		     /* green: low in every colour */
		assert_true(ink > 320 * (size_t) want / 50); /* a few per cent of the area: bars, lines, text */
		const char *dir = getenv("CHART_PNG_DIR");   /* to look at them */
		if (dir) {
			char path[512];
			snprintf(path, sizeof(path), "%s/chart-%zu.png", dir, i);
			cairo_surface_write_to_png(s, path);
		}
		cairo_destroy(cr);
		cairo_surface_destroy(s);
	}
	g_object_unref(fm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_kind_is_valid_accessible_svg),
	    cmocka_unit_test(description_tells_the_figures),
	    cmocka_unit_test(labels_are_escaped),
	    cmocka_unit_test(suppressed_cells_draw_no_bar),
	    cmocka_unit_test(bars_of_a_wide_table_use_the_total),
	    cmocka_unit_test(output_is_deterministic),
	    cmocka_unit_test(bad_tables_are_refused),
	    cmocka_unit_test(allocation_failures),
	    cmocka_unit_test(palette_contrast),
	    cmocka_unit_test(cell_texts),
	    cmocka_unit_test(long_labels_wrap),
	    cmocka_unit_test(cairo_draws_the_chart),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	chart_cleanup(); /* or LeakSanitizer takes fontconfig's configuration for a leak */
	return rc;
}
