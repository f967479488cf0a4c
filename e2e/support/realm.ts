import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The demo users of the realm the stack imports (infra/keycloak/hamgam-realm.json): who holds which
 * roles and scopes, read from the realm itself so the security suites follow it as it changes.
 */
export interface DemoUser {
  username: string;
  roles: string[];
  clinicIds: string[];
  neighbourhoodIds: string[];
}

interface RealmUser {
  username: string;
  enabled?: boolean;
  realmRoles?: string[];
  attributes?: Record<string, string[] | undefined>;
}

const realmFile = resolve(import.meta.dirname, '../../infra/keycloak/hamgam-realm.json');
const realm = JSON.parse(readFileSync(realmFile, 'utf8')) as { roles: { realm: { name: string }[] }; users: RealmUser[] };

/** Enabled users with at least one realm role (a user without roles is some other test's probe). */
export const demoUsers: readonly DemoUser[] = realm.users
  .filter((u) => u.enabled !== false && (u.realmRoles ?? []).length > 0)
  .map((u) => ({
    username: u.username,
    roles: [...u.realmRoles!].sort(),
    clinicIds: u.attributes?.['clinic_ids'] ?? [],
    neighbourhoodIds: u.attributes?.['neighbourhood_ids'] ?? [],
  }));

/** The realm's roles, each with one demo user who holds exactly that role. */
export const roleHolders: ReadonlyMap<string, DemoUser> = new Map(
  realm.roles.realm.flatMap(({ name }) => {
    const holder = demoUsers.find((u) => u.roles.length === 1 && u.roles[0] === name);
    return holder ? [[name, holder] as const] : [];
  }),
);

/** Users who hold the same roles as another demo user (another clinic, another caseload). */
export function peersOf(user: DemoUser): DemoUser[] {
  return demoUsers.filter((u) => u.username !== user.username && u.roles.join() === user.roles.join());
}

export const mayCall = (user: DemoUser, roles: readonly string[] | 'public') =>
  roles === 'public' || user.roles.some((r) => roles.includes(r));
