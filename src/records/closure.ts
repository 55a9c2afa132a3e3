type Fields = Record<string, unknown>;

/** Closing stamps the closure date (the field playing `closure_date`), unless one was given. */
export function stampClosure(next: Fields, previous: Fields, today: string, field: string | undefined): void {
  if (field !== undefined && next.status === 'closed' && previous.status !== 'closed') next[field] ??= today;
}
