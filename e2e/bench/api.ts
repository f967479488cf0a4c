// `npm run bench:api`: what the platform's HTTP path costs. The clinics service's authenticated list and
// detail routes (token verification, scope checks, zod validation of input and output, logs, metrics)
// against a bare express + mongoose server running the same main query on the same seeded data, both
// on loopback with the same number of callers in flight. Prints requests/s and the ratio; asserts nothing.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { parseArgs } from 'node:util';
import express from 'express';
import mongoose, { Schema } from 'mongoose';
import { benchStore, startClinicsAtScale } from './register.js';
import { throughput } from './timing.js';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '10' },
  },
});
const households = Number(values.households);
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const pageSize = 50;

/** The same reads with nothing around them: no auth, no validation, no logs. */
function bareServer(url: string) {
  const connection = mongoose.createConnection(url, { maxPoolSize: 10 });
  const referrals = connection.model('Referral', new Schema({ _id: String }, { strict: false }));
  const app = express();
  app.get('/referrals', async (req, res) => {
    res.json(
      await referrals
        .find({ clinicId: String(req.query['clinicId']) }, { outbox: 0 })
        .sort({ madeAt: -1 })
        .limit(pageSize)
        .lean(),
    );
  });
  app.get('/referrals/:id', async (req, res) => {
    res.json(await referrals.findById(req.params.id, { outbox: 0 }).lean());
  });
  return { app, close: () => connection.close() };
}

const listen = (app: express.Express) =>
  new Promise<{ server: Server; origin: string }>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    );
  });

async function get(url: string, token?: string) {
  const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  await res.arrayBuffer();
}

const { clinics, register } = await startClinicsAtScale(households);
const bare = bareServer(`${benchStore}/hamgam_bench_clinics_${households}`);
const [kitServer, bareListening] = await Promise.all([listen(clinics.app), listen(bare.app)]);
const token = await clinics.token('worker');
const referralId = (i: number) => register.sampleReferralIds[i % register.sampleReferralIds.length]!;

const routes = [
  {
    name: `referrals of a clinic (page of ${pageSize})`,
    kit: `/api/v1/referrals?clinicId=clinic-sarasiab`,
    bare: `/referrals?clinicId=clinic-sarasiab`,
  },
  { name: 'one referral by id', kit: '/api/v1/referrals/:id', bare: '/referrals/:id' },
];
console.log(`${households} households, ${requests} requests per figure, ${concurrency} in flight, store ${benchStore}`);
for (const route of routes) {
  const at = (path: string, i: number) => path.replace(':id', referralId(i));
  const kitRate = await throughput(requests, concurrency, (i) => get(`${kitServer.origin}${at(route.kit, i)}`, token));
  const bareRate = await throughput(requests, concurrency, (i) => get(`${bareListening.origin}${at(route.bare, i)}`));
  console.log(
    `${route.name.padEnd(36)} kit ${kitRate.toFixed(0).padStart(6)}/s   bare ${bareRate.toFixed(0).padStart(6)}/s   ratio kit/bare ${(kitRate / bareRate).toFixed(2)}`,
  );
}
kitServer.server.close();
bareListening.server.close();
await bare.close();
await clinics.close();
process.exit(0);
