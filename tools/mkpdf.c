/*
 * mkpdf: turn a demo download (Markdown with front matter) into a small PDF
 * leaflet, at build time, so the demo ships real files without binaries in git.
 *
 * Usage: mkpdf IN.md OUT.pdf. Writes PDF 1.4 with the standard Helvetica fonts
 * (WinAnsi encoding, so Dutch accents print), wrapping lines at 86 characters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OBJS       64
#define LINES_PER_PAGE 52
#define WRAP	       86

static long offsets[MAX_OBJS];
static int nobj;

/* UTF-8 to WinAnsi for the characters Dutch text uses; others become '?'. */
static int winansi(const unsigned char *s, size_t *used)
{
	*used = 1;
	if (s[0] < 0x80)
		return s[0];
	if ((s[0] & 0xE0) == 0xC0 && s[1]) {
		*used = 2;
		unsigned cp = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
		return cp >= 0xA0 && cp <= 0xFF ? (int) cp : '?';
	}
	if ((s[0] & 0xF0) == 0xE0 && s[1] && s[2]) {
		*used = 3;
		unsigned cp = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
		switch (cp) {
		case 0x2018: return 0x91;
		case 0x2019: return 0x92;
		case 0x201C: return 0x93;
		case 0x201D: return 0x94;
		case 0x2013: return 0x96;
		case 0x2014: return 0x97;
		case 0x2022: return 0x95;
		case 0x20AC: return 0x80;
		default: return '?';
		}
	}
	*used = 1;
	return '?';
}

/* One line of text as a PDF string literal (escaped), in WinAnsi. */
static void pdf_string(FILE *out, const char *s)
{
	fputc('(', out);
	for (size_t i = 0; s[i];) {
		size_t used;
		int c = winansi((const unsigned char *) s + i, &used);
		i += used;
		if (c == '(' || c == ')' || c == '\\')
			fputc('\\', out);
		fputc(c, out);
	}
	fputc(')', out);
}

struct line {
	char text[WRAP * 4 + 1];
	int bold;
};

static struct line lines[2000];
static int nlines;

static void add_line(const char *s, size_t n, int bold)
{
	if (nlines == (int) (sizeof(lines) / sizeof(lines[0])))
		return;
	if (n > sizeof(lines[0].text) - 1)
		n = sizeof(lines[0].text) - 1;
	memcpy(lines[nlines].text, s, n);
	lines[nlines].text[n] = '\0';
	lines[nlines++].bold = bold;
}

/* Word-wrap a paragraph; Markdown emphasis marks are dropped. */
static void add_paragraph(const char *p, int bold)
{
	char clean[8192];
	size_t k = 0;
	for (size_t i = 0; p[i] && k < sizeof(clean) - 1; i++)
		if (p[i] != '*' && p[i] != '#' && p[i] != '_')
			clean[k++] = p[i] == '\n' ? ' ' : p[i];
	clean[k] = '\0';
	const char *s = clean;
	while (*s == ' ')
		s++;
	while (*s) {
		size_t len = strlen(s), cut = len, chars = 0;
		for (size_t i = 0; i < len; i++) {
			if (((unsigned char) s[i] & 0xC0) != 0x80)
				chars++;
			if (chars > WRAP) {
				cut = i;
				while (cut > 0 && s[cut] != ' ')
					cut--;
				if (!cut)
					cut = i;
				break;
			}
		}
		add_line(s, cut, bold);
		s += cut;
		while (*s == ' ')
			s++;
	}
	add_line("", 0, 0);
}

/* The next line of *p (NUL-terminated in place), or NULL at the end. */
static char *next_line(char **p)
{
	if (!**p)
		return NULL;
	char *l = *p, *nl = strchr(l, '\n');
	if (nl) {
		*nl = '\0';
		*p = nl + 1;
	} else {
		*p = l + strlen(l);
	}
	return l;
}

