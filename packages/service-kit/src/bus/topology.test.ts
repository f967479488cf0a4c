import { readFileSync } from 'node:fs';
import { partnerEventTypes } from '@hamgam/contracts';
import type { Channel } from 'amqplib';
import { describe, expect, it } from 'vitest';
import { declareTopology } from './topology.js';

interface Definitions {
  queues: { name: string; arguments: Record<string, unknown> }[];
  bindings: { source: string; destination: string; routing_key: string }[];
}

const definitions: Definitions = JSON.parse(readFileSync(new URL('../../../../infra/rabbitmq/definitions.json', import.meta.url), 'utf8'));

/** Records what a service declares, to compare with what the native stack and compose load. */
async function declared(service: string, keys: string[]) {
  const queues = new Map<string, Record<string, unknown>>();
  const bindings: string[] = [];
  const channel = {
    assertExchange: async () => ({}),
    assertQueue: async (name: string, options: { arguments: Record<string, unknown> }) => void queues.set(name, options.arguments),
    bindQueue: async (queue: string, exchange: string, key: string) => void bindings.push(`${exchange} -> ${queue} : ${key}`),
  } as unknown as Channel;
  await declareTopology(channel, service, keys);
  return { queues, bindings };
}

describe('topology as code', () => {
  it('declares exactly the queue arguments infra/rabbitmq/definitions.json loads (else the broker refuses)', async () => {
    for (const service of ['clinics', 'coordination', 'welfare']) {
      const { queues } = await declared(service, []);
      for (const [name, args] of queues) {
        expect(definitions.queues.find((q) => q.name === name)?.arguments, name).toEqual(args);
      }
    }
  });

  it('binds what the definitions bind for the coordination service', async () => {
    // What coordination consumes (its own test checks these against its subscriptions).
    const keys = [
      'clinics.priority.published.v1',
      'coordination.action-item.assigned.v1',
      ...partnerEventTypes('commitment.declared').map((type) => `${type}.v1`),
      ...partnerEventTypes('commitment.progressed').map((type) => `${type}.v1`),
    ];
    const { bindings } = await declared('coordination', keys);
    const expected = definitions.bindings
      .filter((b) => ['hamgam.coordination', 'hamgam.coordination.dlq', 'hamgam.audit'].includes(b.destination))
      .map((b) => `${b.source} -> ${b.destination} : ${b.routing_key}`);
    expect(bindings.sort()).toEqual(expected.sort());
  });
});
