// A tiny hash router: the location is `#/system/users`; the path is everything after `#`.
// Hash routing keeps every admin URL served by the one index.html under /admin/ without server rules.
import { useEffect, useState } from 'react';

export const HOME_PATH = '/dashboard';

export function currentPath(): string {
  const raw = window.location.hash.replace(/^#/, '');
  return raw.startsWith('/') ? raw.split('?')[0] : HOME_PATH;
}

export function useHashPath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path;
}

export function navigate(path: string): void {
  window.location.hash = `#${path}`;
}

export function hrefFor(path: string): string {
  return `#${path}`;
}
