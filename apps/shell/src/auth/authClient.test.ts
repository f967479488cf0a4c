import { describe, expect, it, vi } from 'vitest';
import { authClientFrom, type SignedInKeycloak } from './authClient';

function fakeKeycloak(overrides: Partial<SignedInKeycloak> = {}): SignedInKeycloak {
  return {
    token: 'access-token',
    tokenParsed: {
      sub: 'u-1',
      preferred_username: 'clinic.worker',
      given_name: 'Maryam',
      family_name: 'Karimi',
      realm_access: { roles: ['clinic-worker', 'default-roles-hamgam'] },
      clinic_ids: ['clinic-sarasiab'],
      neighbourhood_ids: 'nbh-sarasiab',
    } as SignedInKeycloak['tokenParsed'],
    updateToken: vi.fn(async () => true),
    login: vi.fn(async () => undefined),
    logout: vi.fn(async () => undefined),
    ...overrides,
  };
}

describe('authClientFrom', () => {
  it('reads user, realm roles and scope claims from the token', () => {
    const auth = authClientFrom(fakeKeycloak());
    expect(auth.user).toEqual({ id: 'u-1', username: 'clinic.worker', displayName: 'Maryam Karimi' });
    expect(auth.roles).toContain('clinic-worker');
    expect(auth.claims).toEqual({ clinicIds: ['clinic-sarasiab'], neighbourhoodIds: ['nbh-sarasiab'] });
    expect(auth.hasRole('coordinator', 'clinic-worker')).toBe(true);
    expect(auth.hasRole('coordinator')).toBe(false);
  });

  it('refreshes a token that expires within 30 seconds before handing it out', async () => {
    const keycloak = fakeKeycloak();
    expect(await authClientFrom(keycloak).getToken()).toBe('access-token');
    expect(keycloak.updateToken).toHaveBeenCalledWith(30);
  });

  it('sends the user to log in again when the session cannot be refreshed', async () => {
    const keycloak = fakeKeycloak({ updateToken: vi.fn(async () => Promise.reject(new Error('expired'))) });
    await expect(authClientFrom(keycloak).getToken()).rejects.toThrow(/Session expired/);
    expect(keycloak.login).toHaveBeenCalled();
  });
});
