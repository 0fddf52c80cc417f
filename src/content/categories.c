/*
 * Category management from the editor (content.h): add, rename, merge, delete
 * when empty, each in one audited transaction that any error rolls back. The
 * errors an editor can fix (ERR_INVALID, ERR_CONFLICT, ERR_NOT_FOUND) come
 * with a Dutch *why; ERR_DB comes without one.
 */
#include <stdio.h>
#include <string.h>

#include "base/slug.h"
#include "content/content.h"
#include "store/store.h"
#include "store/users.h"

static int check_name(const char *name, char slug[SLUG_MAX + 1], const char **why)
{
	if (!name || !*name || strlen(name) > 80 || slug_make(name, slug, SLUG_MAX + 1))
		return *why = "Geef een naam van hoogstens 80 tekens, met letters of cijfers.", ERR_INVALID;
	return 0;
}

static int exists(struct store *st, const char *slug)
{
	struct arena a = ARENA_INIT;
	struct item_category c;
	int rc = slug ? store_category_find(st, &a, slug, &c) : ERR_NOT_FOUND;
	arena_free(&a);
	return rc == 0;
}

int content_category_change(struct store *st, const char *actor, const char *action, const char *slug,
			    const char *value, const char **why)
{
	char made[SLUG_MAX + 1];
	int rc = store_begin(st);
	if (rc)
		return rc;
	if (!strcmp(action, "nieuw")) {
		rc = check_name(value, made, why);
		if (!rc && (rc = store_category_add(st, made, value)) == ERR_CONFLICT)
			*why = "Er is al een categorie met (bijna) deze naam.";
		slug = made;
	} else if (!exists(st, slug)) {
		*why = "Deze categorie bestaat niet (meer).";
		rc = ERR_NOT_FOUND;
	} else if (!strcmp(action, "hernoemen")) {
		rc = check_name(value, made, why);
		if (!rc)
			rc = store_category_rename(st, slug, value);
	} else if (!strcmp(action, "samenvoegen")) {
		if (!exists(st, value) || !strcmp(slug, value))
			*why = "Kies een andere, bestaande categorie om mee samen te voegen.", rc = ERR_INVALID;
		else
			rc = store_category_merge(st, slug, value);
	} else if (!strcmp(action, "verwijderen")) {
		if ((rc = store_category_delete(st, slug)) == ERR_CONFLICT)
			*why = "Deze categorie wordt nog gebruikt; voeg haar samen met een andere of haal de inhoud "
			       "eruit.";
	} else {
		rc = ERR_NOT_FOUND;
	}
	if (!rc) {
		char object[200], what[64];
		snprintf(object, sizeof(object), "categorie/%s", slug);
		snprintf(what, sizeof(what), "categorie %s", action);
		rc = store_audit(st, actor, what, object, value ? value : "");
	}
	if (!rc)
		rc = store_commit(st);
	if (rc)
		store_rollback(st);
	return rc;
}
