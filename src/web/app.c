/*
 * The application: start-up state, workers, rendering with site-wide values,
 * error pages. web_init fails with a message in err and keeps nothing it
 * loaded; a worker whose store will not open is logged and not made; a render
 * that fails is logged and becomes a 500. The shared typo vocabulary follows
 * the data, and stays as it was when a rebuild fails.
 */
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <string.h>

#include "base/dates.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "html/tmpl.h"
#include "crypto/crypto.h"
#include "search/search.h"
#include "store/files.h"
#include "store/store.h"
#include "web/web.h"

static struct tmpl_set *templates;
static struct lexicon *lexicon;
/*
 * The typo vocabulary is shared by all workers. It is rebuilt (at most once a
 * minute) when the store's data changed since it was built; readers hold the
 * read lock while they use it, the swap takes the write lock.
 */
static struct speller *speller;
static long long speller_version;
static time_t speller_built;
static pthread_rwlock_t speller_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t speller_rebuild = PTHREAD_MUTEX_INITIALIZER;

#define SPELLER_WORDS	200000
#define SPELLER_MIN_AGE 60

void web_speller_acquire(struct worker *w)
{
	struct search_env *env = w->app;
	long long version;
	if (!store_data_version(w->store, &version) && version != speller_version &&
	    time(NULL) - speller_built >= SPELLER_MIN_AGE && !pthread_mutex_trylock(&speller_rebuild)) {
		struct speller *fresh = speller_build(w->store, SPELLER_WORDS);
		pthread_rwlock_wrlock(&speller_lock);
		struct speller *old = speller;
		if (fresh)
			speller = fresh;
		speller_version = version;
		speller_built = time(NULL);
		pthread_rwlock_unlock(&speller_lock);
		speller_free(fresh ? old : NULL);
		pthread_mutex_unlock(&speller_rebuild);
	}
	pthread_rwlock_rdlock(&speller_lock);
	env->speller = speller;
}

void web_speller_release(struct worker *w)
{
	((struct search_env *) w->app)->speller = NULL;
	pthread_rwlock_unlock(&speller_lock);
}

static int worker_new(const struct config *cfg, struct worker **out)
{
	char err[512];
	struct worker *w = mem_calloc(1, sizeof(*w));
	if (!w)
		return ERR_NOMEM;
	char media[PATH_MAX];
	int rc = store_open(cfg->db, &w->store, err, sizeof(err));
	if (!rc && (rc = store_set_media_dir(w->store, config_media_dir(cfg, media, sizeof(media)))))
		store_close(w->store);
	if (rc) {
		log_error("%s", err);
		mem_free(w);
		return rc;
	}
	w->templates = templates;
	struct search_env *env = mem_calloc(1, sizeof(*env));
	if (!env || !(env->stem = text_stemmer_new())) {
		mem_free(env);
		store_close(w->store);
		mem_free(w);
		return ERR_NOMEM;
	}
	env->st = w->store;
	env->lx = lexicon;
	w->app = env;
	*out = w;
	return 0;
}

static void worker_free(struct worker *w)
{
	if (!w)
		return;
	struct search_env *env = w->app;
	if (env)
		text_stemmer_free(env->stem);
	mem_free(env);
	store_close(w->store);
	mem_free(w);
}

static const struct {
	int status;
	const char *title;
	const char *text;
} errors[] = {
    {400, T_("Ongeldig verzoek"),
     T_("Het adres of formulier bevat iets wat we niet begrijpen. Controleer de link of ga terug naar de vorige "
	"pagina.")},
    {401, T_("Inloggen nodig"), T_("Voor deze pagina moet je eerst inloggen via /inloggen.")},
    {403, T_("Geen toegang"), T_("U heeft geen toegang tot deze pagina.")},
    {404, T_("Pagina niet gevonden"),
     T_("Deze pagina bestaat niet (meer). Misschien is de link verouderd of bevat het adres een typefout.")},
    {405, T_("Methode niet toegestaan"), T_("Deze pagina kan zo niet worden opgevraagd.")},
    {413, T_("Te veel gegevens"),
     T_("Het verzonden formulier of bestand is te groot. Verklein het en probeer het opnieuw.")},
    {414, T_("Adres te lang"), T_("Het adres is te lang. Gebruik minder zoek- of filtertermen.")},
    {500, T_("Er ging iets mis"), T_("Er ging aan onze kant iets mis. Probeer het over een paar minuten opnieuw.")},
    {503, T_("Even niet beschikbaar"),
     T_("De website is tijdelijk niet beschikbaar. Probeer het over een paar minuten opnieuw.")},
};

