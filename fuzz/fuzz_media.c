/*
 * libFuzzer target: media_identify(), which decides from a file's bytes
 * whether it is an allowed image or PDF.
 *
 * Besides memory safety (ASan/UBSan) it checks what the checker promises: an
 * accepted file has a kind whose signature its first bytes carry, images have
 * a size within MEDIA_MAX_SIDE, and a refusal always comes with a reason.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/media.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what)
{
	fprintf(stderr, "fuzz_media: invariant broken: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct media_info info;
	const char *why = NULL;
	if (media_identify(data, size, &info, &why)) {
		if (!why || !*why)
			die("a refusal without a reason");
		return 0;
	}
	if (!info.kind)
		die("accepted without a kind");
	static const struct {
		const char *type, *magic;
		size_t len;
	} sig[] = {{"image/png", "\x89PNG", 4},
		   {"image/jpeg", "\xff\xd8\xff", 3},
		   {"image/webp", "RIFF", 4},
		   {"application/pdf", "%PDF-", 5}};
	int matched = 0;
	for (size_t i = 0; i < sizeof(sig) / sizeof(sig[0]); i++)
		if (!strcmp(info.kind->content_type, sig[i].type))
			matched = size >= sig[i].len && !memcmp(data, sig[i].magic, sig[i].len);
	if (!matched)
		die("accepted bytes without the kind's signature");
	if (info.kind->image &&
	    (info.width < 1 || info.height < 1 || info.width > MEDIA_MAX_SIDE || info.height > MEDIA_MAX_SIDE))
		die("image size out of range");
	return 0;
}
