/*
 * vertrouwd org add|list|show|update|member|remove|vp: organisations on the
 * command line, for the beheerder and for scripts. Exit 0, 1 (a refusal or a
 * failure, with the Dutch reason on stderr) or 2 (a command line that does
 * not parse).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "accounts/accounts.h"
#include "cases/work.h"
#include "cli/cli.h"
#include "orgs/orgs.h"
#include "store/store.h"

#define ACTOR "opdrachtregel"

static int fail(int rc, const char *why)
{
	fprintf(stderr, "vertrouwd: %s\n", why ? why : rc == ERR_NOT_FOUND ? "niet gevonden" : err_str(rc));
	return 1;
}

/* --workers as a number; 0 when absent; -1 when it is not a number. */
static long long workers_of(const struct cli_opts *o, long long keep)
{
	const char *v = cli_opt(o, "workers");
	if (!v)
		return keep;
	char *end;
	errno = 0;
	long long n = strtoll(v, &end, 10);
	return errno || end == v || *end || n < 0 ? -1 : n;
}

/* A file's bytes into b (its max caps them); 0, or 1 after a message. */
static int read_file(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "r");
	char chunk[4096];
	size_t n;
	if (!f)
		return fprintf(stderr, "vertrouwd: %s is niet te lezen\n", path), 1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (buf_add(b, chunk, n)) {
			fclose(f);
			return fprintf(stderr, "vertrouwd: %s is te groot (hoogstens %zu kB)\n", path, b->max / 1024),
			       1;
		}
	fclose(f);
	return 0;
}

static int show(struct store *st, struct arena *a, const struct org *o)
{
	struct org_vp *vps;
	size_t n;
	printf("%s (%s)\n  werkenden: %lld%s\n  sector: %s\n  in de openbare lijst: %s\n  meldregeling: %s\n", o->name,
	       o->slug, o->workers,
	       o->workers >= ORG_PROCEDURE_WORKERS ? " (interne meldregeling verplicht)"
	       : o->workers >= ORG_VP_WORKERS	   ? " (toegang tot een vertrouwenspersoon: wetsvoorstel)"
						   : "",
	       *o->sector ? o->sector : "-", o->listed ? "ja" : "nee (alleen via de directe link)",
	       *o->procedure ? "ingevuld" : "nog niet ingevuld");
	if (orgs_vps(st, a, o->id, &vps, &n))
		return 1;
	printf("  eerste reactie: %s\n  bewaren: %s\n",
	       o->respond_days ? arena_printf(a, "binnen %lld werkdagen", o->respond_days) : "geen belofte",
	       o->retention_months ? arena_printf(a, "%lld maanden na sluiten", o->retention_months)
				   : "tot het jaarverslag over het jaar van sluiten (1 juni daarna)");
	printf("  vertrouwenspersonen:%s\n", n ? "" : " nog geen");
	for (size_t i = 0; i < n; i++)
		printf("    %s <%s>, %s, %s\n", vps[i].name, vps[i].email, vps[i].profile.kind, vps[i].profile.focus);
	return 0;
}

/* --logo FILE for an organisation (email NULL), or --photo FILE for the VP with email; 0, or 1 after a message. */
static int image(struct store *st, const struct cli_opts *o, const char *path, long long org_id, const char *email)
{
	struct buf b = BUF_INIT(o->cfg.upload_max);
	const char *why = NULL, *slash = strrchr(path, '/');
	int rc = read_file(path, &b);
	if (!rc)
		rc = email ? orgs_set_photo(st, ACTOR, email, slash ? slash + 1 : path, (const unsigned char *) b.ptr,
					    b.len, o->cfg.upload_max, &why)
			   : orgs_set_logo(st, ACTOR, org_id, slash ? slash + 1 : path, (const unsigned char *) b.ptr,
					   b.len, o->cfg.upload_max, &why);
	buf_free(&b);
	if (rc > 0)
		return 1;
	return rc ? fail(rc, why) : 0;
}

/* org vp EMAIL [--kind ...]: each option changes only its own field of the profile as it is. */
static int vp(struct store *st, const struct cli_opts *o, const char *email)
{
	struct arena a = ARENA_INIT;
	struct user u;
	struct vp_profile p;
	const char *why = NULL;
	const struct {
		const char *name, **field;
	} fields[] = {{"kind", &p.kind},
		      {"focus", &p.focus},
		      {"languages", &p.languages},
		      {"phone", &p.phone},
		      {"reach", &p.reach},
		      {"intro", &p.intro},
		      {"trained", &p.trained_on},
		      {"refresher", &p.refresher_on},
		      {"other-roles", &p.other_roles}};
	int rc = accounts_find(st, &a, email, &u);
	if (!rc && cli_opt(o, "photo") && image(st, o, cli_opt(o, "photo"), 0, email)) {
		arena_free(&a);
		return 1;
	}
	if (!rc)
		rc = orgs_vp_profile(st, &a, u.id, &p);
	for (size_t i = 0; !rc && i < sizeof(fields) / sizeof(fields[0]); i++)
		if (cli_opt(o, fields[i].name))
			*fields[i].field = cli_opt(o, fields[i].name);
	if (!rc)
		rc = orgs_vp_profile_set(st, ACTOR, email, &p, &why);
	arena_free(&a);
	if (rc)
		return fail(rc, rc == ERR_NOT_FOUND ? "geen gebruiker met dit e-mailadres" : why);
	printf("%s: profiel bijgewerkt\n", email);
	return 0;
}