static int render_error(struct req *r, int status)
{
	size_t i = 0, n = sizeof(errors) / sizeof(errors[0]);
	while (i < n && errors[i].status != status)
		i++;
	if (i == n)
		i = status >= 500 ? 7 : 0;
	struct tval *v = tv_obj(&r->arena);
	tv_set_int(v, "status", status);
	tv_set_str(v, "title", errors[i].title);
	tv_set_str(v, "text", errors[i].text);
	if (status == 401 && r->in.path && !strncmp(r->in.path, "/postvak", 8)) {
		/* A melder has no account: their mailbox closed (signed out, or 15 idle minutes). */
		tv_set_str(v, "title", T_("Uw postvak is gesloten"));
		tv_set_str(v, "text",
			   T_("Na uitloggen of een kwartier zonder activiteit gaat het postvak dicht. Log opnieuw "
			      "in met uw ontvangstcode, onderaan de pagina van uw organisatie."));
	}
	tv_set_bool(v, "noindex", true);
	return web_render(r, "error", v) ? ERR_INVALID : 0;
}

static int data_version(struct worker *w, long long *version)
{
	return store_data_version(w->store, version);
}

static int read_begin(struct worker *w)
{
	return store_read_begin(w->store);
}

static void read_end(struct worker *w)
{
	store_read_end(w->store);
}

static int unavailable(struct worker *w)
{
	return w->store && store_unreachable(w->store);
}

static const struct http_app app = {
    .session_load = web_session_load,
    .mailbox_load = web_mailbox_load,
    .request_done = web_request_done,
    .read_begin = read_begin,
    .read_end = read_end,
    .data_version = data_version,
    .unavailable = unavailable,
    .worker_new = worker_new,
    .worker_free = worker_free,
    .render_error = render_error,
};

const struct http_app *web_app(void)
{
	static struct http_app a;
	a = app;
	a.routes = web_routes;
	a.nroutes = web_route_count;
	return &a;
}

const struct lexicon *web_lexicon(void)
{
	return lexicon;
}

int web_init(const struct config *cfg, char *err, size_t errlen)
{
	char dir[4200];
	/* A row that breaks the gate's rules never serves (the unit tests hold the table to them too). */
	if (router_check(web_routes, web_route_count, web_route_params, web_route_param_count, err, errlen))
		return ERR_INVALID;
	snprintf(dir, sizeof(dir), "%s/templates", cfg->root);
	int rc = tmpl_load_dir(dir, &templates, err, errlen);
	if (rc)
		return rc;
	snprintf(dir, sizeof(dir), "%s/security/common-passwords.txt", cfg->root);
	if (vault_start() || password_load_common(dir)) {
		snprintf(err, errlen, "%s niet te lezen / unreadable", dir);
		web_shutdown();
		return ERR_IO;
	}
	snprintf(dir, sizeof(dir), "%s/locale", cfg->root);
	if ((rc = i18n_load(dir, err, errlen))) {
		web_shutdown();
		return rc;
	}
	snprintf(dir, sizeof(dir), "%s/lexicon", cfg->root);
	rc = lexicon_load(cfg->wordlist, dir, &lexicon, err, errlen);
	if (!rc) {
		/* The typo vocabulary as the store has it at start-up. */
		struct store *st;
		char serr[512];
		if (store_open(cfg->db, &st, serr, sizeof(serr)) == 0) {
			speller = speller_build(st, SPELLER_WORDS);
			if (store_data_version(st, &speller_version))
				speller_version = -1;
			speller_built = time(NULL);
			store_close(st);
		}
		snprintf(dir, sizeof(dir), "%s/static", cfg->root);
		rc = http_static_load(dir, err, errlen);
	}
	if (rc)
		web_shutdown();
	return rc;
}

