/** Latency statistics for benchmark output. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function timed<T>(work: () => Promise<T>, samples: number[]): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await work();
  samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  return result;
}
