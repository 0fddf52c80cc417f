// What the browser tests share: named checks that print "ok - ..." / "not ok - ..."
// and count failures, and TOTP codes for signing in.
//
//   import { check, failures, totp } from './checks.mjs';
//   await check('name', async () => { ...; return 'why it failed' or nothing });
//   process.exit(failures() ? 1 : 0);
import { createHmac } from 'node:crypto';

let failed = 0;

export async function check(name, fn) {
	let why;
	try {
		why = await fn();
	} catch (e) {
		why = String(e && e.message ? e.message : e).split('\n')[0];
	}
	if (typeof why === 'string' && why) {
		failed++;
		console.log(`not ok - ${name}\n#   ${why.replace(/\n/g, '\n#   ')}`);
	} else {
		console.log(`ok - ${name}`);
	}
}

export function failures() {
	return failed;
}

// RFC 6238 with SHA-1, 30-second steps, six digits.
export function totp(secret, now = Date.now()) {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = '';
	for (const ch of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
	const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(now / 30000)));
	const mac = createHmac('sha1', key).update(counter).digest();
	const off = mac[mac.length - 1] & 15;
	return String((mac.readUInt32BE(off) & 0x7fffffff) % 1000000).padStart(6, '0');
}
