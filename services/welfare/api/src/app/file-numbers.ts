import { caps, readAll } from '@hamgam/service-kit';
import type { WelfareDeps } from '../deps.js';
import { fileNumberOf } from '../domain/file-number.js';

/**
 * At start: gives every case stored before cases had file numbers its number (derived from its id, so
 * replicas doing it at once write the same value), so a search by file number finds it too.
 */
export async function fillFileNumbers(deps: Pick<WelfareDeps, 'models'>) {
  const { cases } = deps.models;
  const missing = await readAll(cases.find({ fileNumber: null }, { _id: 1 }).lean(), caps.agencyCaseload);
  for (const c of missing) await cases.updateOne({ _id: c._id, fileNumber: null }, { $set: { fileNumber: fileNumberOf(c._id) } });
}
