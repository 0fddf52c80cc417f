/*
 * The demo's organisations and vertrouwenspersonen (init --demo only; never in
 * a real database): a large municipality with an internal and an external VP,
 * and a small childcare organisation served by that same external VP and
 * reachable only by its direct link. The VPs have fixed passwords and TOTP
 * secrets so a tester can sign in (make run prints them); the external VP has
 * registered two contacts at the municipality (one formal report whose
 * acknowledgement is due in two days, and a conversation about unwanted
 * behaviour). Idempotent: what exists is left alone. Returns 0, or 1 after a
 * Dutch message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "accounts/accounts.h"
#include "base/dates.h"
#include "cases/work.h"
#include "reports/reports.h"
#include "cli/cli.h"
#include "orgs/orgs.h"
#include "reports/dashboard.h"
#include "store/store.h"
#include "store/totp.h"

#define DEMO "demo"

static const char procedure[] =
    "## Wat kun je melden?\n\n"
    "Een vermoeden van een misstand: iets wat de wet, onze eigen regels of de veiligheid van mensen in gevaar "
    "brengt. Voor ongewenst gedrag zoals pesten of intimidatie kun je ook altijd bij een vertrouwenspersoon "
    "terecht.\n\n"
    "## Hoe meld je?\n\n"
    "- schriftelijk, via het formulier op deze pagina, met of zonder je naam;\n"
    "- mondeling, telefonisch of in een gesprek met een vertrouwenspersoon.\n\n"
    "## Wat gebeurt er daarna?\n\n"
    "Binnen 7 dagen bevestigen we dat je melding binnen is. Binnen 3 maanden daarna hoor je wat we ermee "
    "hebben gedaan. Je naam blijft geheim, tenzij je zelf toestemming geeft om hem te noemen.\n";

struct demo_vp {
	const char *email, *name, *kind, *languages, *reach, *phone, *intro, *trained_on, *refresher_on;
};

static const struct demo_vp vps[] = {
    {DEMO_VP_INTERN, "Ilse Jansen", "intern", "Nederlands", "dinsdag en donderdag, ook in het stadskantoor",
     "010 555 0101", "Ik werk al twaalf jaar bij de gemeente, bij Burgerzaken. Je kunt me ook op de gang aanspreken.",
     "2021-09-14", ""},
    {DEMO_VP_EXTERN, "Erik de Boer", "extern", "Nederlands, Engels", "werkdagen 9 tot 17 uur, ook online",
     "010 555 0202", "Onafhankelijk vertrouwenspersoon voor meerdere organisaties; ik werk niet voor je werkgever.",
     "2019-03-04", "2025-10-20"},
};

static int demo_vp(struct store *st, const struct demo_vp *v)
{
	long long id;
	const char *why = NULL;
	char recovery[VAULT_RECOVERY_TEXT];
	struct arena a = ARENA_INIT;
	struct user u;
	int rc = accounts_add(st, DEMO, v->email, v->name, ROLE_VP, &id);
	if (rc == ERR_CONFLICT) {
		arena_free(&a);
		return 0; /* made by an earlier init --demo */
	}
	if (!rc)
		rc = accounts_set_password(st, DEMO, v->email, DEMO_VP_PASSWORD, &why, recovery);
	if (!rc && !(rc = accounts_find(st, &a, v->email, &u)) && !(rc = store_begin(st))) {
		rc = store_user_set_totp(st, u.id, DEMO_VP_TOTP);
		rc = rc ? rc : store_commit(st);
		if (rc)
			store_rollback(st);
	}
	if (!rc)
		rc = orgs_vp_profile_set(st, DEMO, v->email,
					 &(struct vp_profile){v->kind, "beide", v->languages, v->phone, v->reach, "",
							      v->intro, v->trained_on, v->refresher_on, ""},
					 &why);
	vault_wipe(recovery, sizeof(recovery));
	arena_free(&a);
	if (rc)
		fprintf(stderr, "vertrouwd: demo-vertrouwenspersoon %s niet gemaakt (%s)\n", v->email,
			why ? why : err_str(rc));
	return rc;
}

