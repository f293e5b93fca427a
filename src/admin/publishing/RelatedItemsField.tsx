// 相关信息 of an item: the linked items (both ways) with their state, and on a draft a search by
// title over the body's items to add one and a button to remove each. Each change is saved at
// once (its own request, audited); the portal shows a link only while both items are published.
import { useEffect, useRef, useState } from 'react';
import { Button, List, Select, Space, Tag, Typography } from 'antd';
import { ITEM_STATUSES, type ItemStatus } from '../../publishing/items.rules.ts';
import { errorMessage } from '../api.ts';
import { publishingApi, type LinkCandidate, type LinkedItem } from './publishing-api.ts';

const statusText = (s: string) => ITEM_STATUSES[s as ItemStatus] ?? s;
const label = (c: LinkCandidate) => `${c.title}${c.docNumber ? `（${c.docNumber}）` : ''}${c.status === 'published' ? '' : ` · ${statusText(c.status)}`}`;

export function RelatedItemsField({ itemId, organizationId, related, editable, onChanged, onError }: {
  itemId: number;
  organizationId: number;
  related: LinkedItem[];
  editable: boolean;
  onChanged: () => Promise<void>;
  onError: (message: string) => void;
}) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const search = async (q: string) => {
    const mine = ++asked.current;
    setLoading(true);
    try {
      const r = await publishingApi.linkCandidates({ organizationId, q, excludeId: itemId });
      // A slower reply to an older query must not replace the newer one's options.
      if (mine === asked.current) setOptions(r.items.filter((c) => !related.some((x) => x.id === c.id)).map((c) => ({ value: c.id, label: label(c) })));
    } finally {
      if (mine === asked.current) setLoading(false);
    }
  };
  const change = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      setOptions([]);
      await onChanged();
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="related-heading" style={{ marginTop: 16 }}>
      <Typography.Title level={5} id="related-heading" style={{ marginBottom: 4 }}>相关信息</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        两条信息互相显示为相关信息；门户网站只显示已发布的。{editable ? '' : '只有草稿可以修改相关信息。'}
      </Typography.Paragraph>
      <List size="small" dataSource={related} locale={{ emptyText: '暂无相关信息' }}
        renderItem={(r) => (
          <List.Item actions={editable ? [<Button key="remove" size="small" disabled={busy} aria-label={`取消关联：${r.title}`} onClick={() => void change(() => publishingApi.removeRelated(itemId, r.id))}>取消关联</Button>] : []}>
            <Space wrap size={4}><span>{r.title}</span><Tag>{statusText(r.status)}</Tag></Space>
          </List.Item>
        )} />
      {editable ? (
        <Select<number>
          aria-label="添加相关信息"
          showSearch
          value={null as unknown as number}
          disabled={busy}
          placeholder="输入标题查找本机关的信息，选中即添加"
          filterOption={false}
          loading={loading}
          notFoundContent={loading ? '查找中…' : '没有找到标题相符的信息'}
          onSearch={(q) => { clearTimeout(timer.current); timer.current = setTimeout(() => void search(q), 250); }}
          onFocus={() => { if (!options.length) void search(''); }}
          onChange={(v) => void change(() => publishingApi.addRelated(itemId, v))}
          options={options}
          style={{ width: 420, maxWidth: '100%', marginTop: 8 }}
        />
      ) : null}
    </section>
  );
}