void web_shutdown(void)
{
	tmpl_set_free(templates);
	templates = NULL;
	speller_free(speller);
	speller = NULL;
	password_free_common();
	lexicon_free(lexicon);
	lexicon = NULL;
	i18n_free();
	http_static_free();
}

const char *web_lang(const struct req *r)
{
	const char *lang = req_query(r, "taal");
	if (!lang)
		lang = req_form(r, "taal");
	return lang && strlen(lang) <= 3 && i18n_has(lang) ? lang : "nl";
}

void web_lang_switch(struct req *r, struct tval *v, const char *query)
{
	static const struct {
		const char *code, *label;
	} names[] = {{"nl", "Nederlands"}, {"en", "English"}, {"pl", "Polski"}, {"tr", "Türkçe"}, {"ar", "العربية"}};
	const char *langs[I18N_MAX_LANGS + 1] = {"nl"};
	size_t n = 1 + i18n_langs(langs + 1);
	struct tval *list = tv_list(&r->arena);
	const char *now = web_lang(r);
	for (size_t i = 0; n > 1 && i < n; i++) {
		if (!strcmp(langs[i], now))
			continue;
		const char *label = langs[i];
		for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
			if (!strcmp(names[k].code, langs[i]))
				label = names[k].label;
		int nl = !strcmp(langs[i], "nl");
		struct tval *o = tv_obj(&r->arena);
		tv_set_str(o, "code", langs[i]);
		tv_set_str(o, "label", label);
		tv_set_str(o, "url",
			   arena_printf(&r->arena, "%s%s%s%s%s", r->in.path, query || !nl ? "?" : "",
					query ? query : "", query && !nl ? "&" : "",
					nl ? "" : arena_printf(&r->arena, "taal=%s", langs[i])));
		tv_push(list, o);
	}
	tv_set(v, "langs", list);
}

int web_render(struct req *r, const char *name, struct tval *data)
{
	char year[11];
	date_today(year);
	year[4] = '\0';
	tv_set_str(data, "year", year);
	const char *lang = web_lang(r);
	if (!tv_get(data, "lang", 4))
		tv_set_str(data, "lang", lang);
	tv_set_bool(data, "rtl", i18n_rtl(lang));
	if (strcmp(lang, "nl"))
		tv_set_str(data, "taal", lang);
	tv_set_str(data, "path", r->in.path);
	if (!tv_get(data, "canonical", 9)) {
		const char *page = req_query(r, "page");
		int paged = page && strcmp(page, "1");
		tv_set_str(data, "canonical",
			   arena_printf(&r->arena, "%s%s%s%s", r->cfg->base_url, r->in.path, paged ? "?page=" : "",
					paged ? page : ""));
	}
	if (!tv_get(data, "og_type", 7))
		tv_set_str(data, "og_type", "website");
	tv_set_str(data, "css_url", http_static_url("css/site.css"));
	tv_set_str(data, "logo_url", http_static_url("img/logo.svg"));
	tv_set_str(data, "icon_url", http_static_url("img/favicon.svg"));
	tv_set_str(data, "suggest_js", http_static_url("js/suggest.js"));
	if (r->arena.failed)
		return 500;
	int rc = tmpl_render(r->w->templates, name, data, &r->arena, &r->out);
	if (rc) {
		log_error("render %s: %s", name, err_str(rc));
		return 500;
	}
	return 0;
}

int web_form_render(struct req *r, const char *name, struct tval *data, int status)
{
	tv_set_str(data, "csrf", r->session->csrf);
	tv_set_bool(data, "noindex", true);
	r->page.status = status;
	return web_render(r, name, data);
}
