// The broker's topology and the services, for every service of the registry: each queue is bound to
// exactly the routing keys its service consumes (infra/rabbitmq/definitions.json, which npm run generate
// writes from the same subscriptions and the kit's declareTopology), so no event is bound that nothing
// handles, nor handled that never arrives; and what a service says of itself agrees with the registry.
import { readFileSync } from 'node:fs';
import { deskBindingKeys } from '@hamgam/agency-desk';
import { partnerAgencies } from '@hamgam/contracts';
import { SERVICES } from '@hamgam/registry';
import { describe, expect, it } from 'vitest';
import type { Definitions } from '../generate/broker.js';
import { definedServices } from '../generate/services.js';

const definitions = JSON.parse(readFileSync(new URL('../rabbitmq/definitions.json', import.meta.url), 'utf8')) as Definitions & {
  users: { name: string; tags: string[] }[];
};
const services = await definedServices();
const consumed = (service: string) => services.find((s) => s.entry.service === service)?.bindingKeys ?? [];
const bound = (queue: string) =>
  definitions.bindings.filter((b) => b.source === 'hamgam.events' && b.destination === queue).map((b) => b.routing_key);
const queue = (name: string) => definitions.queues.find((q) => q.name === name);
const deskAgencies = SERVICES.filter((s) => s.desk).map((s) => s.service);

describe.each(services.map((s) => [s.entry.service, s] as const))('%s', (name, { definition, bindingKeys }) => {
  it('has its queue bound to exactly the keys it consumes', () => {
    expect(bound(`hamgam.${name}`).sort()).toEqual([...bindingKeys].sort());
  });

  it('has its queue, retry queue and dead-letter queue', () => {
    const main = `hamgam.${name}`;
    expect(queue(main)?.arguments).toEqual({
      'x-queue-type': 'quorum',
      'x-dead-letter-exchange': 'hamgam.dlx',
      'x-dead-letter-routing-key': `${main}.dlq`,
      'x-delivery-limit': 10,
    });
    expect(queue(`${main}.retry`)?.arguments).toEqual({ 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': main });
    expect(queue(`${main}.dlq`)?.arguments).toEqual({ 'x-queue-type': 'quorum' });
    expect(definitions.bindings).toContainEqual(
      expect.objectContaining({ source: 'hamgam.dlx', destination: `${main}.dlq`, routing_key: `${main}.dlq` }),
    );
  });

  it('admits the roles the shell shows its module to', () => {
    expect([...definition.roles].sort()).toEqual([...SERVICES.find((s) => s.service === name)!.roles].sort());
  });
});

describe('the events between services', () => {
  it('reach every desk agency: the desk’s referrals, withdrawals, action items and priorities', () => {
    expect(deskAgencies.sort()).toEqual([...partnerAgencies].sort());
    for (const agency of deskAgencies) expect(consumed(agency), agency).toEqual(expect.arrayContaining([...deskBindingKeys]));
  });

  it('bring the clinics every desk agency’s offers and answers to referrals', () => {
    for (const agency of deskAgencies) {
      for (const event of ['offer.published', 'referral.accepted', 'referral.declined', 'referral.completed']) {
        expect(consumed('clinics')).toContain(`${agency}.${event}.v1`);
      }
    }
  });

  it.each([
    [
      'coordination',
      [
        'clinics.priority.published.v1',
        'coordination.action-item.assigned.v1',
        ...deskAgencies.flatMap((a) => [`${a}.commitment.declared.v1`, `${a}.commitment.progressed.v1`]),
      ],
    ],
    [
      'relief-partnerships',
      [
        'vocational-training.enrolment.completed.v1',
        'vocational-training.permit.issued.v1',
        'welfare.eligibility.revoked.v1',
        'institute-funding.benefit.granted.v1',
      ],
    ],
    [
      'institute-funding',
      ['vocational-training.enrolment.recorded.v1', 'vocational-training.enrolment.completed.v1', 'relief-partnerships.benefit.granted.v1'],
    ],
  ])('bring %s what its work rests on', (service, keys) => {
    expect(consumed(service)).toEqual(expect.arrayContaining(keys));
  });
});

describe('the rest of the topology', () => {
  it('is the two durable exchanges and the bounded audit queue that takes every event', () => {
    expect(definitions.exchanges).toEqual([
      expect.objectContaining({ name: 'hamgam.events', type: 'topic', durable: true }),
      expect.objectContaining({ name: 'hamgam.dlx', type: 'direct', durable: true }),
    ]);
    expect(definitions.queues).toHaveLength(SERVICES.length * 3 + 1);
    expect(queue('hamgam.audit')?.arguments).toEqual({ 'x-queue-type': 'quorum', 'x-max-length': 100000, 'x-overflow': 'drop-head' });
    expect(bound('hamgam.audit')).toEqual(['#']);
  });

  it('keeps guest as an administrator for the native broker (loading definitions replaces the default user; compose replaces its password)', () => {
    expect(definitions.users).toContainEqual(expect.objectContaining({ name: 'guest', tags: ['administrator'] }));
  });
});
