import type { Channel, ChannelModel } from 'amqplib';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import { BrokerConnection } from './connection.js';
import { EventConsumer } from './consumer.js';
import { Leases } from '../data/leases.js';
import { DocumentLocks } from './document-locks.js';
import { OutboxRelay } from './outbox.js';
import { ConfirmPublisher } from './publisher.js';
import { SubscriptionRegistry, type Subscription } from './subscriptions.js';
import { declareTopology } from './topology.js';

export interface EventBusOptions {
  service: string;
  url: string;
  logger: Logger;
  inbox: Model<any>;
  /** Models whose documents carry an `outbox` field. */
  outboxSources: readonly Model<any>[];
  maxAttempts?: number;
  retryBaseMs?: number;
  prefetch?: number;
  outboxSweepMs?: number;
  /** The store's leases behind `locks` (default: the `leases` collection of the inbox's database). */
  leases?: Leases;
}

/** The service's whole messaging side: connection, topology, confirm publisher, outbox relay, consumer. */
export class EventBus {
  readonly connection: BrokerConnection;
  readonly publisher = new ConfirmPublisher();
  /** Take it around any update of a document that carries an outbox, and any read → decide → write (see DocumentLocks). */
  readonly locks: DocumentLocks;
  readonly relay: OutboxRelay;
  readonly consumer: EventConsumer;
  private registry = new SubscriptionRegistry([]);

  constructor(options: EventBusOptions) {
    this.locks = new DocumentLocks(options.leases ?? new Leases(options.inbox.db, { logger: options.logger }));
    this.relay = new OutboxRelay({
      sources: options.outboxSources,
      publisher: this.publisher,
      locks: this.locks,
      logger: options.logger,
      sweepIntervalMs: options.outboxSweepMs,
    });
    this.consumer = new EventConsumer({ ...options, registry: () => this.registry, publisher: this.publisher, locks: this.locks });
    this.connection = new BrokerConnection({
      url: options.url,
      logger: options.logger,
      onConnected: (connection) => this.setUp(connection, options.service),
      onDisconnected: () => {
        this.publisher.attach(undefined);
        this.consumer.detach();
      },
    });
  }

  /** Handlers often need the service's models, which exist only after the bus: set them before start(). */
  setSubscriptions(subscriptions: readonly Subscription[]): void {
    this.registry = new SubscriptionRegistry(subscriptions);
  }

  start(): void {
    this.connection.start();
    this.relay.start();
  }

  /**
   * Shutdown, first step: the consumer is cancelled, so no new deliveries come; those in hand are still
   * handled (and may publish retries), and the relay goes on until `stop()`.
   */
  stopConsuming(): Promise<void> {
    return this.consumer.cancel();
  }

  /** The relay finishes what it has in hand (see OutboxRelay.stop), then the connection is closed. */
  async stop(): Promise<void> {
    await this.relay.stop();
    await this.connection.stop();
  }

  get connected(): boolean {
    return this.connection.state === 'connected';
  }

  private async setUp(connection: ChannelModel, service: string): Promise<void> {
    const publishing = await connection.createConfirmChannel();
    this.supervise(publishing, 'publishing');
    await declareTopology(publishing, service, this.registry.bindingKeys());
    // A reconnection during a shutdown restores publishing (retries, the relay), not consuming.
    if (this.registry.bindingKeys().length > 0 && !this.consumer.cancelled) {
      const consuming = await connection.createChannel();
      this.supervise(consuming, 'consuming');
      await this.consumer.attach(consuming, () => this.connection.recycle('consumer cancelled by the broker'));
    }
    this.publisher.attach(publishing);
    this.relay.sweepSoon();
  }

  private supervise(channel: Channel, role: string): void {
    channel.on('error', () => undefined); // the 'close' that always follows does the recovery
    channel.on('close', () => this.connection.recycle(`${role} channel closed`));
  }
}
