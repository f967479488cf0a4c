import { readFileSync } from 'node:fs';
import { partnerAgencies, routingKeyOf } from '@hamgam/contracts';
import { describe, expect, it } from 'vitest';
import type { DeskDeps } from '../options.js';
import { deskBindingKeys, deskSubscriptions } from './subscriptions.js';

interface Definitions {
  bindings: { source: string; destination: string; routing_key: string }[];
}
const definitions: Definitions = JSON.parse(readFileSync(new URL('../../../../infra/rabbitmq/definitions.json', import.meta.url), 'utf8'));

describe('queue bindings of the partner services', () => {
  it('are exactly what the desk subscribes to (a service that does not bind an event never receives it)', () => {
    const subscribed = deskSubscriptions({} as DeskDeps, { agency: 'welfare', roles: ['welfare-officer'] }).map(routingKeyOf);
    expect(subscribed.sort()).toEqual([...deskBindingKeys].sort());
  });

  it('are declared for every partner agency’s queue in infra/rabbitmq/definitions.json', () => {
    for (const agency of partnerAgencies) {
      const bound = definitions.bindings.filter((b) => b.source === 'hamgam.events' && b.destination === `hamgam.${agency}`).map((b) => b.routing_key);
      expect(bound, agency).toEqual(expect.arrayContaining([...deskBindingKeys]));
    }
  });
});
