// The editor in a real browser: sign in with a TOTP code, write a draft, preview it,
// schedule it, see it go live on the portal and in search, edit it twice and restore
// the first edit, and give it an image from the form.
//
//   node tests/browser/editor.mjs BASE_URL   (env: EDITOR_EMAIL, EDITOR_PASSWORD, EDITOR_TOTP)
//
// Prints "ok - ..." / "not ok - ..." lines; exits 1 when a check failed.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { check, failures, totp } = await import('./checks.mjs');
const { chromium } = require('playwright-core');
const { runAxe } = await import('./axe.mjs');
const base = (process.argv[2] || '').replace(/\/+$/, '');
const slug = 'browsertest-fietsenstalling';

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
page.setDefaultTimeout(15000);
const status = async (path) => (await page.request.get(base + path, { maxRedirects: 0 })).status();
const save = () => Promise.all([page.waitForURL(/opgeslagen=1/), page.click('button[name=opslaan]')]);

await check('the editor signs in with password and TOTP code', async () => {
	await page.goto(`${base}/inloggen`);
	await page.fill('#email', process.env.EDITOR_EMAIL);
	await page.fill('#password', process.env.EDITOR_PASSWORD);
	await page.fill('#code', totp(process.env.EDITOR_TOTP));
	await Promise.all([page.waitForURL(/\/account$/), page.click('form[action="/inloggen"] button[type=submit]')]);
});

await check('a draft, previewed without JavaScript', async () => {
	await page.goto(`${base}/redactie/nieuw?type=nieuws`);
	await page.fill('#e-title', 'Browsertest fietsenstalling');
	await page.fill('#e-slug', slug);
	await page.fill('#e-categories', 'Integriteit');
	await page.fill('#e-body', '## Stalling\n\nDe **fietsenstalling** gaat open.');
	await page.click('button[name=voorbeeld]');
	const html = await page.locator('.preview .prose').innerHTML();
	if (!html.includes('<strong>fietsenstalling</strong>')) return `preview: ${html.slice(0, 120)}`;
	await page.screenshot({ path: 'test-output/editor-preview.png', fullPage: true });
});

await check('saved as concept it stays off the site', async () => {
	await page.selectOption('#e-status', 'concept');
	await save();
	const s = await status(`/nieuws/${slug}`);
	if (s !== 404) return `public page: ${s}`;
});

await check('scheduled, the server publishes it by itself', async () => {
	await page.selectOption('#e-status', 'gepland');
	await page.fill('#e-publish-at', '2026-01-01T09:00');
	await save();
	for (let i = 0; i < 50 && (await status(`/nieuws/${slug}`)) !== 200; i++) await page.waitForTimeout(200);
	const s = await status(`/nieuws/${slug}`);
	if (s !== 200) return `public page: ${s}`;
});

await check('and search finds it', async () => {
	const res = await page.request.get(`${base}/zoeken?q=fietsenstalling`);
	if (!(await res.text()).includes(`/nieuws/${slug}`)) return 'not in the results';
});

await check('two edits, then the first one restored', async () => {
	for (const extra of ['Eerste aanvulling.', 'Tweede aanvulling.']) {
		await page.goto(`${base}/redactie/nieuws/${slug}`);
		await page.fill('#e-body', `## Stalling\n\nDe **fietsenstalling** gaat open. ${extra}`);
		await save();
	}
	await page.goto(`${base}/redactie/nieuws/${slug}/versies`);
	// Newest first: the current version has no button, the next one is the first edit.
	await Promise.all([page.waitForURL(/teruggezet=1/), page.locator('button[form^="restore-"]').first().click()]);
	const text = await (await page.request.get(`${base}/nieuws/${slug}`)).text();
	if (!text.includes('Eerste aanvulling') || text.includes('Tweede aanvulling')) return 'the public page has the wrong version';
	await page.screenshot({ path: 'test-output/editor-revisions.png', fullPage: true });
});
await check('an image uploaded with the form shows on the item with its description', async () => {
	await page.goto(`${base}/redactie/nieuws/${slug}`);
	await page.setInputFiles('#e-image-file', 'tests/fixtures/gesprek.webp');
	await page.fill('#e-image-alt', 'Twee figuren in gesprek');
	await save();
	await page.goto(`${base}/nieuws/${slug}`);
	const img = page.locator('.item-image img');
	if ((await img.getAttribute('alt')) !== 'Twee figuren in gesprek') return 'no image with its alt text';
	const width = await img.evaluate((el) => el.naturalWidth);
	if (width !== 320) return `the image did not load (naturalWidth ${width})`;
	await page.goto(`${base}/redactie/media`);
	if (!(await page.locator('.media-item', { hasText: 'gesprek.webp' }).count())) return 'not in the media library';
	await page.screenshot({ path: 'test-output/editor-media.png', fullPage: true });
});
for (const [path, label] of [
	['/redactie/media', 'media library'],
	['/redactie/nieuw?type=download', 'new download form'],
	['/redactie', 'editor list'],
]) {
	await check(`axe: no WCAG 2 A/AA violations on the ${label}`, async () =>
		runAxe(browser, base + path, label, { cookies: await page.context().cookies() }),
	);
}

await browser.close();
process.exit(failures() ? 1 : 0);
