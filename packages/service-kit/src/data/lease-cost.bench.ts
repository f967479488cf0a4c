// Not a test: prints the cost of a lease per write (run: npx tsx packages/service-kit/src/data/lease-cost.bench.ts).
import mongoose from 'mongoose';
import { randomUUID } from 'node:crypto';
import { DocumentLocks } from '../bus/document-locks.js';
import { Leases } from './leases.js';

const url = `${process.env['TEST_MONGO_URL'] ?? 'mongodb://127.0.0.1:27017'}/hamgam_bench_leases_${randomUUID().slice(0, 8)}`;
const connection = await mongoose.createConnection(url).asPromise();
const docs = connection.collection<{ _id: string; n: number }>('docs');
await docs.insertMany(Array.from({ length: 200 }, (_, i) => ({ _id: `d${i}`, n: 0 })));
const writes = 300;
async function time(label: string, locks: DocumentLocks | null) {
  const started = performance.now();
  for (let i = 0; i < writes; i++) {
    const id = `d${i % 200}`;
    const write = () => docs.updateOne({ _id: id }, { $inc: { n: 1 } });
    await (locks ? locks.run('docs', id, write) : write());
  }
  const ms = (performance.now() - started) / writes;
  console.log(`${label}: ${ms.toFixed(2)} ms per write`);
  return ms;
}
const bare = await time('updateOne by _id, no lock', null);
const inProcess = await time('under the in-process lock only', new DocumentLocks(null));
const leased = await time('under a lease (insert + delete in leases)', new DocumentLocks(new Leases(connection)));
console.log(
  `lease cost: +${(leased - bare).toFixed(2)} ms per write (${((leased / bare - 1) * 100).toFixed(0)}%); in-process lock: +${(inProcess - bare).toFixed(2)} ms`,
);
await connection.dropDatabase();
await connection.close();
