// The objects that name the agencies or the public hosts: the MongoDB replica set (a user and a database
// per agency), the Keycloak instance (its public hostname), the Ingress and the shared environment.
import { SERVICES, SHELL } from '@hamgam/registry';
import { KEYCLOAK, LOGIN_HOST, MONGO, PUBLIC_HOST, type K8sObject } from './names.js';

const partOf = { 'app.kubernetes.io/part-of': 'hamgam' };
const LOGIN_ORIGIN = `https://${LOGIN_HOST}`;

export function replicaSet(): K8sObject {
  return {
    apiVersion: 'mongodbcommunity.mongodb.com/v1',
    kind: 'MongoDBCommunity',
    metadata: { name: MONGO.name, labels: partOf },
    spec: {
      members: 3,
      type: 'ReplicaSet',
      version: '7.0.14',
      security: { authentication: { modes: ['SCRAM'] } },
      // One user per agency, allowed only its own database: a service cannot read another's data.
      users: [
        ...SERVICES.map(({ service, database }) => ({
          name: MONGO.user(service),
          db: 'admin',
          passwordSecretRef: { name: MONGO.passwordSecret(service) },
          roles: [{ name: 'readWrite', db: database }],
          scramCredentialsSecretName: `${MONGO.user(service)}-scram`,
        })),
        // For mongodump/mongorestore (README "Backups").
        {
          name: 'backup',
          db: 'admin',
          passwordSecretRef: { name: MONGO.passwordSecret('backup') },
          roles: [
            { name: 'backup', db: 'admin' },
            { name: 'restore', db: 'admin' },
          ],
          scramCredentialsSecretName: 'backup-scram',
        },
      ],
      additionalMongodConfig: { 'storage.wiredTiger.engineConfig.journalCompressor': 'zlib' },
      statefulSet: {
        spec: {
          template: {
            spec: {
              containers: [{ name: 'mongod', resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { memory: '4Gi' } } }],
              affinity: {
                podAntiAffinity: {
                  preferredDuringSchedulingIgnoredDuringExecution: [
                    {
                      weight: 100,
                      podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: MONGO.podLabels } },
                    },
                  ],
                },
              },
            },
          },
          volumeClaimTemplates: [
            { metadata: { name: 'data-volume' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '50Gi' } } } },
            { metadata: { name: 'logs-volume' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } } },
          ],
        },
      },
    },
  };
}

export function keycloak(): K8sObject {
  return {
    apiVersion: 'k8s.keycloak.org/v2alpha1',
    kind: 'Keycloak',
    metadata: { name: KEYCLOAK.name, labels: partOf },
    spec: {
      instances: 2,
      db: {
        vendor: 'postgres',
        host: 'hamgam-keycloak-db-rw',
        port: 5432,
        database: 'keycloak',
        // CloudNativePG writes the application user's credentials into `<cluster>-app`.
        usernameSecret: { name: 'hamgam-keycloak-db-app', key: 'username' },
        passwordSecret: { name: 'hamgam-keycloak-db-app', key: 'password' },
      },
      // TLS ends at the Ingress; inside the cluster the services fetch signing keys over plain HTTP.
      http: { httpEnabled: true, httpPort: KEYCLOAK.port },
      // Tokens name the public issuer; back-channel calls inside the cluster may use the Service's name.
      hostname: { hostname: LOGIN_ORIGIN, backchannelDynamic: true },
      proxy: { headers: 'xforwarded' },
      ingress: { enabled: false },
      // Health and metrics on the management port (9000), for the operator's probes and Prometheus.
      additionalOptions: [
        { name: 'health-enabled', value: 'true' },
        { name: 'metrics-enabled', value: 'true' },
      ],
      resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } },
    },
  };
}

/** What every deployable reads from its environment (envFrom), apart from secrets and its own port. */
export function sharedEnvironment(): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'hamgam-env', labels: partOf },
    data: {
      OIDC_ISSUER: `${LOGIN_ORIGIN}/realms/hamgam`,
      OIDC_JWKS_URL: `http://${KEYCLOAK.service}:${KEYCLOAK.port}/realms/hamgam/protocol/openid-connect/certs`,
      OIDC_AUDIENCE: 'hamgam-api',
      KEYCLOAK_URL: LOGIN_ORIGIN,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      // Below terminationGracePeriodSeconds (30 s) minus the preStop pause (5 s).
      SHUTDOWN_TIMEOUT_MS: '20000',
      // Real MongoDB takes more connections than the native FerretDB; 20 per replica × 6 replicas of a
      // service stays far below mongod's limit.
      MONGO_MAX_POOL_SIZE: '20',
    },
  };
}

/** The one way in: the shell for people, and only Keycloak's public paths (never /admin) for login. */
export function ingress(): K8sObject {
  const to = (service: string, port: number) => ({ service: { name: service, port: { number: port } } });
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'hamgam',
      labels: partOf,
      annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '10m', 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' },
    },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: [PUBLIC_HOST, LOGIN_HOST], secretName: 'hamgam-tls' }],
      rules: [
        { host: PUBLIC_HOST, http: { paths: [{ path: '/', pathType: 'Prefix', backend: to(SHELL.service, SHELL.port) }] } },
        {
          host: LOGIN_HOST,
          http: {
            paths: ['/realms/', '/resources/'].map((path) => ({ path, pathType: 'Prefix', backend: to(KEYCLOAK.service, KEYCLOAK.port) })),
          },
        },
      ],
    },
  };
}
