import { serviceUrl, type ServiceName } from './stack.js';

/**
 * Requests of the security suites: raw (any Authorization header, any answer type), and at most
 * `inFlight` at once across the file, well inside a service's load guard on a 2-core machine.
 */
const inFlight = 16;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= inFlight) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export interface ProbeAnswer {
  status: number;
  contentType: string;
  text: string;
}

export function probe(
  service: ServiceName,
  method: string,
  path: string,
  options: { authorization?: string; body?: unknown } = {},
): Promise<ProbeAnswer> {
  // Writes always carry a JSON body, so a body parser never answers before the token and role checks.
  const body = method === 'get' ? undefined : JSON.stringify(options.body ?? {});
  return slot(async () => {
    const res = await fetch(`${serviceUrl(service)}${path}`, {
      method: method.toUpperCase(),
      headers: {
        ...(options.authorization ? { Authorization: options.authorization } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body,
    });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
  });
}

/** One line for a failure message: what was sent and what came back. */
export const describeAnswer = (what: string, answer: ProbeAnswer) => `${what} → ${answer.status} ${answer.text.slice(0, 200)}`;
