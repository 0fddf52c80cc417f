/*
 * web: the handlers, one file per area, and the route table.
 *
 * A handler checks what it may, calls the domain, fills a view (html/tval.h)
 * and renders a template into r->out. It returns 0, or an HTTP status for which
 * the gate renders the Dutch error page.
 */
#ifndef VERTROUWD_WEB_WEB_H
#define VERTROUWD_WEB_WEB_H

#include "base/config.h"
#include "html/tval.h"
#include "http/http.h"
#include "store/items.h"

/* Load templates and static files under cfg->root; 0 or an error (message in err). */
int web_init(const struct config *cfg, char *err, size_t errlen) WUR;
void web_shutdown(void);
/* The application for http_serve (routes and callbacks). */
const struct http_app *web_app(void);

/* Render template name with data (site-wide values are added) into r->out; 0 or 500. */
int web_render(struct req *r, const char *name, struct tval *data);
/* The view of one item: title, url, date, categories, ... (body when with_body). */
struct tval *web_item_view(struct req *r, const struct item *it, int with_body);

/* Handlers (web/public.c). */
int web_public_home(struct req *r);
int web_public_list(struct req *r);
int web_public_item(struct req *r);
int web_healthz(struct req *r);

#endif
