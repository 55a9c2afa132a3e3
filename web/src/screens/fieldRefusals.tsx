import { useState } from 'preact/hooks';
import { ApiError } from '../api';

/**
 * The server's refusals of a small form, at the inputs they name, as the record form shows them (marked
 * invalid, the message below, the focus on the first). `inputs` maps a field the server names to its input.
 */
export function useFieldRefusals(inputs: Readonly<Record<string, string>>) {
  const [refused, setRefused] = useState<Record<string, string>>({});
  /** Takes a refusal's entries; true when one names an input of the form. */
  const take = (error: unknown): boolean => {
    const found: Record<string, string> = {};
    for (const entry of error instanceof ApiError ? error.entries : []) {
      // Own keys only: a detail such as `constructor` names no input.
      const id =
        entry.detail !== undefined && Object.hasOwn(inputs, entry.detail) ? inputs[entry.detail] : undefined;
      if (id) found[id] = [found[id], entry.message].filter(Boolean).join('; ');
    }
    setRefused(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(first)?.focus();
    return first !== undefined;
  };
  const clear = () => setRefused({});
  /** The input's marks: invalid, described by its message. */
  const marks = (id: string) =>
    refused[id] === undefined ? {} : { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` };
  /** The message below the input. */
  const below = (id: string) =>
    refused[id] !== undefined && (
      <span class="field-error" id={`${id}-error`}>
        {refused[id]}
      </span>
    );
  return { take, clear, marks, below };
}
