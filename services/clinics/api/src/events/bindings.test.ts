import { readFileSync } from 'node:fs';
import { partnerAgencies, routingKeyOf } from '@hamgam/contracts';
import { describe, expect, it } from 'vitest';
import { clinicsService } from '../service.js';

interface Definitions {
  bindings: { source: string; destination: string; routing_key: string }[];
}
const definitions: Definitions = JSON.parse(readFileSync(new URL('../../../../../infra/rabbitmq/definitions.json', import.meta.url), 'utf8'));

describe('the clinics queue', () => {
  // Handlers are only built, never called: the models are not needed.
  const subscribed = clinicsService.subscriptions!({} as never).map(routingKeyOf).sort();

  it('consumes every partner agency’s offers and answers to referrals', () => {
    for (const agency of partnerAgencies) {
      for (const event of ['offer.published', 'referral.accepted', 'referral.declined', 'referral.completed']) {
        expect(subscribed).toContain(`${agency}.${event}.v1`);
      }
    }
  });

  it('is bound in infra/rabbitmq/definitions.json to exactly the keys the service consumes', () => {
    const bound = definitions.bindings.filter((b) => b.source === 'hamgam.events' && b.destination === 'hamgam.clinics').map((b) => b.routing_key).sort();
    expect(bound).toEqual(subscribed);
  });
});
