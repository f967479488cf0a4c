import { describe, expect, it } from 'vitest';
import { call, serviceUrl, servicePorts, tokenFor, type ServiceName } from '../support/stack.js';

/** Who may use each service, and one demo user who may not. */
const access: Record<ServiceName, { allowed: string; refused: string }> = {
  clinics: { allowed: 'clinic.worker', refused: 'tvto.staff' },
  'vocational-training': { allowed: 'tvto.staff', refused: 'clinic.worker' },
  welfare: { allowed: 'welfare.officer', refused: 'relief.officer' },
  'relief-partnerships': { allowed: 'basij.liaison', refused: 'welfare.officer' },
  'institute-funding': { allowed: 'fund.officer', refused: 'representative' },
  coordination: { allowed: 'coordinator', refused: 'clinic.worker' },
};

describe.each(Object.keys(servicePorts) as ServiceName[])('%s service', (service) => {
  // Every service of the registry is covered: a new one without its row here fails below.
  const users = access[service] ?? { allowed: `(no row for ${service} in access)`, refused: `(no row for ${service} in access)` };

  it('has a demo user who may use it and one who may not', () => {
    expect(access[service], service).toBeDefined();
  });

  it('is alive and ready (database and broker reachable)', async () => {
    const health = await fetch(`${serviceUrl(service)}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${serviceUrl(service)}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { mongo: true, broker: true } });
  });

  it('refuses a request without a token', async () => {
    const res = await call(service, '/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.contentType).toContain('application/problem+json');
  });

  it('accepts a real Keycloak token with an allowed role', async () => {
    const res = await call(service, '/api/v1/me', { as: users.allowed });
    expect(res.status).toBe(200);
    expect(res.body.service).toBe(service);
    expect(res.body.user.username).toBe(users.allowed);
  });

  it('refuses a real token whose roles do not include this agency', async () => {
    const res = await call(service, '/api/v1/me', { as: users.refused });
    expect(res.status).toBe(403);
  });

  it('refuses a real token whose signature was tampered with', async () => {
    const token = await tokenFor(users.allowed);
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature!.slice(0, -4)}AAAA`;
    const res = await call(service, '/api/v1/me', { token: forged });
    expect(res.status).toBe(401);
  });

  it('publishes its OpenAPI document', async () => {
    const res = await fetch(`${serviceUrl(service)}/openapi.json`);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/me']).toBeDefined();
  });
});

describe('realm tokens', () => {
  it('carry the API audience, realm roles and scope claims', async () => {
    const token = await tokenFor('clinic.worker');
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect([claims.aud].flat()).toContain('hamgam-api');
    expect(claims.realm_access.roles).toContain('clinic-worker');
    expect(claims.clinic_ids).toEqual(['clinic-sarasiab']);
    expect(claims.neighbourhood_ids).toEqual(['nbh-sarasiab']);
  });
});
