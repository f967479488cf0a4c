/**
 * A small service started exactly as every service's main.ts starts it (runService: configuration from
 * the environment, SIGTERM/SIGINT, exit code), for graceful-shutdown.test.ts. Its work straddles the
 * signal on purpose, so the test needs no tight timing: `GET /api/v1/slow` answers 3 s after SIGTERM,
 * and the handler of clinics.priority.published.v1 finishes 1 s after it (never, with
 * SHUTDOWN_TEST_STUCK=true).
 * `POST /api/v1/notes/:id` writes a document with one event (faults.note.written.v1) in its outbox.
 * Run with `node --import tsx e2e/faults/shutdown-main.ts <service-name>`; it logs JSON lines on stdout.
 */
import { addOutbox, defineRoute, eventCause, outboxEntries, runService, subscribe, type ServiceDefinition } from '@hamgam/service-kit';
import { Schema, type Model } from 'mongoose';
import { z } from 'zod';
import { sleep } from './harness.js';

const name = process.argv[2] ?? 'faults-shutdown';
const stuck = process.env['SHUTDOWN_TEST_STUCK'] === 'true';
// A listener of this module's own, beside the kit's: it only tells the slow work when to end.
const signalled = new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));
const afterSignal = (ms: number) => signalled.then(() => sleep(ms));

interface Models {
  received: Model<any>;
  notes: Model<any>;
}

const definition: ServiceDefinition<Models> = {
  name,
  roles: ['coordinator'],
  models: (connection) => ({
    received: connection.model('Received', new Schema({ _id: String, at: Date }, { versionKey: false }), 'received'),
    notes: connection.model('Note', addOutbox(new Schema({ _id: String }, { versionKey: false })), 'notes'),
  }),
  outboxSources: (models) => [models.notes],
  routes: ({ models, flushOutbox }) => [
    defineRoute({
      method: 'get',
      path: '/slow',
      summary: 'Answers 3 s after SIGTERM',
      roles: 'public',
      response: z.object({ answered: z.boolean() }),
      handler: async ({ log }) => {
        log.info('slow request started');
        await afterSignal(3_000);
        return { answered: true };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/notes/:id',
      summary: 'Stores a note with its event in the outbox, as any state change does',
      roles: 'public',
      params: z.object({ id: z.string() }),
      response: z.object({ eventId: z.string() }),
      status: 201,
      handler: async ({ params, correlationId }) => {
        const cause = eventCause('faults', 'shutdown-test', correlationId);
        const entries = outboxEntries(name, cause, [{ type: 'faults.note.written', version: 1, data: { id: params.id } }]);
        await models.notes.create({ _id: params.id, outbox: entries });
        flushOutbox([params.id]);
        return { eventId: entries[0]!._id };
      },
    }),
  ],
  subscriptions: ({ models }) => [
    subscribe('clinics.priority.published', 1, async (event, { log }) => {
      log.info('slow handler started');
      await (stuck ? new Promise<never>(() => undefined) : afterSignal(1_000));
      await models.received.create({ _id: event.id, at: new Date() });
      log.info('slow handler finished');
    }),
  ],
};

await runService(definition);
