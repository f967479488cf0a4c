import { ApiError, type MessageKey } from '@hamgam/ui-kit';

/** Problem codes the access-log routes (and the kit under them) answer with, each with its own message. */
const knownCodes = ['access-log-export-too-large', 'access-log-range-invalid', 'invalid-characters', 'page-cursor-invalid'] as const;
const isKnownCode = (code: unknown): code is (typeof knownCodes)[number] => knownCodes.includes(code as (typeof knownCodes)[number]);

/**
 * The message key for a failed call: the problem's stable `code` when the page knows it, else one by
 * status. Never the service's own (English) title or detail, which a Persian-speaking auditor cannot use.
 */
export function errorMessageKey(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'audit.error.unavailable';
  const code = error.problem.code;
  if (isKnownCode(code)) return `audit.error.${code}`;
  if (error.status === 401) return 'audit.error.signedOut';
  if (error.status === 403) return 'audit.error.forbidden';
  if (error.status === 429) return 'audit.error.tooMany';
  if (error.status === 400) return 'audit.error.badRequest';
  return 'audit.error.unavailable';
}
