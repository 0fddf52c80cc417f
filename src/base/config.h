/*
 * Configuration: defaults, then VERTROUWD_* environment variables, then flags.
 *
 * A struct config is filled once at start-up and is immutable afterwards; every
 * thread reads it without locking. The same global options exist on every
 * subcommand (--db, --listen, --threads, --root, --log-level, --body-max).
 */
#ifndef VERTROUWD_BASE_CONFIG_H
#define VERTROUWD_BASE_CONFIG_H

#include <limits.h>
#include <stddef.h>

#include "base/err.h"
#include "base/log.h"

#define CONFIG_MAX_PROXIES 16

/* An IPv4 or IPv6 address (IPv4-mapped IPv6 addresses are kept as IPv4). */
struct config_addr {
	int family; /* 4 or 6 */
	unsigned char bytes[16];
};

struct config {
	char db[1024];	    /* "sqlite:PATH" or "postgresql://..." */
	char listen[256];   /* as given, for messages */
	char base_url[512]; /* public address for links in feeds, sitemaps, canonical URLs; no trailing slash */
	char host[128];	    /* parsed from listen */
	unsigned short port;
	int threads;		 /* worker threads; 0 = one per core */
	char wordlist[PATH_MAX]; /* Dutch word list for compound splitting */
	char root[PATH_MAX];	 /* directory holding templates/, static/, demo/ */
	size_t body_max;	 /* largest accepted request body, bytes */
	size_t upload_max;	 /* largest body on upload routes (images, PDFs), bytes */
	char media[PATH_MAX];	 /* uploaded files: a directory, "db", or "" for the default */
	size_t page_cache;	 /* rendered pages kept per worker thread; 0 = off */
	int publish_interval;	 /* seconds between looks for scheduled items that are due */
	enum log_level log_level;
	/* Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (--trusted-proxy); none by default. */
	struct config_addr trusted_proxy[CONFIG_MAX_PROXIES];
	size_t ntrusted_proxy;
	char smtp[512];	     /* "smtp://host:port" (or smtps://user:pass@host) for notices; "" = none */
	char mail_from[256]; /* the notices' sender */
};

void config_defaults(struct config *cfg);
/*
 * Set one option by its long name ("db", "listen", ...). Returns 1 when the name
 * is a global option and the value was taken, 0 when the name is not a global
 * option, ERR_INVALID with a Dutch/English message in err when the value is bad.
 */
int config_set(struct config *cfg, const char *name, const char *value, char *err, size_t errlen) WUR;
/* Apply every VERTROUWD_* variable that names a global option. */
int config_from_env(struct config *cfg, char *err, size_t errlen) WUR;
/*
 * Where uploaded files go: a directory (into out), or NULL for the database.
 * The default is media/ beside a SQLite database, and the database otherwise.
 */
const char *config_media_dir(const struct config *cfg, char *out, size_t outlen);
/* Parse the n bytes at s as an IPv4 or IPv6 address; 0, or ERR_INVALID. */
int config_addr_parse(const char *s, size_t n, struct config_addr *out) WUR;
/* Whether addr is one of the trusted proxies. */
int config_proxy_trusted(const struct config *cfg, const struct config_addr *addr);
/* The help text for the global options, shared by every subcommand's --help. */
extern const char config_help[];

#endif
