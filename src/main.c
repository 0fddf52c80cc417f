/*
 * vertrouwd: parse the subcommand and its options, call one entry point. The
 * exit status is the subcommand's (0 ok, 1 failed), or 2 after a message and
 * a pointer to --help for a command line that does not parse.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/config.h"
#include "base/log.h"
#include "cli/cli.h"

#ifndef VERTROUWD_VERSION
#define VERTROUWD_VERSION "0.1.0"
#endif

struct command {
	const char *name;
	const char *summary;
	const char *usage;	   /* the subcommand's own options, or "" */
	int nargs;		   /* positional arguments it takes (-1: one or two, -2: one to three) */
	const char *const *flags;  /* its own boolean flags */
	const char *const *values; /* its own options with a value (read with cli_opt), or NULL */
	int (*run)(struct cli_opts *o);
};

static const char *const init_flags[] = {"demo", NULL};
static const char *const json_flags[] = {"json", NULL};
static const char *const user_flags[] = {"password-stdin", NULL};
static const char *const restore_flags[] = {"force", NULL};
static const char *const no_flags[] = {NULL};
static const char *const purge_flags[] = {"dry-run", NULL};
static const char *const purge_values[] = {"today", NULL};
static const char *const org_flags[] = {"listed", "unlisted", NULL};
static const char *const org_values[] = {
    "name",	 "slug",    "workers",	 "sector",	"procedure", "role",  "kind",	    "focus",
    "languages", "phone",   "reach",	 "intro",	"logo",	     "photo", "reply-days", "retention-months",
    "theme",	 "trained", "refresher", "other-roles", NULL};

