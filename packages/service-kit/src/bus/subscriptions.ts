import type { Envelope, EventData, EventType } from '@hamgam/contracts';
import { eventCatalog, routingKeyOf } from '@hamgam/contracts';
import type { Logger } from 'pino';

export interface HandlerContext {
  log: Logger;
}

/** What a service does with one version of one event. Handlers must tolerate a redelivery. */
export interface Subscription {
  type: string;
  version: number;
  handle: (envelope: Envelope<any>, ctx: HandlerContext) => Promise<void>;
}

export function subscribe<T extends EventType, V extends keyof (typeof eventCatalog)[T] & number>(
  type: T,
  version: V,
  handle: (envelope: Envelope<EventData<T, V>>, ctx: HandlerContext) => Promise<void>,
): Subscription {
  return { type, version, handle };
}

/**
 * The registry keyed by event type and version; it also yields the queue bindings, so a service
 * can never consume an event it did not bind (or bind one it does not handle).
 */
export class SubscriptionRegistry {
  private readonly byKey = new Map<string, Subscription>();

  constructor(subscriptions: readonly Subscription[]) {
    for (const s of subscriptions) {
      const key = routingKeyOf(s);
      if (this.byKey.has(key)) throw new Error(`two handlers for ${key}`);
      this.byKey.set(key, s);
    }
  }

  find(type: string, version: number): Subscription | undefined {
    return this.byKey.get(routingKeyOf({ type, version }));
  }

  bindingKeys(): string[] {
    return [...this.byKey.keys()];
  }
}
