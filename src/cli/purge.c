/*
 * vertrouwd purge [--dry-run] [--today JJJJ-MM-DD]: destroy the closed cases
 * whose destruction date has come (retention.h), as the server does once a
 * day, or with --dry-run only list them. A line per case, then a summary.
 * Exit 0, 1 (the store failed; the cases destroyed before stay destroyed) or
 * 2 (a --today that is no date).
 */
#include <stdio.h>
#include <time.h>

#include "base/dates.h"
#include "cases/retention.h"
#include "cli/cli.h"
#include "store/store.h"

struct run {
	int dry_run;
};

static void show(void *ctx, const struct case_due *c)
{
	const struct run *r = ctx;
	printf("  zaak %lld (%s, binnengekomen %s, gesloten %s, te vernietigen op %s)%s\n", c->id, c->org, c->month,
	       c->closed_on, c->destroy_on, r->dry_run ? "" : ": vernietigd");
	fflush(stdout);
}

int cli_purge(struct cli_opts *o)
{
	long long now = (long long) time(NULL);
	char today[11];
	const char *given = cli_opt(o, "today");
	struct run r = {.dry_run = cli_opt(o, "dry-run") != NULL};
	date_local_today(now, today);
	if (given && !date_valid(given)) {
		fprintf(stderr, "vertrouwd purge: geef --today als JJJJ-MM-DD, bijvoorbeeld 2027-06-01\n");
		return 2;
	}
	if (given)
		snprintf(today, sizeof(today), "%s", given);
	struct store *st;
	if (cli_open_store(&o->cfg, &st))
		return 1;
	printf("%s: gesloten zaken met een vernietigingsdatum tot en met %s\n",
	       r.dry_run ? "Proefdraai (er verandert niets)" : "Vernietigen", today);
	int count = 0, rc = cases_purge(st, today, now, r.dry_run, show, &r, &count);
	store_close(st);
	if (rc) {
		fprintf(stderr, "vertrouwd: vernietigen mislukt na %d zaak/zaken (%s); probeer het opnieuw\n", count,
			err_str(rc));
		return 1;
	}
	if (r.dry_run)
		printf("%d %s te vernietigen; er is niets veranderd.\n", count, count == 1 ? "zaak" : "zaken");
	else
		printf("%d %s vernietigd; de statistiekregels blijven.\n", count, count == 1 ? "zaak" : "zaken");
	return 0;
}
