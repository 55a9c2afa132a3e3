import { compileRoles, type RoleIndex } from './fieldRoles';
import type { FormStore } from './formStore';

/**
 * Which field plays each role in each country's current forms, compiled once per forms version per
 * instance (not per request). Workflow, reminders, tasks and the reminders job read their fields here.
 */
export class FormRoles {
  private readonly compiled = new Map<string, RoleIndex>();

  constructor(private readonly forms: Pick<FormStore, 'current'>) {}

  async current(countryCode: string): Promise<RoleIndex> {
    const forms = await this.forms.current(countryCode);
    let index = this.compiled.get(countryCode);
    if (index?.version !== forms.version) {
      index = compileRoles(forms.version, forms.forms);
      this.compiled.set(countryCode, index);
    }
    return index;
  }
}
