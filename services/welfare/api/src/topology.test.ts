import { readFileSync } from 'node:fs';
import { DocumentLocks, SubscriptionRegistry, systemClock } from '@hamgam/service-kit';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { WelfareDeps } from './app/cases.js';
import { welfareService } from './service.js';

interface Definitions {
  bindings: { source: string; destination: string; routing_key: string }[];
}

describe('welfare queue bindings', () => {
  it('lists in infra/rabbitmq/definitions.json exactly the events welfare subscribes to', () => {
    const definitions: Definitions = JSON.parse(readFileSync(new URL('../../../../infra/rabbitmq/definitions.json', import.meta.url), 'utf8'));
    const deps = { models: {}, locks: new DocumentLocks(null), logger: pino({ level: 'silent' }), clock: systemClock, config: {}, flushOutbox: () => undefined } as unknown as WelfareDeps;
    const subscribed = new SubscriptionRegistry(welfareService.subscriptions!(deps)).bindingKeys();
    const bound = definitions.bindings.filter((b) => b.source === 'hamgam.events' && b.destination === 'hamgam.welfare').map((b) => b.routing_key);
    expect([...subscribed].sort()).toEqual(bound.sort());
    expect(subscribed).toContain('clinics.referral.made.v1');
  });
});
