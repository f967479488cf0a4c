/** An RFC 9457 problem document as the services return it. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: unknown;
  [extension: string]: unknown;
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get title(): string {
    return this.problem.title;
  }

  get detail(): string | undefined {
    return this.problem.detail;
  }

  get errors(): unknown {
    return this.problem.errors;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds an ApiError from a failed response, whether or not its body is problem+json. */
export async function problemFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const fields = isRecord(body) ? body : {};
  const title = typeof fields.title === 'string' ? fields.title : response.statusText || `HTTP ${response.status}`;
  return new ApiError({
    ...fields,
    title,
    status: typeof fields.status === 'number' ? fields.status : response.status,
    detail: typeof fields.detail === 'string' ? fields.detail : undefined,
  });
}
