import type { Clock } from '../clock';
import type { CountrySettingsRepository } from '../countries/countrySettingsRepository';
import type { RecordHistory } from '../history/recordHistory';
import type { CaseRepository } from './caseRepository';

export interface CaseDeps {
  cases: CaseRepository;
  history: RecordHistory;
  settings: CountrySettingsRepository;
  clock: Clock;
}
