import { randomUUID } from 'node:crypto';
import type { ServiceDeps } from '@hamgam/service-kit';
import { publishPriorities } from '../app/publish-priorities.js';
import { demoAssessments } from '../domain/demo-households.js';
import { referenceClinics } from '../domain/places.js';
import type { ClinicsModels } from './models.js';

/** Neighbourhoods left for the demo user (clinic.worker) to assess and publish by hand. */
const leftForTheDemoStory = new Set(['nbh-sarasiab']);

export async function seedClinicsDemo({ models, flushOutbox }: ServiceDeps<ClinicsModels>): Promise<void> {
  if ((await models.assessments.estimatedDocumentCount()) > 0) return;
  const cause = { actor: { subject: 'demo-seed', agency: 'clinics' }, correlationId: `seed-${randomUUID()}` };
  const written: string[] = [];
  for (const clinic of referenceClinics) {
    if (leftForTheDemoStory.has(clinic.neighbourhoodId)) continue;
    const rows = demoAssessments(clinic.neighbourhoodId, 60).map((h) => ({
      _id: randomUUID(), ...h, neighbourhoodId: clinic.neighbourhoodId, clinicId: clinic.id, recordedBy: 'demo-seed', createdAt: new Date(),
    }));
    await models.assessments.insertMany(rows);
    const { documentId } = await publishPriorities(models, { neighbourhoodId: clinic.neighbourhoodId, period: '1405', cause });
    written.push(documentId);
  }
  flushOutbox(written);
}