static const struct command commands[] = {
    {"serve", "start de webserver / start the web server", "", 0, no_flags, NULL, cli_serve},
    {"init", "maak of werk de database bij / create or migrate the database",
     "  --demo            laad de demo-inhoud uit demo/ (herhaalbaar) / load demo content (idempotent)\n", 0,
     init_flags, NULL, cli_init},
    {"migrate", "werk alleen het databaseschema bij / only migrate the database schema", "", 0, no_flags, NULL,
     cli_migrate},
    {"import", "importeer Markdown-bestanden uit MAP / import Markdown files from DIR",
     "  MAP               map met .md-bestanden (ook in submappen); per bestand een transactie\n", 1, no_flags, NULL,
     cli_import},
    {"export", "schrijf alle inhoud als Markdown naar MAP / export all content to DIR",
     "  MAP               doelmap; per type een submap, bijlagen ernaast\n", 1, no_flags, NULL, cli_export},
    {"search", "zoek zoals de website zoekt / search as the site does",
     "  ZOEKVRAAG         woorden, \"een zin\", -uitsluiten, begin*\n"
     "  --json            de resultaten als JSON (slug, type, titel, score, fragment)\n",
     1, json_flags, NULL, cli_search},
    {"analyze", "toon de zoektermen die de analyse maakt / show the analyzer's terms",
     "  TEKST             de tekst om te analyseren\n"
     "  --json            als JSON\n",
     1, json_flags, NULL, cli_analyze},
    {"publish-due", "publiceer geplande inhoud die aan de beurt is / publish scheduled content that is due",
     "  --at JJJJ-MM-DDTUU:MM  doe alsof het dit tijdstip is (Nederlandse tijd) / as if it were this time\n"
     "                    (de server doet dit zelf elke --publish-interval seconden; dit is voor cron of herstel)\n",
     0, no_flags, NULL, cli_publish_due},
    {"reindex", "bouw de zoekindex opnieuw op / rebuild the search index", "", 0, no_flags, NULL, cli_reindex},
    {"backup", "maak een reservekopie in MAP terwijl de server doorwerkt / back up to DIR while serving",
     "  MAP               nieuwe map: vertrouwd.db (een samenhangende momentopname) en media/\n"
     "                    (alleen SQLite; PostgreSQL: pg_dump, zie docs/deploy.md)\n",
     1, no_flags, NULL, cli_backup},
    {"restore", "zet een reservekopie uit MAP terug / restore a backup from DIR",
     "  MAP               een map van 'vertrouwd backup'\n"
     "  --force           vervang een database die al gegevens bevat / replace a database that holds data\n"
     "                    (stop eerst de servers / stop the servers first)\n",
     1, restore_flags, NULL, cli_restore},
    {"copy", "kopieer een hele installatie naar een andere database / copy everything to another store",
     "  --from DSN        de bron (hetzelfde als --db) / the source (same as --db)\n"
     "  --to DSN          het doel: een nieuwe, lege database, bijvoorbeeld postgresql:///vertrouwd\n"
     "                    (elke tabel wordt teruggelezen en vergeleken; daarna de zoekindex opgebouwd)\n",
     0, no_flags, NULL, cli_copy},
    {"user", "beheer accounts / manage accounts",
     "  add EMAIL --name NAAM --roles ROLLEN   nieuwe gebruiker met een eenmalige instellink (rollen:\n"
     "                                         beheerder, redacteur,\n"
     "                                         vertrouwenspersoon, organisatie; komma's ertussen)\n"
     "  list                                   alle gebruikers\n"
     "  roles EMAIL --roles ROLLEN             rollen vervangen\n"
     "  disable EMAIL | enable EMAIL           blokkeren of vrijgeven\n"
     "  reset-password EMAIL                   nieuwe eenmalige link om een wachtwoord in te stellen\n"
     "  set-password EMAIL [--password-stdin]  wachtwoord instellen (minstens 12 tekens)\n"
     "  totp EMAIL                             tweestapsverificatie (verplicht voor beheerder en\n"
     "                                         vertrouwenspersoon): toont de sleutel voor de app\n",
     -1, user_flags, NULL, cli_user},
    {"org", "beheer organisaties en wie ze bedient / manage organisations and who serves them",
     "  add NAAM [--slug S] [--workers N] [--sector S] [--unlisted]   nieuwe organisatie\n"
     "  list                                   alle organisaties\n"
     "  show SLUG                              gegevens, vertrouwenspersonen en contactpersonen\n"
     "  update SLUG [--name N] [--workers N] [--sector S] [--listed|--unlisted] [--procedure BESTAND]\n"
     "              [--logo AFBEELDING]        gegevens wijzigen; de meldregeling als Markdown-bestand\n"
     "              [--reply-days N]           eerste reactie beloofd binnen N werkdagen (0: geen belofte)\n"
     "              [--retention-months N]     zaken N maanden na sluiten vernietigen (0: na het jaarverslag)\n"
     "              [--theme NAAM]             een eigen thema toevoegen aan de lijst\n"
     "  member SLUG EMAIL --role ROL           koppel een gebruiker (vertrouwenspersoon of organisatie)\n"
     "  remove SLUG EMAIL --role ROL           ontkoppel\n"
     "  vp EMAIL [--kind intern|extern] [--focus omgangsvormen|integriteit|beide] [--languages T]\n"
     "           [--phone T] [--reach T] [--intro T] [--photo AFBEELDING]\n"
     "           [--trained JJJJ-MM-DD] [--refresher JJJJ-MM-DD] [--other-roles hr,or,top]\n"
     "                                         wat melders van de vertrouwenspersoon zien\n",
     -2, org_flags, org_values, cli_org},
    {"purge", "vernietig gesloten zaken waarvan de datum gekomen is / destroy closed cases that are due",
     "  --dry-run         toon alleen welke zaken aan de beurt zijn / only list the cases that are due\n"
     "  --today JJJJ-MM-DD  doe alsof het die dag is (voor tests) / as if it were that day (for tests)\n"
     "                    (de server doet dit zelf eens per dag; sleutels en inhoud verdwijnen, de\n"
     "                    statistiekregel blijft / the server does this daily; keys and contents go,\n"
     "                    the statistics row stays)\n",
     0, purge_flags, purge_values, cli_purge},
};
static const size_t ncommands = sizeof(commands) / sizeof(commands[0]);

static void usage(FILE *f)
{
	fprintf(f, "Gebruik / usage: vertrouwd OPDRACHT [OPTIES]\n\nOpdrachten / commands:\n");
	for (size_t i = 0; i < ncommands; i++)
		fprintf(f, "  %-11s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n%s\nHulp per opdracht / help per command: vertrouwd OPDRACHT --help\n", config_help);
}

static void command_usage(FILE *f, const struct command *c)
{
	fprintf(f, "Gebruik / usage: vertrouwd %s %s[OPTIES]\n\n%s\n", c->name,
		c->nargs < -1  ? "ACTIE [ARGUMENTEN] "
		: c->nargs < 0 ? "ACTIE [EMAIL] "
		: c->nargs     ? "ARGUMENT "
			       : "",
		c->summary);
	if (*c->usage)
		fprintf(f, "\nOpties / options:\n%s", c->usage);
	fprintf(f, "\n%s", config_help);
}

