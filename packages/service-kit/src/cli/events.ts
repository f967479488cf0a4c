// Operator tool for parked events: `npm run events -- dlq list|show|replay`.
import { parseArgs } from 'node:util';
import { SERVICES } from '@hamgam/registry';
import { connect } from 'amqplib';
import { listDeadLetters, replayDeadLetters, type DeadLetter } from '../bus/dead-letters.js';

const services = SERVICES.map((s) => s.service);

const usage = `usage:
  npm run events -- dlq list   [--service S]         parked messages (all services by default)
  npm run events -- dlq show   <message-id> [--service S]
  npm run events -- dlq replay <message-id>|--all --service S
options: --amqp URL (default $AMQP_URL or amqp://guest:guest@127.0.0.1:5672), --json`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { service: { type: 'string' }, all: { type: 'boolean' }, amqp: { type: 'string' }, json: { type: 'boolean' } },
});
const [group, command, id] = positionals;
if (group !== 'dlq' || !command) fail(usage);

const connection = await connect(values.amqp ?? process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672');
try {
  const chosen = values.service ? [values.service] : services;
  if (command === 'list') {
    for (const service of chosen) print(service, await listDeadLetters(connection, service), false);
  } else if (command === 'show') {
    if (!id) fail(usage);
    for (const service of chosen)
      print(
        service,
        (await listDeadLetters(connection, service)).filter((l) => l.messageId === id),
        true,
      );
  } else if (command === 'replay') {
    if (!values.service || (!id && !values.all)) fail(usage);
    const replayed = await replayDeadLetters(connection, values.service, (l) => values.all === true || l.messageId === id);
    console.log(`replayed ${replayed.length} message(s) to hamgam.${values.service}`);
  } else {
    fail(usage);
  }
} finally {
  await connection.close();
}

function print(service: string, letters: DeadLetter[], full: boolean): void {
  if (values.json) return console.log(JSON.stringify({ service, letters }));
  console.log(`hamgam.${service}.dlq: ${letters.length} parked`);
  for (const l of letters) {
    console.log(`  ${l.messageId}  ${l.type}  attempts=${l.attempts}  correlation=${l.correlationId ?? '-'}\n    error: ${l.error}`);
    if (full) console.log(JSON.stringify(l.body, null, 2).replace(/^/gm, '    '));
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
