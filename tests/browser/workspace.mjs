// The whole life of a case in the VP's workspace, in a real browser with axe on
// every page of it: the internal VP registers a phone contact, adds an action
// and a referral with the melder's consent, shares the case with the external VP
// only after consent and hands it over to him; he reads it and closes it, and
// when its destruction date has come `vertrouwd purge` destroys it.
//
//   node tests/browser/workspace.mjs BASE_URL   (env: VP_PASSWORD, VP_TOTP, CHROMIUM, and VT_BIN and
//   VT_DB: the binary and database for `vertrouwd purge`)
//
// Prints "ok - ..." / "not ok - ..." lines; exits 1 when a check failed.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { check, failures, totp } = await import('./checks.mjs');
const { chromium } = require('playwright-core');
const { axeOnPage } = await import('./axe.mjs');
const base = (process.argv[2] || '').replace(/\/+$/, '');
const org = 'gemeente-rivierstad';
const story = `Browsertest werkruimte: de planner wijzigt steeds op het laatste moment mijn diensten.`;

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const fresh = async () => {
	const p = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
	p.setDefaultTimeout(15000);
	return p;
};

// Sign in; a TOTP code counts once per account, so after a refusal wait for the next 30-second step.
async function signIn(page, email) {
	for (let attempt = 0; attempt < 2; attempt++) {
		await page.goto(`${base}/inloggen`);
		await page.fill('#email', email);
		await page.fill('#password', process.env.VP_PASSWORD);
		await page.fill('#code', totp(process.env.VP_TOTP));
		await page.click('form[action="/inloggen"] button[type=submit]');
		await page.waitForLoadState('load');
		if (new URL(page.url()).pathname === '/account') return '';
		await new Promise((r) => setTimeout(r, 30000 - (Date.now() % 30000) + 500));
	}
	return `${email} could not sign in`;
}

// Open a <details> panel by its summary text and fill its form.
async function panel(page, summary) {
	const d = page.locator('details', { has: page.locator('summary', { hasText: summary }) });
	if (!(await d.getAttribute('open')) && (await d.getAttribute('open')) !== '') await d.locator('summary').click();
	return d;
}

async function submit(page, form) {
	await Promise.all([page.waitForLoadState('load'), form.locator('button[type=submit]').first().click()]);
	const err = page.locator('.form-error');
	return (await err.count()) ? `error: ${await err.first().textContent()}` : '';
}

const ilse = await fresh();
let caseUrl = '';
await check('the internal VP signs in', () => signIn(ilse, 'ilse@demo.vertrouwd.example'));

await check('the workspace opens with the deadline overview, axe-clean', async () => {
	await ilse.goto(`${base}/werkruimte`);
	if ((await ilse.locator('.due-tile').count()) !== 4) return 'no overview tiles';
	return axeOnPage(ilse, 'the workspace');
});

await check('a phone contact is registered as a new case, axe-clean', async () => {
	await ilse.goto(`${base}/werkruimte/${org}/registreren`);
	let why = await axeOnPage(ilse, 'the registration form');
	if (why) return why;
	await ilse.selectOption('#kanaal', 'telefoon');
	await ilse.fill('#minuten', '30');
	await ilse.fill('#samenvatting', 'Belde in de pauze.');
	await ilse.check('input[name=soort][value=melden]');
	await ilse.fill('#naam', 'Mo');
	await ilse.selectOption('#relatie', 'werknemer');
	await ilse.fill('#verhaal', story);
	await ilse.check('input[name=thema][value=werkdruk]');
	await ilse.check('input[name=betrokkene][value=leidinggevende]');
	await ilse.check('input[name=hulp][value=advies]');
	await ilse.check('input[name=toestemming][value=mondeling]');
	await ilse.screenshot({ path: 'test-output/workspace-register.png', fullPage: true });
	why = await submit(ilse, ilse.locator(`form[action="/werkruimte/${org}/registreren"]`));
	if (why) return why;
	caseUrl = new URL(ilse.url()).pathname;
	if (!/\/zaken\/\d+$/.test(caseUrl)) return `landed on ${caseUrl}`;
	if (!(await ilse.textContent('#termijnen + ul')).includes('Ontvangst bevestigen')) return 'no Wbk deadline';
	return axeOnPage(ilse, 'a registered case');
});

await check('an action with the melder\'s oral consent', async () => {
	const d = await panel(ilse, 'Actie toevoegen');
	await d.locator('input[name=actie]').fill('Gesprek met de planner voorbereiden');
	await d.locator('input[name=toestemming][value=mondeling]').check();
	const why = await submit(ilse, d.locator('form'));
	if (why) return why;
	if (!(await ilse.textContent('#acties + ul')).includes('Gesprek met de planner')) return 'the action is not listed';
});

