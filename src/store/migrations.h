/* The numbered schema migrations, embedded at build time. Internal to store/. */
#ifndef VERTROUWD_STORE_MIGRATIONS_H
#define VERTROUWD_STORE_MIGRATIONS_H

struct migration {
	int version;
	const char *name;
	const char *sql;
};

extern const struct migration store_migrations[];
extern const int store_migration_count;
/* The same list for PostgreSQL (NNNN_name.pg.sql). */
extern const struct migration pg_migrations[];
extern const int pg_migration_count;

#endif
