// Turns Kubernetes' OpenAPI v3 spec and operators' CRDs into the strict JSON schemas (draft-04, one
// standalone file per kind and version) that kubeconform checks the rendered manifests against.
//
//   tsx gen-schemas.ts --out DIR --kubernetes OPENAPI_V3_DIR LABEL [--crd FILE LABEL]...
//
// Writes DIR/<group>/<kind>_<version>.json (the core group is "v1": DIR/v1/service_v1.json), which is
// kubeconform's -schema-location DIR/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json,
// DIR/index.json ("<apiVersion> <Kind>" -> where its schema came from) and DIR/objectmeta.json (the
// strict ObjectMeta that custom resources' metadata is checked against). validate.ts uses the same
// functions for the CRDs kept in this repo (schemas/).
//
// Strict means what `kubectl apply --validate=strict` means on a real cluster:
// - an object that declares properties takes no others (additionalProperties: false), unless it says
//   x-kubernetes-preserve-unknown-fields; in a CRD an object with no properties at all takes none
//   either (the API server would prune them), except where the CRD leaves it open;
// - types are checked: x-kubernetes-int-or-string and IntOrString take an integer or a string,
//   Quantity a number or a string of Quantity's syntax; optional fields may be null (the API server
//   drops them), required ones not;
// - a custom resource's metadata is Kubernetes' ObjectMeta, strictly, and its root takes only
//   apiVersion, kind, metadata and what the CRD declares.
// Not checked (offline there is no API server): CEL rules (x-kubernetes-validations), formats, defaults.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

type Schema = Record<string, unknown>;
type Defs = Record<string, Schema>;

export interface GeneratedSchema {
  group: string; // '' for the core group
  version: string;
  kind: string;
  schema: Schema;
  source: string;
}

const REF_PREFIX = '#/components/schemas/';
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
// The API server's grammar for quantities (resource.MustParse), as controller-gen writes it into CRDs.
const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

// Keywords carried over as they are; everything else (descriptions, defaults, formats, x-kubernetes-*
// list and patch hints, CEL rules) says nothing kubeconform can check.
const KEEP = [
  'enum',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'required',
];

interface Ctx {
  defs: Defs; // the spec's component schemas, by name
  crd: boolean; // CRD rules: objects with no properties are closed unless the CRD opens them
  stack: string[]; // definitions being expanded (recursion, e.g. JSONSchemaProps)
  recursive: Set<string>; // definitions met again while being expanded: kept as $ref in definitions
}

function withNull(s: Schema): Schema {
  if (Object.keys(s).length === 0 || s.$ref) return s.$ref ? { anyOf: [{ type: 'null' }, s] } : s;
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    const out: Schema = { ...s, type: types.includes('null') ? types : [...types, 'null'] };
    if (Array.isArray(s.enum) && !s.enum.includes(null)) out.enum = [...s.enum, null];
    return out;
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[key])) return { ...s, [key]: [...(s[key] as Schema[]), { type: 'null' }] };
  }
  return s; // only allOf/not constraints: leave as is
}

