/*
 * mail: the one message vertrouwd sends by e-mail, through the SMTP server of
 * --smtp (libcurl): "something new waits in your workspace". It never holds
 * content, names, an organisation or a case: whoever reads the mailbox of a VP
 * learns only that there is news, and where to sign in.
 */
#ifndef VERTROUWD_MAIL_MAIL_H
#define VERTROUWD_MAIL_MAIL_H

#include "base/config.h"
#include "base/err.h"

/* Send the notice to one address. 0, ERR_INVALID (an address we will not put in a header), or ERR_IO. */
int mail_notify(const struct config *cfg, const char *to) WUR;

/* The notice's subject and text (for tests that check what leaves the server). */
extern const char mail_subject[];
const char *mail_body(const struct config *cfg, char *out, size_t outlen);

#endif
