import { badRequest } from '../errors';

/** `page` (1) and `per` (20, at most 1000) of admin lists; `locale` is accepted and ignored; anything else is a 400. */
export function pageParams(search: URLSearchParams): { page: number; per: number } {
  const out = { page: 1, per: 20 };
  for (const [name, value] of search) {
    if (name === 'locale') continue;
    if (name !== 'page' && name !== 'per') throw badRequest(`Unknown query parameter ${name}`, name);
    const max = name === 'per' ? 1000 : 10_000;
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
      throw badRequest(`${name} must be a whole number from 1 to ${max}`, name);
    out[name] = Number(value);
  }
  return out;
}
