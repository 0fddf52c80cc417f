#!/bin/sh
# Run every unit test binary; print one closing line and add it to $SUMMARY.
build=$1; shift
passed=0; failed=0; status=0
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
	if [ $rc -ne 0 ] || [ -z "$p" ]; then
		status=1
		[ -z "$f" ] && failed=$((failed + 1))
		printf '%s\n' "$out" | tail -40
		echo "FAILED: $t (exit $rc)"
	else
		echo "  $(basename "$t"): ${p} passed"
	fi
done
line="unit ($build): $passed passed, $failed failed"
echo "$line"
[ -n "${SUMMARY:-}" ] && echo "$line" >> "$SUMMARY"
exit $status
