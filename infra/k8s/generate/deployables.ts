// Each deployable (the six agency services and the shell) as Kubernetes objects, all cut the same way:
// Deployment, Service, PodDisruptionBudget, HorizontalPodAutoscaler and NetworkPolicy. The base is the
// production shape (two replicas at least); overlays change counts and sizes, never the shape.
import { SERVICES, SHELL, type Service } from '@hamgam/registry';
import { labelsOf, MONGO, BROKER, KEYCLOAK, METRICS_TOKEN_SECRET, SEALING_KEYS_SECRET, type K8sObject } from './names.js';

export interface Deployable {
  name: string;
  port: number;
  /** Agencies expose /metrics; the shell does not. */
  metrics: boolean;
  env: object[];
  /** Which pods may open connections to this one, and to which pods this one may open them. */
  ingressFrom: object[];
  egressTo: object[];
}

const MEMORY_LIMIT_MIB = 512;

const fromPods = (labels: Record<string, string>) => ({ podSelector: { matchLabels: labels } });
const fromNamespace = (name: string) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } });
const rule = (peers: object[], port: number) => ({ from: peers, ports: [{ protocol: 'TCP', port }] });
const egress = (peers: object[], port: number) => ({ to: peers, ports: [{ protocol: 'TCP', port }] });
const DNS = {
  to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
};
/** Prometheus (scraping /metrics) runs in the `monitoring` namespace; see README "Running on a cluster". */
const MONITORING = fromNamespace('monitoring');
/** The ingress controller's namespace (ingress-nginx), the only way in from outside. */
const INGRESS = fromNamespace('ingress-nginx');

const secretEnv = (name: string, secret: string, key: string, optional = false) => ({
  name,
  valueFrom: { secretKeyRef: { name: secret, key, ...(optional ? { optional: true } : {}) } },
});

/** A database per agency, each with its own user; the password comes from the Secret the operator reads too. */
function agencyEnv({ service, port, database, keys }: Service): object[] {
  const env = [
    { name: 'PORT', value: String(port) },
    { name: 'UI_DIST', value: `/app/services/${service}/ui/dist` },
    secretEnv('MONGO_PASSWORD', MONGO.passwordSecret(service), 'password'),
    secretEnv('AMQP_USERNAME', BROKER.credentialsSecret, 'username'),
    secretEnv('AMQP_PASSWORD', BROKER.credentialsSecret, 'password'),
    // /metrics answers only with this bearer token; Prometheus sends it (overlays/production/service-monitor.yaml).
    secretEnv('METRICS_TOKEN', METRICS_TOKEN_SECRET, 'token'),
    // $(VAR) is expanded by Kubernetes from the variables above; passwords are generated URL-safe (README).
    {
      name: 'MONGO_URL',
      value: `mongodb+srv://${MONGO.user(service)}:$(MONGO_PASSWORD)@${MONGO.srvHost}/${database}?replicaSet=${MONGO.name}&authSource=admin&tls=false`,
    },
    { name: 'AMQP_URL', value: `amqp://$(AMQP_USERNAME):$(AMQP_PASSWORD)@${BROKER.host}:5672` },
  ];
  if (keys) {
    // The keys that seal its personal data; the previous ones are set only while keys are rotated (README).
    const secret = SEALING_KEYS_SECRET(service);
    env.push(...keys.current.map((key) => secretEnv(key, secret, key)), ...keys.previous.map((key) => secretEnv(key, secret, key, true)));
  }
  return env;
}

export const DEPLOYABLES: Deployable[] = [
  ...SERVICES.map((s) => ({
    name: s.service,
    port: s.port,
    metrics: true,
    env: agencyEnv(s),
    ingressFrom: [rule([fromPods(labelsOf(SHELL.service))], s.port), rule([MONITORING], s.port)],
    egressTo: [
      egress([fromPods(MONGO.podLabels)], 27017),
      egress([fromPods(BROKER.podLabels)], 5672),
      egress([fromPods(KEYCLOAK.podLabels)], KEYCLOAK.port),
      // Traces go to the OpenTelemetry collector (OTLP over HTTP), where the production overlay sends them.
      egress([MONITORING], 4318),
    ],
  })),
  {
    name: SHELL.service,
    port: SHELL.port,
    metrics: false,
    env: [
      { name: 'PORT', value: String(SHELL.port) },
      // Exactly one proxy (the ingress controller) stands before the shell: its X-Forwarded-For is the client.
      { name: 'TRUST_PROXY_HOPS', value: '1' },
      ...SERVICES.map((s) => ({ name: `SERVICE_HOST_${s.env}`, value: s.service })),
    ],
    ingressFrom: [rule([INGRESS], SHELL.port)],
    egressTo: SERVICES.map((s) => egress([fromPods(labelsOf(s.service))], s.port)),
  },
];

function deployment(d: Deployable): K8sObject {
  const labels = labelsOf(d.name);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: d.name, labels },
    spec: {
      replicas: 2,
      revisionHistoryLimit: 5,
      selector: { matchLabels: { 'app.kubernetes.io/name': d.name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: {
          labels,
          annotations: d.metrics
            ? { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(d.port), 'prometheus.io/path': '/metrics' }
            : {},
        },
        spec: {
          automountServiceAccountToken: false,
          // The kit drains on SIGTERM within SHUTDOWN_TIMEOUT_MS (20 s): readiness fails at once, requests in
          // flight finish, consumers stop and ack, the relay finishes its pass. 30 s leaves it room.
          terminationGracePeriodSeconds: 30,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            runAsGroup: 1000,
            fsGroup: 1000,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: { 'app.kubernetes.io/name': d.name } },
            },
          ],
          containers: [
            {
              name: 'app',
              image: `hamgam/${d.name}`,
              ports: [{ name: 'http', containerPort: d.port }],
              env: [
                ...d.env,
                // Heap below the container's memory limit, so Node collects before the kernel kills.
                { name: 'NODE_OPTIONS', value: `--max-old-space-size=${Math.round(MEMORY_LIMIT_MIB * 0.75)}` },
              ],
              envFrom: [{ configMapRef: { name: 'hamgam-env' } }],
              startupProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 2, failureThreshold: 60 },
              // "Send me traffic": an agency's store answers and its broker is connected; no replica is
              // ready while it drains (the shell too).
              readinessProbe: { httpGet: { path: '/readyz', port: 'http' }, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
              livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
              // Endpoints are removed asynchronously: keep serving for a moment after SIGTERM is due.
              lifecycle: { preStop: { sleep: { seconds: 5 } } },
              resources: { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '1', memory: `${MEMORY_LIMIT_MIB}Mi` } },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
        },
      },
    },
  };
}

function service(d: Deployable): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: d.name, labels: labelsOf(d.name) },
    spec: { selector: { 'app.kubernetes.io/name': d.name }, ports: [{ name: 'http', port: d.port, targetPort: 'http' }] },
  };
}

function disruptionBudget(d: Deployable): K8sObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: d.name, labels: labelsOf(d.name) },
    spec: { maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': d.name } } },
  };
}

function autoscaler(d: Deployable): K8sObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: d.name, labels: labelsOf(d.name) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: d.name },
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      // Scale down slowly: a burst of morning logins should not flap the replica count.
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  };
}

function networkPolicy(d: Deployable): K8sObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: d.name, labels: labelsOf(d.name) },
    spec: {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': d.name } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: d.ingressFrom,
      egress: [...d.egressTo, DNS],
    },
  };
}

export const deployableObjects = (d: Deployable): K8sObject[] => [
  deployment(d),
  service(d),
  disruptionBudget(d),
  autoscaler(d),
  networkPolicy(d),
];
