// The shell signs the user in once and hands the result to every remote through this module:
// ui-kit is a federation singleton, so there is exactly one `current` on the page.
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
}

export interface AuthClient {
  /** A valid access token, refreshed first if it expires within 30 seconds. */
  getToken(): Promise<string>;
  user: AuthUser;
  roles: string[];
  claims: { clinicIds: string[]; neighbourhoodIds: string[] };
  hasRole(...roles: string[]): boolean;
  logout(): void;
}

let current: AuthClient | undefined;

export function setAuthClient(client: AuthClient): void {
  current = client;
}

export function getAuthClient(): AuthClient {
  if (!current) throw new Error('No AuthClient yet: the shell sets one before it renders');
  return current;
}

/** Not a React hook internally, but named like one so components read it the same way as other context. */
export function useAuth(): AuthClient {
  return getAuthClient();
}

export function hasAnyRole(userRoles: readonly string[], wanted: readonly string[]): boolean {
  return wanted.some((role) => userRoles.includes(role));
}

/** Props every remote's exposed App receives from the shell. */
export interface RemoteAppProps {
  /** The route the shell mounted the module under, e.g. "/clinics". */
  basePath: string;
}
