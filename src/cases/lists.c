/*
 * The fixed lists of case registration (domain.md and issue 14): codes as
 * stored, labels as shown (translated through T_). Each list ends with a
 * {NULL, NULL} entry; nothing here fails.
 */
#include <string.h>

#include "base/i18n.h"
#include "cases/cases.h"

const struct case_choice case_themes[] = {
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
    {NULL, NULL},
};
const size_t case_theme_count = sizeof(case_themes) / sizeof(case_themes[0]) - 1;

const struct case_choice case_channels[] = {
    {"persoonlijk", T_("Persoonlijk gesprek")},
    {"telefoon", T_("Telefoon")},
    {"email", T_("E-mail")},
    {"brief", T_("Brief")},
    {"online", T_("Online (postvak)")},
    {NULL, NULL},
};

const struct case_choice melder_relations[] = {
    {"werknemer", T_("Werknemer")},
    {"uitzendkracht", T_("Uitzendkracht")},
    {"stagiair", T_("Stagiair")},
    {"vrijwilliger", T_("Vrijwilliger")},
    {"oud-werknemer", T_("Oud-werknemer")},
    {"sollicitant", T_("Sollicitant")},
    {"anders", T_("Anders")},
    {NULL, NULL},
};

const struct case_choice involved_relations[] = {
    {"collega", T_("Collega")},
    {"leidinggevende", T_("Leidinggevende")},
    {"ondergeschikte", T_("Ondergeschikte")},
    {"klant", T_("Extern: klant")},
    {"patient", T_("Extern: patiënt")},
    {"client", T_("Extern: cliënt")},
    {"leerling", T_("Extern: leerling")},
    {"passagier", T_("Extern: passagier")},
    {"extern-anders", T_("Extern: anders")},
    {NULL, NULL},
};

const struct case_choice help_kinds[] = {
    {"luisteren", T_("Luisterend oor")},
    {"advies", T_("Advies")},
    {"meedenken", T_("Meedenken over oplossingen")},
    {"bemiddeling", T_("Nagaan of bemiddeling past")},
    {"doorverwijzing", T_("Doorverwijzing")},
    {"begeleiding", T_("Begeleiding bij een klacht of melding")},
    {"nazorg", T_("Nazorg")},
    {NULL, NULL},
};

const struct case_choice referral_kinds[] = {
    {"huis-klokkenluiders", T_("Huis voor Klokkenluiders")},
    {"bedrijfsarts", T_("Bedrijfsarts")},
    {"bmw", T_("Bedrijfsmaatschappelijk werk")},
    {"mediator", T_("Mediator")},
    {"klachtencommissie", T_("Klachtencommissie")},
    {"politie", T_("Politie")},
    {"juridisch", T_("Juridische hulp")},
    {"anders", T_("Anders")},
    {NULL, NULL},
};

const struct case_choice case_outcomes[] = {
    {"opgelost", T_("Opgelost")},
    {"doorverwezen", T_("Doorverwezen")},
    {"klacht", T_("Klacht ingediend")},
    {"melding", T_("Melding bij de organisatie")},
    {"geen-actie", T_("Geen actie op verzoek van de melder")},
    {"contact-verloren", T_("Geen contact meer met de melder")},
    {"overig", T_("Anders")},
    {NULL, NULL},
};

const struct case_choice consent_hows[] = {
    {"mondeling", T_("Mondeling")},
    {"schriftelijk", T_("Schriftelijk")},
    {"postvak", T_("Via het postvak")},
    {NULL, NULL},
};

const struct case_choice *case_choice_find(const struct case_choice *list, const char *code)
{
	for (; code && list->code; list++)
		if (!strcmp(list->code, code))
			return list;
	return NULL;
}

const struct case_choice *case_theme_find(const char *code)
{
	return case_choice_find(case_themes, code);
}
