/*
 * The organisation's dashboard (dashboard.h): the compliance lights worked out
 * from the organisation's facts, its VPs' profiles and what its contact
 * declared, and the yearly self-assessment of the seven actions. Texts are
 * ours; the portal pages linked are the demo's (a real portal keeps the same
 * addresses or changes them here).
 */
#include "reports/dashboard.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "orgs/orgs.h"
#include "store/reports.h"
#include "store/store.h"
#include "store/users.h"

const struct procedure_element procedure_elements[] = {
    {"schriftelijk", "Schriftelijk melden"},
    {"mondeling", "Mondeling melden (telefoon of ingesproken bericht)"},
    {"gesprek", "Op verzoek melden in een gesprek"},
    {"bevestiging", "Ontvangstbevestiging binnen 7 dagen"},
    {"terugkoppeling", "Terugkoppeling binnen 3 maanden"},
    {"anoniem", "Anoniem melden mogelijk"},
    {"registratie", "Meldingen worden geregistreerd"},
};
const size_t procedure_element_count = sizeof(procedure_elements) / sizeof(procedure_elements[0]);

const struct selfscan_action selfscan_actions[SELFSCAN_ACTIONS] = {
    {"Sociale veiligheid in beleid en leiderschap",
     {"Er is een gedragscode die zegt welk gedrag we niet accepteren.",
      "Leidinggevenden bespreken omgangsvormen in hun teams en geven zelf het voorbeeld.",
      "Nieuwe medewerkers horen in hun eerste weken wat de gedragscode van hen vraagt."},
     "Leg vast wat respectvol gedrag is, en laat leidinggevenden het uitdragen.",
     "/voor-organisaties/zeven-acties-voor-een-veilige-werkplek"},
    {"Een open meldcultuur",
     {"Iedereen weet bij wie hij of zij terechtkan met een zorg of melding.",
      "Wie iets aankaart, wordt daarvoor niet benadeeld.",
      "Meldingen krijgen een reactie, en de melder hoort wat ermee gebeurt."},
     "Maak de routes bekend en bescherm wie iets meldt.",
     "/nieuws/leidinggevenden-maken-de-meldcultuur"},
    {"Training van medewerkers en leidinggevenden",
     {"Medewerkers krijgen training over ongewenst gedrag en de rol van omstanders.",
      "Leidinggevenden oefenen lastige gesprekken en het doorverwijzen van medewerkers.",
      "Trainingen worden herhaald, niet eenmalig gegeven."},
     "Train regelmatig, en leidinggevenden als eersten.",
     "/kennisartikelen/omstanders-en-het-bystander-effect"},
    {"Goed opgeleide vertrouwenspersonen",
     {"Er is een vertrouwenspersoon, en iedereen weet wie dat is.",
      "De vertrouwenspersoon is opgeleid en volgt bijscholing en intervisie.",
      "De vertrouwenspersoon heeft geen functie die botst met de rol (hr, OR, directie)."},
     "Stel een opgeleide, onafhankelijke vertrouwenspersoon aan, intern, extern of beide.",
     "/voor-organisaties/een-vertrouwenspersoon-aanstellen"},
    {"Inclusief gedrag",
     {"We spreken elkaar aan op opmerkingen die mensen buitensluiten.",
      "Werving, beoordeling en promotie worden bekeken op vooroordelen.",
      "Medewerkers met verschillende achtergronden voelen zich gehoord."},
     "Geef aandacht aan micro-agressies, uitsluiting en stereotypen.",
     "/kennisartikelen/inclusie-begint-bij-het-gewone-gesprek"},
    {"Meten, monitoren en evalueren",
     {"We meten hoe veilig medewerkers zich voelen, bijvoorbeeld in een medewerkersonderzoek.",
      "Het jaarverslag van de vertrouwenspersoon wordt besproken in de directie.",
      "De klachtenregeling en de meldregeling worden elk jaar geëvalueerd."},
     "Gebruik cijfers en het jaarverslag, en evalueer de regelingen elk jaar.",
     "/voor-organisaties/de-klachtenprocedure-evalueren"},
    {"Goed reageren op incidenten",
     {"Na een melding handelen we snel en zorgvuldig, met hoor en wederhoor.",
      "De melder wordt beschermd tegen benadeling.", "Na een incident is er nazorg voor melder, betrokkene en team."},
     "Reageer snel en zorgvuldig en vergeet de nazorg niet.",
     "/kennisbank/nazorg-na-een-melding"},
};

/* Whether date (YYYY-MM-DD) lies within months before today. */
static int within(const char *date, int months, const char *today)
{
	char since[11];
	return date && *date && !date_add_months(today, -months, since) && strcmp(date, since) >= 0;
}

static const char *dutch(struct arena *a, const char *iso)
{
	char out[40];
	return date_dutch(iso, out, sizeof(out)) ? iso : arena_strdup(a, out);
}

static struct compliance_item item(const char *title, enum light l, const char *detail, const char *link)
{
	return (struct compliance_item){title, l, detail, link};
}

