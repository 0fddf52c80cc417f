/*
 * serve, init, migrate, import, export (cli.h). Each returns 0, or 1 after a
 * Dutch message on stderr. serve first builds a missing search index and does
 * not start without one; import reports each broken file, imports the rest,
 * and returns 1 when any failed.
 */
#include <stdio.h>
#include <unistd.h>

#include "cli/cli.h"
#include "content/content.h"
#include "search/search.h"
#include "store/store.h"
#include "reports/chart.h"
#include "web/web.h"

/* A store made before search existed (or restored without its index) is indexed now. */
static int ensure_index(struct cli_opts *o)
{
	struct search_env env;
	if (cli_open_search(&o->cfg, &env, 0))
		return 1;
	long long indexed = 0, published = 0;
	struct arena a = ARENA_INIT;
	struct item_filter all = {0};
	int rc = store_search_size(env.st, &indexed) || store_item_count(env.st, &a, &all, &published);
	if (!rc && published > 0 && indexed == 0) {
		int count;
		fprintf(stderr, "De zoekindex is leeg; opbouwen voor %lld items ...\n", published);
		rc = search_reindex(&env, cli_progress, &count);
	}
	arena_free(&a);
	cli_close_search(&env);
	if (rc)
		fprintf(stderr, "vertrouwd: de zoekindex kon niet worden opgebouwd (probeer: vertrouwd reindex)\n");
	return rc ? 1 : 0;
}

int cli_serve(struct cli_opts *o)
{
	char err[1024];
	/* The port first: a second server on a busy port stops before it touches the store. */
	int fd = http_listen(&o->cfg, err, sizeof(err));
	if (fd < 0) {
		fprintf(stderr, "vertrouwd: %s\n", err);
		return 1;
	}
	if (ensure_index(o)) {
		close(fd);
		return 1;
	}
	if (web_init(&o->cfg, err, sizeof(err))) {
		fprintf(stderr, "vertrouwd: %s\n", err);
		close(fd);
		return 1;
	}
	if (publisher_start(&o->cfg, web_lexicon())) {
		fprintf(stderr, "vertrouwd: de planner voor geplande inhoud kon niet starten\n");
		web_shutdown();
		close(fd);
		return 1;
	}
	int rc = http_serve(&o->cfg, web_app(), fd);
	publisher_stop();
	long long steps, us;
	store_stats(&steps, &us);
	log_info("store: %lld statements, %lld µs waiting on the database", steps, us);
	web_shutdown();
	chart_cleanup(); /* the reports' PDFs and charts used cairo and fontconfig */
	return rc ? 1 : 0;
}

/* Import dir with progress and a summary; the items are indexed as they come in. */
static int import(struct cli_opts *o, const char *dir, const char *what)
{
	struct search_env env;
	if (cli_open_search(&o->cfg, &env, 0))
		return 1;
	struct import_report rep;
	int rc = content_import_dir(env.st, &env, dir, cli_progress, &rep);
	cli_close_search(&env);
	if (rc == ERR_IO)
		return 1;
	printf("%s: %d bestanden, %d geïmporteerd, %d mislukt.\n", what, rep.files, rep.imported, rep.failed);
	return rc ? 1 : 0;
}

int cli_init(struct cli_opts *o)
{
	struct store *st;
	if (cli_open_store(&o->cfg, &st))
		return 1;
	store_close(st);
	if (o->demo) {
		char dir[4200];
		snprintf(dir, sizeof(dir), "%s/demo", o->cfg.root);
		if (import(o, dir, "Demo-inhoud") || cli_demo_accounts(&o->cfg) || cli_demo_orgs(&o->cfg))
			return 1;
		printf("Demo-redacteur: %s, wachtwoord %s (aanmelden op /inloggen)\n", DEMO_EDITOR,
		       DEMO_EDITOR_PASSWORD);
	}
	printf("Database klaar: %s\n", o->cfg.db);
	return 0;
}

/* Migrations alone, for a deploy step before the servers start; says from which version to which. */
int cli_migrate(struct cli_opts *o)
{
	struct store *st;
	char err[1024] = "kan de schemaversie niet lezen / cannot read the schema version";
	int before = 0, after = 0;
	int rc = store_open(o->cfg.db, &st, err, sizeof(err));
	if (!rc && (store_schema_version(st, &before) || store_migrate(st, err, sizeof(err)) ||
		    store_schema_version(st, &after)))
		rc = ERR_DB;
	if (rc)
		fprintf(stderr, "vertrouwd: %s\n", err);
	else if (before == after)
		printf("Schema is actueel (versie %d) / schema is up to date: %s\n", after, o->cfg.db);
	else
		printf("Schema bijgewerkt van versie %d naar %d / schema migrated: %s\n", before, after, o->cfg.db);
	store_close(st);
	return rc ? 1 : 0;
}

int cli_import(struct cli_opts *o)
{
	return import(o, o->args[0], "Import");
}

int cli_export(struct cli_opts *o)
{
	struct store *st;
	if (cli_open_store(&o->cfg, &st))
		return 1;
	int count;
	int rc = content_export_dir(st, o->args[0], &count);
	store_close(st);
	printf("Export: %d items geschreven naar %s.\n", count, o->args[0]);
	return rc ? 1 : 0;
}
