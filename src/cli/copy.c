/*
 * vertrouwd copy --from DSN --to DSN: move a whole installation to another
 * store (SQLite to PostgreSQL when one machine is no longer enough, or back),
 * check it table by table, and build the target's search index.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "search/search.h"
#include "store/copy.h"
#include "store/store.h"

static void table_done(const char *table, long long rows)
{
	fprintf(stderr, "  %-16s %lld rijen\n", table, rows);
}

int cli_copy(struct cli_opts *o)
{
	if (!o->to) {
		fprintf(stderr, "vertrouwd copy: geef het doel met --to, bijvoorbeeld --to postgresql:///vertrouwd\n");
		return 2;
	}
	struct config to_cfg = o->cfg;
	snprintf(to_cfg.db, sizeof(to_cfg.db), "%s", o->to);
	to_cfg.media[0] = '\0'; /* the target keeps files its own default way */
	if (!strcmp(to_cfg.db, o->cfg.db)) {
		fprintf(stderr, "vertrouwd copy: bron en doel zijn dezelfde database\n");
		return 2;
	}
	struct store *from;
	struct search_env to;
	if (cli_open_store(&o->cfg, &from))
		return 1;
	if (cli_open_search(&to_cfg, &to, 0)) {
		store_close(from);
		return 1;
	}
	fprintf(stderr, "Kopiëren van %s naar %s ...\n", o->cfg.db, to_cfg.db);
	struct copy_report rep;
	char err[1024];
	int rc = store_copy(from, to.st, table_done, &rep, err, sizeof(err));
	store_close(from);
	int count = 0;
	if (rc) {
		fprintf(stderr, "vertrouwd copy: %s\n", err);
	} else {
		fprintf(stderr, "Zoekindex van het doel opbouwen ...\n");
		if ((rc = search_reindex(&to, cli_progress, &count)))
			fprintf(stderr,
				"vertrouwd copy: de gegevens staan er, maar de zoekindex niet; draai 'vertrouwd "
				"reindex --db %s'\n",
				to_cfg.db);
	}
	cli_close_search(&to);
	if (rc)
		return 1;
	long long rows = 0;
	printf("%-16s %8s  %-16s %s\n", "tabel", "rijen", "controlesom", "gecontroleerd");
	for (int i = 0; i < rep.ntables; i++) {
		printf("%-16s %8lld  %016llx %s\n", rep.tables[i].table, rep.tables[i].rows, rep.tables[i].checksum,
		       rep.tables[i].verified ? "gelijk" : "VERSCHILT");
		rows += rep.tables[i].rows;
	}
	printf("Gekopieerd: %lld rijen in %d tabellen, %lld bytes aan bestanden, %d items in de zoekindex; alles "
	       "teruggelezen en gelijk.\n",
	       rows, rep.ntables, rep.file_bytes, count);
	return 0;
}
