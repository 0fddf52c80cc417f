# Media uploads through the real server (sourced by tests/account/run.sh, which
# has signed in the editor ($jed, $ecsrf) and the beheerder ($jadm)).
fx=tests/fixtures
upload() { # jar csrf file alt extra-curl-args... -> status
	j=$1 c=$2 f=$3 a=$4
	shift 4
	curl -s -b "$j" -D "$tmp/head" -o "$tmp/body" -w '%{http_code}' -F "csrf=$c" -F "bestand=@$f" -F "alt=$a" "$@" "$u/redactie/media"
}
check "the media library" "$(curl -s -b "$jed" -o /dev/null -w '%{http_code}' "$u/redactie/media")" 200
check "an image without a description: 400" "$(upload "$jed" "$ecsrf" "$fx/gesprek.png" '')" 400
grep -q 'alt-tekst' "$tmp/body" && ok "the page asks for alt text" || not_ok "alt text message"
for f in gesprek.png gesprek.jpg gesprek.webp; do
	check "upload $f: 303" "$(upload "$jed" "$ecsrf" "$fx/$f" 'Twee figuren in gesprek')" 303
done
hash=$(sed -n 's/^[Ll]ocation: .*nieuw=\([0-9a-f]*\).*/\1/p' "$tmp/head" | tr -d '\r')
check "the address names the SHA-256 of the bytes" "$hash" "$(sha256sum "$fx/gesprek.webp" | cut -d' ' -f1)"
if [ "${TEST_STORE:-sqlite}" = postgresql ]; then
	[ -e "$tmp/media" ] && not_ok "on PostgreSQL files stay in the database" || ok "on PostgreSQL files stay in the database"
else
	check "the file lies content-addressed beside the database" "$(cmp "$tmp/media/$(echo "$hash" | cut -c1-2)/$hash" "$fx/gesprek.webp" && echo same)" same
fi
curl -s -D "$tmp/mhead" -o "$tmp/got.webp" "$u/media/$hash.webp"
check "served byte for byte" "$(cmp "$tmp/got.webp" "$fx/gesprek.webp" && echo same)" same
check "served as image/webp" "$(grep -i '^content-type:' "$tmp/mhead" | tr -d '\r' | cut -d' ' -f2)" image/webp
grep -qi '^x-content-type-options: nosniff' "$tmp/mhead" && ok "nosniff on media" || not_ok "nosniff on media"
check "a wrong extension: 404" "$(curl -s -o /dev/null -w '%{http_code}' "$u/media/$hash.png")" 404
check "an unknown hash: 404" "$(curl -s -o /dev/null -w '%{http_code}' "$u/media/$(printf '%064d' 0).png")" 404
check "not a hash: 404" "$(curl -s -o /dev/null -w '%{http_code}' "$u/media/..%2f..%2fetc%2fpasswd")" 404

