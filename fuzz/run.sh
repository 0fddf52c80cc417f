#!/bin/sh
# Build and run libFuzzer targets against the fuzz build of the library.
#
#   sh fuzz/run.sh BUILD SECONDS fuzz/fuzz_NAME.c...
#
# BUILD holds libvertrouwd.a built with -fsanitize=fuzzer-no-link,address,undefined
# (make fuzz-run does that). Each target is linked into BUILD/fuzz/NAME and run
# for SECONDS on the corpus BUILD/corpus/NAME, which grows over runs and is
# seeded from fuzz/seeds/NAME/. libFuzzer's log goes to BUILD/NAME.log; a crash
# leaves its input in BUILD/NAME-crash-* (replay: BUILD/fuzz/NAME FILE).
# One target is one test; prints "fuzz: N passed, M failed" (also appended to
# $SUMMARY when set) and exits 1 when a target failed.
# Flag lists ($pkgs, $pkg_cflags, ...) are split into words on purpose:
# shellcheck disable=SC2086
set -u

if [ $# -lt 3 ]; then
	echo "usage: sh fuzz/run.sh BUILD SECONDS fuzz/fuzz_NAME.c..." >&2
	exit 2
fi
build=$1
seconds=$2
shift 2
here=$(pwd)
case $build in /*) ;; *) build=$here/$build ;; esac
case ${SUMMARY:-} in '' | /*) ;; *) SUMMARY=$here/$SUMMARY ;; esac
srcs=
for src in "$@"; do
	case $src in /*) ;; *) src=$here/$src ;; esac
	srcs="$srcs $src"
done
cd "$(dirname "$0")/.." || exit 1

# Link what the Makefile links: `make fuzz-run` passes its PKGS and the -l
# flags of its LDLIBS, so the lists live in one place.
pkgs=${FUZZ_PKGS:?fuzz: run through make fuzz-run (FUZZ_PKGS unset)}
extra_libs=${FUZZ_LIBS:-}
cc=${FUZZ_CC:-clang}
if ! command -v "$cc" >/dev/null 2>&1; then
	echo "fuzz: $cc not found (apt-get install clang)" >&2
	exit 1
fi
if [ ! -f "$build/libvertrouwd.a" ]; then
	echo "fuzz: $build/libvertrouwd.a missing (run: make fuzz-run)" >&2
	exit 1
fi
pkg_cflags=$(pkg-config --cflags $pkgs) || exit 1
pkg_libs=$(pkg-config --libs $pkgs) || exit 1
mkdir -p "$build/fuzz" "$build/corpus"

# The library is built with recoverable UBSan checks: make any report fatal.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS ASAN_OPTIONS

# Dictionaries (libFuzzer syntax): tokens a mutator would take long to find.
write_dict() {
	case $1 in
	fuzz_tmpl)
		cat <<'EOF'
"{{"
"}}"
"{{#if "
"{{#unless "
"{{#each "
"{{else}}"
"{{/if}}"
"{{/unless}}"
"{{/each}}"
"{{> "
"{{< "
"{{! "
"{{.}}"
"@index"
"@first"
"@last"
"|text"
"|attr"
"|path"
"|query"
"|url"
"title"
"url"
"href"
"lead"
"empty"
"flag"
"no"
"items"
"item."
"name"
"body"
"content"
"<a "
" href=\""
" src=\""
" action=\""
" formaction=\""
" title=\""
" title='"
" style=\""
" onclick=\""
"<script>"
"</script>"
"<style>"
"</style>"
"<!--"
"-->"
"<textarea>"
"<title>"
"<svg>"
"<img "
"<iframe "
"<noscript>"
"&amp;"
"/>"
EOF
		;;
	fuzz_markdown)
		cat <<'EOF'
"]("
"!["
"```"
"~~"
"**"
"# "
"## "
"|---|"
"javascript:"
"JaVaScRiPt:"
"data:"
"vbscript:"
"http://"
"https://"
"mailto:"
"www."
"&amp;"
"&colon;"
"&#x3a;"
"&#58;"
"&Tab;"
"&#0;"
"<script>"
"\x0a\x0a"
"    "
"> "
"- "
"1. "
EOF
		;;
	fuzz_form)
		cat <<'EOF'
"%00"
"%41"
"%C3%A9"
"categorie="
"pagina="
EOF
		;;
	fuzz_frontmatter)
		cat <<'EOF'
"---\x0a"
"type: "
"nieuws"
"artikel"
"kennisbank"
"title: "
"slug: "
"date: "
"2024-02-29"
"categories: "
"lead: "
"status: "
"gepubliceerd"
"concept"
"author: "
"file: "
"!!str "
"!!binary "
"&a "
"*a"
"\\0"
"\\u0000"
EOF
		;;
	esac
}

passed=0
failed=0
for src in $srcs; do
	name=$(basename "$src" .c)
	bin=$build/fuzz/$name
	log=$build/$name.log
	corpus=$build/corpus/$name
	dict=$build/$name.dict
	if ! "$cc" -std=c17 -D_GNU_SOURCE -Isrc -O1 -g -Wall -Wextra -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all -fno-omit-frame-pointer $pkg_cflags "$src" "$build/libvertrouwd.a" \
		$pkg_libs $extra_libs -lpthread -o "$bin" 2>"$log"; then
		echo "not ok - $name (does not build)"
		tail -n 30 "$log"
		failed=$((failed + 1))
		continue
	fi
	mkdir -p "$corpus"
	if [ -d "fuzz/seeds/$name" ]; then
		cp fuzz/seeds/"$name"/* "$corpus"/ 2>/dev/null
	fi
	write_dict "$name" >"$dict"
	dictarg=
	[ -s "$dict" ] && dictarg=-dict=$dict
	: >"$log.start"
	"$bin" -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=2560 \
		-artifact_prefix="$build/$name-" -print_final_stats=1 $dictarg "$corpus" >>"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	if [ $rc -eq 0 ]; then
		echo "ok - $name (${runs:-?} runs, ${cov:-cov: ?}, ${seconds}s)"
		passed=$((passed + 1))
	else
		echo "not ok - $name (exit $rc; log $log)"
		# Where the report starts (line number in the log), then the end of the log.
		grep -n -m 1 -E '==[0-9]+==ERROR|runtime error|fuzz_[a-z]+: |deadly signal|ALARM|out-of-memory' "$log" |
			head -n 1
		tail -n 40 "$log"
		find "$build" -maxdepth 1 -type f -name "$name-*-*" ! -name '*.log' ! -name '*.dict' \
			-newer "$log.start" | while read -r f; do
			echo "  input kept: $f (replay: $bin $f)"
		done
		failed=$((failed + 1))
	fi
done

line="fuzz: $passed passed, $failed failed"
echo "$line"
if [ -n "${SUMMARY:-}" ]; then
	echo "$line" >>"$SUMMARY"
fi
[ "$failed" -eq 0 ]
