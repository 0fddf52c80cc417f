/*
 * QR codes as SVG (libqrencode), for setting up an authenticator app from our
 * own host. ERR_NOMEM when libqrencode fails, or the buf's error (out may
 * then hold part of the SVG).
 */
#include <qrencode.h>
#include <string.h>

#include "web/web.h"

int web_qr_svg(struct buf *out, const char *text)
{
	QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!qr)
		return ERR_NOMEM;
	int w = qr->width, quiet = 4, size = w + 2 * quiet;
	int rc =
	    buf_addf(out,
		     "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\">"
		     "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
		     size, size, size, size);
	for (int y = 0; y < w && !rc; y++)
		for (int x = 0; x < w && !rc; x++)
			if (qr->data[y * w + x] & 1)
				rc = buf_addf(out, "M%d %dh1v1h-1z", x + quiet, y + quiet);
	if (!rc)
		rc = buf_adds(out, "\"/></svg>\n");
	QRcode_free(qr);
	return rc;
}
