/* The themes a case can be registered under (domain.md's starting list); nothing here fails. */
#include <string.h>

#include "cases/cases.h"

const struct case_theme case_themes[] = {
    {"pesten", "Pesten"},
    {"intimidatie", "Intimidatie"},
    {"seksuele-intimidatie", "Seksuele intimidatie"},
    {"discriminatie", "Discriminatie"},
    {"agressie-geweld", "Agressie en geweld"},
    {"conflict-leidinggevende", "Conflict met leidinggevende"},
    {"werkdruk", "Werkdruk en stress"},
    {"prive", "Privéomstandigheden"},
    {"fraude", "Integriteit: fraude"},
    {"diefstal", "Integriteit: diefstal"},
    {"machtsmisbruik", "Integriteit: machtsmisbruik"},
    {"belangenverstrengeling", "Integriteit: belangenverstrengeling"},
    {"regels", "Integriteit: schending van regels"},
    {"overig", "Iets anders"},
};
const size_t case_theme_count = sizeof(case_themes) / sizeof(case_themes[0]);

const struct case_theme *case_theme_find(const char *code)
{
	for (size_t i = 0; code && i < case_theme_count; i++)
		if (!strcmp(case_themes[i].code, code))
			return &case_themes[i];
	return NULL;
}
