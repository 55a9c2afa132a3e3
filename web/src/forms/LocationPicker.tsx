import { useState } from 'preact/hooks';
import type { LocationNode } from '../api';
import { findsWords } from '../findWords';
import { useT } from '../i18n/locale';
import { t, type Locales } from './types';

export interface LocationPickerProps {
  id: string;
  value: unknown;
  onChange: (code: string | null) => void;
  locations: LocationNode[];
  locales: Locales;
  a11y: Record<string, string | undefined>;
}

const MAX_SHOWN = 8;

/** "Tema Metropolitan — Greater Accra, Ghana": the place, then where it is, nearest first. */
export function locationLabel(code: unknown, locations: LocationNode[], locales: Locales): string {
  const byCode = new Map(locations.map((l) => [l.code, l]));
  const node = typeof code === 'string' ? byCode.get(code) : undefined;
  if (!node) return typeof code === 'string' ? code : '';
  const parents = node.hierarchy
    .slice(0, -1)
    .reverse()
    .map((c) => t(byCode.get(c)?.name, locales))
    .filter(Boolean);
  return [t(node.name, locales), parents.join(', ')].filter(Boolean).join(' — ');
}

/**
 * Searches the country's location tree by name (in the user's language or any other) or code; each match
 * is a thumb-sized button naming the place and where it lies, so two places of one name can be told apart.
 */
export function LocationPicker({ id, value, onChange, locations, locales, a11y }: LocationPickerProps) {
  const msg = useT();
  const [query, setQuery] = useState<string>();
  const finds = findsWords(query ?? '');
  const typed = !!query?.trim();
  const matches = typed
    ? locations
        .filter((l) => !l.disabled && finds(`${l.code} ${Object.values(l.name).join(' ')}`))
        .slice(0, MAX_SHOWN)
    : [];
  const chosen = locationLabel(value, locations, locales);
  return (
    <div class="location-picker">
      <input
        id={id}
        type="search"
        autocomplete="off"
        placeholder={msg('location.search')}
        value={query ?? chosen}
        onInput={(e) => setQuery(e.currentTarget.value)}
        {...a11y}
      />
      {query !== undefined && (
        <ul class="matches" aria-label={msg('location.matches')}>
          {matches.map((l) => (
            <li key={l.code}>
              <button
                type="button"
                class="row"
                onClick={() => {
                  onChange(l.code);
                  setQuery(undefined);
                }}
              >
                {locationLabel(l.code, locations, locales)}
              </button>
            </li>
          ))}
          {typed && matches.length === 0 && <li class="muted">{msg('location.none')}</li>}
        </ul>
      )}
      {value !== null && value !== undefined && value !== '' && (
        <button
          type="button"
          class="link"
          onClick={() => {
            onChange(null);
            setQuery(undefined);
          }}
        >
          {msg('location.clear')}
        </button>
      )}
    </div>
  );
}
