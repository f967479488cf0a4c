import { beforeAll, describe, expect, it } from 'vitest';
import { badCredentials, type BadCredential } from '../../support/forged-tokens.js';
import { concretePath, loadOperations, operationName, type Operation } from '../../support/openapi.js';
import { describeAnswer, probe } from '../../support/probe.js';
import { roleHolders } from '../../support/realm.js';
import { tokenFor } from '../../support/stack.js';

// Every operation of every running service, from their OpenAPI documents: a token that is missing,
// expired, for another audience, from another realm or forged gets 401; a valid token of a role the
// operation does not allow gets 403. Path parameters are valid, made-up values (uuids, slugs), so
// nothing answers 400 or 404 before the token and role are checked.
const operations = await loadOperations();
const secured = operations.filter((op): op is Operation & { roles: readonly string[] } => op.roles !== 'public');
const realmRoles = [...roleHolders.keys()];

/** Public operations a security review accepted; a new one fails here until it is reviewed and added. */
const reviewedPublicOperations = ['clinics GET /api/v1/tracking/{code}', 'vocational-training GET /api/v1/permits/tracking/{code}'];

const isProblem = (contentType: string) => contentType.includes('application/problem+json');

describe('the operations the services publish', () => {
  it('state who may call them, in roles the realm has', () => {
    expect(secured.length).toBeGreaterThan(100);
    for (const op of secured) {
      expect(op.roles.length, operationName(op)).toBeGreaterThan(0);
      for (const role of op.roles) expect(realmRoles, `${operationName(op)} names role ${role}`).toContain(role);
    }
  });

  it('are public only where a review said so', () => {
    const publicOnes = operations.filter((op) => op.roles === 'public').map(operationName);
    expect(publicOnes.sort()).toEqual([...reviewedPublicOperations].sort());
  });
});

describe.concurrent('refuses a request without a valid token of this realm with 401', () => {
  // Per role, bad credentials made from that role's demo user, so each forged token claims a role the
  // operation allows: only the token check stands between it and the handler.
  const credentials = new Map<string, BadCredential[]>();
  beforeAll(async () => {
    const made = await Promise.all(realmRoles.map((role) => badCredentials(roleHolders.get(role)!.username, realmRoles)));
    realmRoles.forEach((role, i) => credentials.set(role, made[i]!));
  }, 60_000);

  it.for(secured.map((op) => [operationName(op), op] as const))('%s', async ([, op], { expect }) => {
    const path = concretePath(op);
    const allowed = op.roles.find((role) => roleHolders.has(role))!;
    const answers = await Promise.all(
      credentials.get(allowed)!.map(async (credential) => [credential.name, await probe(op.service, op.method, path, credential)] as const),
    );
    for (const [name, answer] of answers) {
      expect.soft(answer.status, describeAnswer(`${name} on ${path}`, answer)).toBe(401);
      expect.soft(isProblem(answer.contentType), `${name}: problem+json`).toBe(true);
    }
  });
});

describe.concurrent('refuses a valid token of every role the operation does not allow with 403', () => {
  const refusable = secured
    .map((op) => ({ op, refused: realmRoles.filter((role) => !op.roles.includes(role)) }))
    .filter(({ refused }) => refused.length > 0);

  it.for(refusable.map(({ op, refused }) => [operationName(op), op, refused] as const))('%s', async ([, op, refused], { expect }) => {
    const path = concretePath(op);
    const answers = await Promise.all(
      refused.map(async (role) => {
        const user = roleHolders.get(role)!.username;
        return [user, await probe(op.service, op.method, path, { authorization: `Bearer ${await tokenFor(user)}` })] as const;
      }),
    );
    for (const [user, answer] of answers) {
      expect.soft(answer.status, describeAnswer(`${user} on ${path}`, answer)).toBe(403);
      expect.soft(isProblem(answer.contentType), `${user}: problem+json`).toBe(true);
    }
  });
});
