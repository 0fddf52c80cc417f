/*
 * reports: the anonymised annual report of an organisation (issue 15), built
 * only from the coarse columns of its cases, released once by its VPs and
 * then fixed: the web page, the PDF, the CSV and JSON exports and next year's
 * comparison all read the published tables stored at release.
 */
#ifndef VERTROUWD_REPORTS_REPORTS_H
#define VERTROUWD_REPORTS_REPORTS_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/reports.h"

struct store;

/* The released reports of org_id, oldest first (org_id 0: those of every organisation that opted in to trends). */
int reports_released(struct store *st, struct arena *a, long long org_id, struct annual_report **out, size_t *n) WUR;

#endif