static int usage_error(const char *cmd, const char *what)
{
	fprintf(stderr, "vertrouwd: %s\nZie / see: vertrouwd %s--help\n", what, cmd ? cmd : "");
	return 2;
}

/* The entry of list naming name (a string that lives as long as the program), or NULL. */
static const char *listed(const char *const *list, const char *name)
{
	for (const char *const *f = list; f && *f; f++)
		if (!strcmp(*f, name))
			return *f;
	return NULL;
}

int main(int argc, char **argv)
{
	struct cli_opts o = {0};
	config_defaults(&o.cfg);
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("vertrouwd %s\n", VERTROUWD_VERSION);
		return 0;
	}
	const struct command *c = NULL;
	for (size_t i = 0; i < ncommands; i++)
		if (!strcmp(argv[1], commands[i].name))
			c = &commands[i];
	char msg[1200];
	if (!c) {
		snprintf(msg, sizeof(msg), "onbekende opdracht '%s' / unknown command", argv[1]);
		return usage_error(NULL, msg);
	}
	char cmdname[64];
	snprintf(cmdname, sizeof(cmdname), "%s ", c->name);
	if (config_from_env(&o.cfg, msg, sizeof(msg)))
		return usage_error(cmdname, msg);
	static const char *positional[64];
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			command_usage(stdout, c);
			return 0;
		}
		if (strncmp(a, "--", 2)) {
			if (o.nargs == 64)
				return usage_error(cmdname, "te veel argumenten / too many arguments");
			positional[o.nargs++] = a;
			continue;
		}
		char name[64];
		const char *eq = strchr(a, '=');
		snprintf(name, sizeof(name), "%.*s", (int) (eq ? eq - a - 2 : (long) strlen(a) - 2), a + 2);
		const char *known = listed(c->flags, name);
		if (known && !eq) {
			o.demo |= !strcmp(name, "demo");
			o.json |= !strcmp(name, "json");
			o.password_stdin |= !strcmp(name, "password-stdin");
			o.force |= !strcmp(name, "force");
			if (o.nopts == CLI_MAX_OPTS)
				return usage_error(cmdname, "te veel opties / too many options");
			o.opts[o.nopts][0] = known;
			o.opts[o.nopts++][1] = "1";
			continue;
		}
		if ((known = listed(c->values, name)) && (eq || i + 1 < argc)) {
			if (o.nopts == CLI_MAX_OPTS)
				return usage_error(cmdname, "te veel opties / too many options");
			o.opts[o.nopts][0] = known;
			o.opts[o.nopts++][1] = eq ? eq + 1 : argv[++i];
			continue;
		}
		const char *value = eq ? eq + 1 : i + 1 < argc ? argv[i + 1] : NULL;
		if (c->run == cli_user && value && (!strcmp(name, "name") || !strcmp(name, "roles"))) {
			*(!strcmp(name, "name") ? &o.name : &o.roles) = value;
			i += !eq;
			continue;
		}
		if (c->run == cli_copy && value && !strcmp(name, "to")) {
			o.to = value;
			i += !eq;
			continue;
		}
		if (c->run == cli_copy && value && !strcmp(name, "from")) /* the source is --db by another name */
			snprintf(name, sizeof(name), "db");
		if (c->run == cli_publish_due && value && !strcmp(name, "at")) {
			o.at = value;
			i += !eq;
			continue;
		}
		int rc = value ? config_set(&o.cfg, name, value, msg, sizeof(msg)) : 0;
		if (rc < 0)
			return usage_error(cmdname, msg);
		if (rc == 0) {
			snprintf(msg, sizeof(msg), "onbekende optie '%s'%s / unknown option", a,
				 value || eq ? "" : " (of waarde ontbreekt / or value missing)");
			return usage_error(cmdname, msg);
		}
		if (!eq)
			i++;
	}
	o.args = positional;
	log_set_level(o.cfg.log_level);
	if (c->nargs < 0 ? o.nargs < 1 || o.nargs > -c->nargs + 1 : o.nargs != c->nargs)
		return usage_error(cmdname, o.nargs < c->nargs
						? "argument ontbreekt (MAP, ZOEKVRAAG of TEKST) / argument missing"
						: "onverwacht argument / unexpected argument");
	return c->run(&o);
}