await check('a referral is refused without consent and kept with it', async () => {
	let d = await panel(ilse, 'Doorverwijzen');
	await d.locator('select[name=naar]').selectOption('bedrijfsarts');
	let why = await submit(ilse, d.locator('form'));
	if (!why.includes('toestemming')) return `without consent: ${why || 'accepted'}`;
	d = await panel(ilse, 'Doorverwijzen');
	await d.locator('select[name=naar]').selectOption('bedrijfsarts');
	await d.locator('input[name=toestemming][value=schriftelijk]').check();
	why = await submit(ilse, d.locator('form'));
	if (why) return why;
	if (!(await ilse.textContent('#verwijzingen + ul')).includes('Bedrijfsarts')) return 'the referral is not listed';
});

await check('sharing needs consent; then the colleague is listed', async () => {
	let d = await panel(ilse, 'Zaak delen');
	let why = await submit(ilse, d.locator('form'));
	if (!why) return 'shared without consent';
	d = await panel(ilse, 'Zaak delen');
	await d.locator('input[name=toestemming][value=mondeling]').check();
	why = await submit(ilse, d.locator('form'));
	if (why) return why;
	if (!(await ilse.textContent('#delen + ul')).includes('Erik de Boer kan deze zaak lezen')) return 'not shared';
	await ilse.screenshot({ path: 'test-output/workspace-case.png', fullPage: true });
});

await check('Ilse hands the case over to Erik with the melder\'s consent, axe-clean', async () => {
	await ilse.goto(`${base}/werkruimte/${org}/overdracht`);
	const why = await axeOnPage(ilse, 'the hand-over page');
	if (why) return why;
	const id = caseUrl.split('/').pop();
	await ilse.selectOption('#naar', { label: 'Erik de Boer' });
	for (const box of await ilse.locator('input[name=zaak]').all()) await box.uncheck(); /* only this case */
	await ilse.check(`input[name=zaak][value="${id}"]`);
	await ilse.selectOption(`#hoe-${id}`, 'mondeling');
	const err = await submit(ilse, ilse.locator(`form[action="/werkruimte/${org}/overdracht"]`));
	if (err) return err;
	const resp = await ilse.goto(base + caseUrl);
	if (resp.status() !== 404) return `Ilse still opens the case: ${resp.status()}`;
});

const erik = await fresh();
await check('Erik signs in and finds the case in his list', async () => {
	const why = await signIn(erik, 'erik@demo.vertrouwd.example');
	if (why) return why;
	await erik.goto(`${base}/werkruimte`);
	if (!(await erik.locator(`a[href="${caseUrl}"]`).count())) return 'not in the list';
	await erik.goto(base + caseUrl);
	if ((await erik.inputValue('#verhaal')) !== story) return 'the dossier does not open';
	if (!(await erik.textContent('#logboek ~ details')).includes('overgedragen aan Erik de Boer')) return 'no hand-over in the log';
});

await check('closed with an outcome, the destruction schedule shows', async () => {
	const ilse = erik; /* the case is Erik's now */
	const d = await panel(ilse, 'Zaak sluiten');
	await d.locator('select[name=uitkomst]').selectOption('doorverwezen');
	const why = await submit(ilse, d.locator('form'));
	if (why) return why;
	if (!(await ilse.textContent('#termijnen + ul')).includes('Vernietiging volgens schema')) return 'no schedule';
	return axeOnPage(ilse, 'a closed case');
});

await check('on its destruction date the case is purged and gone from the workspace', async () => {
	const last = await erik.locator('#termijnen + ul li', { hasText: 'Vernietiging' }).textContent();
	if (!last) return 'no destruction date on the case';
	const later = new Date(Date.now() + 3 * 365 * 86400000).toISOString().slice(0, 10);
	const out = execFileSync(process.env.VT_BIN, ['purge', '--today', later, '--db', process.env.VT_DB], { encoding: 'utf8' });
	if (!/vernietigd/.test(out)) return `purge said: ${out}`;
	const resp = await erik.goto(base + caseUrl);
	if (resp.status() !== 404) return `the case still answers ${resp.status()}`;
	await erik.goto(`${base}/werkruimte?status=gesloten`);
	if (await erik.locator(`a[href="${caseUrl}"]`).count()) return 'still in the list';
});

await browser.close();
process.exit(failures() ? 1 : 0);
