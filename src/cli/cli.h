/*
 * cli: the bodies of the subcommands main.c dispatches to. Each returns the
 * process exit status (0 ok, 1 failed) and prints Dutch messages.
 */
#ifndef VERTROUWD_CLI_CLI_H
#define VERTROUWD_CLI_CLI_H

#include "base/config.h"

struct store;
struct search_env;
struct lexicon;

#define CLI_MAX_OPTS 24

struct cli_opts {
	struct config cfg;
	int demo;	    /* init --demo */
	int json;	    /* --json output */
	int password_stdin; /* user set-password --password-stdin */
	const char *name;   /* user add --name */
	const char *roles;  /* user add|roles --roles */
	const char *at;	    /* publish-due --at */
	int force;	    /* restore --force */
	const char *to;	    /* copy --to */
	const char *const *args;
	int nargs;
	const char *opts[CLI_MAX_OPTS][2]; /* a command's own options and flags (flags have "1"), as given */
	int nopts;
};

/* The value of a command's own option or flag (the last given), or NULL. */
const char *cli_opt(const struct cli_opts *o, const char *name);

int cli_serve(struct cli_opts *o);
int cli_init(struct cli_opts *o);
int cli_migrate(struct cli_opts *o);
int cli_import(struct cli_opts *o);
int cli_export(struct cli_opts *o);
int cli_search(struct cli_opts *o);
int cli_analyze(struct cli_opts *o);
int cli_reindex(struct cli_opts *o);
int cli_user(struct cli_opts *o);
int cli_publish_due(struct cli_opts *o);
int cli_backup(struct cli_opts *o);
int cli_restore(struct cli_opts *o);
int cli_copy(struct cli_opts *o);
int cli_org(struct cli_opts *o);
int cli_purge(struct cli_opts *o);

/* Shared by the commands (cli/env.c). */
int cli_open_store(const struct config *cfg, struct store **st);
/* Open the store and the analyzer (and the speller when asked); message on failure. */
int cli_open_search(const struct config *cfg, struct search_env *env, int speller);
/* The same with a lexicon that is loaded already and stays its owner's: clear env->lx before closing. */
int cli_open_search_with(const struct config *cfg, const struct lexicon *lx, struct search_env *env, int speller);
void cli_close_search(struct search_env *env);
void cli_progress(int done, int total);
/* The demo's editor account (init --demo only; never in a real database): redacteur, no second factor. */
#define DEMO_EDITOR	     "redactie@demo.vertrouwd.example"
#define DEMO_EDITOR_PASSWORD "demo-redactie-wachtwoord"
int cli_demo_accounts(const struct config *cfg);
/* The demo's organisations and VPs (cli/demo.c): fixed sign-in details, for the demo only. */
#define DEMO_VP_INTERN	      "ilse@demo.vertrouwd.example"
#define DEMO_VP_EXTERN	      "erik@demo.vertrouwd.example"
#define DEMO_VP_PASSWORD      "demo-vertrouwenspersoon-wachtwoord"
#define DEMO_VP_TOTP	      "5OYNFGIDSS6BTUY7TQCQZZFLAZGGLRYC"
#define DEMO_CONTACT	      "hr@demo.vertrouwd.example"
#define DEMO_CONTACT_PASSWORD "demo-organisatie-wachtwoord"
int cli_demo_orgs(const struct config *cfg);
/* Load what password checks need (the common-password list); 1 after a message. */
int cli_start_accounts(const struct config *cfg);
/* Start and stop the thread that publishes scheduled items every cfg->publish_interval seconds. */
int publisher_start(const struct config *cfg, const struct lexicon *lx);
void publisher_stop(void);

#endif
