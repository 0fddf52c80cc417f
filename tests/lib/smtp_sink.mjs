// A local SMTP sink for the tests: accepts every message on 127.0.0.1:PORT and
// appends it to FILE as "RCPT <address>" lines, the DATA, and a "." line.
//
//   node tests/lib/smtp_sink.mjs PORT FILE [PORTFILE]
// PORT 0 lets the kernel choose a free port, written to PORTFILE once listening
// (tests/lib/serve.sh smtp_sink does that: no race with other runs for a port).
import { appendFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

const [port, file, portFile] = process.argv.slice(2);
const server = createServer((sock) => {
	let rcpt = [], data = null, buf = '';
	sock.write('220 sink ESMTP\r\n');
	sock.on('data', (chunk) => {
		buf += chunk.toString('utf8');
		for (;;) {
			if (data !== null) {
				const end = buf.indexOf('\r\n.\r\n');
				if (end < 0) return;
				data += buf.slice(0, end);
				buf = buf.slice(end + 5);
				appendFileSync(file, rcpt.map((r) => `RCPT ${r}\n`).join('') + data + '\n.\n');
				data = null;
				rcpt = [];
				sock.write('250 ok\r\n');
				continue;
			}
			const nl = buf.indexOf('\r\n');
			if (nl < 0) return;
			const line = buf.slice(0, nl);
			buf = buf.slice(nl + 2);
			const verb = line.slice(0, 4).toUpperCase();
			if (verb === 'EHLO' || verb === 'HELO') sock.write('250 sink\r\n');
			else if (verb === 'RCPT') rcpt.push(line.replace(/^RCPT TO:\s*/i, ''));
			else if (verb === 'DATA') data = '';
			else if (verb === 'QUIT') sock.end('221 bye\r\n');
			if (verb === 'RCPT' || verb === 'MAIL' || verb === 'RSET' || verb === 'NOOP') sock.write('250 ok\r\n');
			else if (verb === 'DATA') sock.write('354 go ahead\r\n');
			else if (!['EHLO', 'HELO', 'QUIT'].includes(verb)) sock.write('502 not here\r\n');
		}
	});
	sock.on('error', () => {});
});
server.listen(Number(port), '127.0.0.1', () => {
	if (portFile) writeFileSync(portFile, String(server.address().port));
});