/* Contacts the external VP registered at the municipality, so the workspace has something to show. */
static int demo_cases(struct store *st, long long org_id, long long now)
{
	struct arena a = ARENA_INIT;
	struct user u;
	char phone_day[11], talk_day[11], today[11];
	const char *why = NULL;
	long long id;
	date_local_today(now, today);
	int rc = accounts_find(st, &a, DEMO_VP_EXTERN, &u);
	if (!rc)
		rc = date_add_days(today, -5, phone_day) || date_add_days(today, -40, talk_day) ? ERR_INVALID : 0;
	const struct register_input phone = {
	    .org_id = org_id,
	    .mode = "melden",
	    .contact = {"telefoon", phone_day, 35, "Belde over declaraties die niet kloppen op de afdeling."},
	    .dossier = {.melder_name = "(anoniem)",
			.melder_relation = "werknemer",
			.involved = "Een teamleider van de afdeling",
			.since = "Sinds het voorjaar",
			.story = "Reiskosten worden gedeclareerd voor ritten die niet gemaakt zijn; de melder zag de "
				 "formulieren.",
			.wishes = "Dat het stopt, zonder dat de eigen naam bekend wordt.",
			.options = "Melding bij de organisatie via de meldregeling; advies bij het Huis voor "
				   "Klokkenluiders."},
	    .codes = {.themes = {"fraude"},
		      .nthemes = 1,
		      .involved = {"leidinggevende"},
		      .ninvolved = 1,
		      .help = {"advies"},
		      .nhelp = 1},
	    .consent_how = "mondeling"};
	const struct register_input talk = {
	    .org_id = org_id,
	    .mode = "sparren",
	    .contact = {"persoonlijk", talk_day, 50, "Gesprek over grappen in het team die steeds verder gaan."},
	    .dossier = {.melder_relation = "uitzendkracht",
			.involved = "Twee collega's van het team",
			.story = "Opmerkingen over afkomst tijdens de lunch; de melder voelt zich buitengesloten.",
			.wishes = "Eerst zelf het gesprek aangaan, met steun.",
			.options = "Gesprek met de collega's voorbereiden; later eventueel met de leidinggevende."},
	    .codes = {.themes = {"discriminatie"},
		      .nthemes = 1,
		      .involved = {"collega"},
		      .ninvolved = 1,
		      .help = {"luisteren", "meedenken"},
		      .nhelp = 2},
	    .consent_how = "mondeling"};
	if (!rc)
		rc = cases_register(st, u.id, "Erik de Boer", &phone, now, &id, &why);
	if (!rc)
		rc = cases_register(st, u.id, "Erik de Boer", &talk, now, &id, &why);
	arena_free(&a);
	return rc;
}

/* A small deterministic generator, so every demo has the same history. */
static unsigned next(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fffu;
}

static const char *pick(unsigned *seed, const char *const *list, const unsigned *weights, size_t n)
{
	unsigned total = 0, r;
	for (size_t i = 0; i < n; i++)
		total += weights[i];
	r = next(seed) % total;
	for (size_t i = 0; i < n; i++) {
		if (r < weights[i])
			return list[i];
		r -= weights[i];
	}
	return list[n - 1];
}

/* ncases cases of year of which only the statistics are left, as after the purge. */
static int demo_year(struct store *st, long long org_id, int year, int ncases, unsigned seed)
{
	static const char *const themes[] = {"pesten",	      "intimidatie", "seksuele-intimidatie",
					     "discriminatie", "werkdruk",    "conflict-leidinggevende",
					     "fraude",	      "prive",	     "overig"},
				 *channels[] = {"persoonlijk", "telefoon", "email", "online"},
				 *outcomes[] = {"opgelost", "doorverwezen", "geen-actie", "melding", "klacht"},
				 *involved[] = {"collega", "leidinggevende", "klant"},
				 *help[] = {"luisteren", "advies", "meedenken", "doorverwijzing"};
	static const unsigned theme_w[] = {9, 5, 2, 3, 7, 8, 2, 3, 2}, channel_w[] = {6, 5, 2, 3},
			      outcome_w[] = {6, 3, 3, 2, 1}, involved_w[] = {6, 5, 1}, help_w[] = {5, 5, 3, 2};
	int rc = 0;
	for (int i = 0; !rc && i < ncases; i++) {
		int melden = next(&seed) % 10 < 3;
		char month[16], received[32], ack_due[11] = "", acked[11] = "", fb_due[11] = "", fb[11] = "",
					      closed[11];
		snprintf(month, sizeof(month), "%04d-%02u", year, 1u + next(&seed) % 12u);
		snprintf(received, sizeof(received), "%s-%02u", month, 1u + next(&seed) % 28u);
		if (melden &&
		    (date_add_days(received, 7, ack_due) ||
		     date_add_days(received, next(&seed) % 10 < 9 ? 3 : 9, acked) ||
		     date_add_months(acked, 3, fb_due) || date_add_months(acked, next(&seed) % 10 < 8 ? 2 : 4, fb)))
			rc = ERR_INVALID;
		if (!rc && date_add_days(received, 30 + (int) (next(&seed) % 90), closed))
			rc = ERR_INVALID;
		const struct case_history h = {.month = month,
					       .mode = melden ? "melden" : "sparren",
					       .channel = pick(&seed, channels, channel_w, 4),
					       .received_on = received,
					       .closed_on = closed,
					       .outcome = pick(&seed, outcomes, outcome_w, 5),
					       .ack_due = ack_due,
					       .acknowledged_on = acked,
					       .feedback_due = fb_due,
					       .feedback_on = fb,
					       .theme = pick(&seed, themes, theme_w, 9),
					       .involved = pick(&seed, involved, involved_w, 3),
					       .help = pick(&seed, help, help_w, 4)};
		if (!rc)
			rc = reports_history_add(st, org_id, &h);
	}
	return rc;
}

/*
 * Two earlier years for the annual report: the one before last released with
 * the external VP's text, last year's counted but not yet released (his text
 * is a draft), so the demo shows both the contact's and the VP's side.
 */