// One OpenAPI schema node to draft-04 JSON schema, with every $ref expanded in place (kubeconform
// reports errors one level deep, so a standalone schema is what makes it name the failing field).
// structural: false inside allOf/anyOf/oneOf/not, where properties only add constraints to the object
// the surrounding schema describes and must not close it.
function convert(node: Schema, ctx: Ctx, structural = true): Schema {
  if (typeof node.$ref === 'string') {
    const name = node.$ref.startsWith(REF_PREFIX) ? node.$ref.slice(REF_PREFIX.length) : node.$ref;
    if (ctx.stack.includes(name)) {
      ctx.recursive.add(name);
      return { $ref: `#/definitions/${name}` };
    }
    const def = ctx.defs[name];
    if (!def) throw new Error(`unresolved $ref ${node.$ref}`);
    // A number, or a string in Quantity's grammar (draft-04 applies a pattern to strings only).
    if (name === QUANTITY) return { type: ['string', 'number'], pattern: QUANTITY_PATTERN };
    ctx.stack.push(name);
    try {
      return convert(def, ctx, structural);
    } finally {
      ctx.stack.pop();
    }
  }
  // The v3 spec wraps each reference as allOf: [{$ref}] beside a description and a default.
  if (Array.isArray(node.allOf) && node.allOf.length === 1 && !node.properties && !node.type) {
    return convert(node.allOf[0] as Schema, ctx, structural);
  }

  const out: Schema = {};
  if (node.type !== undefined) out.type = node.type;
  for (const key of KEEP) if (node[key] !== undefined) out[key] = node[key];
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;

  if (node.properties) {
    const required = new Set((node.required as string[] | undefined) ?? []);
    const props: Record<string, Schema> = {};
    for (const [name, sub] of Object.entries(node.properties as Record<string, Schema>)) {
      const converted = convert(sub, ctx, structural);
      props[name] = required.has(name) ? converted : withNull(converted);
    }
    out.properties = props;
  }
  if (node['x-kubernetes-embedded-resource'] === true && structural) {
    // An embedded object (e.g. a StatefulSet template) always takes apiVersion, kind and metadata.
    const props = (out.properties ?? {}) as Record<string, Schema>;
    props.apiVersion ??= { type: ['string', 'null'] };
    props.kind ??= { type: ['string', 'null'] };
    const meta = props.metadata;
    if (!meta || !meta.properties) props.metadata = withNull(objectMeta(ctx));
    out.properties = props;
  }
  if (typeof node.additionalProperties === 'boolean') out.additionalProperties = node.additionalProperties;
  else if (node.additionalProperties) out.additionalProperties = convert(node.additionalProperties as Schema, ctx);
  if (node.items && !Array.isArray(node.items)) out.items = convert(node.items as Schema, ctx);

  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[key])) out[key] = (node[key] as Schema[]).map((s) => convert(s, ctx, false));
  }
  if (node.not) out.not = convert(node.not as Schema, ctx, false);

  // IntOrString (format int-or-string in the API's spec, x-kubernetes-int-or-string in CRDs, both
  // with a oneOf/anyOf of the two types): one type list, so that a wrong value's error names them.
  if (node['x-kubernetes-int-or-string'] === true || node.format === 'int-or-string') {
    out.type = ['integer', 'string'];
    for (const key of ['anyOf', 'oneOf'] as const) {
      const branches = out[key] as Schema[] | undefined;
      const types = branches?.map((b) => (Object.keys(b).length === 1 ? b.type : undefined)).sort();
      if (types?.length === 2 && types[0] === 'integer' && types[1] === 'string') delete out[key];
    }
  }
  if (node.nullable === true) Object.assign(out, withNull(out));

  if (structural && !preserve && out.additionalProperties === undefined) {
    const isObject = out.type === 'object' || (Array.isArray(out.type) && out.type.includes('object'));
    if (out.properties) out.additionalProperties = false;
    else if (ctx.crd && isObject) out.additionalProperties = false;
  }
  return out;
}

function objectMeta(ctx: Ctx): Schema {
  if (ctx.crd) return ctx.defs[OBJECT_META] as Schema; // set up already converted, see crdSchemas
  return convert({ $ref: REF_PREFIX + OBJECT_META }, ctx);
}

function standalone(root: Schema, ctx: Ctx): Schema {
  const schema = convert(root, ctx);
  if (ctx.recursive.size) {
    // Definitions met again inside themselves (JSONSchemaProps), kept once each as definitions.
    const definitions: Defs = {};
    const pending = [...ctx.recursive];
    while (pending.length) {
      const name = pending.pop() as string;
      if (definitions[name]) continue;
      ctx.stack.push(name);
      definitions[name] = convert(ctx.defs[name] as Schema, ctx);
      ctx.stack.pop();
      for (const n of ctx.recursive) if (!definitions[n] && !pending.includes(n)) pending.push(n);
    }
    schema.definitions = definitions;
  }
  return schema;
}

