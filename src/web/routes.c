/*
 * The route table: every URL the server answers, with what it needs. The gate
 * (http/dispatch.c) checks the flags before a handler runs; a row without
 * flags is public.
 */
#include "web/web.h"

static const struct route routes[] = {
    {"GET", "/", ROUTE_CACHE, web_public_home},
    {"GET", "/nieuws", ROUTE_CACHE, web_public_list},
    {"GET", "/nieuws/{slug}", ROUTE_CACHE, web_public_item},
    {"GET", "/kennisartikelen", ROUTE_CACHE, web_public_list},
    {"GET", "/kennisartikelen/{slug}", ROUTE_CACHE, web_public_item},
    {"GET", "/kennisbank", ROUTE_CACHE, web_public_list},
    {"GET", "/kennisbank/{slug}", ROUTE_CACHE, web_public_item},
    {"GET", "/voor-organisaties", ROUTE_CACHE, web_public_list},
    {"GET", "/voor-organisaties/{slug}", ROUTE_CACHE, web_public_item},
    {"GET", "/downloads", ROUTE_CACHE, web_public_list},
    {"GET", "/downloads/{slug}", ROUTE_CACHE, web_public_item},
    {"GET", "/downloads/{slug}/bestand", ROUTE_CACHE, web_public_file},
    {"GET", "/categorie/{slug}", ROUTE_CACHE, web_public_category},
    {"GET", "/vind-een-vertrouwenspersoon", ROUTE_CACHE, web_public_find_vp},
    {"GET", "/feed/categorie/{slug}", ROUTE_CACHE, web_feed_category},
    {"GET", "/feed/categorie/{slug}/rss", ROUTE_CACHE, web_feed_category},
    {"GET", "/feed/{section}", ROUTE_CACHE, web_feed_section},
    {"GET", "/feed/{section}/rss", ROUTE_CACHE, web_feed_section},
    {"GET", "/zoeken", ROUTE_CACHE, web_search},
    {"GET", "/zoeken/suggest", ROUTE_CACHE, web_search_suggest},
    {"GET", "/sitemap.xml", ROUTE_CACHE, web_sitemap},
    {"GET", "/robots.txt", ROUTE_CACHE, web_robots},
    {"GET", "/inloggen", ROUTE_CSRF | ROUTE_NO_STORE, web_signin_form},
    {"POST", "/inloggen", ROUTE_CSRF | ROUTE_NO_STORE, web_signin},
    {"POST", "/uitloggen", ROUTE_SESSION | ROUTE_CSRF | ROUTE_NO_STORE, web_signout},
    {"GET", "/account", ROUTE_SESSION | ROUTE_NO_STORE, web_account},
    {"GET", "/account/instellen", ROUTE_CSRF | ROUTE_NO_STORE, web_setup_form},
    {"POST", "/account/instellen", ROUTE_CSRF | ROUTE_NO_STORE, web_setup},
    {"GET", "/account/instellen/qr.svg", ROUTE_NO_STORE, web_setup_qr},
    {"POST", "/account/overal-uitloggen", ROUTE_SESSION | ROUTE_CSRF | ROUTE_NO_STORE, web_signout},
    {"POST", "/account/herstelcodes", ROUTE_SESSION | ROUTE_CSRF | ROUTE_NO_STORE, web_recovery_codes},
    {"GET", "/redactie", ROUTE_ROLE(ROLE_REDACTEUR) | ROUTE_NO_STORE, web_cms_list},
    {"GET", "/redactie/nieuw", ROUTE_ROLE(ROLE_REDACTEUR) | ROUTE_NO_STORE, web_cms_new},
    {"GET", "/redactie/categorieen", ROUTE_ROLE(ROLE_REDACTEUR) | ROUTE_NO_STORE, web_cms_categories},
    {"POST", "/redactie/categorieen/{action}", ROUTE_ROLE(ROLE_REDACTEUR) | ROUTE_CSRF | ROUTE_NO_STORE,
     web_cms_category_change},
    {"GET", "/redactie/media", ROUTE_ROLE(ROLE_REDACTEUR) | ROUTE_NO_STORE, web_cms_media},
    {"POST", "/redactie/media", ROUTE_ROLE(ROLE_REDACTEUR) | ROUTE_CSRF | ROUTE_NO_STORE | ROUTE_UPLOAD,
     web_cms_media_upload},
    {"POST", "/redactie/media/verwijderen", ROUTE_ROLE(ROLE_REDACTEUR) | ROUTE_CSRF | ROUTE_NO_STORE,
     web_cms_media_delete},
    {"POST", "/redactie/opslaan", ROUTE_ROLE(ROLE_REDACTEUR) | ROUTE_CSRF | ROUTE_NO_STORE | ROUTE_UPLOAD,
     web_cms_save},
    {"POST", "/redactie/verwijderen", ROUTE_ROLE(ROLE_REDACTEUR) | ROUTE_CSRF | ROUTE_NO_STORE, web_cms_delete},
    {"GET", "/redactie/{type}/{slug}", ROUTE_ROLE(ROLE_REDACTEUR) | ROUTE_NO_STORE, web_cms_edit},
    {"GET", "/redactie/{type}/{slug}/versies", ROUTE_ROLE(ROLE_REDACTEUR) | ROUTE_NO_STORE, web_cms_revisions},
    {"POST", "/redactie/terugzetten", ROUTE_ROLE(ROLE_REDACTEUR) | ROUTE_CSRF | ROUTE_NO_STORE, web_cms_restore},
    {"GET", "/beheer/gebruikers", ROUTE_ROLE(ROLE_BEHEERDER) | ROUTE_NO_STORE, web_admin_users},
    {"POST", "/beheer/gebruikers", ROUTE_ROLE(ROLE_BEHEERDER) | ROUTE_CSRF | ROUTE_NO_STORE, web_admin_user_add},
    {"POST", "/beheer/gebruikers/{action}", ROUTE_ROLE(ROLE_BEHEERDER) | ROUTE_CSRF | ROUTE_NO_STORE,
     web_admin_user_change},
    {"GET", "/beheer/audit", ROUTE_ROLE(ROLE_BEHEERDER) | ROUTE_NO_STORE, web_admin_audit},
    {"GET", "/media/{name}", 0, web_media_file},
    {"GET", "/healthz", 0, web_healthz},
    {"GET", "/static/{path*}", 0, http_static_handler},
};

/* What each path parameter stands for; router_check() holds the table to it. */
static const struct route_param params[] = {
    {"slug", 0, "a public item, category or organisation, by its slug"},
    {"type", 0, "a content type"},
    {"section", 0, "a section of the portal"},
    {"action", 0, "what to do (not an object)"},
    {"name", 0, "a public media file, by its hash"},
    {"path*", 0, "a static file"},
    {"zaak", 1, "a case of one organisation"},
    {"org", 1, "an organisation, as its own staff and VPs see it"},
};

const struct route_param *web_route_params = params;
const size_t web_route_param_count = sizeof(params) / sizeof(params[0]);
const struct route *web_routes = routes;
const size_t web_route_count = sizeof(routes) / sizeof(routes[0]);
