// The broker's topology, infra/rabbitmq/definitions.json: what every service of the registry declares at
// start-up (the kit's declareTopology, with the routing keys of its own subscriptions), recorded and
// written in RabbitMQ's definitions format. The native broker and compose's load it at boot and the
// cluster's topology operator applies it (infra/k8s/generate/topology.ts), so every queue and binding
// exists before the first service starts: an event published before its consumer ever ran waits for it
// instead of reaching no queue.
import { declareTopology } from '@hamgam/service-kit';
import type { DefinedService } from './services.js';

type Args = Record<string, unknown>;
export interface Definitions {
  exchanges: { name: string; vhost: string; type: string; durable: boolean; auto_delete: boolean; internal: boolean; arguments: Args }[];
  queues: { name: string; vhost: string; durable: boolean; auto_delete: boolean; arguments: Args }[];
  bindings: { source: string; vhost: string; destination: string; destination_type: string; routing_key: string; arguments: Args }[];
}

const vhost = '/';

/**
 * The native broker's only user: loading definitions replaces RabbitMQ's default one, so guest (password
 * guest, loopback only) is declared again here. Compose's entrypoint gives it a random password instead.
 */
const nativeAccess = {
  rabbit_version: '3.10.8',
  users: [
    {
      name: 'guest',
      password_hash: 'T9XhqsISL9iQJGibb+jcCYrx4nxEEVJT1hzzZp5nazXRGAEZ',
      hashing_algorithm: 'rabbit_password_hashing_sha256',
      tags: ['administrator'],
      limits: {},
    },
  ],
  vhosts: [{ name: vhost }],
  permissions: [{ user: 'guest', vhost, configure: '.*', write: '.*', read: '.*' }],
  parameters: [],
  global_parameters: [],
  policies: [],
};

/** Keeps one of each declaration; the same name declared twice with other settings the broker would refuse. */
function declared<T>(kind: string) {
  const byName = new Map<string, T>();
  const add = (name: string, value: T) => {
    const known = byName.get(name);
    if (known && JSON.stringify(known) !== JSON.stringify(value)) throw new Error(`${kind} ${name} declared twice, differently`);
    byName.set(name, value);
  };
  return { add, all: () => [...byName.values()] };
}

export async function brokerDefinitions(services: readonly DefinedService[]): Promise<Definitions & typeof nativeAccess> {
  const exchanges = declared<Definitions['exchanges'][number]>('exchange');
  const queues = declared<Definitions['queues'][number]>('queue');
  const bindings = declared<Definitions['bindings'][number]>('binding');
  type Options = { durable?: boolean; arguments?: Args };
  // Records what declareTopology asks of a channel.
  const recorder = {
    assertExchange: async (name: string, type: string, options: Options = {}) =>
      exchanges.add(name, { name, vhost, type, durable: options.durable ?? true, auto_delete: false, internal: false, arguments: {} }),
    assertQueue: async (name: string, options: Options = {}) =>
      queues.add(name, { name, vhost, durable: options.durable ?? true, auto_delete: false, arguments: options.arguments ?? {} }),
    bindQueue: async (destination: string, source: string, key: string) =>
      bindings.add(`${source} ${destination} ${key}`, {
        source,
        vhost,
        destination,
        destination_type: 'queue',
        routing_key: key,
        arguments: {},
      }),
  };
  for (const { entry, bindingKeys } of services) {
    await declareTopology(recorder as unknown as Parameters<typeof declareTopology>[0], entry.service, bindingKeys);
  }
  return { ...nativeAccess, exchanges: exchanges.all(), queues: queues.all(), bindings: bindings.all() };
}
