// The cluster manifests, checked offline (infra/k8s/validate): every overlay renders with kustomize
// and every object in it passes the Kubernetes API's schema or its operator's CRD, strictly. Small
// fixtures show that the check really is strict: unknown fields, wrong types and kinds without a
// schema fail, each naming the field. The tools and schemas come from infra/native/install.sh (or
// validate.sh --install, run here first, a no-op once they are in place).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTargets, type ObjectResult, type TargetResult } from '../k8s/validate/validate.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const validateSh = join(root, 'infra/k8s/validate/validate.sh');

interface Report {
  ok: boolean;
  targets: TargetResult[];
}

function validate(targets: string[], env: Record<string, string> = {}): { status: number | null; report: Report } {
  const run = spawnSync('bash', [validateSh, '--json', ...targets], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 << 20,
  });
  if (!run.stdout.trim().startsWith('{')) throw new Error(`validate.sh gave no report (exit ${run.status}): ${run.stderr}`);
  return { status: run.status, report: JSON.parse(run.stdout) as Report };
}

const describeObject = (o: ObjectResult) => `${o.apiVersion} ${o.kind} ${o.name}: ${o.status}: ${o.errors.join('; ')}`;

beforeAll(() => {
  // Cold (a fresh machine without install.sh): builds the tools and schemas, ~2 min.
  execFileSync('bash', [validateSh, '--install'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
}, 600_000);

describe('cluster manifests (infra/k8s/overlays/*)', () => {
  const overlays = defaultTargets();
  let results = new Map<string, TargetResult>();
  beforeAll(() => {
    const { report } = validate(overlays);
    results = new Map(report.targets.map((t) => [t.target, t]));
  }, 120_000);

  it('has overlays to check', () => {
    expect(overlays.map((o) => relative(root, o))).not.toEqual([]);
  });

  for (const overlay of overlays) {
    it(`${relative(root, overlay)} renders and every object is valid against its schema`, () => {
      const result = results.get(overlay);
      expect(result?.error).toBeUndefined();
      expect(result?.objects.length).toBeGreaterThan(0);
      // One line per object that fails, so the failure says which and why.
      expect(result?.objects.filter((o) => o.status !== 'valid').map(describeObject)).toEqual([]);
    });
  }
});

// Fixtures: each file one case, validated in one run.
const FIXTURES: Record<string, string> = {
  'deployment-unknown-field.yaml': `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx
          imagePullPolicyy: Always
`,
  'deployment-wrong-type.yaml': `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: "two"
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx }]
`,
  'deployment-bad-quantity.yaml': `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx, resources: { limits: { memory: 512MB } } }]
`,
  'rabbitmqcluster-unknown-field.yaml': `
apiVersion: rabbitmq.com/v1beta1
kind: RabbitmqCluster
metadata: { name: mq }
spec:
  replicas: 3
  persistance: { storage: 10Gi }
`,
  'rabbitmqcluster-unknown-metadata.yaml': `
apiVersion: rabbitmq.com/v1beta1
kind: RabbitmqCluster
metadata: { name: mq, labelz: { app: mq } }
spec: { replicas: 1 }
`,
  'mongodbcommunity-wrong-type.yaml': `
apiVersion: mongodbcommunity.mongodb.com/v1
kind: MongoDBCommunity
metadata: { name: db }
spec:
  members: three
  type: ReplicaSet
  version: 7.0.14
  security: { authentication: { modes: [SCRAM] } }
  users: []
`,
  'mongodbcommunity-statefulset-typo.yaml': `
apiVersion: mongodbcommunity.mongodb.com/v1
kind: MongoDBCommunity
metadata: { name: db }
spec:
  members: 1
  type: ReplicaSet
  version: 7.0.14
  security: { authentication: { modes: [SCRAM] } }
  users: []
  statefulSet:
    spec:
      template:
        spec:
          containers: [{ name: mongod, resourcez: { limits: { memory: 1Gi } } }]
`,
  'unknown-kind.yaml': `
apiVersion: example.org/v1
kind: Widget
metadata: { name: w }
spec: {}
`,
  'valid.yaml': `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, labels: { app: web } }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 25% } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{ name: http, containerPort: 80 }]
          readinessProbe: { httpGet: { path: /, port: http } }
          resources: { requests: { cpu: 0.5, memory: 128Mi }, limits: { memory: 1Gi } }
---
apiVersion: rabbitmq.com/v1beta1
kind: RabbitmqCluster
metadata: { name: mq }
spec:
  replicas: 3
  persistence: { storage: 10Gi }
  resources: { requests: { cpu: "1", memory: 2Gi } }
---
apiVersion: mongodbcommunity.mongodb.com/v1
kind: MongoDBCommunity
metadata: { name: db }
spec:
  members: 3
  type: ReplicaSet
  version: 7.0.14
  security: { authentication: { modes: [SCRAM] } }
  users: []
  additionalMongodConfig: { storage.wiredTiger.engineConfig.journalCompressor: zlib }
  statefulSet:
    spec:
      template:
        spec:
          containers: [{ name: mongod, resources: { limits: { memory: 4Gi } } }]
`,
  'keycloak.yaml': `
apiVersion: k8s.keycloak.org/v2alpha1
kind: Keycloak
metadata: { name: kc }
spec: { instances: 1 }
`,
  'broken-overlay/kustomization.yaml': `
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [missing.yaml]
`,
};

describe('the check is strict', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hamgam-k8s-fixtures-'));
  let byFile = new Map<string, TargetResult>();
  beforeAll(() => {
    for (const [name, text] of Object.entries(FIXTURES)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text.trimStart());
    }
    const files = Object.keys(FIXTURES).map((name) => join(dir, name.replace(/\/kustomization\.yaml$/, '')));
    const { status, report } = validate(files);
    expect(status).toBe(1);
    byFile = new Map(report.targets.map((t) => [relative(dir, t.target), t]));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The one object of a fixture, and its errors as printed.
  const only = (file: string) => {
    const t = byFile.get(file);
    expect(t?.objects).toHaveLength(1);
    return t?.objects[0] as ObjectResult;
  };

  it('rejects an unknown field in a Deployment container, naming it', () => {
    const o = only('deployment-unknown-field.yaml');
    expect(o.status).toBe('invalid');
    expect(o.errors).toEqual(["/spec/template/spec/containers/0: additionalProperties 'imagePullPolicyy' not allowed"]);
  });

  it('rejects a wrong type (replicas: "two"), naming the field', () => {
    const o = only('deployment-wrong-type.yaml');
    expect(o.status).toBe('invalid');
    expect(o.errors).toEqual(['/spec/replicas: expected integer or null, but got string']);
  });

  it('rejects a malformed quantity', () => {
    const o = only('deployment-bad-quantity.yaml');
    expect(o.errors).toEqual(['/spec/template/spec/containers/0/resources/limits/memory: is not a quantity (like 512Mi, 1Gi, 500m, 2)']);
  });

  it('rejects a RabbitmqCluster with an unknown spec field, against the operator CRD', () => {
    const o = only('rabbitmqcluster-unknown-field.yaml');
    expect(o.status).toBe('invalid');
    expect(o.errors).toEqual(["/spec: additionalProperties 'persistance' not allowed"]);
    expect(o.schema).toMatch(/^github\.com\/rabbitmq\/cluster-operator\/v2@v\S+ config\/crd\/bases\/rabbitmq\.com_rabbitmqclusters\.yaml$/);
  });

  it("checks a custom resource's metadata as Kubernetes' ObjectMeta", () => {
    expect(only('rabbitmqcluster-unknown-metadata.yaml').errors).toEqual(["/metadata: additionalProperties 'labelz' not allowed"]);
  });

  it('rejects a MongoDBCommunity with a wrong type, naming the field', () => {
    const o = only('mongodbcommunity-wrong-type.yaml');
    expect(o.status).toBe('invalid');
    expect(o.errors).toEqual(['/spec/members: expected integer or null, but got string']);
  });

  it("checks MongoDBCommunity's free-form statefulSet.spec as a StatefulSetSpec", () => {
    expect(only('mongodbcommunity-statefulset-typo.yaml').errors).toEqual([
      "/spec/statefulSet/spec/template/spec/containers/0: additionalProperties 'resourcez' not allowed",
    ]);
  });

  it('fails a kind that has no schema instead of skipping it', () => {
    const o = only('unknown-kind.yaml');
    expect(o.status).toBe('no-schema');
    expect(o.errors[0]).toMatch(/^no schema for example\.org\/v1 Widget/);
  });

  it('passes valid objects of the same kinds', () => {
    expect(byFile.get('valid.yaml')?.objects.map(describeObject)).toEqual([
      'apps/v1 Deployment web: valid: ',
      'rabbitmq.com/v1beta1 RabbitmqCluster mq: valid: ',
      'mongodbcommunity.mongodb.com/v1 MongoDBCommunity db: valid: ',
    ]);
  });

  it('says of a Keycloak object that there is no vendor CRD for it', () => {
    const o = only('keycloak.yaml');
    expect(o.note).toMatch(/^no vendor CRD for Keycloak: the Keycloak operator's CRDs are served by no registry reachable here; /);
    // Without infra/k8s/validate/schemas/keycloak/keycloaks.k8s.keycloak.org-v1.yml it fails as without a schema.
    if (o.status !== 'valid') expect(o.errors.join()).toMatch(/keycloaks\.k8s\.keycloak\.org-v1\.yml/);
  });

  it('fails an overlay that does not render', () => {
    expect(byFile.get('broken-overlay')?.error).toMatch(/^kustomize build failed: .*missing\.yaml/s);
  });
});

describe('CRDs kept in the repo (infra/k8s/validate/schemas)', () => {
  // A toy CRD standing in for the ones kept under schemas/keycloak (not their contents).
  const dir = mkdtempSync(join(tmpdir(), 'hamgam-k8s-in-repo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are loaded and checked strictly, and the object says which file it was checked against', () => {
    mkdirSync(join(dir, 'schemas/keycloak'), { recursive: true });
    writeFileSync(
      join(dir, 'schemas/keycloak/toy.yml'),
      `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: keycloaks.k8s.keycloak.org }
spec:
  group: k8s.keycloak.org
  names: { kind: Keycloak, plural: keycloaks }
  scope: Namespaced
  versions:
    - name: v2alpha1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec: { type: object, properties: { instances: { type: integer } } }
`,
    );
    writeFileSync(
      join(dir, 'objects.yaml'),
      `apiVersion: k8s.keycloak.org/v2alpha1
kind: Keycloak
metadata: { name: good }
spec: { instances: 1 }
---
apiVersion: k8s.keycloak.org/v2alpha1
kind: Keycloak
metadata: { name: bad }
spec: { instances: 1, hostnamee: x }
`,
    );
    const { status, report } = validate([join(dir, 'objects.yaml')], { K8S_IN_REPO_SCHEMAS: join(dir, 'schemas') });
    expect(status).toBe(1);
    const [good, bad] = report.targets[0]?.objects ?? [];
    expect(good?.status).toBe('valid');
    expect(good?.note).toMatch(/no vendor CRD for Keycloak: .*; checked against the in-repo .*schemas\/keycloak\/toy\.yml$/);
    expect(bad?.errors).toEqual(["/spec: additionalProperties 'hostnamee' not allowed"]);
  }, 60_000);
});
