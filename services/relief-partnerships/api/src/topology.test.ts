import { readFileSync } from 'node:fs';
import { deskBindingKeys } from '@hamgam/agency-desk';
import { DocumentLocks, SubscriptionRegistry, systemClock } from '@hamgam/service-kit';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { ReliefDeps } from './app/deps.js';
import { reliefPartnershipsService } from './service.js';

interface Definitions {
  bindings: { source: string; destination: string; routing_key: string }[];
}

describe('relief-partnerships queue bindings', () => {
  it('lists in infra/rabbitmq/definitions.json exactly the events the service subscribes to (the desk’s and its own)', () => {
    const definitions: Definitions = JSON.parse(readFileSync(new URL('../../../../infra/rabbitmq/definitions.json', import.meta.url), 'utf8'));
    const deps = { models: {}, locks: new DocumentLocks(null), logger: pino({ level: 'silent' }), clock: systemClock, config: {}, flushOutbox: () => undefined } as unknown as ReliefDeps;
    const subscribed = new SubscriptionRegistry(reliefPartnershipsService.subscriptions!(deps)).bindingKeys();
    const bound = definitions.bindings.filter((b) => b.source === 'hamgam.events' && b.destination === 'hamgam.relief-partnerships').map((b) => b.routing_key);
    expect(subscribed.sort()).toEqual(bound.sort());
    expect(subscribed).toEqual(expect.arrayContaining([...deskBindingKeys, 'vocational-training.enrolment.completed.v1', 'welfare.eligibility.revoked.v1', 'institute-funding.benefit.granted.v1']));
  });
});
