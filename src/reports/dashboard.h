/*
 * dashboard: what an organisation's contact sees (issue 15): whether the
 * organisation meets what the law asks, item by item (green, orange, red, with
 * the portal page that explains it), and the self-assessment of the seven
 * actions for employers (domain.md) with a score per action and the trend
 * over the years. Never a case: only organisation facts, VP profiles and
 * what the contact declares.
 */
#ifndef VERTROUWD_REPORTS_DASHBOARD_H
#define VERTROUWD_REPORTS_DASHBOARD_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"

struct store;

enum light { LIGHT_GREEN, LIGHT_ORANGE, LIGHT_RED, LIGHT_NONE /* does not apply */ };

struct compliance_item {
	const char *title; /* "Interne meldregeling" */
	enum light light;
	const char *detail; /* what was found, and what to do */
	const char *link;   /* the portal page that explains it */
};

#define COMPLIANCE_ITEMS 6

/* The elements of an internal reporting procedure under the Wbk the contact can declare. */
struct procedure_element {
	const char *code, *label;
};
extern const struct procedure_element procedure_elements[];
extern const size_t procedure_element_count;

/* The compliance overview of org_id on today ("YYYY-MM-DD"). */
int dashboard_compliance(struct store *st, struct arena *a, long long org_id, const char *today,
			 struct compliance_item out[COMPLIANCE_ITEMS]) WUR;
/*
 * What the contact declares: the procedure's elements present (codes of
 * procedure_elements), the date of the last evaluation ("" when none) and the
 * opt-in to the public national trends. ERR_INVALID (*why) for an unknown
 * element or a bad date. Audited with actor.
 */
int dashboard_declare(struct store *st, const char *actor, long long org_id, const char *const *elements, size_t n,
		      const char *evaluated_on, int trends_public, const char *today, const char **why) WUR;
/* What was declared: whether each element of procedure_elements is (1) or is not (0). */
int dashboard_declared(struct store *st, struct arena *a, long long org_id, int present[], const char **evaluated_on,
		       int *trends_public) WUR;

/* The self-assessment: seven actions, each with statements answered ja (2), deels (1) or nee (0). */
#define SELFSCAN_ACTIONS    7
#define SELFSCAN_STATEMENTS 3
struct selfscan_action {
	const char *title;
	const char *statements[SELFSCAN_STATEMENTS];
	const char *advice; /* what to do when the score is low */
	const char *link;   /* a portal page that helps */
};
extern const struct selfscan_action selfscan_actions[SELFSCAN_ACTIONS];

/* One year's answers (0-2 each) and the score per action (0-100). */
struct selfscan {
	int year;
	int answers[SELFSCAN_ACTIONS][SELFSCAN_STATEMENTS];
	int score[SELFSCAN_ACTIONS];
};
/* Save a year's answers (each 0-2; ERR_INVALID otherwise). */
int dashboard_selfscan_save(struct store *st, long long org_id, const struct selfscan *s, long long now) WUR;
/* Every year's self-assessment of org_id, oldest first, with scores. */
int dashboard_selfscans(struct store *st, struct arena *a, long long org_id, struct selfscan **out, size_t *n) WUR;

#endif
