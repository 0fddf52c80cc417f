#!/bin/sh
# Add up the closing lines every test stage wrote to $SUMMARY; print the total last.
f=${SUMMARY:-build/test-summary.txt}
[ -f "$f" ] || { echo "no test summary at $f"; echo "0 passed, 1 failed"; exit 1; }
echo "---- test summary ----"
cat "$f"
awk '{ for (i = 1; i < NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) fl += $i } }
     END { printf "%d passed, %d failed\n", p, fl; exit (fl > 0) }' "$f"
