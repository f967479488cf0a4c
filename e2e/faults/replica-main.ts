/**
 * One replica as its own process, so a fault test can SIGKILL it: the faults producer (its outbox relay
 * drains the shared outbox along with the other replicas') and a recorder consuming from the shared
 * queue as a competing consumer. Run with `node --import tsx e2e/faults/replica-main.ts <recorder-name>`; prints
 * "ready" once both are connected.
 */
import { producerDefinition, recorderDefinition, sleep, startInProcess } from './harness.js';

const recorder = process.argv[2] ?? 'faults-replicas';
// Handling takes this long (FAULTS_APPLY_DELAY_MS), so that duplicates meet in flight.
const applyDelay = Number(process.env['FAULTS_APPLY_DELAY_MS'] ?? 0);
await startInProcess(
  recorderDefinition(recorder, async () => {
    if (applyDelay > 0) await sleep(applyDelay);
  }),
);
await startInProcess(producerDefinition(), { outboxSweepMs: 1_000 });
process.stdout.write('ready\n');
