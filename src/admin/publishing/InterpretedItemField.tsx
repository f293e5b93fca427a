// 被解读文件: a search-as-you-type select over the titles of the body's policy documents (the
// server searches what the user may read, policy documents first), instead of a numeric id.
import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { ITEM_STATUSES, type ItemStatus } from '../../publishing/items.rules.ts';
import { publishingApi, type LinkCandidate } from './publishing-api.ts';

const label = (c: LinkCandidate) => `${c.title}${c.docNumber ? `（${c.docNumber}）` : ''}${c.status === 'published' ? '' : ` · ${ITEM_STATUSES[c.status as ItemStatus] ?? c.status}`}`;

export function InterpretedItemField({ id, value, onChange, organizationId, excludeId, initial, disabled }: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  organizationId: number;
  excludeId?: number | null;
  /** The linked item's title as the server gave it, shown before any search. */
  initial: { id: number; title: string } | null;
  disabled?: boolean;
}) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const asked = useRef(0);
  const search = async (q: string) => {
    const mine = ++asked.current;
    setLoading(true);
    try {
      const r = await publishingApi.linkCandidates({ organizationId, q, policyOnly: true, excludeId: excludeId ?? undefined });
      // A slower reply to an older query must not replace the newer one's options.
      if (mine === asked.current) setOptions(r.items.map((c) => ({ value: c.id, label: label(c) })));
    } finally {
      if (mine === asked.current) setLoading(false);
    }
  };
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const shown = initial && value === initial.id && !options.some((o) => o.value === initial.id) ? [{ value: initial.id, label: initial.title }, ...options] : options;
  return (
    <Select<number | null>
      id={id}
      aria-label="被解读文件"
      showSearch
      allowClear
      disabled={disabled}
      value={value ?? null}
      placeholder="输入标题查找本机关的政策文件"
      filterOption={false}
      loading={loading}
      notFoundContent={loading ? '查找中…' : '没有找到标题相符的政策文件'}
      onSearch={(q) => { clearTimeout(timer.current); timer.current = setTimeout(() => void search(q), 250); }}
      onFocus={() => { if (!options.length) void search(''); }}
      onChange={(v) => onChange?.(v ?? null)}
      options={shown}
      style={{ width: 420, maxWidth: '100%' }}
    />
  );
}
