// The annual report in a real browser, with axe on every page: the contact
// opens the dashboard and the report released two years ago (charts, tables,
// at desktop and phone width), and the external VP opens last year's preview.
// Screenshots go to test-output/report-*.png.
//
//   node tests/browser/reports.mjs BASE_URL   (env: ORG_EMAIL, ORG_PASSWORD, VP_PASSWORD, VP_TOTP, CHROMIUM)
//
// Prints "ok - ..." / "not ok - ..." lines; exits 1 when a check failed.
import { mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { check, failures, totp } = await import('./checks.mjs');
const { chromium } = require('playwright-core');
const { axeOnPage } = await import('./axe.mjs');
const base = (process.argv[2] || '').replace(/\/+$/, '');
const org = 'gemeente-rivierstad';
const outDir = 'test-output';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
// The server counts years in Amsterdam; so does this test.
const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));
const released = year - 2, preview = year - 1;

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const fresh = async () => {
	const p = await (await browser.newContext({ bypassCSP: true, viewport: DESKTOP, locale: 'nl-NL' })).newPage();
	p.setDefaultTimeout(15000);
	return p;
};

// Sign in (code: a TOTP secret, or none); a code counts once per account, so after a refusal wait for the next step.
async function signIn(page, email, password, secret) {
	for (let attempt = 0; attempt < 2; attempt++) {
		await page.goto(`${base}/inloggen`);
		await page.fill('#email', email);
		await page.fill('#password', password);
		if (secret) await page.fill('#code', totp(secret));
		await page.click('form[action="/inloggen"] button[type=submit]');
		await page.waitForLoadState('load');
		if (new URL(page.url()).pathname !== '/inloggen') return '';
		if (!secret) break;
		await new Promise((r) => setTimeout(r, 30000 - (Date.now() % 30000) + 500));
	}
	return `${email} could not sign in`;
}

async function open(page, path) {
	const resp = await page.goto(base + path, { waitUntil: 'load' });
	return resp && resp.status() === 200 ? '' : `${path}: HTTP ${resp ? resp.status() : 'none'}`;
}

// Every reason a check failed, on its own line ('' when none).
const all = (...whys) => whys.filter(Boolean).join('\n');

// A full-page screenshot at desktop and at phone width, where nothing may be wider than the screen.
async function shots(page, name) {
	try {
		for (const [size, vp] of [['desktop', DESKTOP], ['phone', PHONE]]) {
			await page.setViewportSize(vp);
			const file = `${outDir}/report-${name}-${size}.png`;
			await page.screenshot({ path: file, fullPage: true });
			if (statSync(file).size < 1000) return `${file} is almost empty`;
			const over = await page.evaluate(() => {
				const w = document.documentElement.clientWidth;
				const wide = [...document.querySelectorAll('body *')]
					.filter((el) => el.getBoundingClientRect().right > w + 1 && !el.closest('.main-nav'))
					.slice(0, 3)
					.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
				return { sw: document.documentElement.scrollWidth, w, wide };
			});
			if (over.sw > over.w)
				return `${name} at ${size} width: the page is ${over.sw}px wide in ${over.w}px (${over.wide.join(', ')})`;
		}
		return '';
	} finally {
		await page.setViewportSize(DESKTOP);
	}
}

// What the report's CSS must do: charts inside the column, numbers right-aligned, totals bold.
async function layout(page) {
	return page.evaluate(() => {
		const main = document.querySelector('.report').getBoundingClientRect();
		const svgs = [...document.querySelectorAll('figure.chart svg')];
		if (!svgs.length) return 'no chart';
		for (const s of svgs) {
			const r = s.getBoundingClientRect();
			if (r.width < 100 || r.height < 40) return `a chart is ${Math.round(r.width)}x${Math.round(r.height)}px`;
			if (r.right > main.right + 1) return `a chart sticks out of the column (${Math.round(r.right)} > ${Math.round(main.right)})`;
		}
		const td = document.querySelector('td.num');
		if (!td || getComputedStyle(td).textAlign !== 'right') return 'numbers are not right-aligned';
		const total = document.querySelector('tr.total th');
		if (!total || Number(getComputedStyle(total).fontWeight) < 600) return 'a total row is not bold';
		if (!document.querySelector('.report-state')) return 'no report state';
		return '';
	});
}

// ---- the contact ----
const contact = await fresh();
await check('the contact signs in', () =>
	signIn(contact, process.env.ORG_EMAIL || 'hr@demo.vertrouwd.example', process.env.ORG_PASSWORD || 'demo-organisatie-wachtwoord'));

await check(`the dashboard lists the report of ${released}, axe-clean, screenshots saved`, async () => {
	const why = await open(contact, `/organisatie/${org}`);
	if (why) return why;
	if (!(await contact.locator(`a[href="/organisatie/${org}/jaarverslag/${released}"]`).count())) return 'no link to the report';
	if (await contact.locator(`a[href="/organisatie/${org}/jaarverslag/${preview}"]`).count()) return `a link to ${preview}, not released`;
	return all(await axeOnPage(contact, 'the organisation dashboard'), await shots(contact, 'dashboard'));
});

await check(`the report of ${released}: charts, tables and downloads, axe-clean, screenshots saved`, async () => {
	await contact.click(`a[href="/organisatie/${org}/jaarverslag/${released}"]`);
	await contact.waitForLoadState('load');
	if (!(await contact.locator('h1').textContent()).includes(String(released))) return 'not the report';
	for (const f of ['pdf', 'csv', 'json'])
		if (!(await contact.locator(`a[href$="/jaarverslag/${released}/${f}"]`).count())) return `no ${f} link`;
	return all(await axeOnPage(contact, `the report of ${released}`), await shots(contact, 'released'), await layout(contact));
});

await check('the report printed: no site navigation, charts kept', async () => {
	await contact.emulateMedia({ media: 'print' });
	const why = await contact.evaluate(() => {
		if (getComputedStyle(document.querySelector('.site-header')).display !== 'none') return 'the header prints';
		const svg = document.querySelector('figure.chart svg');
		return svg && svg.getBoundingClientRect().width > 100 ? '' : 'no chart in print';
	});
	await contact.emulateMedia({ media: 'screen' });
	return why;
});

// ---- the VP ----
const erik = await fresh();
await check('the external VP signs in', () =>
	signIn(erik, 'erik@demo.vertrouwd.example', process.env.VP_PASSWORD, process.env.VP_TOTP));

await check(`the VP's preview of ${preview}: draft, comparison, forms, axe-clean, screenshots saved`, async () => {
	const why = await open(erik, `/werkruimte/${org}/jaarverslag/${preview}`);
	if (why) return why;
	if (!(await erik.locator('.report-state.draft').count())) return 'not marked as a preview';
	if (!(await erik.locator('#vergelijking').count())) return `no comparison with ${released}`;
	if (!(await erik.locator('textarea#tekst').count())) return 'no text form';
	if ((await erik.locator(`form[action$="/jaarverslag/${preview}/vrijgeven"] button`).textContent()).trim() !==
	    `Jaarverslag ${preview} vrijgeven`)
		return 'the release button names another year';
	return all(await axeOnPage(erik, `the preview of ${preview}`), await shots(erik, 'preview'), await layout(erik));
});

await browser.close();
process.exit(failures() ? 1 : 0);
