/*
 * The audit's linear programs on GLPK (sdc_internal.h). One glp_prob per
 * caller, deleted by sdc_lp_close; GLPK's terminal output is switched off at
 * each open, and sdc_lp_done frees the thread's GLPK state. Our own memory
 * comes from mem_*; GLPK's own allocations abort on failure (it has no error
 * return), and the problems here are a few hundred numbers.
 */
#include <glpk.h>
#include <math.h>

#include "base/mem.h"
#include "reports/sdc_internal.h"

struct sdc_lp {
	glp_prob *p;
	const struct rtable *t;
	glp_smcp parm;
};

/* The equations of an additive table: each row with a total, then each column with one. */
static size_t lines_of(const struct rtable *t)
{
	if (t->multi)
		return 0;
	return (t->row_totals ? t->nrows : 0) + (t->col_totals ? t->ncols : 0);
}

/* Load the equations: row lines first (GLPK rows 1..), then column lines. */
static int load_lines(struct sdc_lp *lp)
{
	const struct rtable *t = lp->t;
	size_t nlines = lines_of(t), ne = 0, line = 0;
	if (!nlines)
		return 0;
	size_t cap = 2 * t->nrows * t->ncols + 1;
	int *ia = mem_alloc(cap * sizeof(int)), *ja = mem_alloc(cap * sizeof(int));
	double *ar = mem_alloc(cap * sizeof(double));
	if (!ia || !ja || !ar) {
		mem_free(ia), mem_free(ja), mem_free(ar);
		return ERR_NOMEM;
	}
	glp_add_rows(lp->p, (int) nlines);
	for (size_t i = 0; t->row_totals && i < t->nrows; i++, line++)
		for (size_t j = 0; j < t->ncols; j++) {
			ne++;
			ia[ne] = (int) line + 1, ja[ne] = (int) CELL(t, i, j) + 1;
			ar[ne] = j + 1 == t->ncols ? -1 : 1;
		}
	for (size_t j = 0; t->col_totals && j < t->ncols; j++, line++)
		for (size_t i = 0; i < t->nrows; i++) {
			ne++;
			ia[ne] = (int) line + 1, ja[ne] = (int) CELL(t, i, j) + 1;
			ar[ne] = i + 1 == t->nrows ? -1 : 1;
		}
	for (size_t r = 1; r <= nlines; r++)
		glp_set_row_bnds(lp->p, (int) r, GLP_FX, 0, 0);
	glp_load_matrix(lp->p, (int) ne, ia, ja, ar);
	mem_free(ia), mem_free(ja), mem_free(ar);
	return 0;
}

int sdc_lp_open(struct sdc_lp **out, const struct rtable *t)
{
	struct sdc_lp *lp = mem_calloc(1, sizeof(*lp));
	*out = NULL;
	if (!lp)
		return ERR_NOMEM;
	glp_term_out(GLP_OFF);
	lp->t = t;
	lp->p = glp_create_prob();
	glp_init_smcp(&lp->parm);
	lp->parm.msg_lev = GLP_MSG_OFF;
	glp_add_cols(lp->p, (int) (t->nrows * t->ncols));
	int rc = load_lines(lp);
	if (rc) {
		sdc_lp_close(lp);
		return rc;
	}
	for (size_t k = 0; k < t->nrows * t->ncols; k++)
		sdc_lp_cell(lp, k);
	*out = lp;
	return 0;
}

void sdc_lp_close(struct sdc_lp *lp)
{
	if (!lp)
		return;
	glp_delete_prob(lp->p);
	mem_free(lp);
}

void sdc_lp_done(void)
{
	glp_free_env();
}

void sdc_lp_cell(struct sdc_lp *lp, size_t k)
{
	const struct rtable *t = lp->t;
	int col = (int) k + 1;
	size_t total = CELL(t, t->nrows - 1, k % t->ncols);
	switch (t->state[k]) {
	case CELL_VALUE: glp_set_col_bnds(lp->p, col, GLP_FX, (double) t->value[k], (double) t->value[k]); break;
	case CELL_LOW: glp_set_col_bnds(lp->p, col, GLP_DB, 1, SDC_THRESHOLD - 1); break;
	default:
		/* A list's count is at most the number of cases it is counted against. */
		if (t->multi && t->col_totals && k != total && t->state[total] == CELL_VALUE)
			glp_set_col_bnds(lp->p, col, GLP_DB, 0, (double) t->value[total]);
		else
			glp_set_col_bnds(lp->p, col, GLP_LO, 0, 0);
	}
}

/* Optimise in one direction: 0 with *v set (SDC_UNBOUNDED for an unbounded maximum), or ERR_INVALID. */
static int solve(struct sdc_lp *lp, int dir, long long *v)
{
	glp_set_obj_dir(lp->p, dir);
	int rc = glp_simplex(lp->p, &lp->parm);
	if (rc) { /* a basis the bound changes broke: start afresh once */
		glp_std_basis(lp->p);
		rc = glp_simplex(lp->p, &lp->parm);
	}
	int st = rc ? GLP_UNDEF : glp_get_status(lp->p);
	if (st == GLP_UNBND && dir == GLP_MAX) {
		*v = SDC_UNBOUNDED;
		return 0;
	}
	if (st != GLP_OPT)
		return ERR_INVALID;
	*v = llround(glp_get_obj_val(lp->p));
	return 0;
}

long long sdc_shortfall(int state, long long lo, long long hi)
{
	long long need = state == CELL_LOW ? SDC_THRESHOLD - 1 : SDC_THRESHOLD;
	long long up = hi == SDC_UNBOUNDED || hi >= need ? 0 : need - hi;
	return up + (state == CELL_LOW && lo > 1 ? lo - 1 : 0);
}

int sdc_lp_range(struct sdc_lp *lp, const size_t *cells, const int *coef, size_t n, long long *lo, long long *hi)
{
	int ncols = glp_get_num_cols(lp->p);
	for (int c = 1; c <= ncols; c++)
		glp_set_obj_coef(lp->p, c, 0);
	for (size_t i = 0; i < n; i++)
		glp_set_obj_coef(lp->p, (int) cells[i] + 1, glp_get_obj_coef(lp->p, (int) cells[i] + 1) + coef[i]);
	int rc = lo ? solve(lp, GLP_MIN, lo) : 0;
	return rc ? rc : solve(lp, GLP_MAX, hi);
}
