/*
 * vertrouwd backup DIR / restore DIR: the SQLite database (online backup API)
 * and the uploaded files beside it, as one directory:
 *
 *   DIR/vertrouwd.db     a consistent snapshot, checked after copying
 *   DIR/media/ab/abc...  the content-addressed files (when kept on disk)
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "store/backup.h"

/* Copy one file to a new name beside its target, then rename: a crash leaves no half file. */
static int copy_file(const char *from, const char *to)
{
	char tmp[PATH_MAX + 8];
	snprintf(tmp, sizeof(tmp), "%s.tmp", to);
	FILE *in = fopen(from, "rb"), *out = in ? fopen(tmp, "wb") : NULL;
	char buf[65536];
	size_t n;
	int rc = in && out ? 0 : -1;
	while (!rc && (n = fread(buf, 1, sizeof(buf), in)) > 0)
		rc = fwrite(buf, 1, n, out) == n ? 0 : -1;
	if (in && ferror(in))
		rc = -1;
	if (out && (fflush(out) || fsync(fileno(out))))
		rc = -1;
	if (out && fclose(out))
		rc = -1;
	if (in)
		fclose(in);
	if (!rc && rename(tmp, to))
		rc = -1;
	if (rc)
		unlink(tmp);
	return rc;
}

/* Copy the files of a media directory (two levels: ab/abcdef...) that the target lacks; -1 on error. */
static int copy_media(const char *from, const char *to, long *copied)
{
	DIR *d = opendir(from);
	if (!d)
		return errno == ENOENT ? 0 : -1;
	int rc = mkdir(to, 0750) && errno != EEXIST ? -1 : 0;
	struct dirent *e;
	while (!rc && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char sub_from[PATH_MAX], sub_to[PATH_MAX];
		snprintf(sub_from, sizeof(sub_from), "%s/%s", from, e->d_name);
		snprintf(sub_to, sizeof(sub_to), "%s/%s", to, e->d_name);
		struct stat sb;
		if (stat(sub_from, &sb))
			rc = -1;
		else if (S_ISDIR(sb.st_mode))
			rc = copy_media(sub_from, sub_to, copied);
		else if (access(sub_to, F_OK) && !(rc = copy_file(sub_from, sub_to)))
			(*copied)++;
	}
	closedir(d);
	return rc;
}

static void summary(const char *what, const struct store_counts *c, long files)
{
	printf("%s: %lld items, %lld gebruikers, %lld bestanden in de database (schema %lld); %ld bestanden gekopieerd "
	       "naar de mediamap.\n",
	       what, c->items, c->users, c->files, c->version, files);
}

/* DIR/NAME into out. */
static void in_dir(char *out, size_t outlen, const char *dir, const char *name)
{
	snprintf(out, outlen, "%s/%s", dir, name);
}

int cli_backup(struct cli_opts *o)
{
	const char *dir = o->args[0];
	char db[PATH_MAX], media[PATH_MAX], err[1024];
	if (mkdir(dir, 0700) && errno != EEXIST) {
		fprintf(stderr, "vertrouwd: kan map %s niet maken: %s / cannot create directory\n", dir,
			strerror(errno));
		return 1;
	}
	in_dir(db, sizeof(db), dir, "vertrouwd.db");
	struct store_counts c;
	fprintf(stderr, "Reservekopie van de database naar %s ...\n", db);
	if (store_backup(o->cfg.db, db, cli_progress, &c, err, sizeof(err))) {
		fprintf(stderr, "vertrouwd: %s\n", err);
		return 1;
	}
	long copied = 0;
	const char *from = config_media_dir(&o->cfg, media, sizeof(media));
	in_dir(db, sizeof(db), dir, "media");
	if (from && copy_media(from, db, &copied)) {
		fprintf(stderr, "vertrouwd: de mediabestanden uit %s konden niet worden gekopieerd: %s\n", from,
			strerror(errno));
		return 1;
	}
	summary("Reservekopie klaar", &c, copied);
	return 0;
}

int cli_restore(struct cli_opts *o)
{
	const char *dir = o->args[0];
	char db[PATH_MAX], media[PATH_MAX], from[PATH_MAX], err[1024];
	in_dir(db, sizeof(db), dir, "vertrouwd.db");
	if (access(db, R_OK)) {
		fprintf(stderr, "vertrouwd: %s niet gevonden; geef de map die 'vertrouwd backup' maakte / not found\n",
			db);
		return 1;
	}
	struct store_counts c;
	fprintf(stderr, "Terugzetten uit %s ...\n", db);
	if (store_restore(db, o->cfg.db, o->force, cli_progress, &c, err, sizeof(err))) {
		fprintf(stderr, "vertrouwd: %s\n", err);
		return 1;
	}
	long copied = 0;
	const char *to = config_media_dir(&o->cfg, media, sizeof(media));
	in_dir(from, sizeof(from), dir, "media");
	if (to && copy_media(from, to, &copied)) {
		fprintf(stderr, "vertrouwd: de mediabestanden konden niet naar %s worden gekopieerd: %s\n", to,
			strerror(errno));
		return 1;
	}
	summary("Teruggezet", &c, copied);
	return 0;
}
