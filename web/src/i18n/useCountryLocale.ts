import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, setLanguage, type SystemSettings } from '../api';
import type { Vault } from '../vault';
import { applyToDocument, isRtl, pickLocale, saveLocale, savedLocale, type LocaleState } from './locale';

const SETTINGS_KEY = 'system_settings';

/**
 * The country's settings, fresh when online and from the device's sealed copy offline, and the language
 * picked among its locales; the document's `lang` and `dir` follow the choice.
 */
export async function loadSystemSettings(vault: Vault, online: boolean): Promise<SystemSettings | undefined> {
  if (online) {
    try {
      const { data } = await api.systemSettings();
      await vault.put('meta', SETTINGS_KEY, data);
      return data;
    } catch {
      // the device's copy below
    }
  }
  return vault.get<SystemSettings>('meta', SETTINGS_KEY);
}

export function useCountryLocale(vault: Vault | undefined, online: boolean): LocaleState {
  const [settings, setSettings] = useState<SystemSettings>();
  const [chosen, setChosen] = useState<string>();
  useEffect(() => {
    if (!vault) return;
    void loadSystemSettings(vault, online).then(setSettings);
  }, [vault, online]);

  const state = useMemo<LocaleState>(() => {
    const available = settings?.locales ?? [];
    const fallback = settings?.default_locale ?? 'en';
    // Before the settings are known (the sign-in screen), the last choice made on this device holds.
    const locale = available.length
      ? chosen && available.includes(chosen)
        ? chosen
        : pickLocale(available, fallback)
      : (chosen ?? savedLocale() ?? fallback);
    // Set while rendering, not in an effect: the screens' effects run first and their requests already
    // ask for their messages in this language.
    setLanguage(locale);
    return {
      locale,
      fallback,
      rtl: isRtl(locale, settings?.rtl_locales),
      available,
      setLocale: (next) => {
        saveLocale(next);
        setChosen(next);
      },
    };
  }, [settings, chosen]);

  useEffect(() => applyToDocument(state.locale, state.rtl), [state.locale, state.rtl]);
  return state;
}
