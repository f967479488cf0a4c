import { accessLogModel } from '@hamgam/service-kit';
import type { Connection } from 'mongoose';
import { caseSchema } from './cases.js';

/** Welfare's own models (the agency desk brings its own). */
export function welfareModels(connection: Connection) {
  return { cases: connection.model('WelfareCase', caseSchema), accessLog: accessLogModel(connection) };
}

export type WelfareModels = ReturnType<typeof welfareModels>;
