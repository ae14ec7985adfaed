import { useEffect } from 'preact/hooks';

/** Sets the browser tab's title while a page is shown. */
export function useTitle(...parts: (string | null | undefined)[]): void {
  const title = [...parts.filter(Boolean), 'Sightline'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
