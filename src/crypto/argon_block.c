/*
 * Argon2id's block, kept by each thread between runs (crypto.h, argon_block_kept).
 *
 * libsodium maps a fresh block for every Argon2id run (mmap with MAP_POPULATE)
 * and unmaps it afterwards. For a receipt code's 7 MiB that is 1,792 pages the
 * kernel faults in, zeroes and frees again: a quarter of the time of a melder's
 * report (docs/performance.md). libsodium is therefore linked statically, with
 * its calls to mmap and munmap sent here (-Wl,--wrap, see the Makefile). A
 * populated private block of up to ARGON_BLOCK_KEEP stays with the thread that
 * used it and is handed to that thread's next run of the same size. It is wiped
 * when libsodium lets go of it: Argon2 writes every block before it reads it,
 * so the wipe is hygiene, not correctness. Every other mapping (sodium_malloc's
 * guarded pages, a password's 64 MiB block) goes to the kernel unchanged.
 */
#include <pthread.h>
#include <sodium.h>
#include <sys/mman.h>

#include "crypto/crypto.h"

enum { ARGON_BLOCK_KEEP = 16u << 20 };

void *__real_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int __real_munmap(void *addr, size_t len);
void *__wrap_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int __wrap_munmap(void *addr, size_t len);

struct kept {
	unsigned char *base;
	size_t len;
	int busy;
	unsigned long reused;
};

static _Thread_local struct kept kept;
static pthread_key_t kept_key;
static int kept_key_ok;
static pthread_once_t kept_once = PTHREAD_ONCE_INIT;

/* A thread that ends gives its block back to the kernel. */
static void kept_drop(void *p)
{
	struct kept *k = p;
	if (k->base && !k->busy)
		__real_munmap(k->base, k->len);
	k->base = NULL;
}

static void kept_key_make(void)
{
	kept_key_ok = !pthread_key_create(&kept_key, kept_drop);
}

static int keepable(const void *addr, size_t len, int prot, int flags, int fd)
{
	return !addr && fd == -1 && len <= ARGON_BLOCK_KEEP && prot == (PROT_READ | PROT_WRITE) &&
	       (flags & (MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE)) == (MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE);
}

void *__wrap_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	struct kept *k = &kept;
	if (!keepable(addr, len, prot, flags, fd))
		return __real_mmap(addr, len, prot, flags, fd, off);
	if (k->base && !k->busy && k->len == len) {
		k->busy = 1;
		k->reused++;
		return k->base;
	}
	void *p = __real_mmap(addr, len, prot, flags, fd, off);
	if (p == MAP_FAILED || (k->base && k->busy))
		return p;
	if (k->base) /* idle, of another size: the new one replaces it */
		__real_munmap(k->base, k->len);
	pthread_once(&kept_once, kept_key_make);
	if (kept_key_ok) /* else the block stays until the process ends */
		pthread_setspecific(kept_key, k);
	madvise(p, len, MADV_DONTDUMP);
	*k = (struct kept){.base = p, .len = len, .busy = 1, .reused = k->reused};
	return p;
}

int __wrap_munmap(void *addr, size_t len)
{
	struct kept *k = &kept;
	if (!addr || addr != k->base || !k->busy || len != k->len)
		return __real_munmap(addr, len);
	sodium_memzero(addr, len);
	k->busy = 0;
	return 0;
}

const unsigned char *argon_block_kept(size_t *len, unsigned long *reused)
{
	*len = kept.base ? kept.len : 0;
	*reused = kept.reused;
	return kept.base;
}
