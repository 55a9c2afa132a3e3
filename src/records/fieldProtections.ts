import type { FormsVersion } from '../forms/formStore';
import { compileProtection, type ProtectionMap } from './protection';

/** Where the cipher finds each country's classes. */
export interface ProtectionSource {
  of(countryCode: string): Promise<ProtectionMap>;
}

/**
 * The protection classes of each country's current forms, compiled once per forms version per instance
 * (the form store caches the current version; a new one is compiled the first time it is seen).
 */
export class FieldProtections implements ProtectionSource {
  private readonly compiled = new Map<string, { version: number; map: ProtectionMap }>();

  constructor(private readonly forms: { current(countryCode: string): Promise<FormsVersion> }) {}

  async of(countryCode: string): Promise<ProtectionMap> {
    const current = await this.forms.current(countryCode);
    const hit = this.compiled.get(countryCode);
    if (hit?.version === current.version) return hit.map;
    const map = compileProtection(current.forms);
    this.compiled.set(countryCode, { version: current.version, map });
    return map;
  }
}
