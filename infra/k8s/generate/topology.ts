// The broker's topology (infra/rabbitmq/definitions.json, which the native stack loads and the services
// assert at start-up) as RabbitMQ Messaging Topology Operator resources, so a cluster's broker has every
// exchange, queue and binding before the first service starts, with the same arguments.
import type { Definitions } from '../../generate/broker.js';
import { BROKER, type K8sObject } from './names.js';

const cluster = { rabbitmqClusterReference: { name: BROKER.name } };
const meta = (name: string) => ({ name: objectName(name), labels: { 'app.kubernetes.io/part-of': 'hamgam' } });

/** A Kubernetes name from a broker name: lower case, dots kept, wildcards spelled out. */
function objectName(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('#', 'all')
    .replaceAll('*', 'one')
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
}

/** The operator takes the queue type as a field; the other arguments as they are. */
function queueSpec(q: Definitions['queues'][number]) {
  const { 'x-queue-type': type, ...args } = q.arguments;
  return {
    name: q.name,
    vhost: q.vhost,
    durable: q.durable,
    autoDelete: q.auto_delete,
    ...(type ? { type } : {}),
    arguments: args,
    ...cluster,
  };
}

export function topologyObjects(definitions: Definitions): K8sObject[] {
  const objects: K8sObject[] = [
    ...definitions.exchanges.map((e) => ({
      apiVersion: 'rabbitmq.com/v1beta1',
      kind: 'Exchange',
      metadata: meta(e.name),
      spec: {
        name: e.name,
        vhost: e.vhost,
        type: e.type,
        durable: e.durable,
        autoDelete: e.auto_delete,
        arguments: e.arguments,
        ...cluster,
      },
    })),
    ...definitions.queues.map((q) => ({ apiVersion: 'rabbitmq.com/v1beta1', kind: 'Queue', metadata: meta(q.name), spec: queueSpec(q) })),
    ...definitions.bindings.map((b) => ({
      apiVersion: 'rabbitmq.com/v1beta1',
      kind: 'Binding',
      metadata: meta(`${b.destination}--${b.routing_key}`),
      spec: {
        source: b.source,
        destination: b.destination,
        destinationType: b.destination_type,
        routingKey: b.routing_key,
        vhost: b.vhost,
        arguments: b.arguments,
        ...cluster,
      },
    })),
  ];
  const seen = new Set<string>();
  for (const o of objects) {
    const key = `${o.kind}/${o.metadata.name}`;
    if (seen.has(key)) throw new Error(`two broker objects map to the Kubernetes name ${key}`);
    seen.add(key);
  }
  return objects;
}