// Free-form fields of CRDs (x-kubernetes-preserve-unknown-fields) that the operator decodes as a
// Kubernetes type: checked as that type (partial: its own required fields lifted, as the operator
// merges it into what it generates), so that a typo there fails as it would anywhere else.
export const EMBEDDED_KUBERNETES_TYPES = [
  {
    apiVersion: 'mongodbcommunity.mongodb.com/v1',
    kind: 'MongoDBCommunity',
    path: ['spec', 'statefulSet', 'spec'],
    type: 'io.k8s.api.apps.v1.StatefulSetSpec',
    spec: 'apis__apps__v1_openapi.json',
  },
];

function embedKubernetesTypes(schemas: GeneratedSchema[], openapiDir: string): void {
  for (const e of EMBEDDED_KUBERNETES_TYPES) {
    const target = schemas.find((s) => apiVersionOf(s) === e.apiVersion && s.kind === e.kind);
    if (!target) throw new Error(`${e.apiVersion} ${e.kind}: no such CRD to refine`);
    const spec = JSON.parse(readFileSync(join(openapiDir, e.spec), 'utf8')) as { components: { schemas: Defs } };
    const ctx: Ctx = { defs: spec.components.schemas, crd: false, stack: [], recursive: new Set() };
    const typed = standalone({ $ref: REF_PREFIX + e.type }, ctx);
    delete typed.required;
    const missing = () => new Error(`${e.kind}: no ${e.path.join('.')} in its CRD`);
    let node: Schema | undefined = target.schema;
    for (const key of e.path.slice(0, -1)) node = (node?.properties as Record<string, Schema> | undefined)?.[key];
    const last = e.path[e.path.length - 1] as string;
    const props = node?.properties as Record<string, Schema> | undefined;
    if (!node || !props?.[last]) throw missing();
    props[last] = ((node.required as string[] | undefined) ?? []).includes(last) ? typed : withNull(typed);
    target.source += ` + ${e.path.join('.')} as Kubernetes' ${e.type.split('.').pop()}`;
  }
}

interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** Every kind of one Kubernetes OpenAPI v3 directory (api/openapi-spec/v3 of k8s.io/kubernetes). */
export function kubernetesSchemas(dir: string, source: string): { schemas: GeneratedSchema[]; objectMeta: Schema } {
  const schemas: GeneratedSchema[] = [];
  const seen = new Set<string>();
  let objectMetaSchema: Schema | undefined;
  for (const file of readdirSync(dir).sort()) {
    // api__v1_openapi.json, apis__apps__v1_openapi.json; not the group lists (apis__apps_openapi.json).
    const m = /^(?:api|apis__(.+))__(v[0-9a-z]+)_openapi\.json$/.exec(file);
    if (!m) continue;
    const [, group = '', version] = m;
    const spec = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { components?: { schemas?: Defs } };
    const defs = spec.components?.schemas ?? {};
    for (const [name, def] of Object.entries(defs)) {
      // The meta kinds (DeleteOptions, WatchEvent, Status) are listed in every group; they are not objects one applies.
      if (name.startsWith('io.k8s.apimachinery.pkg.apis.meta.')) continue;
      for (const gvk of (def['x-kubernetes-group-version-kind'] as Gvk[] | undefined) ?? []) {
        if (gvk.group !== group || gvk.version !== version) continue;
        const key = `${group}/${version}/${gvk.kind}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const ctx: Ctx = { defs, crd: false, stack: [], recursive: new Set() };
        schemas.push({ ...gvk, schema: standalone({ $ref: REF_PREFIX + name }, ctx), source });
      }
    }
    if (!objectMetaSchema && defs[OBJECT_META]) {
      objectMetaSchema = convert({ $ref: REF_PREFIX + OBJECT_META }, { defs, crd: false, stack: [], recursive: new Set() });
    }
  }
  if (!objectMetaSchema) throw new Error(`no ObjectMeta in ${dir}`);
  return { schemas, objectMeta: objectMetaSchema };
}

interface Crd {
  kind?: string;
  apiVersion?: string;
  spec?: {
    group: string;
    names: { kind: string };
    versions?: { name: string; served?: boolean; schema?: { openAPIV3Schema?: Schema } }[];
  };
}

/** The kinds of every CustomResourceDefinition in one YAML file (other documents are ignored). */
export function crdSchemas(file: string, source: string, objectMetaSchema: Schema): GeneratedSchema[] {
  const out: GeneratedSchema[] = [];
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const crd = doc.toJS() as Crd | null;
    if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec) continue;
    if (crd.apiVersion !== 'apiextensions.k8s.io/v1') throw new Error(`${file}: ${crd.apiVersion} CRDs are not supported (v1 only)`);
    for (const v of crd.spec.versions ?? []) {
      const root = v.schema?.openAPIV3Schema;
      if (!root || v.served === false) continue;
      const ctx: Ctx = { defs: { [OBJECT_META]: objectMetaSchema }, crd: true, stack: [], recursive: new Set() };
      const schema = convert(root, ctx);
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      props.apiVersion = { type: 'string' };
      props.kind = { type: 'string' };
      props.metadata = objectMetaSchema;
      schema.properties = props;
      schema.additionalProperties = false;
      out.push({ group: crd.spec.group, version: v.name, kind: crd.spec.names.kind, schema, source });
    }
  }
  return out;
}

export const apiVersionOf = (s: { group: string; version: string }) => (s.group ? `${s.group}/${s.version}` : s.version);

/** Writes the schemas in kubeconform's layout, and index.json. Returns the index. */
export function writeSchemas(out: string, schemas: GeneratedSchema[]): Record<string, string> {
  const index: Record<string, string> = {};
  for (const s of schemas) {
    const key = `${apiVersionOf(s)} ${s.kind}`;
    if (index[key]) throw new Error(`${key} comes from both ${index[key]} and ${s.source}`);
    index[key] = s.source;
    // kubeconform's {{ .Group }} is the part of apiVersion before the slash, so "v1" for the core group.
    const dir = join(out, s.group || s.version);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${s.kind.toLowerCase()}_${s.version}.json`), JSON.stringify(s.schema));
  }
  writeFileSync(join(out, 'index.json'), JSON.stringify(index, null, 1));
  return index;
}

function main(argv: string[]): void {
  let out = '';
  let kubernetes: [string, string] | undefined;
  const crds: [string, string][] = [];
  const usage = 'usage: gen-schemas.ts --out DIR --kubernetes OPENAPI_V3_DIR LABEL [--crd FILE LABEL]...';
  const next = (i: number) => {
    const value = argv[i];
    if (value === undefined) throw new Error(usage);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') out = next(++i);
    else if (arg === '--kubernetes') kubernetes = [next(++i), next(++i)];
    else if (arg === '--crd') crds.push([next(++i), next(++i)]);
    else throw new Error(`unknown argument ${arg}\n${usage}`);
  }
  if (!out || !kubernetes) throw new Error(usage);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const k8s = kubernetesSchemas(...kubernetes);
  const schemas = [...k8s.schemas];
  const custom = crds.flatMap(([file, label]) => crdSchemas(file, label, k8s.objectMeta));
  embedKubernetesTypes(custom, kubernetes[0]);
  schemas.push(...custom);
  writeFileSync(join(out, 'objectmeta.json'), JSON.stringify(k8s.objectMeta));
  writeSchemas(out, schemas);
  console.log(`schemas: ${k8s.schemas.length} Kubernetes kinds, ${custom.length} custom resource kinds -> ${out}`);
}

if (process.argv[1] && /gen-schemas\.ts$/.test(process.argv[1])) main(process.argv.slice(2));
