/*
 * Scheduled work: the server's publisher thread and the publish-due command.
 * One server of a cluster does the scheduled work at a time (a lease): each
 * round it publishes what is due and sends the notices that wait, and at
 * start and then once a day (Dutch date) it destroys the cases that are due
 * and queues the deadline reminders. The thread never gives up: a database
 * that is down or a failed round is logged and tried again the next
 * interval. publish-due returns 1 on failure.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/dates.h"
#include "base/log.h"
#include "cases/cases.h"
#include "cases/retention.h"
#include "cases/work.h"
#include "mail/mail.h"
#include "cli/cli.h"
#include "content/content.h"
#include "crypto/crypto.h"
#include "search/search.h"
#include "store/schedules.h"

static struct {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	int stop, running;
	const struct config *cfg;
	const struct lexicon *lx; /* the web workers', read-only */
	char daily_done[11];	  /* the Dutch date the daily work last ran on, "" before */
} pub = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* The lease that makes one server of a cluster do the scheduled work. */
#define PUBLISH_LEASE "publicatie"

/* Notices go by mail (mail/mail.h) when --smtp names a server. */
static int send_notice(void *ctx, const char *email, int deadline)
{
	(void) ctx;
	return mail_notify(pub.cfg, email, deadline ? MAIL_DEADLINE : MAIL_NEWS);
}

/*
 * The daily work, on the first round of each Dutch day this server holds the
 * lease: destroy what is due, then queue the deadline reminders (sent by this
 * same round). Both are safe to run twice, so a lease that moves to another
 * server on the same day costs nothing but a second look.
 */
static void daily_round(struct store *st, long long now)
{
	char today[11];
	int destroyed = 0, reminded = 0;
	date_local_today(now, today);
	if (!strcmp(today, pub.daily_done))
		return;
	int rc = cases_purge(st, today, now, 0, NULL, NULL, &destroyed);
	if (!rc)
		rc = cases_remind_due(st, today, now, &reminded);
	if (rc) {
		log_error("vernietiging en termijnherinneringen mislukt (%s); volgende poging over %d s", err_str(rc),
			  pub.cfg->publish_interval);
		return;
	}
	memcpy(pub.daily_done, today, sizeof(today));
	log_info("vernietiging volgens schema: %d zaak/zaken vernietigd; %d termijnherinnering(en) klaargezet",
		 destroyed, reminded);
}

/*
 * One round: renew or take the lease (it lasts three rounds, at least 10 s,
 * so a dead holder is replaced soon), and publish what is due when held.
 */
static void publish_round(struct search_env *env, const char *me, int *held)
{
	int ttl = pub.cfg->publish_interval * 3 < 10 ? 10 : pub.cfg->publish_interval * 3, now_held = 0;
	long long now = (long long) time(NULL);
	if (store_lease_take(env->st, PUBLISH_LEASE, me, now, ttl, &now_held)) {
		log_error("publicatietaak: de database is niet bereikbaar; volgende poging over %d s",
			  pub.cfg->publish_interval);
		return;
	}
	if (now_held != *held)
		log_info(now_held ? "publicatietaak: deze server voert haar uit (lease %s)"
				  : "publicatietaak: een andere server voert haar uit (lease %s)",
			 PUBLISH_LEASE);
	*held = now_held;
	int count = 0;
	if (!now_held)
		return;
	if (content_publish_due(env->st, env, now, &count))
		log_error("geplande inhoud publiceren mislukt; volgende poging over %d s", pub.cfg->publish_interval);
	else if (count)
		log_info("%d geplande item(s) gepubliceerd", count);
	daily_round(env->st, now);
	if (cases_notify_due(env->st, *pub.cfg->smtp ? send_notice : NULL, NULL, &count))
		log_error("meldingen aan vertrouwenspersonen: de database faalde; volgende poging over %d s",
			  pub.cfg->publish_interval);
	else if (count)
		log_info("%d melding(en) zonder inhoud verstuurd", count);
}

/* Sleep one interval, or less when asked to stop; returns whether to go on. */
static int pause_round(void)
{
	struct timespec until;
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += pub.cfg->publish_interval;
	pthread_mutex_lock(&pub.lock);
	while (!pub.stop && pthread_cond_timedwait(&pub.wake, &pub.lock, &until) == 0)
		;
	int go_on = !pub.stop;
	pthread_mutex_unlock(&pub.lock);
	return go_on;
}

static void *run(void *arg)
{
	unsigned char id[8];
	char me[2 * sizeof(id) + 1];
	vault_random(id, sizeof(id));
	for (size_t i = 0; i < sizeof(id); i++)
		snprintf(me + 2 * i, 3, "%02x", id[i]);
	struct search_env env = {0};
	int held = 0, open = 0;
	do {
		/* A database that is down at start-up is tried again each round. */
		if (!open && !(open = !cli_open_search_with(pub.cfg, pub.lx, &env, 0)))
			log_warn("publicatietaak: geen verbinding met de database; volgende poging over %d s",
				 pub.cfg->publish_interval);
		if (open)
			publish_round(&env, me, &held);
	} while (pause_round());
	if (open) {
		env.lx = NULL; /* the web workers' */
		cli_close_search(&env);
	}
	return NULL;
}

int cli_publish_due(struct cli_opts *o)
{
	long long now = (long long) time(NULL);
	if (o->at && date_local_parse(o->at, &now)) {
		fprintf(stderr,
			"vertrouwd publish-due: geef --at als JJJJ-MM-DDTUU:MM, bijvoorbeeld 2026-12-01T09:00\n");
		return 2;
	}
	struct search_env env;
	if (cli_open_search(&o->cfg, &env, 0))
		return 1;
	int count = 0, rc = content_publish_due(env.st, &env, now, &count);
	cli_close_search(&env);
	if (rc) {
		fprintf(stderr, "vertrouwd: publiceren mislukt (%s); probeer het opnieuw\n", err_str(rc));
		return 1;
	}
	printf("%d geplande item(s) gepubliceerd.\n", count);
	return 0;
}

int publisher_start(const struct config *cfg, const struct lexicon *lx)
{
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&pub.wake, &attr);
	pthread_condattr_destroy(&attr);
	pub.cfg = cfg;
	pub.lx = lx;
	pub.stop = 0;
	pub.daily_done[0] = '\0';
	/* Signals stay with the server's main thread, which waits for them. */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	pub.running = pthread_create(&pub.thread, NULL, run, NULL) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return pub.running ? 0 : ERR_NOMEM;
}

void publisher_stop(void)
{
	if (!pub.running)
		return;
	pthread_mutex_lock(&pub.lock);
	pub.stop = 1;
	pthread_cond_signal(&pub.wake);
	pthread_mutex_unlock(&pub.lock);
	pthread_join(pub.thread, NULL);
	pthread_cond_destroy(&pub.wake);
	pub.running = 0;
}
