// The editor's flow in Chromium through nginx with TLS (tests/proxy/run.sh starts both):
// sign in, the cookies as the browser keeps them (__Host-, Secure, ending with the
// browser), save an item that goes live, sign out and find the session cleared.
//
//   node tests/browser/proxy.mjs HTTPS_BASE_URL   (env: EDITOR_EMAIL, EDITOR_PASSWORD, CHROMIUM)
//
// Prints "ok - ..." / "not ok - ..." lines; exits 1 when a check failed.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { check, failures, totp } = await import('./checks.mjs');
const { chromium } = require('playwright-core');
const base = (process.argv[2] || '').replace(/\/+$/, '');
const slug = 'browser-achter-de-proxy';

// The certificate is made for this run only; the browser is told to accept it, nothing else changes.
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--ignore-certificate-errors'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ignoreHTTPSErrors: true });
const page = await context.newPage();
page.setDefaultTimeout(15000);
const session = async () => (await context.cookies(base)).find((c) => c.name === '__Host-vt_sessie');

await check('the editor signs in through nginx with TLS', async () => {
	await page.goto(`${base}/inloggen`);
	await page.fill('#email', process.env.EDITOR_EMAIL);
	await page.fill('#password', process.env.EDITOR_PASSWORD);
	await Promise.all([page.waitForURL(/\/account$/), page.click('form[action="/inloggen"] button[type=submit]')]);
	if (!(await page.textContent('main')).includes('Rita Redacteur')) return 'the account page does not name the editor';
	await page.screenshot({ path: 'test-output/proxy-account.png', fullPage: true });
});

await check('the browser keeps a __Host- session cookie, Secure, ending with the browser', async () => {
	const c = await session();
	if (!c) return `cookies: ${(await context.cookies(base)).map((x) => x.name).join(', ')}`;
	if (!c.secure || !c.httpOnly || c.sameSite !== 'Strict') return JSON.stringify(c);
	if (c.expires !== -1) return `expires ${c.expires}`;
});

await check('an item saved through the proxy goes live', async () => {
	await page.goto(`${base}/redactie/nieuw?type=nieuws`);
	await page.fill('#e-title', 'Browser achter de proxy');
	await page.fill('#e-slug', slug);
	await page.fill('#e-categories', 'Integriteit');
	await page.fill('#e-body', 'Bewaard door **Chromium** via nginx.');
	await page.selectOption('#e-status', 'gepubliceerd');
	await Promise.all([page.waitForURL(/opgeslagen=1/), page.click('button[name=opslaan]')]);
	await page.goto(`${base}/nieuws/${slug}`);
	const html = await page.locator('main').innerHTML();
	if (!html.includes('<strong>Chromium</strong>')) return 'the public page lacks the saved body';
});

await check('signing out clears the session in the browser and on the server', async () => {
	await page.goto(`${base}/account`);
	await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/account')), page.click('form[action="/uitloggen"] button')]);
	if (await session()) return 'the session cookie is still there';
	const s = (await page.request.get(`${base}/account`, { maxRedirects: 0 })).status();
	if (s !== 401) return `/account answers ${s}`;
});

await browser.close();
process.exit(failures() ? 1 : 0);
