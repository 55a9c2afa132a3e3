import { useEffect, useState } from 'preact/hooks';

const QUERY = '(min-width: 48rem)';

/** Whether the screen is wide enough for tabs; phones get an accordion. Follows rotation and resizing. */
export function useWideScreen(): boolean {
  const [wide, setWide] = useState(() => matchMedia(QUERY).matches);
  useEffect(() => {
    const list = matchMedia(QUERY);
    const changed = () => setWide(list.matches);
    list.addEventListener('change', changed);
    return () => list.removeEventListener('change', changed);
  }, []);
  return wide;
}
