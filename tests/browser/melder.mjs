// The melder's channel in a real browser, with axe on every page of it: a melder
// reports anonymously and keeps the receipt code, the external VP signs in (TOTP),
// reads and replies, and the melder comes back with the code and reads the reply.
//
//   node tests/browser/melder.mjs BASE_URL   (env: VP_EMAIL, VP_PASSWORD, VP_TOTP, CHROMIUM)
//
// Prints "ok - ..." / "not ok - ..." lines; exits 1 when a check failed.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { check, failures, totp } = await import('./checks.mjs');
const { chromium } = require('playwright-core');
const { axeOnPage } = await import('./axe.mjs');
const base = (process.argv[2] || '').replace(/\/+$/, '');
const org = '/organisaties/gemeente-rivierstad';

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
// Contexts bypass CSP only so that axe can be injected into pages reached by a POST.
const fresh = async () => {
	const p = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
	p.setDefaultTimeout(15000);
	return p;
};
const words = {
	nl: { h1: 'Vertrouwenspersonen van', receipt: 'Uw ontvangstcode', mailbox: 'Uw postvak', reply: 'Zullen we volgende week bellen' },
	en: { h1: 'Confidential advisers of', receipt: 'Your receipt code', mailbox: 'Your mailbox', reply: 'Shall we talk next week' },
};

// The whole flow in one language: report, the VP reads and replies, the melder reads the reply.
async function flow(lang) {
	const w = words[lang];
	const q = lang === 'nl' ? '' : `?taal=${lang}`;
	const melder = await fresh();
	let code = '';
	const story = `Browsertest (${lang}): op onze afdeling wordt al weken overgewerkt zonder dat iemand iets zegt.`;

	await check(`[${lang}] the organisation page shows its VPs and the form, axe-clean`, async () => {
		await melder.goto(base + org + q);
		if ((await melder.getAttribute('html', 'lang')) !== lang) return `lang=${await melder.getAttribute('html', 'lang')}`;
		if (!(await melder.textContent('h1')).includes(w.h1)) return `h1: ${await melder.textContent('h1')}`;
		const cards = await melder.locator('.vp-card').count();
		if (cards !== 2) return `${cards} VP cards`;
		await melder.screenshot({ path: `test-output/melder-org-${lang}.png`, fullPage: true });
		return axeOnPage(melder, `${org}${q}`);
	});

	await check(`[${lang}] an anonymous report gives a receipt code, axe-clean`, async () => {
		await melder.check('input[name=soort][value=melden]');
		await melder.selectOption('#onderwerp', 'werkdruk');
		await melder.fill('#bericht', story);
		await melder.check('input[name=toestemming]');
		await Promise.all([melder.waitForLoadState('load'), melder.click('form[action="/melden"] button[type=submit]')]);
		if (!(await melder.textContent('.receipt-card h2')).includes(w.receipt)) return 'the receipt is not in this language';
		code = ((await melder.textContent('.receipt-card .code')) || '').trim().replace(/\s+/g, ' ');
		if (!/^\d{4}( \d{4}){4}$/.test(code)) return `code: ${code}`;
		if (new URL(melder.url()).search) return `the address holds something: ${melder.url()}`;
		await melder.screenshot({ path: `test-output/melder-receipt-${lang}.png`, fullPage: true });
		return axeOnPage(melder, `the receipt page (${lang})`);
	});

	await check(`[${lang}] the melder opens the mailbox with the code, axe-clean`, async () => {
		await melder.goto(base + org + q);
		await melder.fill('#code', code);
		await Promise.all([melder.waitForURL(/\/postvak(\?taal=[a-z]+)?$/), melder.click('form[action="/postvak/inloggen"] button')]);
		if (!(await melder.textContent('h1')).includes(w.mailbox)) return `h1: ${await melder.textContent('h1')}`;
		if (!(await melder.textContent('.messages')).includes('overgewerkt')) return 'the report is not in the mailbox';
		return axeOnPage(melder, `the mailbox (${lang})`);
	});

	await check(`[${lang}] the VP finds the case and replies, axe-clean`, async () => {
		await vp.goto(`${base}/werkruimte`);
		let why = await axeOnPage(vp, 'the workspace');
		if (why) return why;
		await vp.goto(`${base}/werkruimte/gemeente-rivierstad`);
		why = await axeOnPage(vp, "an organisation's cases");
		if (why) return why;
		await vp.click('a[href*="/zaken/"] >> nth=0'); /* the newest */
		if (!(await vp.textContent('.messages')).includes(`Browsertest (${lang})`)) return 'the VP does not read the report';
		why = await axeOnPage(vp, 'a case');
		if (why) return why;
		await vp.fill('#bericht', `${w.reply}? Laat hier weten wanneer het past.`);
		await Promise.all([vp.waitForURL(/#berichten$/), vp.click('form[action$="/bericht"] button')]);
		await vp.screenshot({ path: `test-output/vp-case-${lang}.png`, fullPage: true });
	});

	await check(`[${lang}] the melder comes back with the code and reads the reply`, async () => {
		const back = await fresh();
		await back.goto(base + org + q);
		await back.fill('#code', code);
		await Promise.all([back.waitForURL(/\/postvak/), back.click('form[action="/postvak/inloggen"] button')]);
		if (!(await back.textContent('.messages')).includes(w.reply)) return 'no reply in the mailbox';
		await back.screenshot({ path: `test-output/melder-mailbox-${lang}.png`, fullPage: true });
		await Promise.all([back.waitForURL((u) => !u.pathname.startsWith('/postvak')), back.click('form[action="/postvak/uitloggen"] button')]);
		const cookies = await back.context().cookies(base);
		if (cookies.some((c) => c.name.endsWith('vt_postvak'))) return 'the mailbox cookie outlived signing out';
	});
}

// The VP signs in once: a TOTP code works only once, and both flows may fall in one 30-second step.
const vp = await fresh();
await check('the VP signs in with password and TOTP code', async () => {
	await vp.goto(`${base}/inloggen`);
	await vp.fill('#email', process.env.VP_EMAIL);
	await vp.fill('#password', process.env.VP_PASSWORD);
	await vp.fill('#code', totp(process.env.VP_TOTP));
	await Promise.all([vp.waitForURL(/\/account$/), vp.click('form[action="/inloggen"] button[type=submit]')]);
});
await flow('nl');
await flow('en');

await browser.close();
process.exit(failures() ? 1 : 0);
