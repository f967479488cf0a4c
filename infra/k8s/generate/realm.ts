// The realm (infra/keycloak/hamgam-realm.json, which the native stack imports) for the Keycloak
// Operator. A cluster is a province's real system: its realm has no demo users, no password-grant
// client, HTTPS required for outside callers, and the shell's real address.
// The dev overlay adds the demo users and the CLI client back (demoRealmPatch).
import { readFileSync } from 'node:fs';
import { KEYCLOAK, PUBLIC_ORIGIN, type K8sObject } from './names.js';

type Realm = Record<string, unknown> & { users?: unknown[]; clients: { clientId: string }[] };

const DEV_ONLY_CLIENT = 'hamgam-cli';
const NATIVE_ORIGIN = 'http://localhost:3000';

const readRealm = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Realm;

export function realmImport(realmPath: string): K8sObject {
  const { users: _demoUsers, ...realm } = readRealm(realmPath);
  const clients = realm.clients.filter((c) => c.clientId !== DEV_ONLY_CLIENT);
  const atPublicOrigin = JSON.parse(JSON.stringify(clients).replaceAll(NATIVE_ORIGIN, PUBLIC_ORIGIN)) as unknown[];
  return {
    apiVersion: 'k8s.keycloak.org/v2alpha1',
    kind: 'KeycloakRealmImport',
    metadata: { name: 'hamgam-realm', labels: { 'app.kubernetes.io/part-of': 'hamgam' } },
    spec: {
      keycloakCRName: KEYCLOAK.name,
      realm: { ...realm, clients: atPublicOrigin, sslRequired: 'external' },
    },
  };
}

/** A JSON patch for the dev overlay: the demo users and the development-only client, as natively. */
export function demoRealmPatch(realmPath: string): object[] {
  const realm = readRealm(realmPath);
  const devClient = realm.clients.find((c) => c.clientId === DEV_ONLY_CLIENT);
  if (!devClient) throw new Error(`${realmPath}: no client ${DEV_ONLY_CLIENT}`);
  return [
    { op: 'add', path: '/spec/realm/users', value: realm.users ?? [] },
    { op: 'add', path: '/spec/realm/clients/-', value: devClient },
  ];
}
