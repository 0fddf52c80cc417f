/*
 * The content types (content.h): a fixed table of types with their URL paths,
 * labels and folders, and the statuses an item can have. Lookups of an
 * unknown or NULL name return NULL or 0; nothing here can fail otherwise.
 */
#include <string.h>

#include "content/content.h"

const struct content_type content_types[] = {
    {"nieuws", "/nieuws", "Nieuws", "nieuws"},
    {"artikel", "/kennisartikelen", "Kennisartikelen", "artikelen"},
    {"kennisbank", "/kennisbank", "Kennisbank", "kennisbank"},
    {"organisaties", "/voor-organisaties", "Voor organisaties", "organisaties"},
    {"download", "/downloads", "Downloads", "downloads"},
};
const size_t content_type_count = sizeof(content_types) / sizeof(content_types[0]);

const struct content_type *content_type_find(const char *name)
{
	for (size_t i = 0; name && i < content_type_count; i++)
		if (!strcmp(content_types[i].name, name))
			return &content_types[i];
	return NULL;
}

int content_status_valid(const char *status)
{
	static const char *const valid[] = {"concept", "gepland", "gepubliceerd", "gearchiveerd"};
	for (size_t i = 0; status && i < 4; i++)
		if (!strcmp(status, valid[i]))
			return 1;
	return 0;
}
