import { describe, expect, it } from 'vitest';
import { harvest, valuesFor, type Sightings } from '../../support/harvest.js';
import { concretePath, isWrite, loadOperations, operationName, paramKinds, sampleBody, type Operation } from '../../support/openapi.js';
import { makeOwnedObjects } from '../../support/owned-objects.js';
import { describeAnswer, probe } from '../../support/probe.js';
import { demoUsers, mayCall, peersOf, type DemoUser } from '../../support/realm.js';
import { tokenFor, type ServiceName } from '../../support/stack.js';

// Object-level access across clinics, caseloads and agencies, generated from the OpenAPI documents:
// each demo user reads every list it may, and the ids it finds are its objects. Where another user of
// the same roles (another clinic, another caseload) may call an operation whose path names an object
// of that kind, it gets an object it never saw, and must be refused (403) or told it does not exist
// (404) — reads and writes alike. Agencies' desks (the same operations on several services) get each
// other's objects the same way. The objects are made first, so a stack without demo data has some.
const operations = await loadOperations();
await makeOwnedObjects();

const services = [...new Set(operations.map((op) => op.service))];
const key = (service: ServiceName, user: DemoUser) => `${service} ${user.username}`;
const seen = new Map<string, Sightings>();
await Promise.all(
  services.flatMap((service) =>
    demoUsers
      .filter((user) => operations.some((op) => op.service === service && op.method === 'get' && mayCall(user, op.roles)))
      .map(async (user) => seen.set(key(service, user), await harvest(service, user, operations))),
  ),
);

const merged = (all: Sightings[]): Sightings => {
  const out: Sightings = new Map();
  for (const s of all) for (const [kind, values] of s) out.set(kind, new Set([...(out.get(kind) ?? []), ...values]));
  return out;
};
const seenOn = (service: ServiceName) => merged([...seen].filter(([k]) => k.startsWith(`${service} `)).map(([, s]) => s));

interface Case {
  name: string;
  op: Operation;
  user: string;
  /** The user whose object it is, where one is (a peer); reads check it is not refused to them. */
  owner?: string;
  values: Record<string, string>;
  body?: unknown;
}

/** A case when at least one path parameter can be given an object `theirs` has and `mine` does not. */
function caseFor(op: Operation, user: DemoUser, owner: DemoUser | ServiceName, theirs: Sightings, mine: Sightings): Case | undefined {
  const values: Record<string, string> = {};
  let foreign = false;
  for (const { name, schema } of op.pathParams) {
    const kinds = paramKinds(op.path, name);
    const own = new Set(valuesFor(mine, kinds, schema));
    const others = valuesFor(theirs, kinds, schema);
    const notOwn = others.find((v) => !own.has(v));
    if (notOwn) foreign = true;
    const value = notOwn ?? others[0];
    if (value) values[name] = value;
  }
  if (!foreign) return undefined;
  const ownerName = typeof owner === 'string' ? owner : owner.username;
  return {
    name: `${operationName(op)} as ${user.username}, ${ownerName}'s object`,
    op,
    user: user.username,
    owner: typeof owner === 'string' ? undefined : owner.username,
    values,
    body: isWrite(op) ? bodyWith(op, theirs) : undefined,
  };
}

/** A valid body from the schema, its top-level object references pointing at the owner's objects. */
function bodyWith(op: Operation, theirs: Sightings): unknown {
  const body = sampleBody(op);
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const properties = (op.bodySchema?.['properties'] ?? {}) as Record<string, Record<string, any>>;
  const out: Record<string, unknown> = { ...body };
  for (const [field, schema] of Object.entries(properties)) {
    if (!/Id$/.test(field)) continue;
    const [value] = valuesFor(theirs, paramKinds(`/{${field}}`, field), schema);
    if (value) out[field] = value;
  }
  return out;
}

const cases: Case[] = [];
for (const op of operations.filter((o) => o.pathParams.length > 0 && o.roles !== 'public')) {
  const mineAll = seenOn(op.service);
  for (const user of demoUsers.filter((u) => mayCall(u, op.roles))) {
    const mine = seen.get(key(op.service, user)) ?? new Map();
    // Another clinic's, another caseload's: a user of the same roles saw it, this one did not.
    for (const peer of peersOf(user)) {
      const found = caseFor(op, user, peer, seen.get(key(op.service, peer)) ?? new Map(), mine);
      if (found) cases.push(found);
    }
    // Another agency's: the same operation on another service names objects this service never showed anyone.
    for (const other of services.filter(
      (s) => s !== op.service && operations.some((o) => o.service === s && o.method === op.method && o.path === op.path),
    )) {
      const found = caseFor(op, user, other, seenOn(other), mineAll);
      if (found) cases.push(found);
    }
  }
}

describe('object-level access', () => {
  it('has objects of another clinic, caseload and agency to try', () => {
    const peerGroups = new Set(demoUsers.filter((u) => peersOf(u).length > 0).map((u) => u.roles.join()));
    for (const group of peerGroups) {
      expect(
        cases.some((c) => demoUsers.find((u) => u.username === c.user)!.roles.join() === group),
        `cases for peers with roles ${group}`,
      ).toBe(true);
    }
    expect(
      cases.some((c) => services.some((s) => c.name.endsWith(`${s}'s object`))),
      'cases across agencies',
    ).toBe(true);
  });

  it.concurrent.for(cases.map((c) => [c.name, c] as const))('refuses %s', async ([, c], { expect }) => {
    const path = concretePath(c.op, c.values);
    const answer = await probe(c.op.service, c.op.method, path, { authorization: `Bearer ${await tokenFor(c.user)}`, body: c.body });
    expect(
      [403, 404],
      describeAnswer(`${c.op.method.toUpperCase()} ${path} ${c.body ? JSON.stringify(c.body).slice(0, 300) : ''}`, answer),
    ).toContain(answer.status);
    // The same read by the object's owner is not refused: the refusal above is about who asks.
    if (c.owner && !isWrite(c.op)) {
      const owners = await probe(c.op.service, 'get', path, { authorization: `Bearer ${await tokenFor(c.owner)}` });
      expect([401, 403], describeAnswer(`${c.owner} GET ${path}`, owners)).not.toContain(owners.status);
    }
  });
});
