# vertrouwd: build, run and test.  `make help` lists the targets.
#
# Libraries come from pkg-config (Debian 12 packages; scripts/deps.sh installs
# them). BUILD selects the output directory, SAN=1 builds with AddressSanitizer
# and UndefinedBehaviorSanitizer.

PKGS      = libmicrohttpd sqlite3 libpq md4c yaml-0.1 jansson libsodium liboath libqrencode libcurl \
            cairo-pdf cairo-png pangocairo fontconfig
BUILD    ?= build
SAN      ?= 0
VERSION   = 0.1.0

CSTD      = -std=c17
WARN      = -Wall -Wextra -Wpedantic -Werror -Wshadow -Wformat=2 -Wstrict-prototypes \
            -Wmissing-prototypes -Wvla -Wwrite-strings -Wno-unused-parameter
OPT      ?= -O2 -g
ASAN_UBSAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SANFLAGS  = $(if $(filter 1,$(SAN)),$(ASAN_UBSAN))
CPPFLAGS += -D_GNU_SOURCE -DVERTROUWD_VERSION='"$(VERSION)"' -Isrc
CFLAGS   += $(CSTD) $(OPT) $(WARN) $(SANFLAGS) -MMD -MP $(shell pkg-config --cflags $(PKGS))
LDFLAGS  += $(SANFLAGS)
# libsodium is linked statically with its mmap and munmap calls wrapped, so that
# each thread keeps Argon2id's block between runs (src/crypto/argon_block.c: a
# quarter of a melder's report was the kernel mapping a fresh 7 MiB every time).
# -u pulls that file out of libvertrouwd.a before libsodium.a asks for it.
SODIUM_A  = $(shell pkg-config --variable=libdir libsodium)/libsodium.a
LDFLAGS  += -Wl,-u,__wrap_mmap,-u,__wrap_munmap
LDLIBS   += $(filter-out -lsodium,$(shell pkg-config --libs $(PKGS))) $(SODIUM_A) -Wl,--wrap=mmap,--wrap=munmap \
            -lstemmer -lglpk -lpthread -lm

