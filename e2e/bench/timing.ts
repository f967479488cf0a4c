// Timing helpers for the `npm run bench:*` scripts: figures are printed, never asserted.

export interface Timing {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** Runs `operation` `runs` times one after another (the i-th run gets i) and keeps each run's duration. */
export async function timeSequential(name: string, runs: number, operation: (i: number) => Promise<unknown>): Promise<Timing> {
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await operation(i);
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  return { name, runs, medianMs: quantile(durations, 0.5), p95Ms: quantile(durations, 0.95) };
}

/** Requests per second with `concurrency` callers in flight until `total` calls are done. */
export async function throughput(total: number, concurrency: number, operation: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await operation(next++);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
