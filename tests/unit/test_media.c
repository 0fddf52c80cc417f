#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "content/media.h"
#include "store/files.h"
#include "store/items.h"
#include "store/store.h"

/* A 3x2 PNG as far as its headers go: signature, IHDR, IEND. */
static size_t make_png(unsigned char *b, unsigned w, unsigned h)
{
	static const unsigned char head[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
					     0,	   0,	0,   13,  'I',	'H',  'D',  'R'};
	static const unsigned char tail[] = {8, 2, 0, 0, 0,   1,   2,	3,   4, /* depth .. crc */
					     0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82};
	size_t n = 0;
	memcpy(b, head, sizeof(head));
	n += sizeof(head);
	unsigned char dims[8] = {0, 0, (unsigned char) (w >> 8), (unsigned char) w,
				 0, 0, (unsigned char) (h >> 8), (unsigned char) h};
	memcpy(b + n, dims, 8);
	n += 8;
	memcpy(b + n, tail, sizeof(tail));
	return n + sizeof(tail);
}

static void identify_images(void **state)
{
	unsigned char b[256];
	struct media_info info;
	const char *why = NULL;
	size_t n = make_png(b, 3, 2);
	assert_int_equal(media_identify(b, n, &info, &why), 0);
	assert_string_equal(info.kind->content_type, "image/png");
	assert_int_equal(info.width, 3);
	assert_int_equal(info.height, 2);

	/* JPEG: SOI, an APP0 segment, SOF0 with height 480 and width 640. */
	static const unsigned char jpg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0,	  4, 'J', 'F',	0xFF, 0xC0, 0,	 11,
					    8,	  0x01, 0xE0, 0x02, 0x80, 3, 1,	  0x22, 0,    0xFF, 0xD9};
	assert_int_equal(media_identify(jpg, sizeof(jpg), &info, &why), 0);
	assert_string_equal(info.kind->ext, "jpg");
	assert_int_equal(info.width, 640);
	assert_int_equal(info.height, 480);

	/* WebP lossless 100x50: RIFF size, VP8L, signature, 14-bit width-1 and height-1. */
	unsigned char webp[40] = "RIFF\x20\0\0\0WEBPVP8L\x10\0\0\0\x2f";
	unsigned long bits = 99ul | 49ul << 14;
	for (int i = 0; i < 4; i++)
		webp[21 + i] = (unsigned char) (bits >> (8 * i));
	assert_int_equal(media_identify(webp, sizeof(webp), &info, &why), 0);
	assert_string_equal(info.kind->content_type, "image/webp");
	assert_int_equal(info.width, 100);
	assert_int_equal(info.height, 50);
}

static void refuse_what_is_not_allowed(void **state)
{
	unsigned char b[256];
	struct media_info info;
	const char *why = NULL;
	static const char *const bad[] = {
	    "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
	    "<!DOCTYPE html><html><script>alert(1)</script>",
	    "GIF89a\x01\0\x01\0\0\0\0;",
	    "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", /* no %%EOF */
	    "%PDF-x.y\n%%EOF\n",
	    "RIFF\x04\0\0\0WEBP",
	    "",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		why = NULL;
		assert_int_equal(media_identify((const unsigned char *) bad[i], strlen(bad[i]), &info, &why),
				 ERR_INVALID);
		assert_non_null(why);
	}
	/* A PNG cut short, one of impossible size, and a JPEG without a frame header. */
	size_t n = make_png(b, 3, 2);
	assert_int_equal(media_identify(b, n - 1, &info, &why), ERR_INVALID);
	n = make_png(b, 0, 2);
	assert_int_equal(media_identify(b, n, &info, &why), ERR_INVALID);
	assert_contains(why, "maat");
	static const unsigned char jpg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 'J', 'F', 0xFF, 0xDA, 0, 2, 0xFF, 0xD9};
	assert_int_equal(media_identify(jpg, sizeof(jpg), &info, &why), ERR_INVALID);
	/* A PDF is fine. */
	const char *pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
	assert_int_equal(media_identify((const unsigned char *) pdf, strlen(pdf), &info, &why), 0);
	assert_string_equal(info.kind->content_type, "application/pdf");
}