SRC       = $(shell find src -name '*.c' ! -name main.c | sort)
OBJ       = $(SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/migrations.o $(BUILD)/gen/pg_migrations.o
# One numbered list, a file per dialect: NNNN_name.sql (SQLite) and NNNN_name.pg.sql.
PG_MIGRATIONS = $(sort $(wildcard src/store/migrations/*.pg.sql))
MIGRATIONS = $(sort $(filter-out %.pg.sql,$(wildcard src/store/migrations/*.sql)))
LIB       = $(BUILD)/libvertrouwd.a
BIN       = $(BUILD)/vertrouwd
UNIT_SRC  = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC  = $(sort $(wildcard fuzz/fuzz_*.c))

.PHONY: all run check asan fuzz bench format lint unit integration pg cluster proxy browser fuzz-smoke \
        deps-run deps-check check-all clean help

DEMO_PDF  = $(patsubst %.md,%.pdf,$(wildcard demo/downloads/*.md))
# The melder's pages in other languages: gettext catalogues compiled by msgfmt (gitignored).
LOCALE    = $(patsubst po/%.po,locale/%.mo,$(wildcard po/*.po))

all: $(BIN) $(DEMO_PDF) $(LOCALE)

locale/%.mo: po/%.po
	@mkdir -p locale
	msgfmt --check -o $@ $<

help:
	@echo "make run     install what is missing, build, create data/ with demo content, serve on :8080"
	@echo "make check   install what tests need and run every test (unit, integration, sanitizers, browser, fuzz smoke, lint)"
	@echo "make pg      run the store and integration tests on a throw-away PostgreSQL cluster"
	@echo "make proxy   nginx with TLS in front: sign-in, CMS and sign-out (curl, Chromium); a lying client"
	@echo "make cluster three servers behind nginx on PostgreSQL: sessions, scheduled work, a server killed"
	@echo "make asan    build and run unit, integration and PostgreSQL tests with ASan+UBSan"
	@echo "make fuzz    run each libFuzzer target for FUZZ_SECONDS (default 120)"
	@echo "make bench   HTTP against nginx, search against PostgreSQL, 1-3 servers on PostgreSQL (wrk)"
	@echo "make format  clang-format every C file"

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

# The directory too: renaming a migration changes it, not the files' times.
$(BUILD)/gen/migrations.c: $(MIGRATIONS) src/store/migrations scripts/embed-migrations.sh
	@mkdir -p $(dir $@)
	sh scripts/embed-migrations.sh store_migrations $(MIGRATIONS) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/pg_migrations.c: $(PG_MIGRATIONS) src/store/migrations scripts/embed-migrations.sh
	@mkdir -p $(dir $@)
	sh scripts/embed-migrations.sh pg_migrations $(PG_MIGRATIONS) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(LIB): $(OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(BUILD)/src/main.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests/unit $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS) -lcmocka

# The demo's PDF leaflets are made from their Markdown at build time (gitignored).
build/tools/mkpdf: tools/mkpdf.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) -D_GNU_SOURCE -O2 $(WARN) -o $@ $<

demo/downloads/%.pdf: demo/downloads/%.md build/tools/mkpdf
	@build/tools/mkpdf $< $@

# ---- running ----

deps-run:
	@sh scripts/deps.sh run

deps-check:
	@sh scripts/deps.sh check

run: deps-run
	@$(MAKE) --no-print-directory all
	@test -f data/vertrouwd.db || ./$(BIN) init --demo
	@echo "Open http://127.0.0.1:8080/ in uw browser. Stoppen: Ctrl-C."
	@echo "Redactie: meld u aan op http://127.0.0.1:8080/inloggen als redactie@demo.vertrouwd.example,"
	@echo "wachtwoord demo-redactie-wachtwoord (dit account bestaat alleen in de demodatabase)."
	@echo "Melder: open http://127.0.0.1:8080/organisaties/gemeente-rivierstad (of zoek de organisatie via"
	@echo "'Vind een vertrouwenspersoon') en stuur een bericht; bewaar de ontvangstcode."
	@echo "Vertrouwenspersonen (alleen demo): ilse@demo.vertrouwd.example (intern) en erik@demo.vertrouwd.example"
	@echo "(extern, ook voor http://127.0.0.1:8080/organisaties/kinderopvang-de-boomhut), wachtwoord"
	@echo "demo-vertrouwenspersoon-wachtwoord, TOTP-sleutel 5OYNFGIDSS6BTUY7TQCQZZFLAZGGLRYC"
	@echo "(code maken: oathtool --totp -b 5OYNFGIDSS6BTUY7TQCQZZFLAZGGLRYC); daarna naar /werkruimte."
	@echo "Organisatie: hr@demo.vertrouwd.example, wachtwoord demo-organisatie-wachtwoord; daarna naar /organisatie."
	@exec ./$(BIN) serve

# ---- tests ----

check: deps-check
	@$(MAKE) --no-print-directory check-all

export SUMMARY ?= $(CURDIR)/build/test-summary.txt

check-all:
	@mkdir -p build && rm -f $(SUMMARY)
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory unit integration pg cluster proxy
	@$(MAKE) --no-print-directory asan
	@$(MAKE) --no-print-directory browser
	@$(MAKE) --no-print-directory fuzz-smoke
	@sh tests/summary.sh

unit: $(UNIT_BIN) $(DEMO_PDF) $(LOCALE)
	@sh tests/run-unit.sh $(BUILD) $(UNIT_BIN)

integration: $(BIN) $(DEMO_PDF) $(LOCALE)
	@sh tests/http/run.sh $(BIN) $(BUILD)
	@sh tests/cli/run.sh $(BIN)
	@sh tests/pages/run.sh $(BIN)
	@sh tests/account/run.sh $(BIN)
	@sh tests/melder/run.sh $(BIN)
	@sh tests/workspace/run.sh $(BIN)
	@sh tests/orgdash/run.sh $(BIN)
	@sh tests/reports/run.sh $(BIN)
	@sh tests/handover/run.sh $(BIN)
	@sh tests/purge/run.sh $(BIN)

# The store's unit tests and the integration suites once more on a throw-away PostgreSQL cluster.
pg: $(BIN) $(UNIT_BIN) $(DEMO_PDF) $(LOCALE)
	@sh tests/pg/run.sh $(BIN) $(BUILD)
	@sh tests/pg/copy.sh $(BIN)

# As deployed: nginx with TLS in front (sign-in, CMS, sign-out with curl and Chromium), and a lying client.
proxy: $(BIN) $(DEMO_PDF) $(LOCALE)
	@sh tests/proxy/run.sh $(BIN)
	@sh tests/hostile/run.sh $(BIN)

# Three servers behind nginx on one PostgreSQL database: shared sessions, work done once, a server killed.
cluster: $(BIN) $(DEMO_PDF) $(LOCALE)
	@sh tests/cluster/run.sh $(BIN)

asan:
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 OPT="-O1 -g" unit integration pg proxy

browser: $(BIN) $(DEMO_PDF) $(LOCALE)
	@sh tests/browser/run.sh $(BIN)

FUZZ_SECONDS ?= 120
FUZZ_BUILD = build/fuzz
fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz-run FUZZ_SECONDS=10

fuzz:
	@$(MAKE) --no-print-directory fuzz-run

fuzz-run:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang OPT="-O1 -g" \
		SANFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" $(FUZZ_BUILD)/libvertrouwd.a
	@FUZZ_PKGS="$(PKGS)" FUZZ_LIBS="$(filter -l%,$(LDLIBS))" sh fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_SRC)

bench: $(BIN)
	@sh scripts/deps.sh bench
	@sh bench/http.sh $(BIN)
	@sh bench/search.sh $(BUILD)
	@sh bench/scale.sh $(BIN)
	@sh bench/melder.sh $(BIN)
	@sh bench/workspace.sh $(BIN)
	@sh bench/reports.sh $(BIN)

lint:
	@sh scripts/lint.sh

format:
	clang-format -i $$(find src tests fuzz -name '*.[ch]')

clean:
	rm -rf build test-output $(DEMO_PDF) locale

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
