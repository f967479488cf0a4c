/**
 * What a log line keeps of an error. A store's or a driver's message quotes the values it choked on (a
 * duplicate key names the national-id index's value, a cast error the id a caller typed), and pino's own
 * serializer copies every enumerable field too (`keyValue`, `errInfo`). So only a known set of fields is
 * kept, and the message — and the stack's first line, which repeats it — loses every quoted value.
 */
/** Besides its type (pino's serialized `type`, or the class of a raw error). */
const keptFields = ['code', 'codeName', 'status', 'kind', 'path', 'errorLabels'] as const;

/** Quoted values ("…", '…', `…` after "value"), and the `{ … }` a duplicate-key message names. */
const quotedValues: ReadonlyArray<[RegExp, string]> = [
  [/dup key: \{.*?\}/g, 'dup key: [redacted]'],
  [/"(?:[^"\\]|\\.)*"/g, '"[redacted]"'],
  [/'(?:[^'\\]|\\.)*'/g, "'[redacted]'"],
  [/value `[^`]*`/g, 'value `[redacted]`'],
];

export const withoutValues = (text: string): string => quotedValues.reduce((out, [pattern, mask]) => out.replace(pattern, mask), text);

type Loggable = { [field: string]: unknown; message?: unknown; stack?: unknown; cause?: unknown };

export function errorForLog(error: unknown, depth = 0): unknown {
  if (typeof error !== 'object' || error === null) return typeof error === 'string' ? withoutValues(error) : error;
  const source = error as Loggable;
  const logged: Record<string, unknown> = { type: source['type'] ?? source.constructor?.name };
  for (const field of keptFields) if (source[field] !== undefined) logged[field] = source[field];
  if (typeof source.message === 'string') logged['message'] = withoutValues(source.message);
  if (typeof source.stack === 'string') logged['stack'] = withoutValues(source.stack);
  if (source.cause !== undefined && depth < 3) logged['cause'] = errorForLog(source.cause, depth + 1);
  return logged;
}
