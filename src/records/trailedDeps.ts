import type { ApiRequest } from '../http/types';
import type { RecordDeps } from './recordDeps';

/**
 * The record services for one request: the history entry of the write the request's audit entry names is
 * stored with that entry in one transactional batch (create: 2 round trips, update: 3).
 */
export function trailed(deps: RecordDeps, request: ApiRequest): RecordDeps {
  return request.trail ? { ...deps, history: deps.history.withTrail(request.trail) } : deps;
}
