import { readFileSync } from 'node:fs';
import { DocumentLocks, SubscriptionRegistry, systemClock, type ServiceDeps } from '@hamgam/service-kit';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { CoordinationModels } from './data/models.js';
import { coordinationService } from './service.js';

interface Definitions {
  bindings: { source: string; destination: string; routing_key: string }[];
}

describe('coordination queue bindings', () => {
  it('lists in infra/rabbitmq/definitions.json exactly the events coordination subscribes to', () => {
    const definitions: Definitions = JSON.parse(readFileSync(new URL('../../../../infra/rabbitmq/definitions.json', import.meta.url), 'utf8'));
    const deps = { models: {}, locks: new DocumentLocks(null), logger: pino({ level: 'silent' }), clock: systemClock, config: {}, flushOutbox: () => undefined } as unknown as ServiceDeps<CoordinationModels>;
    const subscribed = new SubscriptionRegistry(coordinationService.subscriptions!(deps)).bindingKeys();
    const bound = definitions.bindings.filter((b) => b.source === 'hamgam.events' && b.destination === 'hamgam.coordination').map((b) => b.routing_key);
    expect(subscribed.sort()).toEqual(bound.sort());
    expect(subscribed).toContain('welfare.commitment.progressed.v1');
  });
});