# Whatever the name or the claimed type says, only the bytes count.
printf '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' >"$tmp/foto.png"
check "an SVG named .png: 400" "$(upload "$jed" "$ecsrf" "$tmp/foto.png;type=image/png" 'Een plaatje')" 400
printf '<html><script>alert(1)</script></html>' >"$tmp/doc.pdf"
check "HTML named .pdf: 400" "$(upload "$jed" "$ecsrf" "$tmp/doc.pdf;type=application/pdf" '')" 400
head -c 2000 "$fx/gesprek.png" >"$tmp/half.png"
check "a truncated PNG: 400" "$(upload "$jed" "$ecsrf" "$tmp/half.png" 'Half')" 400
pdf=$(ls demo/downloads/*.pdf | head -1)
check "a PDF without alt text: 303" "$(upload "$jed" "$ecsrf" "$pdf" '')" 303
phash=$(sha256sum "$pdf" | cut -d' ' -f1)
curl -s -D "$tmp/mhead" -o /dev/null "$u/media/$phash.pdf"
grep -qi '^content-disposition: attachment' "$tmp/mhead" && ok "a PDF is served as a download" || not_ok "PDF disposition"
check "no file chosen: 400" "$(curl -s -b "$jed" -o /dev/null -w '%{http_code}' -F "csrf=$ecsrf" -F alt=x "$u/redactie/media")" 400
check "upload without CSRF: 403" "$(curl -s -b "$jed" -o /dev/null -w '%{http_code}' -F "bestand=@$fx/gesprek.png" -F alt=x "$u/redactie/media")" 403
check "upload without a session: 401" "$(curl -s -o /dev/null -w '%{http_code}' -F "csrf=$ecsrf" -F "bestand=@$fx/gesprek.png" -F alt=x "$u/redactie/media")" 401
check "upload by a beheerder without redacteur: 403" "$(curl -s -b "$jadm" -o /dev/null -w '%{http_code}' -F "csrf=$ecsrf" -F "bestand=@$fx/gesprek.png" -F alt=x "$u/redactie/media")" 403
head -c 1100000 /dev/zero >"$tmp/big.bin"
check "a big body without a session is cut off at the normal cap: 413" "$(curl -s -o /dev/null -w '%{http_code}' -F "bestand=@$tmp/big.bin" "$u/redactie/media")" 413
check "the editor may send more than the normal cap (then the content decides): 400" "$(upload "$jed" "$ecsrf" "$tmp/big.bin" x)" 400
head -c 11000000 /dev/zero >"$tmp/huge.bin"
check "more than the upload cap: 413" "$(upload "$jed" "$ecsrf" "$tmp/huge.bin" x)" 413
check "a malformed multipart body: 400" "$(curl -s -b "$jed" -o /dev/null -w '%{http_code}' -H 'Content-Type: multipart/form-data; boundary=XyZ' --data-binary 'not multipart at all' "$u/redactie/media")" 400

# An item shows an uploaded image, which can then not be deleted; a download gets its PDF from the form.
png=$(sha256sum "$fx/gesprek.png" | cut -d' ' -f1)
check "an item with an image from the form" "$(curl -s -b "$jed" -o "$tmp/body" -w '%{http_code}' -F "csrf=$ecsrf" -F type=nieuws -F 'title=Met een foto' \
	-F date=2026-03-01 -F status=gepubliceerd -F categories=Integriteit -F 'body=Tekst' -F 'image_alt=Twee figuren' \
	-F "afbeelding_bestand=@$fx/gesprek.jpg" -F opslaan=1 "$u/redactie/opslaan")" 303
jpg=$(sha256sum "$fx/gesprek.jpg" | cut -d' ' -f1)
curl -s "$u/nieuws/met-een-foto" | grep -q "<img src=\"/media/$jpg.jpg\" alt=\"Twee figuren\">" && ok "the item page shows the image with its alt text" || not_ok "item image"
check "an image from elsewhere is refused" "$(curl -s -b "$jed" -o "$tmp/body" -w '%{http_code}' -F "csrf=$ecsrf" -F type=nieuws -F 'title=Van buiten' \
	-F date=2026-03-01 -F status=concept -F categories=Integriteit -F 'body=Tekst' -F 'image=https://example.org/x.png' -F 'image_alt=X' -F opslaan=1 "$u/redactie/opslaan")" 400
delete_media() { curl -s -b "$jed" -o "$tmp/body" -w '%{http_code}' --data-urlencode "csrf=$ecsrf" --data-urlencode "hash=$1" "$u/redactie/media/verwijderen"; }
check "an image in use cannot be deleted: 409" "$(delete_media "$jpg")" 409
check "an unused one can: 303" "$(delete_media "$png")" 303
check "and is gone" "$(curl -s -o /dev/null -w '%{http_code}' "$u/media/$png.png")" 404
[ -e "$tmp/media/$(echo "$png" | cut -c1-2)/$png" ] && not_ok "the bytes stayed on disk" || ok "its bytes are gone from disk"
check "a download with its PDF from the form" "$(curl -s -b "$jed" -o /dev/null -w '%{http_code}' -F "csrf=$ecsrf" -F type=download -F 'title=Een folder' \
	-F date=2026-03-01 -F status=gepubliceerd -F categories=Integriteit -F 'body=Tekst' -F "pdf=@$pdf" -F opslaan=1 "$u/redactie/opslaan")" 303
check "the download serves that PDF" "$(curl -s "$u/downloads/een-folder/bestand" | cmp - "$pdf" && echo same)" same
check "a download refuses a PNG as its PDF" "$(curl -s -b "$jed" -o /dev/null -w '%{http_code}' -F "csrf=$ecsrf" -F type=download -F 'title=Een folder' -F old_slug=een-folder \
	-F date=2026-03-01 -F status=gepubliceerd -F categories=Integriteit -F 'body=Tekst' -F "pdf=@$fx/gesprek.png" -F opslaan=1 "$u/redactie/opslaan")" 400
check "uploads are audited" "$(curl -s -b "$jadm" "$u/beheer/audit" | grep -c "media geüpload")" 5
