// Renders the cluster manifests and checks every object strictly against its schema, offline: the
// Kubernetes API's for built-in kinds, the operator's CRD for custom resources (README.md beside this).
// Run it through validate.sh, which installs the tools and schemas and passes their paths:
//   KUSTOMIZE_BIN=… KUBECONFORM_BIN=… K8S_SCHEMAS=… tsx validate.ts [--json] [--verbose] [TARGET...]
// TARGET is a kustomization directory (rendered with kustomize) or a YAML file (checked as it is);
// none means every infra/k8s/overlays/*/, or infra/k8s/ itself while there are no overlays.
// Exit 0: every object valid. 1: an object invalid or without a schema, or a target that does not
// render. 2: the tools or schemas are missing or broken.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crdSchemas, writeSchemas, type GeneratedSchema } from './gen-schemas.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../../..');
const k8sDir = join(root, 'infra/k8s');
// The CRDs kept in the repo (schemas/README.md); K8S_IN_REPO_SCHEMAS points elsewhere for tests.
const inRepoDir = process.env.K8S_IN_REPO_SCHEMAS || join(here, 'schemas');

// Operators whose CRDs no registry reachable here (npm, PyPI, the Go module proxy, Maven Central,
// Debian) serves: their kinds are checked against CRDs kept in this repo under schemas/, and every
// such object says so. The file names are the operator's own, so its real CRDs can replace them.
const IN_REPO_ONLY: { group: string; operator: string; files: Record<string, string> }[] = [
  {
    group: 'k8s.keycloak.org',
    operator: "the Keycloak operator's",
    files: {
      Keycloak: 'schemas/keycloak/keycloaks.k8s.keycloak.org-v1.yml',
      KeycloakRealmImport: 'schemas/keycloak/keycloakrealmimports.k8s.keycloak.org-v1.yml',
    },
  },
];

export type Status = 'valid' | 'invalid' | 'no-schema' | 'error';

export interface ObjectResult {
  apiVersion: string;
  kind: string;
  name: string;
  status: Status;
  /** Where the schema it was checked against came from. */
  schema?: string;
  /** One line per failing field: "<path>: <message>". */
  errors: string[];
  note?: string;
}

export interface TargetResult {
  target: string; // its absolute path
  label: string;
  error?: string; // it did not render
  objects: ObjectResult[];
}

interface KubeconformResource {
  filename: string;
  kind: string;
  name: string;
  version: string;
  status: string; // statusValid, statusInvalid, statusError, statusSkipped, statusEmpty
  msg: string;
  validationErrors?: { path: string; msg: string }[];
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) fail(`${name} is not set: run infra/k8s/validate/validate.sh, not this script`);
  return value as string;
}

function fail(message: string): never {
  console.error(`k8s validate: ${message}`);
  process.exit(2);
}

const hasKustomization = (dir: string) =>
  ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].some((f) => existsSync(join(dir, f)));

/** The overlays to check: every infra/k8s/overlays/<name>/ with a kustomization, else infra/k8s/. */
export function defaultTargets(): string[] {
  const overlays = join(k8sDir, 'overlays');
  const found = existsSync(overlays)
    ? readdirSync(overlays)
        .sort()
        .map((name) => join(overlays, name))
        .filter((dir) => statSync(dir).isDirectory() && hasKustomization(dir))
    : [];
  if (found.length) return found;
  return hasKustomization(k8sDir) ? [k8sDir] : [];
}

function label(target: string): string {
  const rel = relative(root, target) || '.';
  if (rel.startsWith('..')) return target;
  return rel.startsWith('infra/k8s/overlays/') ? `overlay ${basename(target)}` : rel;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(e.name) ? [path] : [];
  });
}

/** The CRDs kept in this repo, as schemas in kubeconform's layout under dir; returns their index. */
function inRepoSchemas(dir: string, schemas: string, vendor: Record<string, string>): Record<string, string> {
  const objectMeta = JSON.parse(readFileSync(join(schemas, 'objectmeta.json'), 'utf8')) as Record<string, unknown>;
  const generated: GeneratedSchema[] = [];
  for (const file of yamlFiles(inRepoDir).sort()) {
    const rel = relative(root, file);
    let schemas: GeneratedSchema[];
    try {
      schemas = crdSchemas(file, `in-repo ${rel}`, objectMeta);
    } catch (e) {
      fail(`${rel}: ${(e as Error).message}`);
    }
    for (const s of schemas) {
      const key = `${s.group}/${s.version} ${s.kind}`;
      if (vendor[key]) console.error(`k8s validate: ${rel}: ${key} is ignored, the operator's CRD (${vendor[key]}) is used`);
      else generated.push(s);
    }
  }
  return writeSchemas(dir, generated);
}

