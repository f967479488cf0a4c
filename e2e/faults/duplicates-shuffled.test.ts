import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningService } from '@hamgam/service-kit';
import { coordinationService } from '@hamgam/coordination-api/service';
import { openRawPublisher, priorityEnvelope, resetFaultsEnvironment, startInProcess, waitFor } from './harness.js';

type Coordination = RunningService<{ neighbourhoodPriorities: any }>;
let coordination: Coordination;
/** A second replica of coordination on the same database and queue: the deliveries spread over both. */
let replica: Coordination;
const processed = () => [coordination, replica].reduce((sum, c) => sum + c.bus.consumer.handled + c.bus.consumer.duplicates, 0);
const handledByBoth = () => coordination.bus.consumer.handled + replica.bus.consumer.handled;
let publisher: Awaited<ReturnType<typeof openRawPublisher>>;
let run = 0;

beforeAll(async () => {
  await resetFaultsEnvironment(['coordination']);
  coordination = (await startInProcess(coordinationService)) as unknown as Coordination;
  replica = (await startInProcess(coordinationService)) as unknown as Coordination;
  publisher = await openRawPublisher();
});

afterAll(async () => {
  await publisher?.close();
  await replica?.stop();
  await coordination?.stop();
});

/** A run: how many list versions each of a few neighbourhoods publishes, and a delivery order. */
const scenario = fc.record({
  versionsPerNeighbourhood: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
  order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 24, maxLength: 24 }),
});

it('ends in the same state when every event is delivered twice and shuffled, over two replicas, as after one in-order delivery', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async ({ versionsPerNeighbourhood, order }) => {
      run++;
      const events = versionsPerNeighbourhood.flatMap((versions, n) =>
        Array.from({ length: versions }, (_, v) => priorityEnvelope(`nbh-prop-${run}-${n}`, v + 1)),
      );
      // Every event twice, in an order drawn by fast-check.
      const deliveries = [...events, ...events]
        .map((event, i) => ({ event, key: order[i % order.length]! + i / 1e6 }))
        .sort((a, b) => a.key - b.key)
        .map((d) => d.event);

      const before = processed();
      const handled = handledByBoth();
      const t0 = Date.now();
      for (const event of deliveries) await publisher.publish(event, undefined, event.id);
      await waitFor(async () => processed() >= before + deliveries.length, 30_000, 'all deliveries processed');
      if (process.env['FAULTS_LOG']) console.log(`run ${run}: ${deliveries.length} deliveries in ${Date.now() - t0} ms`);

      // In-order, once: each neighbourhood ends with its last list.
      for (const [n, versions] of versionsPerNeighbourhood.entries()) {
        const stored = await coordination.models.neighbourhoodPriorities.findById(`nbh-prop-${run}-${n}`).lean();
        expect(stored.listVersion).toBe(versions);
        expect(stored.priorities).toEqual(
          events.find((e) => e.data.neighbourhoodId === stored.neighbourhoodId && e.data.listVersion === versions)!.data.priorities,
        );
      }
      // Applied once across both replicas (the in-flight lease and the inbox hold across processes).
      expect(handledByBoth() - handled).toBe(events.length);
    }),
    { numRuns: Number(process.env['FAULTS_RUNS'] ?? 50) },
  );
});
