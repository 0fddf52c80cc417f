/* Scheduled publishing: the server's publisher thread and the publish-due command. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>

#include "base/dates.h"
#include "base/log.h"
#include "cli/cli.h"
#include "content/content.h"
#include "search/search.h"

static struct {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	int stop, running;
	const struct config *cfg;
} pub = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void publish_now(struct search_env *env)
{
	int count = 0;
	if (content_publish_due(env->st, env, (long long) time(NULL), &count))
		log_error("geplande inhoud publiceren mislukt; volgende poging over %d s", pub.cfg->publish_interval);
	else if (count)
		log_info("%d geplande item(s) gepubliceerd", count);
}

static void *run(void *arg)
{
	struct search_env env;
	if (cli_open_search(pub.cfg, &env, 0))
		return NULL;
	pthread_mutex_lock(&pub.lock);
	while (!pub.stop) {
		pthread_mutex_unlock(&pub.lock);
		publish_now(&env);
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += pub.cfg->publish_interval;
		pthread_mutex_lock(&pub.lock);
		while (!pub.stop && pthread_cond_timedwait(&pub.wake, &pub.lock, &until) == 0)
			;
	}
	pthread_mutex_unlock(&pub.lock);
	cli_close_search(&env);
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

int publisher_start(const struct config *cfg)
{
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&pub.wake, &attr);
	pthread_condattr_destroy(&attr);
	pub.cfg = cfg;
	pub.stop = 0;
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
