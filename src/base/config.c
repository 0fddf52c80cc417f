/*
 * Reading the configuration (config.h): defaults, then VERTROUWD_* variables
 * and --flags, all through config_set. A bad value is ERR_INVALID with a Dutch
 * and English message in err naming the option (and the variable); the
 * command stops there, as the field may already hold part of the bad value.
 */
#include "base/config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char config_help[] =
    "Algemene opties / global options (ook als omgevingsvariabele / also as environment variable):\n"
    "  --db DSN          VERTROUWD_DB        opslag / store: sqlite:PAD of postgresql://...\n"
    "                                        (standaard: sqlite:data/vertrouwd.db)\n"
    "  --listen ADRES    VERTROUWD_LISTEN    adres:poort / address:port (standaard: 127.0.0.1:8080)\n"
    "  --threads N       VERTROUWD_THREADS   werkthreads / worker threads (standaard: aantal cores)\n"
    "  --root MAP        VERTROUWD_ROOT      map met templates/, static/, demo/ (standaard: .)\n"
    "  --log-level NIV   VERTROUWD_LOG_LEVEL debug, info, warn, error (standaard: info)\n"
    "  --body-max BYTES  VERTROUWD_BODY_MAX  grootste verzoek / largest request body (standaard: 1048576)\n"
    "  --upload-max BYTES VERTROUWD_UPLOAD_MAX grootste upload (afbeelding, PDF) / largest upload (standaard: "
    "10485760)\n"
    "  --media PLAATS    VERTROUWD_MEDIA     map voor geüploade bestanden, of 'db' voor in de database\n"
    "                    / directory for uploaded files, or 'db' (standaard: media/ naast de SQLite-database)\n"
    "  --base-url URL    VERTROUWD_BASE_URL  publiek adres voor feeds en sitemap (standaard: http://ADRES)\n"
    "  --page-cache N    VERTROUWD_PAGE_CACHE pagina's in het geheugen per thread, 0 = uit (standaard: 512)\n"
    "  --wordlist PAD    VERTROUWD_WORDLIST  Nederlandse woordenlijst (standaard: /usr/share/dict/dutch)\n"
    "  --publish-interval S VERTROUWD_PUBLISH_INTERVAL seconden tussen controles op geplande inhoud (standaard: 30)\n"
    "  --trusted-proxy ADRES[,ADRES...] VERTROUWD_TRUSTED_PROXY reverse proxy's waarvan X-Forwarded-For en\n"
    "                    X-Forwarded-Proto geloofd worden / proxies trusted for those headers (standaard: geen)\n"
    "  --smtp URL        VERTROUWD_SMTP      mailserver voor meldingen zonder inhoud aan vertrouwenspersonen,\n"
    "                    smtp://host:poort / notices to VPs (standaard: geen)\n"
    "  --mail-from ADRES VERTROUWD_MAIL_FROM afzender van die meldingen (standaard: vertrouwd@localhost)\n";

void config_defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	snprintf(cfg->db, sizeof(cfg->db), "sqlite:data/vertrouwd.db");
	snprintf(cfg->listen, sizeof(cfg->listen), "127.0.0.1:8080");
	snprintf(cfg->host, sizeof(cfg->host), "127.0.0.1");
	snprintf(cfg->base_url, sizeof(cfg->base_url), "http://127.0.0.1:8080");
	cfg->port = 8080;
	snprintf(cfg->root, sizeof(cfg->root), ".");
	cfg->body_max = 1 << 20;
	cfg->upload_max = 10 << 20;
	cfg->page_cache = 512;
	cfg->publish_interval = 30;
	snprintf(cfg->wordlist, sizeof(cfg->wordlist), "/usr/share/dict/dutch");
	cfg->log_level = LOG_INFO;
	snprintf(cfg->mail_from, sizeof(cfg->mail_from), "vertrouwd@localhost");
}

static int parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		return ERR_INVALID;
	*out = v;
	return 0;
}

