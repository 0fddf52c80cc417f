/*
 * The route table: every URL the server answers, with what it needs. The gate
 * (http/dispatch.c) checks the flags before a handler runs; a row without
 * flags is public.
 */
#include "web/web.h"

static const struct route routes[] = {
    {"GET", "/", 0, web_public_home},
    {"GET", "/nieuws", 0, web_public_list},
    {"GET", "/nieuws/{slug}", 0, web_public_item},
    {"GET", "/kennisartikelen", 0, web_public_list},
    {"GET", "/kennisartikelen/{slug}", 0, web_public_item},
    {"GET", "/kennisbank", 0, web_public_list},
    {"GET", "/kennisbank/{slug}", 0, web_public_item},
    {"GET", "/voor-organisaties", 0, web_public_list},
    {"GET", "/voor-organisaties/{slug}", 0, web_public_item},
    {"GET", "/downloads", 0, web_public_list},
    {"GET", "/downloads/{slug}", 0, web_public_item},
    {"GET", "/downloads/{slug}/bestand", 0, web_public_file},
    {"GET", "/categorie/{slug}", 0, web_public_category},
    {"GET", "/vind-een-vertrouwenspersoon", 0, web_public_find_vp},
    {"GET", "/feed/categorie/{slug}", 0, web_feed_category},
    {"GET", "/feed/categorie/{slug}/rss", 0, web_feed_category},
    {"GET", "/feed/{section}", 0, web_feed_section},
    {"GET", "/feed/{section}/rss", 0, web_feed_section},
    {"GET", "/sitemap.xml", 0, web_sitemap},
    {"GET", "/robots.txt", 0, web_robots},
    {"GET", "/healthz", 0, web_healthz},
    {"GET", "/static/{path*}", 0, http_static_handler},
};

const struct route *web_routes = routes;
const size_t web_route_count = sizeof(routes) / sizeof(routes[0]);
