// axe-core in a page, for the browser tests: WCAG 2 A/AA violations as text ('' when none).
//
//   import { runAxe } from './axe.mjs';
//   const why = await runAxe(browser, url, label[, { cookies: of a signed-in context, status: 200 }]);
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

export async function runAxe(browser, url, label, { cookies = [], status = 200 } = {}) {
	// The site's CSP (script-src 'self') would block the injected script: bypass it here only.
	const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
	try {
		if (cookies.length) await ctx.addCookies(cookies);
		const page = await ctx.newPage();
		const resp = await page.goto(url, { waitUntil: 'load' });
		// The page meant, not a sign-in or error page in its place.
		if (!resp || resp.status() !== status) return `${label}: HTTP ${resp ? resp.status() : 'none'}, want ${status}`;
		return await axeOnPage(page, label);
	} finally {
		await ctx.close();
	}
}

// axe on the page as it is now (a page reached by a POST, say); its context must bypass CSP.
export async function axeOnPage(page, label) {
	await page.addScriptTag({ path: axePath });
	const version = await page.evaluate(() => (window.axe ? window.axe.version : null));
	if (!version) return `axe-core did not load on ${label}`;
	const res = await page.evaluate(async () => {
		const r = await window.axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			resultTypes: ['violations'],
		});
		return {
			violations: r.violations.map((v) => ({
				id: v.id,
				impact: v.impact,
				tags: v.tags,
				help: v.help,
				nodes: v.nodes.slice(0, 5).map((n) => {
					const why = [...n.any, ...n.all, ...n.none].map((c) => c.message).find(Boolean);
					return n.target.join(' ') + (why ? ` [${why}]` : '');
				}),
				count: v.nodes.length,
			})),
			passes: r.passes.length,
		};
	});
	const fmt = (v) => `${v.id} (${v.impact}, ${v.count}x): ${v.help} -- ${v.nodes.join(' | ')}`;
	const bad = res.violations.filter((v) => v.tags.includes('wcag2a') || v.tags.includes('wcag2aa'));
	const other = res.violations.filter((v) => !bad.includes(v));
	console.log(`# axe ${version} on ${label}: ${bad.length} WCAG 2.0 A/AA violation(s), ${res.passes} rules passed`);
	for (const v of other) console.log(`#   (WCAG 2.1 only, not counted) ${fmt(v)}`);
	if (bad.length) return `${bad.length} violation(s):\n${bad.map(fmt).join('\n')}`;
	return '';
}
