/*
 * mail: the two fixed messages vertrouwd sends by e-mail, through the SMTP
 * server of --smtp (libcurl): "something new waits in your workspace" and "a
 * deadline in your workspace is near or has passed". They never hold content,
 * names, an organisation, a case or a date: whoever reads the mailbox of a VP
 * learns only that there is news or a deadline, and where to sign in.
 */
#ifndef VERTROUWD_MAIL_MAIL_H
#define VERTROUWD_MAIL_MAIL_H

#include "base/config.h"
#include "base/err.h"

/* Which notice: something new waits, or a deadline is near or has passed. */
enum mail_notice { MAIL_NEWS, MAIL_DEADLINE };

/* Send a notice to one address. 0, ERR_INVALID (an address we will not put in a header), or ERR_IO. */
int mail_notify(const struct config *cfg, const char *to, enum mail_notice what) WUR;

/* A notice's subject and text (for tests that check what leaves the server). */
const char *mail_subject(enum mail_notice what);
const char *mail_body(const struct config *cfg, enum mail_notice what, char *out, size_t outlen);

#endif