static int declared(struct store *st, struct arena *a, long long org_id, int present[], struct org_compliance *c)
{
	int rc = store_org_compliance(st, a, org_id, c);
	for (size_t i = 0; i < procedure_element_count; i++)
		present[i] = 0;
	json_t *j = rc ? NULL : json_loads(c->json, 0, NULL);
	json_t *list = json_object_get(j, "elementen");
	for (size_t k = 0; k < json_array_size(list); k++) {
		const char *code = json_string_value(json_array_get(list, k));
		for (size_t i = 0; code && i < procedure_element_count; i++)
			present[i] |= !strcmp(code, procedure_elements[i].code);
	}
	json_decref(j);
	return rc;
}

int dashboard_declared(struct store *st, struct arena *a, long long org_id, int present[], const char **evaluated_on,
		       int *trends_public)
{
	struct org_compliance c;
	int rc = declared(st, a, org_id, present, &c);
	if (!rc) {
		*evaluated_on = c.evaluated_on;
		*trends_public = c.trends_public;
	}
	return rc;
}

/* The procedure item: what is missing, named. */
static struct compliance_item procedure(struct arena *a, const struct org *o, const int present[])
{
	static const char title[] = "Interne meldregeling (Wet bescherming klokkenluiders)";
	static const char link[] = "/voor-organisaties/meldregeling-onder-de-klokkenluiderswet";
	if (o->workers < ORG_PROCEDURE_WORKERS)
		return item(title, LIGHT_NONE,
			    "Verplicht vanaf 50 werkenden; een meldregeling is ook daaronder verstandig.", link);
	if (!*o->procedure)
		return item(title, LIGHT_RED, "Er staat nog geen meldregeling bij de organisatie.", link);
	const char *missing = "";
	for (size_t i = 0; i < procedure_element_count; i++)
		if (!present[i])
			missing = arena_printf(a, "%s%s%s", missing, *missing ? "; " : "", procedure_elements[i].label);
	return *missing ? item(title, LIGHT_ORANGE, arena_printf(a, "Nog niet bevestigd: %s.", missing), link)
			: item(title, LIGHT_GREEN, "De meldregeling bevat alle onderdelen die de wet vraagt.", link);
}

int dashboard_compliance(struct store *st, struct arena *a, long long org_id, const char *today,
			 struct compliance_item out[COMPLIANCE_ITEMS])
{
	struct org o;
	struct org_vp *vps;
	struct org_compliance c;
	int present[16];
	size_t n;
	int rc = orgs_get(st, a, org_id, &o);
	if (!rc)
		rc = orgs_vps(st, a, org_id, &vps, &n);
	if (!rc)
		rc = declared(st, a, org_id, present, &c);
	if (rc)
		return rc;
	size_t internal = 0, external = 0, trained = 0, hats = 0;
	for (size_t i = 0; i < n; i++) {
		const struct vp_profile *p = &vps[i].profile;
		internal += !strcmp(p->kind, "intern");
		external += !strcmp(p->kind, "extern");
		trained += *p->trained_on && (within(p->refresher_on, 36, today) || within(p->trained_on, 36, today));
		hats += *p->other_roles != '\0';
	}
	out[0] = procedure(a, &o, present);
	int applies = o.workers >= ORG_VP_WORKERS;
	out[1] =
	    item("Toegang tot een vertrouwenspersoon (wetsvoorstel)",
		 !applies ? LIGHT_NONE
		 : n	  ? LIGHT_GREEN
			  : LIGHT_ORANGE,
		 !applies ? "Het wetsvoorstel geldt vanaf 10 werkenden."
		 : n	  ? arena_printf(a, "%zu vertrouwenspersoon/-personen beschikbaar.", n)
		     : "Nog geen vertrouwenspersoon. Het wetsvoorstel ligt bij de Eerste Kamer en is nog geen wet.",
		 "/voor-organisaties/een-vertrouwenspersoon-aanstellen");
	out[2] =
	    item("Interne én externe vertrouwenspersoon",
		 internal && external ? LIGHT_GREEN
		 : n		      ? LIGHT_ORANGE
				      : LIGHT_RED,
		 arena_printf(a, "%zu intern, %zu extern. Met beide kan iedereen kiezen bij wie hij of zij terechtkan.",
			      internal, external),
		 "/voor-organisaties/voor-en-nadelen-interne-externe-vp");
	out[3] = item("Opleiding en bijscholing",
		      n && trained == n ? LIGHT_GREEN
		      : trained		? LIGHT_ORANGE
					: LIGHT_RED,
		      arena_printf(a, "%zu van %zu vertrouwenspersonen opgeleid en de laatste drie jaar bijgeschoold.",
				   trained, n),
		      "/nieuws/certificering-en-bijscholing-2026");
	out[4] = item("Geen dubbele petten",
		      !n     ? LIGHT_NONE
		      : hats ? LIGHT_RED
			     : LIGHT_GREEN,
		      !n     ? "Nog geen vertrouwenspersoon."
		      : hats ? arena_printf(a, "%zu vertrouwenspersoon/-personen ook hr, OR-lid of directie.", hats)
			     : "Geen vertrouwenspersoon is ook hr-adviseur, OR-lid of directielid.",
		      "/kennisartikelen/loyaliteitsconflicten-van-de-interne-vp");
	out[5] = item("Jaarlijkse evaluatie",
		      within(c.evaluated_on, 12, today)	  ? LIGHT_GREEN
		      : within(c.evaluated_on, 24, today) ? LIGHT_ORANGE
							  : LIGHT_RED,
		      *c.evaluated_on ? arena_printf(a, "Laatst geëvalueerd op %s.", dutch(a, c.evaluated_on))
				      : "De regelingen zijn nog niet geëvalueerd.",
		      "/voor-organisaties/de-klachtenprocedure-evalueren");
	for (int i = 0; i < COMPLIANCE_ITEMS; i++)
		if (!out[i].detail)
			return ERR_NOMEM;
	return 0;
}

