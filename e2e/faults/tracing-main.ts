/**
 * Two small services for tracing.test.ts, each started exactly as every service's main.ts starts it
 * (runService), bundled like a service API (the kit's tsup settings) and run like one:
 * `node --import @hamgam/service-kit/tracing <bundle> writer|reader`.
 * - writer (faults-tracing-writer): `POST /api/v1/lists/:id` stores a list with its
 *   clinics.priority.published.v1 event in the outbox, as any state change does, and asks the relay to
 *   publish it at once; `POST /api/v1/lists/:id/later` leaves it to the relay's periodic sweep.
 * - reader (faults-tracing-reader): consumes that event and records it (a store write).
 */
import { addOutbox, defineRoute, eventCause, outboxEntries, runService, subscribe, type ServiceDefinition } from '@hamgam/service-kit';
import { Schema, type Model } from 'mongoose';
import { z } from 'zod';

const role = process.argv[2] === 'reader' ? 'reader' : 'writer';

interface Models {
  lists: Model<any>;
  received: Model<any>;
}

const definition: ServiceDefinition<Models> = {
  name: `faults-tracing-${role}`,
  roles: ['coordinator'],
  models: (connection) => ({
    lists: connection.model('TracedList', addOutbox(new Schema({ _id: String }, { versionKey: false })), 'lists'),
    received: connection.model('Received', new Schema({ _id: String, neighbourhoodId: String }, { versionKey: false }), 'received'),
  }),
  outboxSources: (models) => (role === 'writer' ? [models.lists] : []),
  routes: ({ models, flushOutbox }) =>
    role === 'writer'
      ? [false, true].map((later) =>
          defineRoute({
            method: 'post',
            path: later ? '/lists/:id/later' : '/lists/:id',
            summary: 'Publishes a priority list: the list and its event in one write',
            roles: 'public',
            params: z.object({ id: z.string() }),
            response: z.object({ eventId: z.string() }),
            status: 201,
            handler: async ({ params, correlationId, log }) => {
              const data = {
                neighbourhoodId: params.id,
                neighbourhoodName: { fa: 'آزمایشی', en: 'Test' },
                countyId: 'kerman-county',
                clinicId: 'clinic-test',
                period: '1405',
                listVersion: 1,
                publishedAt: new Date().toISOString(),
                priorities: [{ rank: 1, category: 'employment', score: 1, households: 1 }],
              };
              const entries = outboxEntries('clinics', eventCause('clinics', 'tracing-test', correlationId), [
                { type: 'clinics.priority.published', version: 1, data },
              ]);
              await models.lists.create({ _id: params.id, outbox: entries });
              if (!later) flushOutbox([params.id]);
              log.info({ eventId: entries[0]!._id }, 'list written');
              return { eventId: entries[0]!._id };
            },
          }),
        )
      : [],
  subscriptions: ({ models }) =>
    role === 'reader'
      ? [
          subscribe('clinics.priority.published', 1, async (event, { log }) => {
            await models.received.create({ _id: event.id, neighbourhoodId: event.data.neighbourhoodId });
            log.info('list received');
          }),
        ]
      : [],
};

await runService(definition);
