// Browser checks of the public portal with the system Chromium (playwright-core,
// no browser download) and axe-core.
//
//   node tests/browser/portal.mjs http://127.0.0.1:PORT
//
// Prints "ok - ..." or "not ok - ..." per check (with "#" detail lines) and
// exits 1 when a check failed. Screenshots go to test-output/. Plain ESM that
// runs on Node 18.
import { mkdirSync, statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { runAxe } from './axe.mjs';

const base = (process.argv[2] || '').replace(/\/+$/, '');
if (!/^https?:\/\/[^/]+$/.test(base)) {
	console.error('usage: node tests/browser/portal.mjs http://127.0.0.1:PORT');
	process.exit(2);
}
const origin = new URL(base).origin;
const outDir = 'test-output';
const NOT_FOUND_PATH = '/deze-pagina-bestaat-niet';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let passed = 0;
let failed = 0;

function report(name, ok, details = []) {
	if (ok) {
		passed++;
		console.log(`ok - ${name}`);
	} else {
		failed++;
		console.log(`not ok - ${name}`);
	}
	for (const d of details) console.log(`#   ${d}`);
}

// check NAME FN: FN returns nothing (pass), or throws / returns a string (fail).
async function check(name, fn) {
	try {
		const why = await fn();
		if (typeof why === 'string' && why) report(name, false, [why]);
		else report(name, true);
	} catch (e) {
		report(name, false, [String(e && e.message ? e.message : e).split('\n')[0]]);
	}
}

// ---- what happens on every page: console errors, failed and foreign requests ----

const consoleErrors = [];
const failedRequests = [];
const foreignRequests = [];

function watch(page) {
	page.on('console', (msg) => {
		if (msg.type() !== 'error') return;
		const loc = msg.location();
		// The 404 page is meant to answer 404; Chromium logs that as a console error.
		if (/status of 404/.test(msg.text()) && loc.url && new URL(loc.url).pathname === NOT_FOUND_PATH) return;
		consoleErrors.push(`${page.url()}: ${msg.text()}`);
	});
	page.on('pageerror', (err) => consoleErrors.push(`${page.url()}: uncaught ${err.message}`));
	page.on('request', (req) => {
		const url = req.url();
		if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return;
		if (new URL(url).origin !== origin) foreignRequests.push(`${req.resourceType()} ${url}`);
	});
	page.on('requestfailed', (req) => {
		// The browser itself aborts a favicon fetch when the page navigates on; not a server failure.
		const why = req.failure() ? req.failure().errorText : '';
		if (why === 'net::ERR_ABORTED' && req.url().includes('/favicon')) return;
		failedRequests.push(`${req.url()}: ${req.failure() ? req.failure().errorText : 'failed'}`);
	});
	page.on('response', (res) => {
		const req = res.request();
		const path = new URL(res.url()).pathname;
		if (res.status() >= 400 && !(req.isNavigationRequest() && path === NOT_FOUND_PATH))
			failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
	});
}

// Report a multi-line failure with one "#" line each.
async function checkLines(name, fn) {
	try {
		const why = await fn();
		if (why) report(name, false, why.split('\n'));
		else report(name, true);
	} catch (e) {
		report(name, false, [String(e && e.message ? e.message : e).split('\n')[0]]);
	}
}

// ---- the run ----

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
	],
});

