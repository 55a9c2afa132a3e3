/** The casework endpoints around a record (API.md, "Around a record"), behind one module like api.ts. */
import { ApiError, call, type CaseRecord } from './api';

export interface Me {
  user_name: string;
  role_name?: string;
  group_permission?: string;
  permissions: { resource: string; actions: string[] }[];
  module_unique_ids?: string[];
  /** Per form the role may read: 'r' read only, 'rw' read and write. */
  permitted_form?: Record<string, 'r' | 'rw'>;
}
export const can = (me: Me | undefined, resource: string, action: string) =>
  !!me?.permissions.some(
    (p) => p.resource === resource && (p.actions.includes(action) || p.actions.includes('manage')),
  );

export interface Flag {
  id: string;
  message: string;
  date: string;
  flagged_by: string;
  removed: boolean;
}
export interface Transition {
  id: string;
  type: 'Assign' | 'Referral' | 'Transfer';
  status: string;
  transitioned_to: string;
  transitioned_by: string;
  notes: string | null;
  created_at: string;
  user_can_accept_or_reject: boolean;
}
export interface RecordAlert {
  unique_id: string;
  alert_for: string;
  type: string;
  date: string;
}
export interface HistoryEntry {
  datetime: string;
  user_name: string;
  action: string;
  record_changes: Record<string, { from: unknown; to: unknown }>[];
}
export interface UserChoice {
  user_name: string;
  full_name?: string;
}

export const APPROVAL_TYPES = ['assessment', 'case_plan', 'closure'] as const;
export type TransitionKind = 'assigns' | 'referrals' | 'transfers';

const at = (id: string) => `/cases/${encodeURIComponent(id)}`;

export const casework = {
  me: () => call<{ data: Me }>('GET', '/users/me'),
  flags: (id: string) => call<{ data: Flag[] }>('GET', `${at(id)}/flags`),
  flag: (id: string, message: string) =>
    call<{ data: Flag }>('POST', `${at(id)}/flags`, {
      data: { message, date: new Date().toISOString().slice(0, 10) },
    }),
  unflag: (id: string, flagId: string, unflag_message: string) =>
    call<{ data: Flag }>('PATCH', `${at(id)}/flags/${encodeURIComponent(flagId)}`, {
      data: { unflag_message },
    }),
  approval: (id: string, type: string, approval_status: string, notes?: string) =>
    call<{ data: { record: CaseRecord } }>('PATCH', `${at(id)}/approvals/${type}`, {
      data: { approval_status, ...(notes ? { notes } : {}) },
    }),
  transition: (id: string, kind: TransitionKind, data: Record<string, unknown>) =>
    call<{ data: Transition }>('POST', `${at(id)}/${kind}`, { data }),
  transitions: (id: string) => call<{ data: Transition[] }>('GET', `${at(id)}/transitions`),
  respond: (
    id: string,
    kind: 'referrals' | 'transfers',
    transitionId: string,
    data: Record<string, unknown>,
  ) => call<{ data: Transition }>('PATCH', `${at(id)}/${kind}/${encodeURIComponent(transitionId)}`, { data }),
  incident: (id: string, data: Record<string, unknown>) =>
    call<{ data: { id: string } }>('POST', `${at(id)}/incidents`, { data }),
  history: (id: string) => call<{ data: HistoryEntry[] }>('GET', `${at(id)}/record_history?per=50`),
  alerts: (id: string) => call<{ data: RecordAlert[] }>('GET', `${at(id)}/alerts`),
  dismissAlert: (id: string, alertId: string) =>
    call<unknown>('DELETE', `${at(id)}/alerts/${encodeURIComponent(alertId)}`),
  createCase: (data: Record<string, unknown>) => call<{ data: CaseRecord }>('POST', '/cases', { data }),
  /**
   * Who a case may go to. Primero has `/users/assign-to`, `/users/refer-to` and `/users/transfer-to`; where
   * the server does not have them (yet), the picker becomes a plain user-name field.
   */
  recipients: async (kind: TransitionKind): Promise<UserChoice[] | undefined> => {
    const path = { assigns: 'assign-to', referrals: 'refer-to', transfers: 'transfer-to' }[kind];
    try {
      const { data } = await call<{ data: UserChoice[] }>('GET', `/users/${path}`);
      return Array.isArray(data) ? data : undefined;
    } catch (error) {
      if (error instanceof ApiError) return undefined;
      throw error;
    }
  },
};
