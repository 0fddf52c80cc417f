/*
 * vertrouwd user add|list|roles|disable|enable|totp|set-password|reset-password:
 * accounts on the command line, audited as "opdrachtregel". Returns 0, 1
 * after a Dutch message on stderr, or 2 for a usage error. Each step is its
 * own transaction: add keeps the new user even when its setup link then fails.
 */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "accounts/accounts.h"
#include "accounts/setup.h"
#include "accounts/signin.h"
#include "cli/cli.h"
#include "crypto/crypto.h"
#include "store/sessions.h"
#include "store/totp.h"
#include "store/store.h"

#define ACTOR "opdrachtregel"

int cli_start_accounts(const struct config *cfg)
{
	char path[4200];
	snprintf(path, sizeof(path), "%s/security/common-passwords.txt", cfg->root);
	if (vault_start() || password_load_common(path)) {
		fprintf(stderr, "vertrouwd: %s niet te lezen\n", path);
		return 1;
	}
	return 0;
}

int cli_demo_accounts(const struct config *cfg)
{
	struct store *st;
	if (cli_start_accounts(cfg) || cli_open_store(cfg, &st))
		return 1;
	long long id;
	const char *why = NULL;
	char recovery[VAULT_RECOVERY_TEXT];
	int rc = accounts_add(st, "demo", DEMO_EDITOR, "Demo Redacteur", ROLE_REDACTEUR, &id);
	if (!rc)
		rc = accounts_set_password(st, "demo", DEMO_EDITOR, DEMO_EDITOR_PASSWORD, &why, recovery);
	store_close(st);
	if (rc && rc != ERR_CONFLICT) {
		fprintf(stderr, "vertrouwd: demo-account niet gemaakt (%s)\n", why ? why : err_str(rc));
		return 1;
	}
	return 0;
}

/* A password from standard input: without echo on a terminal, asked twice. */
static int read_password(int from_stdin, char *out, size_t outlen)
{
	int tty = isatty(STDIN_FILENO) && !from_stdin;
	struct termios old, quiet;
	char again[256];
	for (int round = 0; round < (tty ? 2 : 1); round++) {
		char *dst = round ? again : out;
		size_t len = round ? sizeof(again) : outlen;
		if (tty) {
			fprintf(stderr, round ? "Nogmaals: " : "Nieuw wachtwoord: ");
			tcgetattr(STDIN_FILENO, &old);
			quiet = old;
			quiet.c_lflag &= ~(tcflag_t) ECHO;
			tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
		}
		char *got = fgets(dst, (int) len, stdin);
		if (tty) {
			tcsetattr(STDIN_FILENO, TCSANOW, &old);
			fputc('\n', stderr);
		}
		if (!got)
			return ERR_INVALID;
		dst[strcspn(dst, "\r\n")] = '\0';
	}
	if (tty && strcmp(out, again)) {
		fprintf(stderr, "vertrouwd: de wachtwoorden verschillen; probeer het opnieuw\n");
		vault_wipe(again, sizeof(again));
		return ERR_INVALID;
	}
	vault_wipe(again, sizeof(again));
	return 0;
}

static int list(struct store *st)
{
	struct arena a = ARENA_INIT;
	struct user *u;
	size_t n;
	int rc = store_user_list(st, &a, &u, &n);
	for (size_t i = 0; !rc && i < n; i++) {
		char roles[128];
		accounts_format_roles(u[i].roles, roles, sizeof(roles));
		printf("%-32s %-24s %-36s %s%s\n", u[i].email, u[i].name, roles[0] ? roles : "-",
		       u[i].disabled ? "geblokkeerd" : "actief", u[i].has_password ? "" : ", geen wachtwoord");
	}
	if (!rc && !n)
		printf("Nog geen gebruikers. Maak de eerste beheerder: vertrouwd user add EMAIL --name NAAM --roles "
		       "beheerder\n");
	arena_free(&a);
	return rc;
}

static int report(int rc, const char *email, const char *done)
{
	if (!rc) {
		printf("%s: %s\n", email, done);
		return 0;
	}
	fprintf(stderr, "vertrouwd: %s: %s\n", email,
		rc == ERR_NOT_FOUND  ? "geen gebruiker met dit e-mailadres (zie: vertrouwd user list)"
		: rc == ERR_CONFLICT ? "dit e-mailadres is al in gebruik"
		: rc == ERR_INVALID  ? "ongeldig e-mailadres of lege naam (gebruik --name \"Voor Achternaam\")"
				     : err_str(rc));
	return 1;
}

