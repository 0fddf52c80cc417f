/*
 * The published tables as JSON, stored once when a report is released and
 * read back for every output. A cell is its count, "<5" or "x": a suppressed
 * count has no field to go in. Reading checks everything (sdc_table_check);
 * it fails with ERR_INVALID, ERR_TOO_LARGE or ERR_NOMEM and returns no table.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "reports/sdc_internal.h"

#define JSON_MAX   ((size_t) 1 << 20)
#define MAX_TABLES 32
#define MAX_TEXT   300
#define MAX_COUNT  1000000000LL
#define LOW_TEXT   "<5"
#define HIDE_TEXT  "x"
#define VERSION	   1

static json_t *strings(const char *const *s, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		if (json_array_append_new(a, json_string(s[i]))) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static json_t *cells(const struct rtable *t)
{
	json_t *rows = json_array();
	for (size_t i = 0; rows && i < t->nrows; i++) {
		json_t *row = json_array();
		for (size_t j = 0; row && j < t->ncols; j++) {
			size_t k = CELL(t, i, j);
			json_t *c = t->state[k] == CELL_VALUE
					? json_integer(t->value[k])
					: json_string(t->state[k] == CELL_LOW ? LOW_TEXT : HIDE_TEXT);
			if (json_array_append_new(row, c)) {
				json_decref(row);
				row = NULL;
			}
		}
		if (json_array_append_new(rows, row)) {
			json_decref(rows);
			rows = NULL;
		}
	}
	return rows;
}

static json_t *table(const struct rtable *t)
{
	json_t *o = json_object();
	if (o &&
	    (json_object_set_new(o, "id", json_string(t->id)) ||
	     json_object_set_new(o, "title", json_string(t->title)) ||
	     json_object_set_new(o, "rows", strings(t->rows, t->nrows)) ||
	     json_object_set_new(o, "keys", strings(t->keys, t->nrows)) ||
	     json_object_set_new(o, "cols", strings(t->cols, t->ncols)) ||
	     json_object_set_new(o, "row_totals", json_boolean(t->row_totals)) ||
	     json_object_set_new(o, "col_totals", json_boolean(t->col_totals)) ||
	     json_object_set_new(o, "multi", json_boolean(t->multi)) || json_object_set_new(o, "cells", cells(t)))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

int sdc_to_json(struct arena *a, const struct rtable *t, size_t n, char **json)
{
	json_t *doc = json_object(), *list = json_array();
	int rc = doc && list ? 0 : ERR_NOMEM;
	for (size_t i = 0; !rc && i < n; i++)
		if (json_array_append_new(list, table(&t[i])))
			rc = ERR_NOMEM;
	if (!rc && (json_object_set_new(doc, "version", json_integer(VERSION)) || json_object_set(doc, "tables", list)))
		rc = ERR_NOMEM;
	char *s = rc ? NULL : json_dumps(doc, JSON_COMPACT);
	*json = s ? arena_strdup(a, s) : NULL;
	free(s);
	json_decref(list);
	json_decref(doc);
	return *json ? 0 : ERR_NOMEM;
}

/* A string of at most MAX_TEXT bytes into the arena, or NULL (a->failed tells whether it was memory). */
static const char *text(struct arena *a, json_t *v)
{
	const char *s = json_string_value(v);
	if (!s || strlen(s) > MAX_TEXT)
		return NULL;
	return arena_strdup(a, s);
}

static const char **texts(struct arena *a, json_t *v, size_t *n)
{
	*n = json_array_size(v);
	const char **out = *n ? arena_calloc(a, *n, sizeof(*out)) : NULL;
	for (size_t i = 0; out && i < *n; i++)
		if (!(out[i] = text(a, json_array_get(v, i))))
			return NULL;
	return out;
}

static int flag(json_t *o, const char *key, int *out)
{
	json_t *v = json_object_get(o, key);
	*out = json_is_true(v);
	return json_is_boolean(v) ? 0 : ERR_INVALID;
}

static int read_cell(struct rtable *t, size_t k, json_t *c)
{
	const char *s = json_string_value(c);
	if (json_is_integer(c) && json_integer_value(c) >= 0 && json_integer_value(c) <= MAX_COUNT)
		t->state[k] = CELL_VALUE, t->value[k] = json_integer_value(c);
	else if (s && !strcmp(s, LOW_TEXT))
		t->state[k] = CELL_LOW;
	else if (s && !strcmp(s, HIDE_TEXT))
		t->state[k] = CELL_HIDDEN;
	else
		return ERR_INVALID;
	return 0;
}

static int read_table(struct arena *a, json_t *o, struct rtable *t)
{
	size_t nkeys;
	json_t *rows = json_object_get(o, "cells");
	t->id = text(a, json_object_get(o, "id"));
	t->title = text(a, json_object_get(o, "title"));
	t->rows = texts(a, json_object_get(o, "rows"), &t->nrows);
	t->keys = texts(a, json_object_get(o, "keys"), &nkeys);
	t->cols = texts(a, json_object_get(o, "cols"), &t->ncols);
	if (a->failed)
		return ERR_NOMEM;
	if (!t->id || !t->title || !t->rows || !t->keys || !t->cols || nkeys != t->nrows ||
	    json_array_size(rows) != t->nrows || t->nrows * t->ncols > (size_t) 64 * 16)
		return ERR_INVALID;
	if (flag(o, "row_totals", &t->row_totals) || flag(o, "col_totals", &t->col_totals) ||
	    flag(o, "multi", &t->multi))
		return ERR_INVALID;
	t->value = arena_calloc(a, t->nrows * t->ncols, sizeof(*t->value));
	t->state = arena_calloc(a, t->nrows * t->ncols, 1);
	if (!t->value || !t->state)
		return ERR_NOMEM;
	for (size_t i = 0; i < t->nrows; i++) {
		json_t *row = json_array_get(rows, i);
		if (json_array_size(row) != t->ncols)
			return ERR_INVALID;
		for (size_t j = 0; j < t->ncols; j++)
			if (read_cell(t, CELL(t, i, j), json_array_get(row, j)))
				return ERR_INVALID;
	}
	return sdc_table_check(t);
}

int sdc_from_json(struct arena *a, const char *json, struct rtable **out, size_t *n)
{
	*out = NULL, *n = 0;
	if (strlen(json) > JSON_MAX)
		return ERR_TOO_LARGE;
	json_t *doc = json_loads(json, JSON_REJECT_DUPLICATES, NULL);
	json_t *list = json_object_get(doc, "tables"), *version = json_object_get(doc, "version");
	size_t count = json_array_size(list);
	int rc = json_is_array(list) && json_integer_value(version) == VERSION ? 0 : ERR_INVALID;
	if (!rc && count > MAX_TABLES)
		rc = ERR_TOO_LARGE;
	struct rtable *t = rc || !count ? NULL : arena_calloc(a, count, sizeof(*t));
	if (!rc && count && !t)
		rc = ERR_NOMEM;
	for (size_t i = 0; !rc && i < count; i++)
		rc = read_table(a, json_array_get(list, i), &t[i]);
	json_decref(doc);
	if (!rc)
		*out = t, *n = count;
	return rc;
}
