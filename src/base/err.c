/* Error codes (err.h) as short English words for log lines; never fails, never NULL. */
#include "base/err.h"

const char *err_str(int err)
{
	switch (err) {
	case ERR_OK: return "ok";
	case ERR_NOMEM: return "out of memory";
	case ERR_TOO_LARGE: return "too large";
	case ERR_INVALID: return "invalid input";
	case ERR_NOT_FOUND: return "not found";
	case ERR_IO: return "i/o error";
	case ERR_DB: return "database error";
	case ERR_CONFLICT: return "conflict";
	}
	return "unknown error";
}
