import type { Clock } from '../clock';
import type { CountrySettingsRepository } from '../countries/countrySettingsRepository';
import type { CaseRepository } from './caseRepository';

export interface CaseDeps {
  cases: CaseRepository;
  settings: CountrySettingsRepository;
  clock: Clock;
}