let itemUrl = null;
let listUrl = `${base}/nieuws`;
try {
	mkdirSync(outDir, { recursive: true });
	const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'nl-NL' });
	ctx.setDefaultTimeout(15000);
	const page = await ctx.newPage();
	watch(page);

	// Home.
	await check('home page answers 200 with a title containing "Vertrouwd"', async () => {
		const res = await page.goto(`${base}/`, { waitUntil: 'load' });
		if (!res || res.status() !== 200) return `status ${res ? res.status() : 'none'}`;
		const title = await page.title();
		if (!title.includes('Vertrouwd')) return `title is "${title}"`;
	});

	// Keyboard: the first Tab reaches the skip link, Enter moves focus to main.
	await check('first Tab focuses the skip link "Naar de inhoud"; Enter moves focus to main', async () => {
		await page.goto(`${base}/`, { waitUntil: 'load' });
		await page.keyboard.press('Tab');
		const first = await page.evaluate(() => {
			const el = document.activeElement;
			return { tag: el.tagName, text: el.textContent.trim(), href: el.getAttribute('href'), visible: el.getBoundingClientRect().height > 0 };
		});
		if (first.tag !== 'A' || first.text !== 'Naar de inhoud')
			return `first Tab focused <${first.tag.toLowerCase()}> "${first.text.slice(0, 40)}"`;
		if (!first.visible) return 'the skip link has no size when focused';
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'MAIN', null, { timeout: 3000 }).catch(() => {});
		const now = await page.evaluate(() => ({ tag: document.activeElement.tagName, id: document.activeElement.id, hash: location.hash }));
		if (now.tag !== 'MAIN') return `after Enter focus is on <${now.tag.toLowerCase()}> id="${now.id}" (hash ${now.hash})`;
	});

	// From the first news card on the home page to the item.
	await check('first news card on the home page leads to its item (h1 = link text, body has text)', async () => {
		await page.goto(`${base}/`, { waitUntil: 'load' });
		let link = page.locator('section[aria-labelledby="nieuws-kop"] .card h3 a').first();
		if ((await link.count()) === 0) link = page.locator('.card h3 a').first();
		if ((await link.count()) === 0) return 'no news card link on the home page';
		const text = (await link.innerText()).trim();
		await Promise.all([page.waitForLoadState('load'), link.click()]);
		await page.waitForURL((u) => u.pathname !== '/', { timeout: 5000 });
		itemUrl = page.url();
		if (!/\/nieuws\/[a-z0-9-]+$/.test(new URL(itemUrl).pathname)) return `landed on ${itemUrl}`;
		const h1s = await page.locator('h1').allInnerTexts();
		if (h1s.length !== 1) return `${h1s.length} h1 elements on the item page`;
		if (h1s[0].trim() !== text) return `h1 "${h1s[0].trim()}" differs from the link text "${text}"`;
		const body = (await page.locator('.prose').first().innerText()).trim();
		if (body.length < 50) return `.prose holds only ${body.length} characters`;
	});

	// The news list and its pager.
	await check('/nieuws lists 10 cards and "Volgende" leads to page 2', async () => {
		const res = await page.goto(listUrl, { waitUntil: 'load' });
		if (!res || res.status() !== 200) return `status ${res ? res.status() : 'none'}`;
		const cards = await page.locator('.cards .card').count();
		if (cards !== 10) return `${cards} cards on page 1`;
		const next = page.locator('a[rel="next"]', { hasText: 'Volgende' });
		if ((await next.count()) !== 1) return 'no "Volgende" link';
		const firstTitle = await page.locator('.cards .card h3').first().innerText();
		await Promise.all([page.waitForLoadState('load'), next.click()]);
		await page.waitForURL((u) => u.search.includes('2'), { timeout: 5000 });
		const cards2 = await page.locator('.cards .card').count();
		if (cards2 < 1) return `page 2 (${page.url()}) has no cards`;
		const firstTitle2 = await page.locator('.cards .card h3').first().innerText();
		if (firstTitle2 === firstTitle) return 'page 2 starts with the same item as page 1';
		const pager = await page.locator('nav.pager').innerText();
		if (!/Pagina 2 van/.test(pager)) return `pager on page 2 says "${pager.replace(/\s+/g, ' ')}"`;
		if ((await page.locator('a[rel="prev"]').count()) !== 1) return 'page 2 has no "Vorige" link';
	});

	// A page that does not exist.
	await check('an unknown page answers 404 with "Pagina niet gevonden"', async () => {
		const res = await page.goto(`${base}${NOT_FOUND_PATH}`, { waitUntil: 'load' });
		if (!res || res.status() !== 404) return `status ${res ? res.status() : 'none'}`;
		const text = await page.locator('body').innerText();
		if (!text.includes('Pagina niet gevonden')) return `page text: "${text.slice(0, 80).replace(/\s+/g, ' ')}"`;
	});

	// Search as a person does: type a misspelt word, submit, follow the suggestion.
	await check('search: a typo gets "Bedoelde je", the suggestion finds results with marked hits', async () => {
		await page.goto(`${base}/zoeken`, { waitUntil: 'load' });
		await page.fill('#zoekvraag', 'klokkenluder');
		await Promise.all([page.waitForNavigation(), page.press('#zoekvraag', 'Enter')]);
		const dym = page.locator('.did-you-mean a');
		if ((await dym.count()) !== 1) return 'no "Bedoelde je" suggestion';
		await Promise.all([page.waitForNavigation(), dym.click()]);
		if ((await page.locator('.hit').count()) < 1) return 'no results after following the suggestion';
		if ((await page.locator('.hit mark').count()) < 1) return 'no marked hits in the snippets';
	});

	// Every page type, for screenshots at desktop and phone width and for axe.
	const kennisbank = `${base}/kennisbank/wat-doet-een-vertrouwenspersoon`;
	const pageTypes = [
		['home', `${base}/`],
		['list', listUrl],
		['item', itemUrl],
		['kennisbank', kennisbank],
		['kennisbank-list', `${base}/kennisbank`],
		['articles', `${base}/kennisartikelen`],
		['employers', `${base}/voor-organisaties`],
		['downloads', `${base}/downloads`],
		['download', `${base}/downloads/checklist-meldregeling`],
		['category', `${base}/categorie/integriteit`],
		['filtered', `${base}/nieuws?categorie=integriteit&categorie=klokkenluider`],
		['search', `${base}/zoeken?q=pesten+op+het+werk`],
		['search-empty', `${base}/zoeken?q=xyzzyqwv`],
		['find-vp', `${base}/vind-een-vertrouwenspersoon`],
	];
	const shots = pageTypes;
	for (const [size, vp] of [['desktop', DESKTOP], ['phone', PHONE]]) {
		await page.setViewportSize(vp);
		for (const [name, url] of shots) {
			await check(`${name} at ${size} width (${vp.width}px): no horizontal scrolling, screenshot saved`, async () => {
				if (!url) return 'no URL (an earlier check failed)';
				await page.goto(url, { waitUntil: 'load' });
				const file = `${outDir}/${name}-${size}.png`;
				await page.screenshot({ path: file, fullPage: true });
				if (statSync(file).size < 1000) return `${file} is almost empty`;
				const over = await page.evaluate(() => {
					const w = document.documentElement.clientWidth;
					const wide = [...document.querySelectorAll('body *')]
						.filter((el) => el.getBoundingClientRect().right > w + 1)
						.slice(0, 3)
						.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
					return { sw: document.documentElement.scrollWidth, w, wide };
				});
				if (over.sw > over.w) return `page is ${over.sw}px wide in a ${over.w}px viewport (${over.wide.join(', ')})`;
			});
		}
	}
	await page.setViewportSize(DESKTOP);

	// axe-core: no WCAG 2 A/AA violations.
	for (const [label, url] of [...pageTypes, ['404 page', `${base}${NOT_FOUND_PATH}`]]) {
		await checkLines(`axe: no WCAG 2 A/AA violations on the ${label}`, async () => {
			if (!url) return 'no URL (an earlier check failed)';
			return runAxe(browser, url, label, { status: label === '404 page' ? 404 : 200 });
		});
	}

	await ctx.close();

	report('no console errors on any page', consoleErrors.length === 0, [...new Set(consoleErrors)].slice(0, 10));
	report('no failed requests on any page', failedRequests.length === 0, [...new Set(failedRequests)].slice(0, 10));
	report(`no request goes to a host other than ${origin}`, foreignRequests.length === 0, [...new Set(foreignRequests)].slice(0, 10));
} catch (e) {
	report('browser run', false, [String(e && e.stack ? e.stack : e).split('\n').slice(0, 3).join(' ')]);
} finally {
	await browser.close();
}

console.log(`# portal.mjs: ${passed} ok, ${failed} not ok`);
process.exit(failed ? 1 : 0);
