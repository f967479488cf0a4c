import { connect, type ChannelModel } from 'amqplib';
import type { Logger } from 'pino';

export type BrokerState = 'connecting' | 'connected' | 'stopped';

export interface BrokerConnectionOptions {
  url: string;
  logger: Logger;
  /** Runs on every (re)connection: declare topology, open channels, start consumers. */
  onConnected: (connection: ChannelModel) => Promise<void>;
  /** Runs when the connection is lost, so users stop handing work to dead channels. */
  onDisconnected: () => void;
  maxBackoffMs?: number;
}

/**
 * A broker connection that heals itself. amqplib does not reconnect: on any connection or channel
 * failure we drop the whole connection, wait with capped exponential backoff, connect again and
 * re-run `onConnected`, so topology and consumers come back without a process restart.
 */
export class BrokerConnection {
  state: BrokerState = 'connecting';
  /** Successful (re)connections so far; operators and tests see recoveries in it. */
  connections = 0;
  private connection: ChannelModel | undefined;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private firstConnect: Promise<void>;
  private resolveFirst!: () => void;

  constructor(private readonly options: BrokerConnectionOptions) {
    this.firstConnect = new Promise((resolve) => (this.resolveFirst = resolve));
  }

  start(): void {
    void this.connectNow();
  }

  /** Resolves once the first connection (and its setup) succeeded. */
  whenConnected(): Promise<void> {
    return this.firstConnect;
  }

  /** Called by channels that failed: the whole connection is rebuilt so nothing is half-set-up. */
  recycle(reason: string): void {
    if (this.state !== 'connected') return;
    this.options.logger.warn({ reason }, 'broker connection recycled');
    this.state = 'connecting';
    this.options.onDisconnected();
    const old = this.connection;
    this.connection = undefined;
    old?.close().catch(() => undefined);
    this.schedule();
  }

  async stop(): Promise<void> {
    this.state = 'stopped';
    clearTimeout(this.timer);
    await this.connection?.close().catch(() => undefined);
    this.connection = undefined;
  }

  private async connectNow(): Promise<void> {
    if (this.state === 'stopped') return;
    const { logger } = this.options;
    try {
      const connection = await connect(this.options.url, { clientProperties: { connection_name: logger.bindings()['service'] as string } });
      connection.on('error', (error: Error) => logger.warn({ err: error }, 'broker connection error'));
      connection.on('close', () => {
        if (this.connection === connection) this.recycle('connection closed');
      });
      this.connection = connection;
      await this.options.onConnected(connection);
      this.state = 'connected';
      this.connections++;
      this.attempt = 0;
      logger.info('broker connected');
      this.resolveFirst();
    } catch (error) {
      logger.warn({ err: error, attempt: this.attempt }, 'broker connection failed; retrying');
      const failed = this.connection;
      this.connection = undefined;
      await failed?.close().catch(() => undefined);
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.state === 'stopped') return;
    clearTimeout(this.timer);
    const delay = Math.min(this.options.maxBackoffMs ?? 5_000, 100 * 2 ** this.attempt++);
    this.timer = setTimeout(() => void this.connectNow(), delay);
  }
}
