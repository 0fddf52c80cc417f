/*
 * The theme groups of the annual report (sdc.h): rare themes are merged into
 * these before anything is suppressed, and a column's cases all in one
 * group's themes are protected as if in one row. Fixed data; nothing fails.
 */
#include <string.h>

#include "reports/sdc_internal.h"

static const struct {
	const char *key, *label;
	const char *themes[6];
} groups[SDC_GROUPS] = {
    {"groep-ongewenst-gedrag",
     "Ongewenst gedrag",
     {"pesten", "intimidatie", "seksuele-intimidatie", "discriminatie", "agressie-geweld"}},
    {"groep-werk-en-leiding", "Werk en leiding", {"conflict-leidinggevende", "werkdruk"}},
    {"groep-integriteit", "Integriteit", {"fraude", "diefstal", "machtsmisbruik", "belangenverstrengeling", "regels"}},
    {"groep-overig", "Overig", {"prive", "overig"}}, /* and the organisation's own themes, and no theme */
};
#define GROUP_OTHER 3

int sdc_theme_rank(const char *code, int *group)
{
	for (int g = 0; g < SDC_GROUPS; g++)
		for (int r = 0; r < 6 && groups[g].themes[r]; r++)
			if (!strcmp(groups[g].themes[r], code)) {
				*group = g;
				return r;
			}
	*group = GROUP_OTHER;
	if (!strncmp(code, "eigen-", 6) && code[6])
		return 10;
	if (!strcmp(code, SDC_NO_THEME))
		return 11;
	*group = -1;
	return -1;
}

int sdc_theme_group(const char *code)
{
	int g;
	sdc_theme_rank(code, &g);
	return g;
}

const char *sdc_group_key(int group)
{
	return group >= 0 && group < SDC_GROUPS ? groups[group].key : NULL;
}

const char *sdc_group_label(int group)
{
	return group >= 0 && group < SDC_GROUPS ? groups[group].label : NULL;
}

int sdc_key_group(const char *key, int *is_group_row)
{
	*is_group_row = 0;
	for (int g = 0; g < SDC_GROUPS; g++)
		if (!strcmp(key, groups[g].key)) {
			*is_group_row = 1;
			return g;
		}
	return sdc_theme_group(key);
}

size_t sdc_theme_rows(const struct rtable *t, int group, size_t *rows)
{
	size_t n = 0;
	for (size_t i = 0; i + 1 < t->nrows; i++) {
		int is_group;
		if (sdc_key_group(t->keys[i], &is_group) == group && !is_group)
			rows[n++] = i;
	}
	return n;
}
