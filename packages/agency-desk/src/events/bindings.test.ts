import { routingKeyOf } from '@hamgam/contracts';
import { describe, expect, it } from 'vitest';
import type { DeskDeps } from '../options.js';
import { deskBindingKeys, deskSubscriptions } from './subscriptions.js';

// Each desk agency's queue is bound to what it consumes: infra/test/topology.test.ts.
describe('the desk’s binding keys', () => {
  it('are exactly what the desk subscribes to', () => {
    const subscribed = deskSubscriptions({} as DeskDeps, { agency: 'welfare', roles: ['welfare-officer'] }).map(routingKeyOf);
    expect(subscribed.sort()).toEqual([...deskBindingKeys].sort());
  });
});
