import mongoose, { type Connection } from 'mongoose';
import { boundedFinds } from './data/bounded.js';

// Request data never reaches a query as an operator ({ $gt: '' }) — schemas are strict too.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);
// Every find states its bound (a page or a cap): an unbounded one throws (data/bounded.ts).
mongoose.plugin(boundedFinds);

/**
 * One connection per service database. No transactions and no change streams are used anywhere, so
 * the same code runs on FerretDB and on MongoDB.
 */
export function createMongoConnection(url: string): Connection {
  return mongoose.createConnection(url, { serverSelectionTimeoutMS: 5_000, autoIndex: true });
}

export const mongoReady = (connection: Connection) => connection.readyState === mongoose.ConnectionStates.connected;

/** A write refused by a unique index (E11000): someone stored that key first. */
export const isDuplicateKey = (error: unknown): boolean => (error as { code?: number } | null)?.code === 11000;
