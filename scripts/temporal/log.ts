// stderr, so a script's stdout stays free for what it was asked to print.
export function log(message: string): void {
  console.error(`[temporal] ${message}`);
}

export function seconds(sinceMs: number): string {
  return `${((performance.now() - sinceMs) / 1000).toFixed(1)} s`;
}