int dashboard_declare(struct store *st, const char *actor, long long org_id, const char *const *elements, size_t n,
		      const char *evaluated_on, int trends_public, const char *today, const char **why)
{
	json_t *j = json_object(), *list = json_array();
	int rc = j && list ? 0 : ERR_NOMEM;
	for (size_t k = 0; !rc && k < n; k++) {
		size_t i = 0;
		while (i < procedure_element_count && strcmp(procedure_elements[i].code, elements[k]))
			i++;
		if (i == procedure_element_count) {
			*why = "Kies de onderdelen van de meldregeling uit de lijst.";
			rc = ERR_INVALID;
		} else if (json_array_append_new(list, json_string(elements[k]))) {
			rc = ERR_NOMEM;
		}
	}
	if (!rc && evaluated_on && *evaluated_on && (!date_valid(evaluated_on) || strcmp(evaluated_on, today) > 0)) {
		*why = "Vul de datum van de laatste evaluatie in (niet in de toekomst), of laat hem leeg.";
		rc = ERR_INVALID;
	}
	char *text = NULL;
	if (!rc && (json_object_set(j, "elementen", list) || !(text = json_dumps(j, JSON_COMPACT))))
		rc = ERR_NOMEM;
	json_decref(list);
	json_decref(j);
	if (!rc && !(rc = store_begin(st))) {
		rc = store_org_compliance_set(st, org_id, text, evaluated_on, trends_public);
		if (!rc)
			rc = store_audit(st, actor, "naleving bijgewerkt", trends_public ? "landelijke trends: ja" : "",
					 "");
		rc = rc ? rc : store_commit(st);
		if (rc)
			store_rollback(st);
	}
	free(text);
	return rc;
}

static void score(struct selfscan *s)
{
	for (int i = 0; i < SELFSCAN_ACTIONS; i++) {
		int sum = 0;
		for (int k = 0; k < SELFSCAN_STATEMENTS; k++)
			sum += s->answers[i][k];
		s->score[i] = sum * 100 / (2 * SELFSCAN_STATEMENTS);
	}
}

int dashboard_selfscan_save(struct store *st, long long org_id, const struct selfscan *s, long long now)
{
	json_t *all = json_array();
	int rc = all ? 0 : ERR_NOMEM;
	for (int i = 0; !rc && i < SELFSCAN_ACTIONS; i++) {
		json_t *row = json_array();
		for (int k = 0; row && k < SELFSCAN_STATEMENTS; k++) {
			if (s->answers[i][k] < 0 || s->answers[i][k] > 2)
				rc = ERR_INVALID;
			json_array_append_new(row, json_integer(s->answers[i][k]));
		}
		if (!row || json_array_append_new(all, row))
			rc = rc ? rc : ERR_NOMEM;
	}
	char *text = rc ? NULL : json_dumps(all, JSON_COMPACT);
	json_decref(all);
	if (!rc && !text)
		rc = ERR_NOMEM;
	if (!rc && (s->year < 2000 || s->year > 9999))
		rc = ERR_INVALID;
	if (!rc)
		rc = store_self_assessment_set(st, org_id, s->year, text, now);
	free(text);
	return rc;
}

int dashboard_selfscans(struct store *st, struct arena *a, long long org_id, struct selfscan **out, size_t *n)
{
	struct self_assessment *rows;
	int rc = store_self_assessments(st, a, org_id, &rows, n);
	*out = rc ? NULL : arena_calloc(a, *n + 1, sizeof(**out));
	if (!rc && !*out)
		rc = ERR_NOMEM;
	for (size_t r = 0; !rc && r < *n; r++) {
		struct selfscan *s = &(*out)[r];
		s->year = rows[r].year;
		json_t *all = json_loads(rows[r].answers, 0, NULL);
		for (int i = 0; i < SELFSCAN_ACTIONS; i++)
			for (int k = 0; k < SELFSCAN_STATEMENTS; k++) {
				json_int_t v =
				    json_integer_value(json_array_get(json_array_get(all, (size_t) i), (size_t) k));
				s->answers[i][k] = v >= 0 && v <= 2 ? (int) v : 0;
			}
		json_decref(all);
		score(s);
	}
	return rc;
}
