/**
 * What a service's pure domain rules throw when a command cannot be carried out. Free of Express and
 * mongoose, so domain code imports it alone (`@hamgam/service-kit/errors`); the kit turns each kind into
 * one HTTP answer in one place (http/problem.ts), so no service wraps its rules in a translator.
 *
 * Each carries a stable machine `code` (the UI translates it; a test asserts it), kebab-case, naming what
 * went wrong in the domain's words (`seats-full`, `meeting-in-future`), and may name the input field at
 * fault so a form can show the sentence beside it.
 */
export abstract class DomainError extends Error {
  /** The HTTP status the kit answers with. */
  abstract readonly status: number;

  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A business rule forbids the command as given (a date in the future, an amount over the budget): 422. */
export class BrokenRuleError extends DomainError {
  readonly status = 422;
}

/** The thing is not in a state that allows this step (paying an unapproved tranche, holding a held meeting): 409. */
export class IllegalStepError extends DomainError {
  readonly status = 409;
}

/** What the command names does not exist (or is not the caller's to see): 404. */
export class NotFoundError extends DomainError {
  readonly status = 404;
}
