// The names by which the deployables find the stateful parts. Those parts are declared by hand in
// base/store, base/broker and base/keycloak; the operators derive Services, pods and labels from
// these names in the ways written here.

export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string } & Record<string, unknown> } & Record<
  string,
  unknown
>;

export const labelsOf = (name: string) => ({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'hamgam' });

const MONGO_NAME = 'hamgam-mongo';
/** MongoDB Community operator: a headless Service `<name>-svc`, pods `<name>-<i>`, labelled `app: <name>-svc`. */
export const MONGO = {
  name: MONGO_NAME,
  /** The SRV name of the headless Service lists every member, however many an overlay runs. */
  srvHost: `${MONGO_NAME}-svc.hamgam.svc.cluster.local`,
  podLabels: { app: `${MONGO_NAME}-svc` },
  user: (service: string) => service,
  passwordSecret: (service: string) => `mongo-${service}-password`,
};

const BROKER_NAME = 'hamgam-rabbitmq';
/** RabbitMQ Cluster Operator: a Service of the cluster's name; pods labelled with it. */
export const BROKER = {
  name: BROKER_NAME,
  host: BROKER_NAME,
  podLabels: { 'app.kubernetes.io/name': BROKER_NAME },
  /** The one user the services connect as (topology `User`), its credentials in this Secret. */
  credentialsSecret: 'rabbitmq-hamgam-services',
};

const KEYCLOAK_NAME = 'hamgam-keycloak';
/** Keycloak Operator: a Service `<name>-service`, pods labelled `app: keycloak` and the instance name. */
export const KEYCLOAK = {
  name: KEYCLOAK_NAME,
  service: `${KEYCLOAK_NAME}-service`,
  port: 8080,
  podLabels: { app: 'keycloak', 'app.kubernetes.io/instance': KEYCLOAK_NAME },
};

/** Where people reach Hamgam and its login; the Ingress and the realm's redirect URIs use them. */
export const PUBLIC_HOST = 'hamgam.example.org';
export const LOGIN_HOST = 'login.hamgam.example.org';
export const PUBLIC_ORIGIN = `https://${PUBLIC_HOST}`;

/** The bearer token /metrics asks for (key `token`), shared by the services and Prometheus. */
export const METRICS_TOKEN_SECRET = 'hamgam-metrics-token';

/** The keys that seal a service's personal data (the registry's `keys`), one entry per variable. */
export const SEALING_KEYS_SECRET = (service: string) => `${service}-pii`;
