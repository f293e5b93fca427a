// The saving flag and Chinese error message every form needs around its one API call:
// `await run(async () => { … })` shows the spinner, clears the old error, keeps the server's message.
// Forms that show the error in their own alert read `error`; `{ toast: true }` shows it as a message.
import { useCallback, useState } from 'react';
import { message } from 'antd';
import { errorMessage } from '../api.ts';

export function useSubmit({ toast = false }: { toast?: boolean } = {}) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setSaving(true);
      setError(null);
      try {
        await action();
      } catch (e) {
        const text = errorMessage(e);
        setError(text);
        if (toast) void message.error(text);
      } finally {
        setSaving(false);
      }
    },
    [toast],
  );
  return { saving, error, setError, run };
}
