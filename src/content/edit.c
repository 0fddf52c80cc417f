/*
 * Saving, scheduled publishing and deleting content (content.h): each change
 * is checked, revised, indexed and audited in one transaction, and any error
 * rolls all of it back. What an editor can fix is ERR_INVALID (ERR_CONFLICT
 * for a taken address) with a Dutch *why. content_publish_due stops at the
 * first error; the items it published before that stay published.
 */
#include <stdio.h>
#include <string.h>

#include "base/dates.h"
#include "base/slug.h"
#include "content/content.h"
#include "search/search.h"
#include "store/schedules.h"
#include "store/search.h"
#include "store/store.h"
#include "store/users.h"

static int check(const struct item *it, const char **why)
{
	if (!content_type_find(it->type))
		return *why = "Kies een soort inhoud.", ERR_INVALID;
	if (!it->title || !*it->title || strlen(it->title) > 300)
		return *why = "Geef een titel van hoogstens 300 tekens.", ERR_INVALID;
	if (!it->published || !date_valid(it->published))
		return *why = "Geef een geldige datum (JJJJ-MM-DD).", ERR_INVALID;
	if (!it->status || !content_status_valid(it->status))
		return *why = "Kies een status: concept, gepland, gepubliceerd of gearchiveerd.", ERR_INVALID;
	if (!strcmp(it->status, "gepland") && it->publish_at <= 0)
		return *why = "Geef bij de status gepland een datum en tijd van publicatie.", ERR_INVALID;
	if (!it->ncategories)
		return *why = "Geef minstens één categorie.", ERR_INVALID;
	if (it->image && *it->image && (it->image[0] != '/' || it->image[1] == '/' || strlen(it->image) > 300))
		return *why = "Een afbeelding moet van deze site komen (een adres dat met /media/ begint): upload haar "
			      "bij Afbeelding of in de mediabibliotheek.",
		       ERR_INVALID;
	if (it->image && *it->image && (!it->image_alt || !*it->image_alt))
		return *why = "Beschrijf wat er op de afbeelding staat, voor wie haar niet kan zien.", ERR_INVALID;
	if (!it->slug || !slug_valid(it->slug))
		return *why = "Het adres mag alleen kleine letters, cijfers en streepjes bevatten.", ERR_INVALID;
	return 0;
}

int content_save(struct store *st, struct search_env *search, const char *actor, struct item *it, const char *old_slug,
		 long long *id, const char **why)
{
	int rc = check(it, why);
	if (rc)
		return rc;
	struct buf snapshot = BUF_INIT(16 << 20);
	it->keep_file = 1;
	rc = store_begin(st);
	if (!rc && old_slug && *old_slug && strcmp(old_slug, it->slug)) {
		rc = store_item_rename(st, it->type, old_slug, it->slug);
		if (rc == ERR_CONFLICT)
			*why = "Er is al inhoud van deze soort met dit adres. Kies een ander adres.";
	}
	if (!rc)
		rc = store_item_save(st, it, id);
	if (!rc) {
		it->id = *id;
		rc = content_to_markdown(it, &snapshot);
	}
	if (!rc)
		rc = store_schedule_set(st, *id, strcmp(it->status, "gepland") ? 0 : it->publish_at);
	if (!rc)
		rc = store_revision_add(st, *id, actor, snapshot.ptr);
	if (!rc && search)
		rc = search_index_item(search, it);
	if (!rc) {
		char object[200];
		snprintf(object, sizeof(object), "%s/%s", it->type, it->slug);
		rc = store_audit(st, actor, old_slug && *old_slug ? "inhoud bewerkt" : "inhoud toegevoegd", object,
				 it->status);
	}
	if (!rc)
		rc = store_commit(st);
	if (rc)
		store_rollback(st);
	buf_free(&snapshot);
	return rc;
}

/* Claims and publishes one due item in its own transaction; ERR_NOT_FOUND when none is due. */
static int publish_one(struct store *st, struct search_env *search, long long now)
{
	struct arena a = ARENA_INIT;
	struct schedule_claim c;
	struct item it;
	char today[11], object[200];
	date_local_today(now, today);
	int rc = store_begin(st);
	if (!rc)
		rc = store_schedule_claim(st, &a, now, today, &c);
	if (!rc && search)
		rc = store_item_get(st, &a, c.type, c.slug, &it);
	if (!rc && search)
		rc = search_index_item(search, &it);
	if (!rc) {
		snprintf(object, sizeof(object), "%s/%s", c.type, c.slug);
		rc = store_audit(st, "systeem", "inhoud gepubliceerd volgens planning", object, today);
	}
	if (!rc)
		rc = store_commit(st);
	if (rc)
		store_rollback(st);
	arena_free(&a);
	return rc;
}

int content_publish_due(struct store *st, struct search_env *search, long long now, int *count)
{
	int rc;
	*count = 0;
	while (!(rc = publish_one(st, search, now)))
		++*count;
	return rc == ERR_NOT_FOUND ? 0 : rc;
}

int content_delete(struct store *st, const char *actor, const char *type, const char *slug)
{
	long long id;
	char object[200];
	snprintf(object, sizeof(object), "%s/%s", type, slug);
	int rc = store_begin(st);
	if (!rc)
		rc = store_item_delete(st, type, slug, &id);
	if (!rc)
		rc = store_search_remove(st, id);
	if (!rc)
		rc = store_audit(st, actor, "inhoud verwijderd", object, "");
	if (!rc)
		rc = store_commit(st);
	if (rc)
		store_rollback(st);
	return rc;
}
