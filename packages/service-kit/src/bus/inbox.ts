import { setTimeout as sleep } from 'node:timers/promises';
import { isDuplicateKey, isStoreTimeout } from '../mongo.js';
import { Schema, type Connection, type Model } from 'mongoose';

interface InboxEntry {
  _id: string;
  type: string;
  handledAt: Date;
}

/** Event ids this service has applied; the consumer skips any id found here. */
export function inboxModel(connection: Connection): Model<InboxEntry> {
  const schema = new Schema<InboxEntry>({ _id: String, type: String, handledAt: Date }, { versionKey: false });
  return connection.models['InboxEntry'] ?? connection.model<InboxEntry>('InboxEntry', schema, 'inbox');
}

export async function alreadyHandled(inbox: Model<InboxEntry>, eventId: string): Promise<boolean> {
  return (await inbox.exists({ _id: eventId })) !== null;
}

/**
 * How long recording a handled event keeps trying while the store does not answer: its handler's
 * changes are stored by then, and an event left unrecorded is applied again by its retry. Well within
 * the delivery's lease (30 s), whose holder must be done long before it expires.
 */
const recordPatienceMs = 8_000;

export async function recordHandled(inbox: Model<InboxEntry>, eventId: string, type: string, patienceMs = recordPatienceMs): Promise<void> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      await inbox.create({ _id: eventId, type, handledAt: new Date() });
      return;
    } catch (error) {
      // A concurrent redelivery recorded it first, or an earlier attempt did whose answer was lost: the outcome is the same.
      if (isDuplicateKey(error)) return;
      const delay = Math.min(1_000, 100 * 2 ** attempt);
      if (!isStoreTimeout(error) || Date.now() - started + delay > patienceMs) throw error;
      await sleep(delay);
    }
  }
}
