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
  /** Message ids the broker returned as unroutable; their confirm follows the return. */
  private readonly returned = new Set<string>();

  attach(channel: ConfirmChannel | undefined): void {
    this.channel = channel;
    channel?.on('return', (msg: { properties: { messageId?: string } }) => {
      if (msg.properties.messageId) this.returned.add(msg.properties.messageId);
    });
  }

  publishEvent(exchange: string, routingKey: string, envelope: Envelope, headers: Record<string, unknown> = {}): Promise<void> {
    return this.publishRaw(exchange, routingKey, Buffer.from(JSON.stringify(envelope)), {
      // Mandatory: while queues recover after a broker restart a message may route nowhere; the broker
      // returns it instead of confirming it into the void.
      mandatory: true,
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
      channel.publish(exchange, routingKey, content, { ...options, persistent: true, contentType: 'application/json' }, (error) => {
        const unroutable = typeof options.messageId === 'string' && this.returned.delete(options.messageId);
        if (error) reject(new BrokerUnavailableError(`broker refused the message: ${String(error)}`));
        else if (unroutable) reject(new BrokerUnavailableError(`no queue took message ${options.messageId} (${routingKey})`));
        else resolve();
      });
    });
  }
}