function inRepoOnly(apiVersion: string, kind: string) {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const entry = IN_REPO_ONLY.find((e) => e.group === group);
  if (!entry) return undefined;
  const file = entry.files[kind] ?? `schemas/<operator>/<plural>.${group}-<version>.yml`;
  return { entry, file: `infra/k8s/validate/${file}` };
}

// kubeconform's message ends with the first failing field: "…: jsonschema: '/spec/x' does not
// validate with file:///…#/properties/…: <what>". Used where its list of errors says less.
function firstLeaf(msg: string): { path: string; line: string } | undefined {
  const m = /jsonschema: '([^']*)' does not validate with [^ ]*: (.*)$/s.exec(msg);
  return m ? { path: m[1] ?? '', line: `${m[1] || '/'}: ${m[2]}` } : undefined;
}

// Quantity's pattern is long and says little to a reader.
const tidy = (line: string) =>
  line.replace(/does not match pattern '\^\(\\+\+\|-\)\?.*\[numkMGTPE\].*'$/, 'is not a quantity (like 512Mi, 1Gi, 500m, 2)');

function objectResult(r: KubeconformResource, index: Record<string, string>, kubernetesLabel: string): ObjectResult {
  const base = { apiVersion: r.version, kind: r.kind, name: r.name, errors: [] as string[] };
  const key = `${r.version} ${r.kind}`;
  const only = inRepoOnly(r.version, r.kind);
  const schema = index[key];
  const note = only
    ? `no vendor CRD for ${r.kind}: ${only.entry.operator} CRDs are served by no registry reachable here; ` +
      (schema ? `checked against the in-repo ${schema.replace(/^in-repo /, '')}` : `the in-repo ${only.file} is missing`)
    : undefined;
  switch (r.status) {
    case 'statusValid':
      return { ...base, status: 'valid', schema, note };
    case 'statusInvalid': {
      // kubeconform lists the failing fields one level down from the root; where several fail under
      // one field it lists that field without a message, and its message names the first of them.
      const errors: string[] = [];
      const leaf = firstLeaf(r.msg);
      for (const e of r.validationErrors ?? []) {
        const path = e.path || '/';
        if (e.msg) errors.push(`${path}: ${e.msg}`);
        else {
          if (leaf && leaf.path.startsWith(e.path) && !errors.includes(leaf.line)) errors.push(leaf.line);
          errors.push(`${path}: more fields below are wrong (kubeconform names one per branch: fix and run again)`);
        }
      }
      if (!errors.length) errors.push(leaf ? leaf.line : r.msg);
      return { ...base, status: 'invalid', schema, note, errors: errors.map(tidy) };
    }
    case 'statusError':
      if (/^could not find schema for /.test(r.msg)) {
        const why = only
          ? note
          : `no schema for ${key}: not a kind of ${kubernetesLabel} nor of the operators' CRDs pinned in ` +
            'infra/k8s/validate/versions.env; pin its operator there, or keep its CRD under infra/k8s/validate/schemas/';
        return { ...base, status: 'no-schema', errors: [why as string] };
      }
      return { ...base, status: 'error', errors: [r.msg] };
    default:
      return { ...base, status: 'error', errors: [`kubeconform: ${r.status}: ${r.msg}`] };
  }
}

