import { describe, expect, it } from 'vitest';
import { ConfigError, jwksUrlOf, loadConfig } from './config.js';

const valid = {
  PORT: '4001',
  MONGO_URL: 'mongodb://127.0.0.1:27017/hamgam_clinics',
  AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672',
  OIDC_ISSUER: 'http://localhost:8080/realms/hamgam',
};

describe('loadConfig', () => {
  it('parses and applies defaults', () => {
    const config = loadConfig('clinics', valid);
    expect(config.PORT).toBe(4001);
    expect(config.OIDC_AUDIENCE).toBe('hamgam-api');
    // Drained before Kubernetes' 30 s grace period ends in SIGKILL.
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(20_000);
    expect(jwksUrlOf(config)).toBe('http://localhost:8080/realms/hamgam/protocol/openid-connect/certs');
  });

  it('names every missing or invalid variable in one message', () => {
    const attempt = () => loadConfig('clinics', { PORT: 'eighty', MONGO_URL: 'postgres://x' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('clinics: invalid configuration');
      expect(message).toMatch(/PORT \(invalid\)/);
      expect(message).toMatch(/MONGO_URL \(invalid\): must be a mongodb:\/\/ URL/);
      expect(message).toMatch(/AMQP_URL \(missing\)/);
      expect(message).toMatch(/OIDC_ISSUER \(missing\)/);
    }
  });

  it('binds where HOST says, every interface when unset, and refuses a HOST that is not an address', () => {
    expect(loadConfig('clinics', valid).HOST).toBeUndefined();
    expect(loadConfig('clinics', { ...valid, HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
    expect(loadConfig('clinics', { ...valid, HOST: '::1' }).HOST).toBe('::1');
    expect(() => loadConfig('clinics', { ...valid, HOST: 'every interface' })).toThrow(/HOST \(invalid\)/);
  });

  it('takes a metrics scrape token only when it is too long to guess', () => {
    expect(loadConfig('clinics', valid).METRICS_TOKEN).toBeUndefined();
    const token = 'x'.repeat(32);
    expect(loadConfig('clinics', { ...valid, METRICS_TOKEN: token }).METRICS_TOKEN).toBe(token);
    expect(() => loadConfig('clinics', { ...valid, METRICS_TOKEN: 'secret' })).toThrow(
      /METRICS_TOKEN \(invalid\): must be at least 32 characters/,
    );
  });

  it('prefers an explicit JWKS URL (compose reaches Keycloak by another host name)', () => {
    const config = loadConfig('clinics', { ...valid, OIDC_JWKS_URL: 'http://keycloak:8080/realms/hamgam/protocol/openid-connect/certs' });
    expect(jwksUrlOf(config)).toBe('http://keycloak:8080/realms/hamgam/protocol/openid-connect/certs');
  });
});
