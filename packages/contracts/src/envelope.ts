import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * Who caused an event: the token subject and the agency it acted for. Never a name or a national id,
 * because events travel to every agency that subscribes.
 */
export const actorSchema = z
  .object({
    subject: z.string().min(1),
    agency: z.string().min(1),
  })
  .strict();
export type Actor = z.infer<typeof actorSchema>;

/** The envelope every integration event travels in; `data` is validated by the event's own schema. */
export const envelopeSchema = z
  .object({
    id: z.uuid(),
    type: z.string().regex(/^[a-z-]+\.[a-z-]+\.[a-z-]+$/, 'type is <service>.<aggregate>.<past-tense-event>'),
    version: z.number().int().positive(),
    occurredAt: z.iso.datetime(),
    source: z.string().min(1),
    correlationId: z.string().min(1),
    causationId: z.string().min(1).nullable(),
    actor: actorSchema,
    data: z.unknown(),
  })
  .strict();
export type Envelope<T = unknown> = Omit<z.infer<typeof envelopeSchema>, 'data'> & { data: T };

export interface EnvelopeInput<T> {
  type: string;
  version: number;
  source: string;
  data: T;
  actor: Actor;
  correlationId: string;
  causationId?: string | null;
}

export function createEnvelope<T>(input: EnvelopeInput<T>, now: Date = new Date()): Envelope<T> {
  return {
    id: randomUUID(),
    type: input.type,
    version: input.version,
    occurredAt: now.toISOString(),
    source: input.source,
    correlationId: input.correlationId,
    causationId: input.causationId ?? null,
    actor: input.actor,
    data: input.data,
  };
}

/** Routing key on the `hamgam.events` exchange: `<service>.<aggregate>.<event>.v<N>`. */
export function routingKeyOf(event: { type: string; version: number }): string {
  return `${event.type}.v${event.version}`;
}
