import type { RecordType } from './screens/RecordList';

/**
 * Where the app is, kept in the URL's hash so the browser's back button walks the screens. Only ids go
 * there (never a name or other record data): `#/case/<id>/<place>` opens a case at a place in it.
 */
export type Screen =
  | { name: 'home' }
  | { name: 'list'; type: RecordType }
  | { name: 'case'; id: string; at?: string }
  | { name: 'record'; type: RecordType; id: string }
  | { name: 'new-case' }
  | { name: 'admin' }
  | { name: 'conflict'; id: string };

/**
 * A place in a case: `approvals`, `incoming` (transfers and referrals to accept), `alerts`,
 * `section:<form id>`, `field:<field>`, or `entry:<subform field>:<entry unique_id>`.
 */
export interface Place {
  kind: 'approvals' | 'incoming' | 'alerts' | 'notes' | 'section' | 'field' | 'entry';
  section?: string;
  field?: string;
  entry?: string;
}

export function placeOf(at: string | undefined): Place | undefined {
  if (!at) return undefined;
  const [kind, a, b] = at.split(':');
  if (kind === 'approvals' || kind === 'incoming' || kind === 'alerts' || kind === 'notes') return { kind };
  if (kind === 'section' && a) return { kind, section: a };
  if (kind === 'field' && a) return { kind, field: a };
  if (kind === 'entry' && a && b) return { kind, field: a, entry: b };
  return undefined;
}

/**
 * Where an alert's work is done: an approval's buttons, else the section of the form it is about (its
 * `type`, the form's unique_id).
 */
export const placeOfAlert = (alert: { alert_for: string; type: string }) =>
  alert.alert_for === 'approval' ? 'approvals' : `section:${alert.type}`;

const TYPES: RecordType[] = ['cases', 'incidents', 'tracing_requests'];
const isType = (s: string | undefined): s is RecordType => TYPES.includes(s as RecordType);

export function hashOf(screen: Screen): string {
  const part = (s: string) => encodeURIComponent(s);
  switch (screen.name) {
    case 'home':
      return '#/';
    case 'list':
      return `#/${screen.type}`;
    case 'case':
      return `#/case/${part(screen.id)}${screen.at ? `/${part(screen.at)}` : ''}`;
    case 'record':
      return `#/record/${screen.type}/${part(screen.id)}`;
    case 'conflict':
      return `#/conflict/${part(screen.id)}`;
    default:
      return `#/${screen.name}`;
  }
}

export function screenOf(hash: string): Screen {
  const [first, second, third] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (isType(first)) return { name: 'list', type: first };
  if (first === 'case' && second) return { name: 'case', id: second, ...(third ? { at: third } : {}) };
  if (first === 'record' && isType(second) && third) return { name: 'record', type: second, id: third };
  if (first === 'conflict' && second) return { name: 'conflict', id: second };
  if (first === 'new-case' || first === 'admin') return { name: first };
  return { name: 'home' };
}