static int parse_listen(struct config *cfg, const char *v)
{
	const char *colon = strrchr(v, ':');
	if (!colon)
		return ERR_INVALID;
	size_t hlen = (size_t) (colon - v);
	const char *h = v;
	if (hlen >= 2 && h[0] == '[' && h[hlen - 1] == ']') {
		h++;
		hlen -= 2;
	}
	if (hlen >= sizeof(cfg->host))
		return ERR_INVALID;
	long port;
	if (parse_long(colon + 1, 1, 65535, &port))
		return ERR_INVALID;
	memcpy(cfg->host, h, hlen);
	cfg->host[hlen] = '\0';
	if (!hlen)
		snprintf(cfg->host, sizeof(cfg->host), "0.0.0.0");
	cfg->port = (unsigned short) port;
	snprintf(cfg->listen, sizeof(cfg->listen), "%s", v);
	return 0;
}

int config_addr_parse(const char *s, size_t n, struct config_addr *out)
{
	char tmp[INET6_ADDRSTRLEN + 1];
	if (n == 0 || n >= sizeof(tmp))
		return ERR_INVALID;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	memset(out, 0, sizeof(*out));
	if (inet_pton(AF_INET, tmp, out->bytes) == 1) {
		out->family = 4;
		return 0;
	}
	if (inet_pton(AF_INET6, tmp, out->bytes) != 1)
		return ERR_INVALID;
	static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	if (!memcmp(out->bytes, mapped, sizeof(mapped))) {
		memmove(out->bytes, out->bytes + 12, 4);
		memset(out->bytes + 4, 0, 12);
		out->family = 4;
	} else {
		out->family = 6;
	}
	return 0;
}

int config_proxy_trusted(const struct config *cfg, const struct config_addr *addr)
{
	for (size_t i = 0; i < cfg->ntrusted_proxy; i++)
		if (cfg->trusted_proxy[i].family == addr->family &&
		    !memcmp(cfg->trusted_proxy[i].bytes, addr->bytes, addr->family == 4 ? 4 : 16))
			return 1;
	return 0;
}

/* "ADDR[,ADDR...]" into cfg->trusted_proxy; "" or "none" trusts no proxy. */
static int parse_proxies(struct config *cfg, const char *v)
{
	cfg->ntrusted_proxy = 0;
	if (!strcmp(v, "none"))
		return 0;
	for (const char *p = v; *p;) {
		size_t n = strcspn(p, ",");
		while (n && p[n - 1] == ' ')
			n--;
		if (cfg->ntrusted_proxy == CONFIG_MAX_PROXIES ||
		    config_addr_parse(p, n, &cfg->trusted_proxy[cfg->ntrusted_proxy++]))
			return ERR_INVALID;
		p += strcspn(p, ",");
		p += *p == ',';
		while (*p == ' ')
			p++;
	}
	return 0;
}

static int copy(char *dst, size_t n, const char *v)
{
	if (strlen(v) >= n || !*v)
		return ERR_INVALID;
	memcpy(dst, v, strlen(v) + 1);
	return 0;
}

