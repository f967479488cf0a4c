/** Where the shell mounts the auditor's page, and who sees it (the services answer auditors only). */
export const AUDIT_PATH = '/audit';
export const AUDIT_ROLES = ['auditor'] as const;