int cli_user(struct cli_opts *o)
{
	const char *action = o->args[0], *email = o->nargs > 1 ? o->args[1] : NULL, *bad = NULL;
	unsigned roles = 0;
	if (strcmp(action, "list") && !email) {
		fprintf(stderr, "vertrouwd: geef een e-mailadres: vertrouwd user %s EMAIL\n", action);
		return 2;
	}
	if (o->roles && accounts_parse_roles(o->roles, &roles, &bad)) {
		fprintf(stderr,
			"vertrouwd: onbekende rol '%s' (beheerder, redacteur, vertrouwenspersoon, organisatie)\n", bad);
		return 2;
	}
	struct store *st;
	if (cli_start_accounts(&o->cfg) || cli_open_store(&o->cfg, &st))
		return 1;
	int status = 0;
	if (!strcmp(action, "list")) {
		status = list(st) ? 1 : 0;
	} else if (!strcmp(action, "add") || !strcmp(action, "reset-password")) {
		long long id;
		int rc =
		    !strcmp(action, "add") ? accounts_add(st, ACTOR, email, o->name ? o->name : "", roles, &id) : 0;
		char token[TOKEN_HEX];
		if (!rc)
			rc = accounts_setup_link(st, ACTOR, email, (long long) time(NULL), token);
		if (!rc)
			printf("%s: %s\nEenmalige link om een wachtwoord%s in te stellen (24 uur geldig):\n\n  "
			       "%s/account/instellen?token=%s\n",
			       email, !strcmp(action, "add") ? "toegevoegd" : "nieuwe instellink",
			       roles & (ROLE_BEHEERDER | ROLE_VP) || !strcmp(action, "reset-password")
				   ? " (en zo nodig tweestapsverificatie)"
				   : "",
			       o->cfg.base_url, token);
		status = rc ? report(rc, email, "") : 0;
	} else if (!strcmp(action, "roles")) {
		status =
		    o->roles ? report(accounts_set_roles(st, 0, ACTOR, email, roles), email, "rollen gewijzigd") : 2;
		if (!o->roles)
			fprintf(stderr, "vertrouwd: geef de rollen met --roles, bv. --roles redacteur\n");
	} else if (!strcmp(action, "disable") || !strcmp(action, "enable")) {
		int off = !strcmp(action, "disable");
		status =
		    report(accounts_set_disabled(st, 0, ACTOR, email, off), email, off ? "geblokkeerd" : "vrijgegeven");
	} else if (!strcmp(action, "totp")) {
		struct arena a = ARENA_INIT;
		struct user u;
		char secret[TOTP_SECRET_MAX];
		int rc = store_user_find(st, &a, email, &u);
		if (!rc)
			rc = totp_new_secret(secret);
		if (!rc)
			rc = store_begin(st);
		if (!rc) {
			rc = store_user_set_totp(st, u.id, secret);
			if (!rc)
				rc = store_audit(st, ACTOR, "tweestapsverificatie ingesteld", email, "");
			rc = rc ? rc : store_commit(st);
			if (rc)
				store_rollback(st);
		}
		if (!rc) {
			printf("Tweestapsverificatie voor %s ingesteld. Voeg deze sleutel toe aan een "
			       "authenticator-app:\n\n"
			       "  %s\n\n  otpauth://totp/Vertrouwd:%s?secret=%s&issuer=Vertrouwd\n",
			       email, secret, email, secret);
		}
		vault_wipe(secret, sizeof(secret));
		arena_free(&a);
		status = rc ? report(rc, email, "") : 0;
	} else if (!strcmp(action, "set-password")) {
		char pw[256] = "";
		const char *why = NULL;
		struct arena a = ARENA_INIT;
		struct user u;
		int rc = store_user_find(st, &a, email, &u);
		arena_free(&a);
		if (!rc)
			rc = read_password(o->password_stdin, pw, sizeof(pw));
		char recovery[VAULT_RECOVERY_TEXT] = "";
		if (!rc)
			rc = accounts_set_password(st, ACTOR, email, pw, &why, recovery);
		vault_wipe(pw, sizeof(pw));
		if ((rc == ERR_INVALID || rc == ERR_CONFLICT) && why)
			fprintf(stderr, "vertrouwd: %s\n", why), status = 1;
		else
			status = report(rc, email, "wachtwoord ingesteld");
		if (!rc && *recovery)
			printf("Sleutelpaar gemaakt. Herstelsleutel (eenmalig getoond; geef hem de vertrouwenspersoon "
			       "op papier):\n  %s\n",
			       recovery);
		vault_wipe(recovery, sizeof(recovery));
	} else {
		fprintf(stderr,
			"vertrouwd: onbekende actie '%s' (add, list, roles, disable, enable, set-password, "
			"reset-password, totp)\n",
			action);
		status = 2;
	}
	store_close(st);
	password_free_common();
	return status;
}
