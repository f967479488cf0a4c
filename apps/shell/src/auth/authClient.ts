import { hasAnyRole, type AuthClient } from '@hamgam/ui-kit';
import type Keycloak from 'keycloak-js';

/** The token fields Hamgam relies on (see the realm: audience mapper and user-attribute claims). */
interface HamgamToken {
  sub?: string;
  preferred_username?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  realm_access?: { roles?: string[] };
  clinic_ids?: string[] | string;
  neighbourhood_ids?: string[] | string;
}

/** Keycloak sends a single-valued attribute as a plain string unless the mapper is multivalued. */
function asList(value: string[] | string | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export type SignedInKeycloak = Pick<Keycloak, 'token' | 'tokenParsed' | 'updateToken' | 'login' | 'logout'>;

export function authClientFrom(keycloak: SignedInKeycloak): AuthClient {
  const token = (keycloak.tokenParsed ?? {}) as HamgamToken;
  const roles = token.realm_access?.roles ?? [];
  const username = token.preferred_username ?? '';
  const fullName = [token.given_name, token.family_name].filter(Boolean).join(' ');
  return {
    user: { id: token.sub ?? '', username, displayName: token.name || fullName || username },
    roles,
    claims: { clinicIds: asList(token.clinic_ids), neighbourhoodIds: asList(token.neighbourhood_ids) },
    hasRole: (...wanted) => hasAnyRole(roles, wanted),
    async getToken() {
      try {
        await keycloak.updateToken(30);
      } catch {
        // The refresh token is gone too (session ended): send the user through login again.
        await keycloak.login();
        throw new Error('Session expired; signing in again');
      }
      if (!keycloak.token) throw new Error('Not signed in');
      return keycloak.token;
    },
    logout: () => void keycloak.logout({ redirectUri: window.location.origin }),
  };
}
