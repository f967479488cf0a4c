import { randomUUID } from 'node:crypto';
import { sample } from 'openapi-sampler';
import RandExp from 'randexp';
import { serviceUrl, servicePorts, type ServiceName } from './stack.js';

/**
 * The running services' operations as their OpenAPI documents describe them, so the security suites
 * cover every route, a new one included, without a list of routes of their own.
 */

type Schema = Record<string, any>;
type Document = { paths: Record<string, Record<string, OperationObject>> } & Record<string, any>;
interface OperationObject {
  description?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  'x-roles'?: string[];
}

export interface Operation {
  service: ServiceName;
  method: string;
  /** The OpenAPI path template, e.g. `/api/v1/residents/{id}`. */
  path: string;
  /** Who may call it; `'public'` needs no token. */
  roles: readonly string[] | 'public';
  pathParams: { name: string; schema: Schema }[];
  /** Query parameters the operation requires, each with a valid value made from its schema. */
  requiredQuery: Record<string, string>;
  bodySchema?: Schema;
  document: Document;
}

export const operationName = (op: Pick<Operation, 'service' | 'method' | 'path'>) => `${op.service} ${op.method.toUpperCase()} ${op.path}`;

/**
 * The roles an operation allows: the `x-roles` extension when the kit's generator emits it, else the
 * generator's description (`Roles: a, b` / `Public: …`). A secured operation that states neither is an
 * error, never "allowed to everyone".
 */
export function rolesOf(op: OperationObject, name: string): readonly string[] | 'public' {
  const declaredPublic = Array.isArray(op.security) && op.security.length === 0;
  if (Array.isArray(op['x-roles'])) return declaredPublic && op['x-roles'].length === 0 ? 'public' : op['x-roles'];
  if (declaredPublic && /^Public\b/.test(op.description ?? '')) return 'public';
  const stated = /^Roles: (.+)$/.exec(op.description ?? '');
  if (!stated) throw new Error(`${name}: the spec states no roles (neither x-roles nor "Roles: …")`);
  return stated[1]!.split(',').map((role) => role.trim());
}

async function documentOf(service: ServiceName): Promise<Document> {
  const res = await fetch(`${serviceUrl(service)}/openapi.json`);
  if (!res.ok) throw new Error(`${service}: /openapi.json answered ${res.status}`);
  return (await res.json()) as Document;
}

const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of every running service. */
export async function loadOperations(): Promise<Operation[]> {
  const services = Object.keys(servicePorts) as ServiceName[];
  const documents = await Promise.all(services.map(documentOf));
  return services.flatMap((service, i) => {
    const document = documents[i]!;
    return Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => methods.has(method))
        .map(([method, op]) => ({
          service,
          method,
          path,
          roles: rolesOf(op, `${service} ${method.toUpperCase()} ${path}`),
          pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
          requiredQuery: Object.fromEntries(
            (op.parameters ?? [])
              .filter((p) => p.in === 'query' && p.required)
              .map((p) => [p.name, String(sample((p.schema ?? {}) as any, { quiet: true }, document as any))]),
          ),
          bodySchema: op.requestBody?.content?.['application/json']?.schema,
          document,
        })),
    );
  });
}

export const normalise = (word: string) => word.toLowerCase().replace(/[^a-z0-9]/g, '');
export const singular = (word: string) => normalise(word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.replace(/s$/, ''));

/**
 * What kinds of object a path parameter names: from its own name (`caseId` → case) and from the
 * segment before it (`/support-requests/{requestId}` → supportrequest, `/residents/{id}` → resident).
 */
export function paramKinds(path: string, param: string): string[] {
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  const before = segments
    .slice(0, at)
    .reverse()
    .find((s) => s && !s.startsWith('{'));
  const kinds = new Set<string>();
  if (param !== 'id') kinds.add(normalise(param.replace(/Id$/, '')));
  if (before) kinds.add(singular(before));
  return [...kinds];
}

/** The kind of the objects a collection path lists (`/clinics/{id}/residents` → resident). */
export function collectionKind(path: string): string | undefined {
  const last = path
    .split('/')
    .reverse()
    .find((s) => s && !s.startsWith('{'));
  return last ? singular(last) : undefined;
}

/** Whether a value could be given for a parameter of this schema (uuid format, pattern, length). */
export function fitsSchema(value: string, schema: Schema): boolean {
  if (schema['format'] === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return false;
  if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value)) return false;
  if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength']) return false;
  if (typeof schema['minLength'] === 'number' && value.length < schema['minLength']) return false;
  return schema['type'] !== 'integer' || /^\d+$/.test(value);
}

/**
 * A real-looking value for a path parameter nobody named: a fresh uuid, a slug for a slug pattern, the
 * least integer allowed. Valid input, so an answer about the token or role cannot hide behind a 400.
 */
export function placeholderFor(schema: Schema): string {
  if (schema['type'] === 'integer') {
    const exclusive = typeof schema['exclusiveMinimum'] === 'number' ? schema['exclusiveMinimum'] + 1 : undefined;
    return String(schema['minimum'] ?? exclusive ?? 1);
  }
  if (schema['format'] === 'uuid') return randomUUID();
  const probe = `probe-${randomUUID().slice(0, 8)}`;
  if (fitsSchema(probe, schema)) return probe;
  const hex = randomUUID().replaceAll('-', '');
  const candidates = [hex.slice(0, 24), hex, 'probe'];
  return candidates.find((c) => fitsSchema(c, schema)) ?? probe;
}

/** The operation's path with each parameter given (URI-encoded) or a placeholder, and its required query. */
export function concretePath(op: Operation, values: Record<string, string> = {}): string {
  const path = op.pathParams.reduce(
    (path, { name, schema }) => path.replace(`{${name}}`, encodeURIComponent(values[name] ?? placeholderFor(schema))),
    op.path,
  );
  const query = new URLSearchParams(op.requiredQuery).toString();
  return query ? `${path}?${query}` : path;
}

/** The schema with an example that matches each `pattern` (the sampler fills patterned strings with "string"). */
function withPatternExamples(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withPatternExamples);
  if (!schema || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, withPatternExamples(v)]));
  if (typeof out['pattern'] === 'string' && out['example'] === undefined) {
    // RandExp misreads \uXXXX escapes inside character classes; it reads the characters themselves.
    const pattern = new RandExp(out['pattern'].replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
    pattern.max = 3;
    out['example'] = pattern.gen();
  }
  return out;
}

/** A body made from the request schema (required and optional fields, enums, formats, patterns). */
export function sampleBody(op: Operation): unknown {
  if (!op.bodySchema) return undefined;
  return sample(withPatternExamples(op.bodySchema) as any, { skipReadOnly: true, quiet: true }, withPatternExamples(op.document) as any);
}

export const isWrite = (op: Pick<Operation, 'method'>) => op.method !== 'get';
