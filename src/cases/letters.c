/*
 * Ready-made texts a VP adapts before sending (work.h): the acknowledgement of
 * a formal report that the Wet bescherming klokkenluiders asks for within 7
 * days, in Dutch and English. Written for this project.
 */
#include <string.h>

#include "cases/work.h"

const char *cases_ack_text(struct arena *a, const char *lang, const char *org_name, const char *received_on,
			   const char *who)
{
	if (lang && !strcmp(lang, "en"))
		return arena_printf(
		    a,
		    "Dear reporter,\n\n"
		    "I received your report to %s on %s. With this message I confirm that it has arrived and that I "
		    "am handling it as a report under the Dutch Whistleblowers Protection Act (Wet bescherming "
		    "klokkenluiders).\n\n"
		    "What happens next: I will look into your report carefully and tell you, within three months of "
		    "this confirmation, what has been done with it. Nothing that could identify you is passed on "
		    "without your consent.\n\n"
		    "You can reply here in your mailbox at any time, with your receipt code. Please do not share that "
		    "code with anyone.\n\n"
		    "Kind regards,\n%s\nConfidential advisor",
		    org_name, received_on, who);
	return arena_printf(
	    a,
	    "Beste melder,\n\n"
	    "Op %s heb ik uw melding voor %s ontvangen. Met dit bericht bevestig ik dat die goed is aangekomen en "
	    "dat ik haar behandel als een melding onder de Wet bescherming klokkenluiders.\n\n"
	    "Hoe het verder gaat: ik bekijk uw melding zorgvuldig en laat u binnen drie maanden na deze bevestiging "
	    "weten wat ermee gedaan is. Niets waaraan u te herkennen bent, gaat zonder uw toestemming naar "
	    "anderen.\n\n"
	    "U kunt hier in uw postvak altijd reageren, met uw ontvangstcode. Deel die code met niemand.\n\n"
	    "Met vriendelijke groet,\n%s\nVertrouwenspersoon",
	    received_on, org_name, who);
}
