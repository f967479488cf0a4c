import { isDuplicateKey } from '../mongo.js';
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

export async function recordHandled(inbox: Model<InboxEntry>, eventId: string, type: string): Promise<void> {
  try {
    await inbox.create({ _id: eventId, type, handledAt: new Date() });
  } catch (error) {
    // A concurrent redelivery recorded it first: the outcome is the same.
    if (!isDuplicateKey(error)) throw error;
  }
}
