#include "testutil.h"

#include <dirent.h>
#include <unistd.h>

#include "base/mem.h"
#include "report_demo.h"

/* A scratch directory, or $PDF_KEEP_DIR to keep the PDF and its pages for a look. */
static char dir[256];
static int keep;

static int setup(void **state)
{
	const char *k = getenv("PDF_KEEP_DIR");
	keep = k && *k;
	snprintf(dir, sizeof(dir), "%s", keep ? k : "/tmp/vertrouwd-pdf-XXXXXX");
	return keep ? 0 : mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	DIR *d = keep ? NULL : opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		char path[512];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (e->d_name[0] != '.')
			unlink(path);
	}
	if (d) {
		closedir(d);
		rmdir(dir);
	}
	return 0;
}

static const char *file(const char *name)
{
	static char path[4][512];
	static int k;
	k = (k + 1) % 4;
	snprintf(path[k], sizeof(path[k]), "%s/%s", dir, name);
	return path[k];
}

static void write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* Text of the whole file (freed by the caller). */
static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	struct buf b = BUF_INIT(1 << 24);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		assert_int_equal(buf_add(&b, chunk, n), 0);
	fclose(f);
	return buf_detach(&b, NULL);
}

/* A made-up logo: a ring and a name, as a PNG. */
static void make_logo(const char *path)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 360, 120);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 0.12, 0.35, 0.59);
	cairo_arc(cr, 60, 60, 50, 0, 2 * G_PI);
	cairo_arc_negative(cr, 60, 60, 22, 2 * G_PI, 0);
	cairo_fill(cr);
	cairo_rectangle(cr, 130, 40, 210, 16);
	cairo_rectangle(cr, 130, 66, 150, 16);
	cairo_fill(cr);
	cairo_destroy(cr);
	assert_int_equal(cairo_surface_write_to_png(s, path), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
}

static int render(const struct pdf_report *r, const char *name)
{
	struct buf b = BUF_INIT(1 << 24);
	int rc = pdf_report(&b, r);
	if (!rc)
		write_file(file(name), b.ptr, b.len);
	buf_free(&b);
	return rc;
}

/* How many PNG pages pdftoppm made of name, as prefix-N.png. */
static int pages(const char *name, const char *prefix)
{
	const char *argv[] = {"pdftoppm", "-r", "60", "-png", file(name), file(prefix), NULL};
	assert_int_equal(demo_run(argv, NULL), 0);
	int n = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	while ((e = readdir(d)))
		n += !strncmp(e->d_name, prefix, strlen(prefix)) && strstr(e->d_name, ".png");
	closedir(d);
	return n;
}

/* pdftotext of name (pages first to last, 0 for all), freed by the caller. */
static char *text_of(const char *name, int first, int last)
{
	char f[16], l[16];
	snprintf(f, sizeof(f), "%d", first ? first : 1);
	snprintf(l, sizeof(l), "%d", last ? last : 9999);
	const char *argv[] = {"pdftotext", "-f", f, "-l", l, "-enc", "UTF-8", file(name), file("text.txt"), NULL};
	assert_int_equal(demo_run(argv, NULL), 0);
	return read_text(file("text.txt"));
}

static void demo_report_pages_and_text(void **state)
{
	struct demo_report d;
	make_logo(file("logo.png"));
	demo_report(&d, file("logo.png"));
	assert_int_equal(render(&d.report, "report.pdf"), 0);
	int n = pages("report.pdf", "page");
	assert_int_equal(n, 4); /* the cover, then introduction, three tables with charts and the advice */
	char want[64];
	char *all = text_of("report.pdf", 0, 0);
	for (int i = 1; i <= n; i++) {
		snprintf(want, sizeof(want), "pagina %d van %d", i, n);
		assert_contains(all, want);
	}
	assert_contains(all, "Gemeente Rivierstad");
	assert_contains(all, "Zaken per thema");
	assert_contains(all, "Thema's per kwartaal");
	assert_contains(all, "< 5 = 1 tot 4 zaken");
	assert_contains(all, "Signalen en adviezen");
	assert_contains(all, "Ongevraagd advies: zorg dat de externe vertrouwenspersoon");
	assert_contains(all, "Niet getoond in de lijnen:");
	assert_not_contains(all, "\xef\xbf\xbd");
	mem_free(all);

	char *cover = text_of("report.pdf", 1, 1);
	assert_contains(cover, "Jaarverslag vertrouwenspersoon");
	assert_contains(cover, "2025");
	assert_contains(cover, "Gemeente Rivierstad");
	assert_contains(cover, "pagina 1 van 4");
	assert_not_contains(cover, "Inleiding");
	mem_free(cover);

	/* The table's marks, in its rows, on the page with the table. */
	char *p2 = text_of("report.pdf", 2, 2);
	assert_contains(p2, "seksuele intimidatie");
	assert_contains(p2, "< 5");
	mem_free(p2);

	const char *argv[] = {"pdfinfo", file("report.pdf"), NULL};
	assert_int_equal(demo_run(argv, file("info.txt")), 0);
	char *info = read_text(file("info.txt"));
	assert_contains(info, "Jaarverslag vertrouwenspersoon 2025");
	assert_contains(info, "Gemeente Rivierstad");
	assert_contains(info, "595.276 x 841.89 pts (A4)");
	mem_free(info);
}

