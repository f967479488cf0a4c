import type { AuthClient } from '@hamgam/ui-kit';
import Keycloak from 'keycloak-js';
import type { ShellConfig } from '../config';
import { authClientFrom } from './authClient';

/**
 * Signs in once, before React renders: keycloak-js throws if init() runs twice, which
 * StrictMode's double effects would otherwise do. Redirects to Keycloak when there is no session.
 */
export async function signIn(config: ShellConfig): Promise<AuthClient> {
  const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false });
  return authClientFrom(keycloak);
}
