/** The record types of the platform (Primero's `parent_form`s): their own file, as settings name them too. */
export const recordTypes = ['case', 'incident', 'tracing_request'] as const;
export type RecordType = (typeof recordTypes)[number];
