#!/bin/sh
# The translation catalogues (gettext, Debian's tools): every Dutch text marked
# T_("...") in C and {{t "..."}} in the templates is a msgid.
#
#   sh scripts/po.sh update   write po/vertrouwd.pot and merge it into every po/LANG.po
#   sh scripts/po.sh check    fail when a text has no translation, a translation is fuzzy,
#                             or a catalogue does not compile (lint runs this)
set -eu
cmd=${1:-check}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pot() { # -> $1
	files=$(grep -l 'T_(' $(find src -name '*.c' | sort))
	# shellcheck disable=SC2086
	# Dutch msgids are not ASCII: xgettext warns about that on stderr, which only matters when it fails.
	LC_ALL=C.UTF-8 xgettext --from-code=UTF-8 --language=C --keyword= --keyword=T_ --no-location \
		-o "$tmp/c.pot" $files 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
	printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' >"$tmp/t.pot"
	{
		for f in templates/*.html; do
			grep -o '{{t "[^"]*"' "$f" | sed 's/^{{t "//; s/"$//'
		done
	} | sort -u | while IFS= read -r s; do
		printf 'msgid "%s"\nmsgstr ""\n\n' "$(printf '%s' "$s" | sed 's/\\/\\\\/g; s/"/\\"/g')"
	done >>"$tmp/t.pot"
	sed -i 's/charset=CHARSET/charset=UTF-8/' "$tmp/c.pot"
	msgcat --use-first --no-location "$tmp/c.pot" "$tmp/t.pot" -o "$1"
}
case $cmd in
update)
	pot po/vertrouwd.pot
	for po in po/*.po; do msgmerge --quiet --update --backup=none --no-location "$po" po/vertrouwd.pot; done
	;;
check)
	pot "$tmp/all.pot"
	fail=0
	for po in po/*.po; do
		msgmerge --quiet --no-location -o "$tmp/merged.po" "$po" "$tmp/all.pot"
		missing=$(msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -c '^msgid "[^"]' || true)
		fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po" | grep -c '^msgid "[^"]' || true)
		if [ "$missing" != 0 ] || [ "$fuzzy" != 0 ]; then
			echo "po: $po: $missing text(s) without a translation, $fuzzy fuzzy (sh scripts/po.sh update, then translate):"
			msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep '^msgid "[^"]' | head -5
			fail=1
		fi
		msgfmt --check -o /dev/null "$po" || fail=1
	done
	exit $fail
	;;
*) echo "usage: sh scripts/po.sh update|check" >&2; exit 2 ;;
esac
