// Loads the organization list once per page; `reload` after a change.
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../api.ts';
import type { ListResponse, Organization } from '../api.types.ts';

export function useOrganizations() {
  const [items, setItems] = useState<Organization[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const res = await api.get<ListResponse<Organization>>('/api/v1/organizations');
      setItems(res.items);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { items, loading, error, reload };
}