static int demo_reports(struct store *st, long long org_id)
{
	struct arena a = ARENA_INIT;
	struct user u;
	char today[11];
	const char *why = NULL;
	long long now = (long long) time(NULL);
	date_local_today(now, today);
	int year = (int) strtol(today, NULL, 10);
	int rc = accounts_find(st, &a, DEMO_VP_EXTERN, &u);
	if (!rc)
		rc = demo_year(st, org_id, year - 2, 38, 7u);
	if (!rc)
		rc = demo_year(st, org_id, year - 1, 52, 11u);
	if (!rc)
		rc = reports_text_set(
		    st, org_id, year - 2, u.id,
		    "Veel gesprekken gingen over de omgang in teams en over leidinggevenden die "
		    "signalen niet oppakten.\n\nAdvies: train leidinggevenden in het voeren van "
		    "een goed gesprek, en maak de vertrouwenspersonen bekender bij nieuwe medewerkers.",
		    1, now, &why);
	if (!rc)
		rc = reports_release(st, &a, org_id, year - 2, today, u.id, now, &why);
	if (!rc)
		rc = reports_text_set(st, org_id, year - 1, u.id,
				      "Opvallend: meer meldingen over werkdruk na de reorganisatie.\n\n(Concept: nog "
				      "aanvullen na het overleg met de interne vertrouwenspersoon.)",
				      0, now, &why);
	arena_free(&a);
	return rc;
}

/* The municipality's contact for the dashboard: a password, no second factor (the role sees only figures). */
static int demo_contact(struct store *st, long long org_id, const char **why)
{
	long long id;
	char recovery[VAULT_RECOVERY_TEXT];
	int rc = accounts_add(st, DEMO, DEMO_CONTACT, "Hanna de Wit", ROLE_ORGANISATIE, &id);
	if (!rc)
		rc = accounts_set_password(st, DEMO, DEMO_CONTACT, DEMO_CONTACT_PASSWORD, why, recovery);
	if (!rc)
		rc = orgs_member_add(st, DEMO, org_id, DEMO_CONTACT, ORG_ROLE_CONTACT, why);
	const char *elements[] = {"schriftelijk", "mondeling", "bevestiging", "terugkoppeling", "registratie"};
	char today[11], evaluated[11];
	date_local_today((long long) time(NULL), today);
	if (!rc)
		rc = date_add_months(today, -14, evaluated);
	if (!rc)
		rc = dashboard_declare(st, DEMO, org_id, elements, 5, evaluated, 1, today, why);
	/* Last year's self-assessment, so the trend has a first column. */
	struct selfscan last = {
	    .year = (int) strtol(today, NULL, 10) - 1,
	    .answers = {{2, 1, 1}, {1, 1, 0}, {0, 1, 0}, {2, 2, 1}, {1, 0, 1}, {1, 2, 0}, {2, 1, 1}}};
	if (!rc)
		rc = dashboard_selfscan_save(st, org_id, &last, (long long) time(NULL));
	vault_wipe(recovery, sizeof(recovery));
	return rc;
}

static int demo_org(struct store *st, const struct org_input *in, const char *const *members, size_t n,
		    long long respond_days)
{
	struct arena a = ARENA_INIT;
	struct org o;
	long long id;
	const char *why = NULL;
	int rc = 0;
	if (orgs_find(st, &a, in->slug, &o) == ERR_NOT_FOUND) {
		rc = orgs_add(st, DEMO, in, &id, &why);
		for (size_t i = 0; !rc && i < n; i++)
			rc = orgs_member_add(st, DEMO, id, members[i], ORG_ROLE_VP, &why);
		if (!rc && respond_days)
			rc = orgs_case_settings(st, DEMO, id, respond_days, 0, &why);
		if (!rc && respond_days)
			rc = demo_cases(st, id, (long long) time(NULL));
		if (!rc && respond_days)
			rc = demo_contact(st, id, &why);
		if (!rc && respond_days)
			rc = demo_reports(st, id);
	}
	arena_free(&a);
	if (rc)
		fprintf(stderr, "vertrouwd: demo-organisatie %s niet gemaakt (%s)\n", in->slug,
			why ? why : err_str(rc));
	return rc;
}

int cli_demo_orgs(const struct config *cfg)
{
	struct store *st;
	if (cli_start_accounts(cfg) || cli_open_store(cfg, &st))
		return 1;
	static const char *const big[] = {DEMO_VP_INTERN, DEMO_VP_EXTERN}, *const small[] = {DEMO_VP_EXTERN};
	const struct org_input rivierstad = {.name = "Gemeente Rivierstad",
					     .slug = "gemeente-rivierstad",
					     .workers = 850,
					     .sector = "Openbaar bestuur",
					     .procedure = procedure,
					     .listed = 1},
			       boomhut = {.name = "Kinderopvang De Boomhut",
					  .slug = "kinderopvang-de-boomhut",
					  .workers = 23,
					  .sector = "Kinderopvang",
					  .listed = 0};
	int rc = demo_vp(st, &vps[0]) || demo_vp(st, &vps[1]) || demo_org(st, &rivierstad, big, 2, 2) ||
		 demo_org(st, &boomhut, small, 1, 0);
	store_close(st);
	return rc ? 1 : 0;
}
