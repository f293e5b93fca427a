// The query part of the hash route (`#/applications?case=12`): the route table matches the path
// only, so a module page reads its sub-view (a case, the intake form) from here.
import { useEffect, useState } from 'react';

function readQuery(): URLSearchParams {
  const hash = window.location.hash;
  const i = hash.indexOf('?');
  return new URLSearchParams(i >= 0 ? hash.slice(i + 1) : '');
}

export function useHashQuery(): URLSearchParams {
  const [q, setQ] = useState(readQuery);
  useEffect(() => {
    const onChange = () => setQ(readQuery());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return q;
}