static struct store *open_store(char *dir)
{
	char dsn[300], err[512];
	struct store *st;
	assert_non_null(mkdtemp(dir));
	snprintf(dsn, sizeof(dsn), "sqlite:%s/t.db", dir);
	assert_int_equal(store_open(dsn, &st, err, sizeof(err)), 0);
	assert_int_equal(store_migrate(st, err, sizeof(err)), 0);
	return st;
}

/* Upload, read back, list, refuse to delete while used, delete: in the database or a directory. */
static void upload_round_trip(int on_disk)
{
	char dir[] = "/tmp/vertrouwd-media-XXXXXX", media[300];
	struct store *st = open_store(dir);
	snprintf(media, sizeof(media), "%s/media", dir);
	assert_int_equal(store_set_media_dir(st, on_disk ? media : NULL), 0);
	unsigned char png[256];
	size_t n = make_png(png, 3, 2);
	struct stored_file f;
	const char *why = NULL;
	assert_int_equal(media_upload(st, "r@example.org", "foto.png", png, n, "", 1 << 20, &f, &why), ERR_INVALID);
	assert_contains(why, "alt-tekst");
	assert_int_equal(media_upload(st, "r@example.org", "foto.png", png, n, "Een test", 10, &f, &why),
			 ERR_TOO_LARGE);
	assert_int_equal(media_upload(st, "r@example.org", "foto.png", png, n, " Een test", 1 << 20, &f, &why), 0);
	assert_int_equal(strlen(f.hash), FILE_HASH_LEN);
	char path[600];
	snprintf(path, sizeof(path), "%s/%.2s/%s", media, f.hash, f.hash);
	struct stat sb;
	assert_int_equal(stat(path, &sb) == 0, on_disk);
	if (on_disk)
		assert_int_equal(sb.st_size, (long long) n);

	/* The same bytes again are the same file. */
	struct stored_file again;
	assert_int_equal(media_upload(st, "r@example.org", "kopie.png", png, n, "Anders", 1 << 20, &again, &why), 0);
	assert_string_equal(again.hash, f.hash);

	struct arena a = ARENA_INIT;
	struct stored_file got;
	assert_int_equal(media_find(st, &a, f.hash, &got), 0);
	assert_string_equal(got.content_type, "image/png");
	assert_string_equal(got.alt, "Een test");
	assert_int_equal(got.width, 3);
	assert_int_equal(got.in_db, !on_disk);
	struct buf data = BUF_INIT(1 << 20);
	assert_int_equal(buf_adds(&data, "before:"), 0);
	assert_int_equal(media_read(st, &got, &data), 0); /* appended */
	assert_int_equal(data.len, 7 + n);
	assert_memory_equal(data.ptr + 7, png, n);
	assert_int_equal(data.ptr[data.len], '\0');
	buf_free(&data);
	struct stored_file *list;
	size_t count;
	long long total;
	assert_int_equal(media_list(st, &a, 0, 10, &list, &count, &total), 0);
	assert_int_equal(count, 1);
	assert_int_equal(total, 1);

	/* An item that shows the image keeps it from being deleted. */
	char *img = arena_printf(&a, "/media/%s.png", f.hash);
	struct item it = {.type = "nieuws",
			  .slug = "met-foto",
			  .title = "T",
			  .body = "x",
			  .published = "2026-01-01",
			  .status = "concept",
			  .image = img,
			  .image_alt = "Een test"};
	long long id;
	assert_int_equal(store_item_save(st, &it, &id), 0);
	assert_int_equal(media_delete(st, "r@example.org", f.hash), ERR_CONFLICT);
	it.image = "";
	it.image_alt = "";
	assert_int_equal(store_item_save(st, &it, &id), 0);
	assert_int_equal(media_delete(st, "r@example.org", f.hash), 0);
	assert_int_equal(media_find(st, &a, f.hash, &got), ERR_NOT_FOUND);
	assert_int_equal(stat(path, &sb), -1);
	arena_free(&a);
	store_close(st);
}

static void upload_in_database(void **state)
{
	upload_round_trip(0);
}

static void upload_in_directory(void **state)
{
	upload_round_trip(1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(identify_images),
	    cmocka_unit_test(refuse_what_is_not_allowed),
	    cmocka_unit_test(upload_in_database),
	    cmocka_unit_test(upload_in_directory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
