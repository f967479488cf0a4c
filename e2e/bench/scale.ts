// `npm run bench:scale`: the clinics and coordination services on a province-sized register (10k and
// 100k households by default, with residents, assessments, referrals and commitments in realistic
// ratios), timing the hot reads and writes through each service's real routes and auth, in process,
// on this machine's store. Prints each figure and the 100k/10k ratio; asserts nothing.
import { parseArgs } from 'node:util';
import { coordinationService } from '@hamgam/coordination-api/service';
import { seedScaleProgramme } from '@hamgam/coordination-api/testing/scale';
import { startTestService, type TestApi } from '@hamgam/service-kit/testing';
import { benchStore, ok, startClinicsAtScale } from './register.js';
import { ms, timeSequential, type Timing } from './timing.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000' }, runs: { type: 'string', default: '20' } } });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

async function measure(households: number): Promise<Timing[]> {
  const { clinics, register } = await startClinicsAtScale(households);
  const coordination = await startTestService(coordinationService, { MONGO_URL: `${benchStore}/hamgam_bench_coordination_${households}` });
  try {
    await coordination.mongo.dropDatabase();
    await coordination.prepare();
    await seedScaleProgramme(coordination.models, households);
    const worker: TestApi = clinics.api('worker');
    const coordinator: TestApi = coordination.api('coordinator');
    const writes = Math.min(runs, register.referableResidentIds.length);
    return [
      await timeSequential("a clinic's household page", runs, () => ok(worker.get('/clinics/clinic-sarasiab/households'), 'households')),
      await timeSequential('resident by national id', runs, (i) =>
        ok(
          worker.post('/residents/duplicate-check', {
            clinicId: 'clinic-sarasiab',
            nationalId: register.sampleNationalIds[i % register.sampleNationalIds.length]!,
          }),
          'duplicate-check',
        ),
      ),
      await timeSequential('referrals, overdue only', runs, () =>
        ok(worker.get('/referrals?clinicId=clinic-sarasiab&overdue=true'), 'referrals'),
      ),
      await timeSequential('coordination board', runs, () => ok(coordinator.get('/neighbourhoods/nbh-sarasiab/board'), 'board')),
      await timeSequential('publishing priorities', Math.max(3, Math.floor(runs / 4)), () =>
        ok(worker.post('/neighbourhoods/nbh-sarasiab/priority-lists', { period: '1405' }), 'publish'),
      ),
      await timeSequential('making a referral', writes, (i) =>
        ok(worker.post('/referrals', { residentId: register.referableResidentIds[i]!, offerId: 'tvto-home-tailoring-1405' }), 'referral'),
      ),
    ];
  } finally {
    await clinics.close();
    await coordination.close();
  }
}

const results = new Map<number, Timing[]>();
for (const size of sizes) {
  const timings = await measure(size);
  results.set(size, timings);
  for (const t of timings)
    console.log(
      `${size} households  ${t.name.padEnd(28)} median ${ms(t.medianMs).padStart(10)}  p95 ${ms(t.p95Ms).padStart(10)}  (${t.runs} runs)`,
    );
}
if (sizes.length >= 2) {
  const [small, large] = [results.get(sizes[0]!)!, results.get(sizes.at(-1)!)!];
  console.log(`\nratio of medians ${sizes.at(-1)}/${sizes[0]} households:`);
  small.forEach((t, i) => console.log(`  ${t.name.padEnd(28)} ${(large[i]!.medianMs / t.medianMs).toFixed(2)}×`));
}
process.exit(0);
