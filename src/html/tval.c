/*
 * Template values (tval.h), all in one arena. Builders return NULL when the
 * arena is full (its sticky `failed` flag is then set); setters and tv_push
 * ignore a NULL object or value, so a failed build shows up once, as
 * arena.failed, before rendering.
 */
#include "html/tval.h"

#include <string.h>

static struct tval *make(struct arena *a, enum tval_type t)
{
	struct tval *v = arena_calloc(a, 1, sizeof(*v));
	if (v) {
		v->type = t;
		v->arena = a;
	}
	return v;
}

struct tval *tv_strn(struct arena *a, const char *s, size_t n)
{
	if (!s)
		return make(a, TV_NULL);
	struct tval *v = make(a, TV_STR);
	char *copy = arena_strndup(a, s, n);
	if (!v || !copy)
		return NULL;
	v->u.str.s = copy;
	v->u.str.len = n;
	return v;
}

struct tval *tv_str(struct arena *a, const char *s)
{
	return tv_strn(a, s, s ? strlen(s) : 0);
}

struct tval *tv_html_internal(struct arena *a, const char *html, size_t n)
{
	struct tval *v = tv_strn(a, html, n);
	if (v)
		v->type = TV_HTML;
	return v;
}

struct tval *tv_int(struct arena *a, long long i)
{
	struct tval *v = make(a, TV_INT);
	if (v)
		v->u.i = i;
	return v;
}

struct tval *tv_bool(struct arena *a, bool b)
{
	struct tval *v = make(a, TV_BOOL);
	if (v)
		v->u.b = b;
	return v;
}

struct tval *tv_list(struct arena *a)
{
	return make(a, TV_LIST);
}

struct tval *tv_obj(struct arena *a)
{
	return make(a, TV_OBJ);
}

void tv_set(struct tval *obj, const char *key, struct tval *v)
{
	if (!obj || obj->type != TV_OBJ || !v || !key)
		return;
	for (size_t i = 0; i < obj->u.obj.n; i++)
		if (!strcmp(obj->u.obj.fields[i].key, key)) {
			obj->u.obj.fields[i].val = v;
			return;
		}
	struct tfield *f = arena_grow(obj->arena, obj->u.obj.fields, obj->u.obj.n, &obj->u.obj.cap, sizeof(*f));
	if (!f)
		return;
	obj->u.obj.fields = f;
	f[obj->u.obj.n].key = key;
	f[obj->u.obj.n].val = v;
	obj->u.obj.n++;
}

void tv_set_str(struct tval *obj, const char *key, const char *s)
{
	if (obj)
		tv_set(obj, key, tv_str(obj->arena, s));
}

void tv_set_int(struct tval *obj, const char *key, long long i)
{
	if (obj)
		tv_set(obj, key, tv_int(obj->arena, i));
}

void tv_set_bool(struct tval *obj, const char *key, bool b)
{
	if (obj)
		tv_set(obj, key, tv_bool(obj->arena, b));
}

void tv_push(struct tval *list, struct tval *v)
{
	if (!list || list->type != TV_LIST || !v)
		return;
	struct tval **items =
	    arena_grow(list->arena, list->u.list.items, list->u.list.n, &list->u.list.cap, sizeof(*items));
	if (!items)
		return;
	list->u.list.items = items;
	items[list->u.list.n++] = v;
}

struct tval *tv_get(const struct tval *obj, const char *key, size_t keylen)
{
	if (!obj || obj->type != TV_OBJ)
		return NULL;
	for (size_t i = 0; i < obj->u.obj.n; i++) {
		const char *k = obj->u.obj.fields[i].key;
		if (strlen(k) == keylen && !memcmp(k, key, keylen))
			return obj->u.obj.fields[i].val;
	}
	return NULL;
}

bool tv_truthy(const struct tval *v)
{
	if (!v)
		return false;
	switch (v->type) {
	case TV_NULL: return false;
	case TV_STR:
	case TV_HTML: return v->u.str.len > 0;
	case TV_INT: return v->u.i != 0;
	case TV_BOOL: return v->u.b;
	case TV_LIST: return v->u.list.n > 0;
	case TV_OBJ: return true;
	}
	return false;
}
