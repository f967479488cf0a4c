import { describe, expect, it } from 'vitest';
import { createEnvelope, envelopeSchema, routingKeyOf } from './envelope.js';
import { schemaFor } from './event-catalog.js';

const actor = { subject: 'user-1', agency: 'clinics' };

describe('event envelope', () => {
  it('creates a valid envelope with a fresh id and the causation chain', () => {
    const a = createEnvelope({ type: 'clinics.priority.published', version: 1, source: 'clinics', data: {}, actor, correlationId: 'c-1' });
    const b = createEnvelope({
      type: 'clinics.priority.published',
      version: 1,
      source: 'clinics',
      data: {},
      actor,
      correlationId: 'c-1',
      causationId: a.id,
    });
    expect(envelopeSchema.parse(a)).toEqual(a);
    expect(b.id).not.toBe(a.id);
    expect(a.causationId).toBeNull();
    expect(b.causationId).toBe(a.id);
  });

  it('rejects envelopes with extra fields or a malformed type', () => {
    const ok = createEnvelope({ type: 'clinics.priority.published', version: 1, source: 'clinics', data: {}, actor, correlationId: 'c' });
    expect(envelopeSchema.safeParse({ ...ok, name: 'Ali' }).success).toBe(false);
    expect(envelopeSchema.safeParse({ ...ok, type: 'PriorityPublished' }).success).toBe(false);
    expect(envelopeSchema.safeParse({ ...ok, actor: { ...actor, name: 'Ali' } }).success).toBe(false);
  });

  it('derives the routing key from type and version', () => {
    expect(routingKeyOf({ type: 'clinics.priority.published', version: 1 })).toBe('clinics.priority.published.v1');
  });

  it('knows which versions exist', () => {
    expect(schemaFor('clinics.priority.published', 1)).toBeDefined();
    expect(schemaFor('clinics.priority.published', 2)).toBeUndefined();
    expect(schemaFor('nope.nothing.happened', 1)).toBeUndefined();
  });
});
