import type { ConfigDoc } from './configDocs';
import { presentTranslated, type Translated } from './translated';

/** A stored name is a text per locale; documents written before translations hold a plain string. */
export const asTranslated = (value: unknown, defaultLocale: string): Translated =>
  typeof value === 'string' ? { [defaultLocale]: value } : ((value as Translated | undefined) ?? {});

export interface LocaleContext {
  locales: readonly string[];
  default_locale: string;
}

/** A location in Primero's shape; with `hierarchy`, its level, placename and the codes from the top. */
export function presentLocations(docs: ConfigDoc[], ctx: LocaleContext, hierarchy: boolean) {
  const byCode = new Map(docs.map((doc) => [doc.code as string, doc]));
  const pathOf = (doc: ConfigDoc): string[] => {
    const path = [doc.code as string];
    let parent = doc.parent_code as string | null | undefined;
    // Bounded: a cycle cannot be stored (checked on write), but a walk never trusts that.
    while (parent && path.length < 20 && !path.includes(parent)) {
      path.unshift(parent);
      parent = byCode.get(parent)?.parent_code as string | null | undefined;
    }
    return path;
  };
  return docs.map((doc) => {
    const name = presentTranslated(asTranslated(doc.name, ctx.default_locale), ctx.locales);
    const base = {
      id: doc.code,
      code: doc.code,
      type: doc.location_type ?? null,
      disabled: doc.disabled === true,
      name,
      parent_code: doc.parent_code ?? null,
    };
    if (!hierarchy) return base;
    const path = pathOf(doc);
    return { ...base, admin_level: doc.admin_level ?? path.length - 1, placename: name, hierarchy: path };
  });
}

/** A lookup in Primero's shape, its name and option labels with every locale of the country. */
export function presentLookup(doc: ConfigDoc, ctx: LocaleContext) {
  const text = (value: unknown) => presentTranslated(asTranslated(value, ctx.default_locale), ctx.locales);
  const values = (doc.values as { id: string; display_text: unknown }[] | undefined) ?? [];
  return {
    id: doc.unique_id,
    unique_id: doc.unique_id,
    name: text(doc.name),
    locked: doc.locked === true,
    values: values.map((v) => ({ id: v.id, display_text: text(v.display_text) })),
  };
}
