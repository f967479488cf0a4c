// The types of the registry (index.js, which `npm run typecheck` checks against them).

/** A text in both languages of the UI, Persian first. */
export interface Label {
  fa: string;
  en: string;
}

/** Keys that seal a service's personal data: 32 random bytes each, base64. */
export interface SealingKeys {
  /** The native stack keeps them in .stack/secrets/<keyring>.env, made once per checkout. */
  keyring: string;
  /** The service refuses to start without these. */
  current: readonly string[];
  /** Set only while keys rotate (README): data sealed with them is still read, never sealed with them. */
  previous: readonly string[];
}

/** One agency service: its API, and its federated UI module mounted by the shell. */
export interface Service {
  /** Its name everywhere else: services/<service>, @hamgam/<service>-api, image hamgam/<service>, queue hamgam.<service>, /api/<service>. */
  service: string;
  /** Its name where '-' may not stand: its Module Federation container. */
  module: string;
  /** Its own database (hamgam_<module>). */
  database: string;
  /** Its part of environment variable names (SERVICE_HOST_<env>, UPSTREAMS_<env>). */
  env: string;
  port: number;
  /** Where the shell mounts its module. */
  path: string;
  /** The realm roles that see its module in the shell. */
  roles: readonly string[];
  label: Label;
  /** A partner agency: it runs the shared agency desk (packages/agency-desk). */
  desk: boolean;
  /** It holds residents' or households' data, so it keeps the kit's access log (`GET /access-log`) that the auditor's page reads. */
  accessLog: boolean;
  keys: SealingKeys | null;
}

export interface Shell {
  service: 'shell';
  port: number;
}

export declare const SERVICES: readonly Service[];
export declare const SHELL: Shell;