/* Under 10 cases a year there are no tables: the report is prose alone. */
static void prose_only(void **state)
{
	struct demo_report d;
	demo_report(&d, NULL);
	d.report.ntables = 0;
	d.report.org = "Stichting \"Het Baken\" & <zonen> \xff";
	assert_int_equal(render(&d.report, "prose.pdf"), 0);
	assert_int_equal(pages("prose.pdf", "prose"), 2);
	char *all = text_of("prose.pdf", 0, 0);
	assert_contains(all, "Stichting \"Het Baken\" & <zonen>");
	assert_not_contains(all, "Cijfers");
	assert_contains(all, "pagina 2 van 2");
	mem_free(all);
}

/* Cairo reads PNG alone: another format or an over-large image is left out; a broken PNG is an error. */
static void logos(void **state)
{
	struct demo_report d;
	demo_report(&d, file("logo.jpg"));
	const unsigned char jpeg[] = {0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
	write_file(file("logo.jpg"), jpeg, sizeof(jpeg));
	assert_int_equal(render(&d.report, "jpeg.pdf"), 0);

	const unsigned char huge[] = {0x89, 'P',  'N',	'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
				      1,    0x86, 0xa0, 0,   1,	   0x86, 0xa0, 8,    6, 0, 0, 0,  0,   0,   0,	 0};
	write_file(file("huge.png"), huge, sizeof(huge));
	d.report.logo = file("huge.png");
	assert_int_equal(render(&d.report, "huge.pdf"), 0);

	const unsigned char broken[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
					'n',  'o', 'n', 's', 'e',  'n',	 's',  'e'};
	write_file(file("broken.png"), broken, sizeof(broken));
	d.report.logo = file("broken.png");
	assert_int_equal(render(&d.report, "broken.pdf"), ERR_IO);
	d.report.logo = file("missing.png");
	assert_int_equal(render(&d.report, "missing.pdf"), ERR_IO);
}

static void refused(void **state)
{
	struct demo_report d;
	struct buf b = BUF_INIT(1 << 24);
	demo_report(&d, NULL);
	d.report.year = 1899;
	assert_int_equal(pdf_report(&b, &d.report), ERR_INVALID);
	demo_report(&d, NULL);
	d.report.org = "";
	assert_int_equal(pdf_report(&b, &d.report), ERR_INVALID);
	demo_report(&d, NULL);
	d.tables[1].nrows = 0;
	assert_int_equal(pdf_report(&b, &d.report), ERR_INVALID);
	assert_int_equal(b.len, 0);
	buf_free(&b);

	struct buf small = BUF_INIT(20000);
	assert_int_equal(buf_adds(&small, "%"), 0);
	demo_report(&d, NULL);
	assert_int_equal(pdf_report(&small, &d.report), ERR_TOO_LARGE);
	assert_string_equal(small.ptr, "%");
	buf_free(&small);
}

/* Fail allocations in turn (every one of the first 60, then every 7th): ERR_NOMEM, out as it was. */
static void allocation_failures(void **state)
{
	struct demo_report d;
	demo_report(&d, NULL);
	int rc = -1;
	for (long n = 1; rc; n += n < 60 ? 1 : 7) {
		struct buf b = BUF_INIT(1 << 24);
		assert_int_equal(buf_adds(&b, "%"), 0);
		mem_fail_after(n);
		rc = pdf_report(&b, &d.report);
		mem_fail_after(0);
		if (rc) {
			assert_int_equal(rc, ERR_NOMEM);
			assert_string_equal(b.ptr, "%");
		}
		buf_free(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(demo_report_pages_and_text),
	    cmocka_unit_test(prose_only),
	    cmocka_unit_test(logos),
	    cmocka_unit_test(refused),
	    cmocka_unit_test(allocation_failures),
	};
	int rc = cmocka_run_group_tests(tests, setup, teardown);
	chart_cleanup(); /* or LeakSanitizer takes fontconfig's configuration for a leak */
	return rc;
}
