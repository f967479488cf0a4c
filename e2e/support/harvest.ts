import { collectionKind, concretePath, fitsSchema, normalise, paramKinds, singular, type Operation } from './openapi.js';
import { probe } from './probe.js';
import { mayCall, type DemoUser } from './realm.js';
import { tokenFor, type ServiceName } from './stack.js';

/**
 * What one user can see of one service: every object id its readable operations answer with, by kind
 * (`resident`, `case`, `offer`, …). It reads every GET the user's roles allow, first those without path
 * parameters, then those whose parameters it has found values for, a few rounds deep.
 */
export type Sightings = Map<string, Set<string>>;

const rounds = 3;
/** Values tried per path parameter while reading deeper: enough to reach nested objects, bounded. */
const valuesPerParam = 3;

/** Envelopes whose content belongs to the collection itself (a page's items). */
const envelopes = new Set(['items', 'data', 'results']);

function see(sightings: Sightings, kind: string, value: string) {
  if (!sightings.has(kind)) sightings.set(kind, new Set());
  sightings.get(kind)!.add(value);
}

/** Ids in an answer: `id` takes the kind of the collection it sits in, `fooId`/`fooIds` name theirs. */
export function collectIds(value: unknown, kind: string | undefined, sightings: Sightings): void {
  if (Array.isArray(value)) {
    for (const item of value) collectIds(item, kind, sightings);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'id' && typeof child === 'string' && kind) see(sightings, kind, child);
    else if (/Id$/.test(key) && typeof child === 'string') see(sightings, normalise(key.slice(0, -2)), child);
    else if (/Ids$/.test(key) && Array.isArray(child))
      for (const id of child)
        if (typeof id === 'string') see(sightings, normalise(key.slice(0, -3)), id);
        else if (typeof child === 'object') collectIds(child, envelopes.has(key) ? kind : singular(key), sightings);
  }
}

/** Values seen of any of these kinds that fit the parameter's schema. */
export function valuesFor(sightings: Sightings, kinds: string[], schema: Record<string, any>): string[] {
  const values = new Set<string>();
  for (const kind of kinds) for (const value of sightings.get(kind) ?? []) if (fitsSchema(value, schema)) values.add(value);
  return [...values];
}

/** Every combination of the given values of an operation's path parameters (none when one has none). */
function fillings(op: Operation, sightings: Sightings): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const { name, schema } of op.pathParams) {
    const values = valuesFor(sightings, paramKinds(op.path, name), schema).slice(0, valuesPerParam);
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value })));
  }
  return combos.slice(0, valuesPerParam * valuesPerParam);
}

export async function harvest(service: ServiceName, user: DemoUser, operations: readonly Operation[]): Promise<Sightings> {
  const sightings: Sightings = new Map();
  // What a scoped user serves is part of what it sees (its claims), whether or not a list names it.
  for (const id of user.clinicIds) see(sightings, 'clinic', id);
  for (const id of user.neighbourhoodIds) see(sightings, 'neighbourhood', id);
  const readable = operations.filter(
    (op) => op.service === service && op.method === 'get' && op.roles !== 'public' && mayCall(user, op.roles),
  );
  const authorization = `Bearer ${await tokenFor(user.username)}`;
  const read = new Set<string>();
  for (let round = 0; round < rounds; round++) {
    const paths = readable.flatMap((op) =>
      (op.pathParams.length === 0 ? [{}] : fillings(op, sightings)).map((values) => ({ op, path: concretePath(op, values) })),
    );
    const fresh = paths.filter(({ path }) => !read.has(path));
    if (fresh.length === 0) break;
    await Promise.all(
      fresh.map(async ({ op, path }) => {
        read.add(path);
        const answer = await probe(service, 'get', path, { authorization });
        if (answer.status === 200 && answer.contentType.includes('json'))
          collectIds(JSON.parse(answer.text), collectionKind(op.path), sightings);
      }),
    );
  }
  return sightings;
}