static void obj_start(FILE *out)
{
	offsets[++nobj] = ftell(out);
	fprintf(out, "%d 0 obj\n", nobj);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: mkpdf IN.md OUT.pdf\n");
		return 2;
	}
	FILE *in = fopen(argv[1], "rb");
	if (!in) {
		perror(argv[1]);
		return 1;
	}
	static char text[1 << 20];
	size_t len = fread(text, 1, sizeof(text) - 1, in);
	fclose(in);
	text[len] = '\0';
	char title[512] = "Vertrouwd", lead[2048] = "";
	char *body = text;
	if (!strncmp(text, "---\n", 4)) {
		char *end = strstr(text + 4, "\n---");
		if (end) {
			*end = '\0';
			body = end + 4;
			for (char *p = text + 4, *l; (l = next_line(&p));) {
				char *dst = !strncmp(l, "title:", 6) ? title : !strncmp(l, "lead:", 5) ? lead : NULL;
				if (!dst)
					continue;
				char *v = strchr(l, ':') + 1;
				while (*v == ' ' || *v == '"')
					v++;
				size_t n = strlen(v);
				while (n && (v[n - 1] == '"' || v[n - 1] == ' '))
					n--;
				snprintf(dst, dst == title ? sizeof(title) : sizeof(lead), "%.*s", (int) n, v);
			}
		}
	}
	add_paragraph(title, 1);
	if (*lead)
		add_paragraph(lead, 0);
	/* Paragraphs end at blank lines; headings and list items stand alone. */
	char para[8192];
	size_t plen = 0;
	int heading = 0;
	for (char *p = body, *l; (l = next_line(&p));) {
		int blank = !*l, head = l[0] == '#', item = l[0] == '-' && l[1] == ' ';
		if ((blank || head || item) && plen) {
			para[plen] = '\0';
			add_paragraph(para, heading);
			plen = 0;
		}
		heading = head;
		if (item) {
			memcpy(para, "\xE2\x80\xA2 ", 4); /* a bullet */
			plen = 4;
			l += 2;
		}
		size_t n = strlen(l);
		if (!blank && plen + n + 2 < sizeof(para)) {
			memcpy(para + plen, l, n);
			plen += n;
			para[plen++] = ' ';
		}
	}
	if (plen) {
		para[plen] = '\0';
		add_paragraph(para, heading);
	}
	add_paragraph("Vertrouwd - voorbeeldmateriaal, vrij te verspreiden.", 0);

	FILE *out = fopen(argv[2], "wb");
	if (!out) {
		perror(argv[2]);
		return 1;
	}
	int pages = (nlines + LINES_PER_PAGE - 1) / LINES_PER_PAGE;
	if (pages > 20)
		pages = 20;
	fprintf(out, "%%PDF-1.4\n%%\xE2\xE3\xCF\xD3\n");
	obj_start(out); /* 1: catalog */
	fprintf(out, "<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	obj_start(out); /* 2: pages */
	fprintf(out, "<< /Type /Pages /Count %d /Kids [", pages);
	for (int i = 0; i < pages; i++)
		fprintf(out, " %d 0 R", 5 + i * 2);
	fprintf(out, " ] >>\nendobj\n");
	obj_start(out); /* 3, 4: fonts */
	fprintf(out, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n");
	obj_start(out);
	fprintf(out,
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>\nendobj\n");
	for (int pg = 0; pg < pages; pg++) {
		static char stream[1 << 16];
		size_t sl = 0;
		FILE *ms = fmemopen(stream, sizeof(stream), "w");
		fprintf(ms, "BT\n/F1 11 Tf\n14 TL\n56 790 Td\n");
		for (int i = pg * LINES_PER_PAGE; i < nlines && i < (pg + 1) * LINES_PER_PAGE; i++) {
			fprintf(ms, "/F%d %d Tf ", lines[i].bold ? 2 : 1, lines[i].bold && i == 0 ? 16 : 11);
			pdf_string(ms, lines[i].text);
			fprintf(ms, " Tj T*\n");
		}
		fprintf(ms, "ET\n");
		fflush(ms);
		sl = (size_t) ftell(ms);
		fclose(ms);
		obj_start(out); /* page */
		fprintf(out,
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 "
			"R >> >> "
			"/Contents %d 0 R >>\nendobj\n",
			nobj + 1);
		obj_start(out); /* contents */
		fprintf(out, "<< /Length %zu >>\nstream\n", sl);
		fwrite(stream, 1, sl, out);
		fprintf(out, "\nendstream\nendobj\n");
	}
	long xref = ftell(out);
	fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", nobj + 1);
	for (int i = 1; i <= nobj; i++)
		fprintf(out, "%010ld 00000 n \n", offsets[i]);
	fprintf(out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", nobj + 1, xref);
	return fclose(out) ? 1 : 0;
}