/* --reply-days, --retention-months and --theme of org update; 0 or a domain error with *why. */
static int case_settings(struct store *st, const struct cli_opts *o, const struct org *org, const char **why)
{
	const char *reply = cli_opt(o, "reply-days"), *keep = cli_opt(o, "retention-months"),
		   *theme = cli_opt(o, "theme");
	char *end = NULL;
	long long days = reply ? strtoll(reply, &end, 10) : org->respond_days;
	long long months = org->retention_months;
	if ((end && (*end || !*reply)) || (keep && (months = strtoll(keep, &end, 10), *end || !*keep))) {
		*why = "--reply-days en --retention-months verwachten een getal";
		return ERR_INVALID;
	}
	int rc = reply || keep ? orgs_case_settings(st, ACTOR, org->id, days, months, why) : 0;
	if (!rc && theme)
		rc = cases_org_theme_add(st, org->id, theme, why);
	return rc;
}

int cli_org(struct cli_opts *o)
{
	const char *action = o->args[0], *arg = o->nargs > 1 ? o->args[1] : NULL,
		   *email = o->nargs > 2 ? o->args[2] : NULL;
	const char *why = NULL;
	int needs = !strcmp(action, "list") ? 1 : !strcmp(action, "member") || !strcmp(action, "remove") ? 3 : 2;
	if (o->nargs != needs) {
		fprintf(stderr, "vertrouwd: 'org %s' verwacht %d argument(en); zie vertrouwd org --help\n", action,
			needs - 1);
		return 2;
	}
	struct store *st;
	if (cli_open_store(&o->cfg, &st))
		return 1;
	struct arena a = ARENA_INIT;
	struct org org;
	int status = 0, rc = 0;
	if (!strcmp(action, "add")) {
		long long id, workers = workers_of(o, 0);
		struct org_input in = {.name = arg,
				       .slug = cli_opt(o, "slug"),
				       .workers = workers,
				       .sector = cli_opt(o, "sector"),
				       .listed = !cli_opt(o, "unlisted")};
		rc = workers < 0 ? ERR_INVALID : orgs_add(st, ACTOR, &in, &id, &why);
		if (workers < 0)
			why = "--workers verwacht een getal";
		if (!rc && !orgs_get(st, &a, id, &org))
			printf("%s toegevoegd: %s/organisaties/%s\n", org.name, o->cfg.base_url, org.slug);
	} else if (!strcmp(action, "list")) {
		struct org *all;
		size_t n;
		if (!(rc = orgs_all(st, &a, &all, &n)))
			for (size_t i = 0; i < n; i++)
				printf("%-30s %-40s %6lld werkenden%s\n", all[i].slug, all[i].name, all[i].workers,
				       all[i].listed ? "" : "  (niet in de lijst)");
		if (!rc && !n)
			printf("Nog geen organisaties. Maak er een: vertrouwd org add \"Naam\" --workers 120\n");
	} else if (!strcmp(action, "vp")) {
		status = vp(st, o, arg);
	} else if (!(rc = orgs_find(st, &a, arg, &org))) {
		if (!strcmp(action, "show")) {
			status = show(st, &a, &org);
		} else if (!strcmp(action, "update")) {
			struct buf proc = BUF_INIT(100000);
			long long workers = workers_of(o, org.workers);
			struct org_input in = {.name = cli_opt(o, "name") ? cli_opt(o, "name") : org.name,
					       .slug = cli_opt(o, "slug") ? cli_opt(o, "slug") : org.slug,
					       .workers = workers,
					       .sector = cli_opt(o, "sector") ? cli_opt(o, "sector") : org.sector,
					       .procedure = org.procedure,
					       .logo = org.logo,
					       .listed = cli_opt(o, "unlisted") ? 0
							 : cli_opt(o, "listed") ? 1
										: org.listed};
			if (cli_opt(o, "procedure") && read_file(cli_opt(o, "procedure"), &proc))
				status = 1;
			else if (cli_opt(o, "procedure"))
				in.procedure = proc.ptr;
			if (!status && workers < 0) {
				rc = ERR_INVALID;
				why = "--workers verwacht een getal";
			} else if (!status) {
				rc = orgs_update(st, ACTOR, org.id, &in, &why);
			}
			if (!rc && !status && cli_opt(o, "logo"))
				status = image(st, o, cli_opt(o, "logo"), org.id, NULL);
			if (!rc && !status)
				rc = case_settings(st, o, &org, &why);
			if (!rc && !status)
				printf("%s bijgewerkt\n", in.name);
			buf_free(&proc);
		} else if (!strcmp(action, "member") || !strcmp(action, "remove")) {
			const char *role = cli_opt(o, "role");
			if (!role || (strcmp(role, ORG_ROLE_VP) && strcmp(role, ORG_ROLE_CONTACT))) {
				fprintf(stderr, "vertrouwd: geef --role vertrouwenspersoon of --role organisatie\n");
				status = 2;
			} else {
				rc = !strcmp(action, "member") ? orgs_member_add(st, ACTOR, org.id, email, role, &why)
							       : orgs_member_remove(st, ACTOR, org.id, email, role);
				if (!rc)
					printf("%s: %s %s\n", email,
					       !strcmp(action, "member") ? "gekoppeld aan" : "ontkoppeld van",
					       org.name);
			}
		} else {
			fprintf(stderr,
				"vertrouwd: onbekende actie '%s' (add, list, show, update, member, remove, vp)\n",
				action);
			status = 2;
		}
	} else if (rc == ERR_NOT_FOUND) {
		why = "geen organisatie met dit webadres (zie: vertrouwd org list)";
	}
	if (rc)
		status = fail(rc, why);
	arena_free(&a);
	store_close(st);
	return status;
}