int config_set(struct config *cfg, const char *name, const char *value, char *err, size_t errlen)
{
	long n;
	int rc;
	if (!strcmp(name, "db")) {
		rc = copy(cfg->db, sizeof(cfg->db), value);
		if (!rc && strncmp(value, "sqlite:", 7) && strncmp(value, "postgresql://", 13))
			rc = ERR_INVALID;
	} else if (!strcmp(name, "listen")) {
		/* The public address follows --listen unless it was set on its own. */
		int derived = !strncmp(cfg->base_url, "http://", 7) && !strcmp(cfg->base_url + 7, cfg->listen);
		rc = parse_listen(cfg, value);
		if (!rc && derived)
			snprintf(cfg->base_url, sizeof(cfg->base_url), "http://%s", cfg->listen);
	} else if (!strcmp(name, "threads")) {
		rc = parse_long(value, 0, 1024, &n);
		if (!rc)
			cfg->threads = (int) n;
	} else if (!strcmp(name, "root")) {
		rc = copy(cfg->root, sizeof(cfg->root), value);
	} else if (!strcmp(name, "log-level")) {
		rc = log_parse_level(value, &cfg->log_level);
	} else if (!strcmp(name, "wordlist")) {
		rc = copy(cfg->wordlist, sizeof(cfg->wordlist), value);
	} else if (!strcmp(name, "page-cache")) {
		rc = parse_long(value, 0, 100000, &n);
		if (!rc)
			cfg->page_cache = (size_t) n;
	} else if (!strcmp(name, "publish-interval")) {
		rc = parse_long(value, 1, 3600, &n);
		if (!rc)
			cfg->publish_interval = (int) n;
	} else if (!strcmp(name, "base-url")) {
		rc = copy(cfg->base_url, sizeof(cfg->base_url), value);
		size_t len = strlen(cfg->base_url);
		if (!rc && strncmp(value, "http://", 7) && strncmp(value, "https://", 8))
			rc = ERR_INVALID;
		while (!rc && len > 8 && cfg->base_url[len - 1] == '/')
			cfg->base_url[--len] = '\0';
	} else if (!strcmp(name, "upload-max")) {
		rc = parse_long(value, 1024, 1L << 30, &n);
		if (!rc)
			cfg->upload_max = (size_t) n;
	} else if (!strcmp(name, "media")) {
		rc = *value ? copy(cfg->media, sizeof(cfg->media), value) : ERR_INVALID;
	} else if (!strcmp(name, "smtp")) {
		rc = strncmp(value, "smtp://", 7) && strncmp(value, "smtps://", 8)
			 ? ERR_INVALID
			 : copy(cfg->smtp, sizeof(cfg->smtp), value);
	} else if (!strcmp(name, "mail-from")) {
		rc = strchr(value, '@') ? copy(cfg->mail_from, sizeof(cfg->mail_from), value) : ERR_INVALID;
	} else if (!strcmp(name, "trusted-proxy")) {
		rc = parse_proxies(cfg, value);
	} else if (!strcmp(name, "body-max")) {
		rc = parse_long(value, 1024, 1L << 30, &n);
		if (!rc)
			cfg->body_max = (size_t) n;
	} else {
		return 0;
	}
	if (rc) {
		snprintf(err, errlen,
			 "ongeldige waarde voor --%s: '%s' / invalid value for --%s "
			 "(zie --help / see --help)",
			 name, value, name);
		return ERR_INVALID;
	}
	return 1;
}

int config_from_env(struct config *cfg, char *err, size_t errlen)
{
	static const char *const names[] = {"db",	  "listen",   "threads",       "root",	   "log-level",
					    "body-max",	  "base-url", "page-cache",    "wordlist", "publish-interval",
					    "upload-max", "media",    "trusted-proxy", "smtp",	   "mail-from"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char var[64] = "VERTROUWD_";
		size_t k = strlen(var);
		for (const char *p = names[i]; *p && k < sizeof(var) - 1; p++)
			var[k++] = *p == '-' ? '_' : (char) toupper((unsigned char) *p);
		var[k] = '\0';
		const char *v = getenv(var);
		if (v && *v) {
			int rc = config_set(cfg, names[i], v, err, errlen);
			if (rc < 0) {
				size_t used = strlen(err);
				snprintf(err + used, errlen - used, " [%s]", var);
				return rc;
			}
		}
	}
	return 0;
}

const char *config_media_dir(const struct config *cfg, char *out, size_t outlen)
{
	if (!strcmp(cfg->media, "db"))
		return NULL;
	if (*cfg->media) {
		snprintf(out, outlen, "%s", cfg->media);
		return out;
	}
	if (strncmp(cfg->db, "sqlite:", 7))
		return NULL; /* a shared database: keep files in it, where every server can reach them */
	const char *path = cfg->db + 7;
	const char *slash = strrchr(path, '/');
	snprintf(out, outlen, "%.*smedia", slash ? (int) (slash - path + 1) : 0, path);
	return out;
}
