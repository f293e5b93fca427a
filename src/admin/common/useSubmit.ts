// The saving flag and Chinese error message every form dialog needs around its one API call:
// `await run(async () => { … })` shows the spinner, clears the old error, keeps the server's message.
import { useCallback, useState } from 'react';
import { errorMessage } from '../api.ts';

export function useSubmit() {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setSaving(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }, []);
  return { saving, error, setError, run };
}