function render(target: string, kustomize: string): { yaml?: string; error?: string } {
  if (statSync(target).isFile()) return { yaml: readFileSync(target, 'utf8') };
  const run = spawnSync(kustomize, ['build', target], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (run.error) fail(`kustomize: ${run.error.message}`);
  if (run.status !== 0) return { error: `kustomize build failed: ${run.stderr.trim()}` };
  return { yaml: run.stdout };
}

export function validate(targets: string[]): TargetResult[] {
  const kustomize = env('KUSTOMIZE_BIN');
  const kubeconform = env('KUBECONFORM_BIN');
  const schemas = env('K8S_SCHEMAS');
  if (!existsSync(join(schemas, 'index.json'))) fail(`no schemas in ${schemas}: run infra/k8s/validate/validate.sh`);
  const vendor = JSON.parse(readFileSync(join(schemas, 'index.json'), 'utf8')) as Record<string, string>;
  const kubernetesLabel = Object.values(vendor).find((s) => s.startsWith('Kubernetes ')) ?? 'Kubernetes';
  const local = mkdtempSync(join(tmpdir(), 'hamgam-k8s-schemas-'));
  try {
    const index = { ...vendor, ...inRepoSchemas(local, schemas, vendor) };
    const location = (dir: string) => `${dir}/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`;
    return targets.map((target): TargetResult => {
      const result: TargetResult = { target, label: label(target), objects: [] };
      const rendered = render(target, kustomize);
      if (rendered.error !== undefined) return { ...result, error: rendered.error };
      // Only local schema locations: kubeconform never goes to the network. -strict also refuses
      // duplicate keys; a kind without a schema is an error (no -ignore-missing-schemas). One worker
      // keeps the objects in the order rendered (and is no slower: each kind's schema compiles once).
      const args = ['-strict', '-summary', '-verbose', '-n', '1', '-output', 'json', '-schema-location', location(schemas)];
      args.push('-schema-location', location(local), '-');
      const run = spawnSync(kubeconform, args, { input: rendered.yaml, encoding: 'utf8', maxBuffer: 256 << 20 });
      if (run.error) fail(`kubeconform: ${run.error.message}`);
      let report: { resources?: KubeconformResource[] };
      try {
        report = JSON.parse(run.stdout) as typeof report;
      } catch {
        fail(`kubeconform printed no report (exit ${run.status}): ${run.stderr || run.stdout}`);
      }
      result.objects = (report.resources ?? [])
        .filter((r) => r.status !== 'statusEmpty')
        .map((r) => objectResult(r, index, kubernetesLabel));
      if (!result.objects.length) result.error = 'rendered no objects';
      return result;
    });
  } finally {
    rmSync(local, { recursive: true, force: true });
  }
}

export const passed = (results: TargetResult[]) =>
  results.length > 0 && results.every((t) => !t.error && t.objects.every((o) => o.status === 'valid'));

function print(results: TargetResult[], verbose: boolean): void {
  for (const t of results) {
    if (t.error) {
      console.log(`✗ ${t.label}: ${t.error}`);
      continue;
    }
    const count = (s: Status) => t.objects.filter((o) => o.status === s).length;
    const bad = t.objects.length - count('valid');
    console.log(
      `${bad ? '✗' : '✓'} ${t.label}: ${t.objects.length} objects, ${count('valid')} valid, ${count('invalid')} invalid, ` +
        `${count('no-schema')} without a schema${count('error') ? `, ${count('error')} unreadable` : ''}`,
    );
    const kinds = new Map<string, { n: number; schema?: string }>();
    for (const o of t.objects) {
      const id = `${o.apiVersion} ${o.kind} ${o.name}`;
      if (o.status !== 'valid') {
        console.log(`    ✗ ${id}`);
        for (const e of o.errors) console.log(`        ${e}`);
        if (o.note && o.status === 'invalid') console.log(`        (${o.note})`);
      } else if (o.note || verbose) {
        console.log(`    ✓ ${id}${o.note ? `: ${o.note}` : ''}`);
      }
      if (o.status === 'valid') {
        const k = kinds.get(`${o.apiVersion} ${o.kind}`) ?? { n: 0, schema: o.schema };
        k.n++;
        kinds.set(`${o.apiVersion} ${o.kind}`, k);
      }
    }
    for (const [kind, { n, schema }] of [...kinds].sort()) console.log(`    ${String(n).padStart(3)} × ${kind}  (${schema})`);
  }
  const all = results.flatMap((t) => t.objects);
  const failedTargets = results.filter((t) => t.error || t.objects.some((o) => o.status !== 'valid')).length;
  console.log(
    `k8s validate: ${results.length} target(s), ${all.length} objects, ${all.filter((o) => o.status === 'valid').length} valid; ` +
      (failedTargets ? `${failedTargets} target(s) failed` : 'all valid'),
  );
}

function main(argv: string[]): void {
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  const given = argv.filter((a) => !a.startsWith('--'));
  for (const a of argv) if (a.startsWith('--') && a !== '--json' && a !== '--verbose') fail(`unknown option ${a}`);
  const targets = given.length ? given.map((t) => resolve(t)) : defaultTargets();
  for (const t of targets) if (!existsSync(t)) fail(`${t} does not exist`);
  if (!targets.length) fail('nothing to check: no infra/k8s/overlays/*/kustomization.yaml nor infra/k8s/kustomization.yaml');
  const results = validate(targets);
  if (json) console.log(JSON.stringify({ ok: passed(results), targets: results }, null, 1));
  else print(results, verbose);
  process.exit(passed(results) ? 0 : 1);
}

if (process.argv[1] && /validate\.ts$/.test(process.argv[1])) main(process.argv.slice(2));
