import { readFileSync } from 'node:fs';
import { routingKeyOf } from '@hamgam/contracts';
import { describe, expect, it } from 'vitest';
import { vocationalTrainingService } from './service.js';

interface Definitions {
  bindings: { source: string; destination: string; routing_key: string }[];
}
const definitions: Definitions = JSON.parse(readFileSync(new URL('../../../../infra/rabbitmq/definitions.json', import.meta.url), 'utf8'));

describe('the vocational-training queue', () => {
  // Handlers are only built, never called: the models are not needed.
  const subscribed = vocationalTrainingService.subscriptions!({} as never).map(routingKeyOf).sort();

  it('consumes the clinics’ referrals and priorities and the working group’s action items (TVTO’s own domain adds no consumed event)', () => {
    expect(subscribed).toEqual(expect.arrayContaining(['clinics.referral.made.v1', 'clinics.referral.withdrawn.v1', 'clinics.priority.published.v1', 'coordination.action-item.assigned.v1']));
  });

  it('is bound in infra/rabbitmq/definitions.json to exactly the keys the service consumes', () => {
    const bound = definitions.bindings.filter((b) => b.source === 'hamgam.events' && b.destination === 'hamgam.vocational-training').map((b) => b.routing_key).sort();
    expect(bound).toEqual(subscribed);
  });
});
