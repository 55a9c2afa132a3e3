/**
 * Primero's display conditions (`display_conditions_record`), evaluated against the record as edited:
 * pure, so the screen re-evaluates them on every change in one fixed order (the form's field order).
 */
export type Condition =
  | { eq: Record<string, string | number | boolean> }
  | { in: Record<string, (string | number)[]> }
  | { not: Condition }
  | { and: Condition[] }
  | { or: Condition[] };

// A multi-select holds a list: `eq` then asks whether the list has the value. A tick box never ticked holds
// no value and means no: `child_was_seen == false` must show the reason for a child not seen at once.
const holds = (value: unknown, wanted: unknown) =>
  Array.isArray(value)
    ? value.includes(wanted)
    : value === wanted || (wanted === false && (value === undefined || value === null));

export function conditionHolds(
  condition: Condition | null | undefined,
  value: (field: string) => unknown,
): boolean {
  if (!condition) return true;
  if ('eq' in condition) return Object.entries(condition.eq).every(([f, v]) => holds(value(f), v));
  if ('in' in condition)
    return Object.entries(condition.in).every(([f, list]) => list.some((v) => holds(value(f), v)));
  if ('not' in condition) return !conditionHolds(condition.not, value);
  if ('and' in condition) return condition.and.every((c) => conditionHolds(c, value));
  return condition.or.some((c) => conditionHolds(c, value));
}
