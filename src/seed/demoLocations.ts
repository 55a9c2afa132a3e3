/** The demo's location trees (codes in the p-code style: country, then two digits per level). */
type Node = readonly [code: string, type: string, en: string, fr: string, ar?: string];
const tree: Record<string, Node[]> = {
  GH: [
    ['GH', 'country', 'Ghana', 'Ghana'],
    ['GH01', 'region', 'Greater Accra', 'Grand Accra'],
    ['GH0101', 'district', 'Accra Metropolitan', 'Accra Métropole'],
    ['GH0102', 'district', 'Tema Metropolitan', 'Tema Métropole'],
    ['GH02', 'region', 'Ashanti', 'Ashanti'],
    ['GH0201', 'district', 'Kumasi Metropolitan', 'Kumasi Métropole'],
  ],
  KE: [
    ['KE', 'country', 'Kenya', 'Kenya', 'كينيا'],
    ['KE01', 'county', 'Nairobi', 'Nairobi', 'نيروبي'],
    ['KE0101', 'sub_county', 'Westlands', 'Westlands', 'ويستلاندز'],
    ['KE0102', 'sub_county', 'Kibra', 'Kibra', 'كيبرا'],
    ['KE02', 'county', 'Mombasa', 'Mombasa', 'مومباسا'],
    ['KE0201', 'sub_county', 'Mvita', 'Mvita', 'مفيتا'],
  ],
};

export const demoLocations = (countryCode: string) =>
  (tree[countryCode] ?? []).map(([code, location_type, en, fr, ar]) => ({
    id: code,
    type: 'location',
    country_code: countryCode,
    code,
    location_type,
    name: { en, fr, ...(ar ? { ar } : {}) },
    admin_level: (code.length - 2) / 2,
    parent_code: code.length > 2 ? code.slice(0, -2) : null,
    disabled: false,
  }));
