import { readFileSync } from 'node:fs';
import { deskBindingKeys } from '@hamgam/agency-desk';
import { routingKeyOf } from '@hamgam/contracts';
import { describe, expect, it } from 'vitest';
import { instituteFundingService } from '../service.js';

interface Definitions {
  bindings: { source: string; destination: string; routing_key: string }[];
}
const definitions: Definitions = JSON.parse(readFileSync(new URL('../../../../../infra/rabbitmq/definitions.json', import.meta.url), 'utf8'));

describe('the institute-funding queue', () => {
  // Handlers are only built, never called: the models are not needed.
  const subscribed = instituteFundingService.subscriptions!({} as never).map(routingKeyOf).sort();

  it('consumes the desk’s events, TVTO’s enrolments and the Relief Committee’s benefits', () => {
    expect(subscribed).toEqual(
      [...deskBindingKeys, 'vocational-training.enrolment.recorded.v1', 'vocational-training.enrolment.completed.v1', 'relief-partnerships.benefit.granted.v1'].sort(),
    );
  });

  it('is bound in infra/rabbitmq/definitions.json to exactly the keys the service consumes', () => {
    const bound = definitions.bindings.filter((b) => b.source === 'hamgam.events' && b.destination === 'hamgam.institute-funding').map((b) => b.routing_key).sort();
    expect(bound).toEqual(subscribed);
  });
});
