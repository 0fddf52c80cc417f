/*
 * Error codes shared by every layer.
 *
 * Fallible functions return 0 on success or a negative enum err value, and are
 * declared WUR so a caller cannot drop the result by accident.
 */
#ifndef VERTROUWD_BASE_ERR_H
#define VERTROUWD_BASE_ERR_H

#define WUR		  __attribute__((warn_unused_result))
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))

enum err {
	ERR_OK = 0,
	ERR_NOMEM = -1,	    /* an allocation failed */
	ERR_TOO_LARGE = -2, /* a size cap was reached */
	ERR_INVALID = -3,   /* malformed input */
	ERR_NOT_FOUND = -4, /* no such object */
	ERR_IO = -5,	    /* a file or socket operation failed */
	ERR_DB = -6,	    /* the store reported an error */
	ERR_CONFLICT = -7,  /* a uniqueness or state conflict */
};

/* A short English description of an error code, for logs. Never NULL. */
const char *err_str(int err);

#endif
