// What an SRE requires of the rendered overlays, beyond schema validity (k8s.test.ts): replicas,
// probes, budgets, autoscalers, locked-down pods, network reach, secrets only by reference, the
// stateful parts' sizes, and what only dev may have. Renders with the kustomize that install.sh built.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICES, SHELL } from '@hamgam/registry';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Rendered manifests are free-form: `spec` is whatever the kind says.
type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
};

function render(overlay: string): Obj[] {
  const kustomize = execFileSync(
    'bash',
    [
      '-c',
      'source infra/native/env.sh && source infra/native/lib/common.sh && source infra/native/lib/k8s-tools.sh && echo "$KUSTOMIZE_BIN"',
    ],
    { cwd: root, encoding: 'utf8' },
  ).trim();
  const yaml = execFileSync(kustomize, ['build', `infra/k8s/overlays/${overlay}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  return parseAllDocuments(yaml).map((d) => d.toJS() as Obj);
}

/** The Secrets infra/k8s/create-secrets.sh makes, with their keys: run against a kubectl that records them. */
function scriptedSecrets(): Map<string, string[]> {
  const bin = mkdtempSync(join(tmpdir(), 'hamgam-kubectl-'));
  try {
    // No Secret exists yet; each one made is printed as its name and keys.
    writeFileSync(
      join(bin, 'kubectl'),
      `#!/usr/bin/env bash
args=" $* "
if [[ $args == *" create secret generic "* ]]; then
  set -- \${args#* create secret generic }
  printf '%s' "$1"; shift
  for literal in "$@"; do literal=\${literal#--from-literal=}; printf ' %s' "\${literal%%=*}"; done
  echo
elif [[ $args == *" get "* ]]; then
  exit 1
fi
`,
    );
    chmodSync(join(bin, 'kubectl'), 0o755);
    const out = execFileSync('bash', ['infra/k8s/create-secrets.sh'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env['PATH']}` },
    });
    return new Map(
      out
        .trimEnd()
        .split('\n')
        .map((line) => {
          const [name, ...keys] = line.split(' ');
          return [name!, keys];
        }),
    );
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

const ofKind = (objects: Obj[], kind: string) => objects.filter((o) => o.kind === kind);
const one = (objects: Obj[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
};
const AGENCIES = SERVICES.map((s) => s.service);

describe('the production overlay', () => {
  let objects: Obj[] = [];
  beforeAll(() => {
    execFileSync('bash', ['infra/k8s/validate/validate.sh', '--install'], { cwd: root, stdio: 'ignore' });
    objects = render('production');
  }, 600_000);
  const deployments = () => ofKind(objects, 'Deployment');

  it('sends traces to the collector, sampled', () => {
    const env = one(objects, 'ConfigMap', 'hamgam-env').data ?? {};
    expect(env['OTEL_EXPORTER_OTLP_ENDPOINT']).toMatch(/^http:\/\/[\w.-]+:4318$/);
    expect(env['OTEL_TRACES_SAMPLER']).toBe('parentbased_traceidratio');
    expect(env['OTEL_SERVICE_NAME']).toBeUndefined();
  });

  it('runs every agency service and the shell, each from the image the overlay names', () => {
    expect(
      deployments()
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual([...AGENCIES, SHELL.service].sort());
    for (const d of deployments())
      expect(d.spec.template.spec.containers[0].image, d.metadata.name).toMatch(
        new RegExp(`^registry\\.example\\.org/hamgam/${d.metadata.name}:`),
      );
  });

  it('gives every deployable two replicas or more, a disruption budget and an autoscaler that keeps two', () => {
    for (const d of deployments()) {
      const name = d.metadata.name;
      expect(d.spec.replicas, name).toBeGreaterThanOrEqual(2);
      expect(d.spec.strategy.rollingUpdate.maxUnavailable, name).toBe(0);
      const pdb = one(objects, 'PodDisruptionBudget', name);
      expect(pdb.spec.selector.matchLabels).toEqual(d.spec.selector.matchLabels);
      expect(pdb.spec.maxUnavailable).toBe(1);
      const hpa = one(objects, 'HorizontalPodAutoscaler', name);
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    }
  });

  it('probes readiness on /readyz and liveness on /healthz, with requests and limits', () => {
    for (const d of deployments()) {
      const [container] = d.spec.template.spec.containers;
      expect(container.readinessProbe.httpGet.path, d.metadata.name).toBe('/readyz');
      expect(container.livenessProbe.httpGet.path, d.metadata.name).toBe('/healthz');
      expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container.resources.limits).toMatchObject({ memory: expect.any(String) });
    }
  });

  it('leaves the drain its time: the kit stops within SHUTDOWN_TIMEOUT_MS after the preStop pause, inside the grace period', () => {
    const shutdownMs = Number(one(objects, 'ConfigMap', 'hamgam-env').data?.['SHUTDOWN_TIMEOUT_MS']);
    expect(shutdownMs).toBeGreaterThan(0);
    for (const d of deployments()) {
      const pod = d.spec.template.spec;
      const pause = pod.containers[0].lifecycle.preStop.sleep.seconds as number;
      expect(pause * 1000 + shutdownMs, d.metadata.name).toBeLessThan(pod.terminationGracePeriodSeconds * 1000);
    }
  });

  it('runs every pod as non-root, read-only, without privilege escalation or capabilities, without an API token', () => {
    for (const d of deployments()) {
      const pod = d.spec.template.spec;
      const container = pod.containers[0];
      expect(pod.securityContext.runAsNonRoot, d.metadata.name).toBe(true);
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
    }
  });

  it('lets an agency reach only the store, the broker, Keycloak, the trace collector and DNS, and be reached only from the shell and Prometheus', () => {
    const mongo = one(objects, 'MongoDBCommunity', 'hamgam-mongo');
    for (const name of AGENCIES) {
      const policy = one(objects, 'NetworkPolicy', name);
      expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      const reached = policy.spec.egress.flatMap((rule: { to: object[] }) => rule.to);
      expect(reached).toEqual([
        { podSelector: { matchLabels: { app: `${mongo.metadata.name}-svc` } } },
        { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'hamgam-rabbitmq' } } },
        { podSelector: { matchLabels: { app: 'keycloak', 'app.kubernetes.io/instance': 'hamgam-keycloak' } } },
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
        { namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
      ]);
      const from = policy.spec.ingress.flatMap((rule: { from: object[] }) => rule.from);
      expect(from).toEqual([
        { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'shell', 'app.kubernetes.io/part-of': 'hamgam' } } },
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
      ]);
    }
  });

  it('lets the shell reach only the agencies (and DNS), and be reached only from the ingress controller', () => {
    const policy = one(objects, 'NetworkPolicy', 'shell');
    const reached = policy.spec.egress.flatMap((rule: { to: { podSelector?: { matchLabels: Record<string, string> } }[] }) => rule.to);
    const agencies = reached.map(
      (peer: { podSelector?: { matchLabels: Record<string, string> } }) => peer.podSelector?.matchLabels['app.kubernetes.io/name'],
    );
    expect(agencies.filter(Boolean).sort()).toEqual([...AGENCIES].sort());
    expect(policy.spec.ingress).toEqual([
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
        ports: [{ protocol: 'TCP', port: 3000 }],
      },
    ]);
  });

  it('holds no Secret and no credential in plain text: passwords and keys come from Secrets that create-secrets.sh or an operator makes', () => {
    expect(ofKind(objects, 'Secret')).toEqual([]);
    const scripted = scriptedSecrets();
    const madeByOperators = new Set(['hamgam-keycloak-db-app']);
    type Env = { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string; optional?: boolean } } };
    for (const d of deployments()) {
      for (const e of d.spec.template.spec.containers[0].env as Env[]) {
        if (/PASSWORD|KEY|SECRET|USERNAME/.test(e.name)) expect(e.valueFrom?.secretKeyRef, `${d.metadata.name} ${e.name}`).toBeDefined();
        const ref = e.valueFrom?.secretKeyRef;
        // Optional keys (the previous ones, while keys rotate) are an operator's to add.
        if (ref && !madeByOperators.has(ref.name) && !ref.optional) {
          expect(
            scripted.get(ref.name) ?? [],
            `${d.metadata.name} reads ${ref.key} of Secret ${ref.name}, which nothing creates`,
          ).toContain(ref.key);
        }
        expect(e.value ?? '', `${d.metadata.name} ${e.name}`).not.toMatch(/:\/\/[^$/]*:[^$@]+@/);
      }
    }
    for (const mongoUser of one(objects, 'MongoDBCommunity', 'hamgam-mongo').spec.users as { passwordSecretRef: { name: string } }[]) {
      expect(scripted.get(mongoUser.passwordSecretRef.name), mongoUser.passwordSecretRef.name).toEqual(['password']);
    }
  });

  it('runs the stateful parts replicated: 3 MongoDB members, 3 RabbitMQ nodes with quorum queues, 2 Keycloaks on 2 PostgreSQLs', () => {
    expect(one(objects, 'MongoDBCommunity', 'hamgam-mongo').spec.members).toBe(3);
    expect(one(objects, 'RabbitmqCluster', 'hamgam-rabbitmq').spec.replicas).toBe(3);
    expect(one(objects, 'Keycloak', 'hamgam-keycloak').spec.instances).toBe(2);
    expect(one(objects, 'Cluster', 'hamgam-keycloak-db').spec.instances).toBe(2);
    // Every queue a consumer reads or a dead letter is parked in is replicated on every node.
    const queues = ofKind(objects, 'Queue').filter((q) => !q.spec.name.endsWith('.retry'));
    expect(queues.length).toBeGreaterThan(0);
    for (const q of queues) expect(q.spec.type, q.spec.name).toBe('quorum');
  });

  it('imports a realm without demo users or the password-grant client, with brute-force detection', () => {
    const realm = one(objects, 'KeycloakRealmImport', 'hamgam-realm').spec.realm;
    expect(realm.users).toBeUndefined();
    expect(realm.clients.map((c: { clientId: string }) => c.clientId)).toEqual(['hamgam-shell']);
    expect(realm.clients.some((c: { directAccessGrantsEnabled: boolean }) => c.directAccessGrantsEnabled)).toBe(false);
    expect(realm.bruteForceProtected).toBe(true);
    expect(realm.sslRequired).toBe('external');
    expect(JSON.stringify(realm)).not.toContain('localhost');
  });
});

describe('the dev overlay', () => {
  let objects: Obj[] = [];
  beforeAll(() => {
    objects = render('dev');
  }, 120_000);

  it('runs one of everything, without autoscalers or disruption budgets, with demo data and demo users', () => {
    for (const d of ofKind(objects, 'Deployment')) expect(d.spec.replicas, d.metadata.name).toBe(1);
    expect(ofKind(objects, 'HorizontalPodAutoscaler')).toEqual([]);
    expect(ofKind(objects, 'PodDisruptionBudget')).toEqual([]);
    expect(one(objects, 'MongoDBCommunity', 'hamgam-mongo').spec.members).toBe(1);
    expect(one(objects, 'RabbitmqCluster', 'hamgam-rabbitmq').spec.replicas).toBe(1);
    expect(one(objects, 'ConfigMap', 'hamgam-env').data?.['SEED_DEMO']).toBe('true');
    const realm = one(objects, 'KeycloakRealmImport', 'hamgam-realm').spec.realm;
    expect(realm.users.length).toBeGreaterThan(0);
    expect(realm.clients.map((c: { clientId: string }) => c.clientId)).toContain('hamgam-cli');
  });
});
