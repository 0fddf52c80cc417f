/* The themes a case can be registered under (domain.md's starting list); nothing here fails. */
#include <string.h>

#include "base/i18n.h"
#include "cases/cases.h"

const struct case_theme case_themes[] = {
    {"pesten", T_("Pesten")},
    {"intimidatie", T_("Intimidatie")},
    {"seksuele-intimidatie", T_("Seksuele intimidatie")},
    {"discriminatie", T_("Discriminatie")},
    {"agressie-geweld", T_("Agressie en geweld")},
    {"conflict-leidinggevende", T_("Conflict met leidinggevende")},
    {"werkdruk", T_("Werkdruk en stress")},
    {"prive", T_("Privéomstandigheden")},
    {"fraude", T_("Integriteit: fraude")},
    {"diefstal", T_("Integriteit: diefstal")},
    {"machtsmisbruik", T_("Integriteit: machtsmisbruik")},
    {"belangenverstrengeling", T_("Integriteit: belangenverstrengeling")},
    {"regels", T_("Integriteit: schending van regels")},
    {"overig", T_("Iets anders")},
};
const size_t case_theme_count = sizeof(case_themes) / sizeof(case_themes[0]);

const struct case_theme *case_theme_find(const char *code)
{
	for (size_t i = 0; code && i < case_theme_count; i++)
		if (!strcmp(case_themes[i].code, code))
			return &case_themes[i];
	return NULL;
}
