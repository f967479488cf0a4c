import type { ConfirmChannel, Options } from 'amqplib';
import type { Envelope } from '@hamgam/contracts';

export class BrokerUnavailableError extends Error {
  override name = 'BrokerUnavailableError';
}

/**
 * Publishes on a confirm channel and resolves only once the broker has taken responsibility for the
 * message, so the outbox marks an event sent only when it really is.
 */
export class ConfirmPublisher {
  private channel: ConfirmChannel | undefined;

  attach(channel: ConfirmChannel | undefined): void {
    this.channel = channel;
  }

  get ready(): boolean {
    return this.channel !== undefined;
  }

  publishEvent(exchange: string, routingKey: string, envelope: Envelope, headers: Record<string, unknown> = {}): Promise<void> {
    return this.publishRaw(exchange, routingKey, Buffer.from(JSON.stringify(envelope)), {
      messageId: envelope.id,
      type: envelope.type,
      correlationId: envelope.correlationId,
      timestamp: Math.floor(Date.parse(envelope.occurredAt) / 1000),
      headers,
    });
  }

  publishRaw(exchange: string, routingKey: string, content: Buffer, options: Options.Publish): Promise<void> {
    const channel = this.channel;
    if (!channel) return Promise.reject(new BrokerUnavailableError('no broker channel'));
    return new Promise((resolve, reject) => {
      channel.publish(
        exchange,
        routingKey,
        content,
        { ...options, persistent: true, contentType: 'application/json' },
        (error) => (error ? reject(new BrokerUnavailableError(`broker refused the message: ${String(error)}`)) : resolve()),
      );
    });
  }
}
