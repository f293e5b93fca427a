// The items of the units the user can see, newest change first; the editor opens in a drawer.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Input, Select, Space, Table, Tag } from 'antd';
import { errorMessage } from '../api.ts';
import { useCurrentUser } from '../session.tsx';
import { ITEM_KINDS, ITEM_STATUSES, type ItemKind, type ItemStatus } from '../../publishing/items.rules.ts';
import { publishingApi, type Item } from './publishing-api.ts';
import { ItemEditor } from './ItemEditor.tsx';
import { listTotalText } from '../list-total.ts';
import { BulkActions } from './BulkActions.tsx';

// Solid dark backgrounds with white text: antd's light preset tags fail the WCAG contrast check.
const STATUS_COLORS: Record<string, string | undefined> = { draft: undefined, submitted: '#0958d9', approved: '#006d75', scheduled: '#531dab', published: '#237804', withdrawn: '#ad4e00' };

export function ItemsTab() {
  const user = useCurrentUser();
  const [rows, setRows] = useState<Item[]>([]);
  const [total, setTotal] = useState(0);
  const [totalCapped, setTotalCapped] = useState(false);
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const [selected, setSelected] = useState<Item[]>([]);
  // Only who acts on items selects them (an auditor reads).
  const acts = user.roles.includes('publisher') || user.roles.includes('reviewer');

  const load = useCallback(async () => {
    try {
      const r = await publishingApi.items({ status, q, page });
      setRows(r.items);
      setTotal(r.total);
      setTotalCapped(r.totalCapped ?? false);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [status, q, page]);
  useEffect(() => void load(), [load]);

  return (
    <>
      {error ? <Alert type="error" message={error} showIcon style={{ marginBottom: 12 }} /> : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label="状态" allowClear placeholder="全部状态" style={{ width: 140 }} value={status} onChange={(v) => { setStatus(v); setPage(1); }}
          options={Object.entries(ITEM_STATUSES).map(([value, label]) => ({ value, label }))} />
        <Input.Search aria-label="按标题查找" placeholder="按标题查找" allowClear onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 240 }} />
        {user.roles.includes('publisher') ? <Button type="primary" onClick={() => setOpen('new')}>起草信息</Button> : null}
      </Space>
      {acts ? <BulkActions selected={selected} onDone={() => { setSelected([]); void load(); }} /> : null}
      <Table<Item>
        rowKey="id"
        dataSource={rows}
        rowSelection={acts ? {
          selectedRowKeys: selected.map((i) => i.id),
          onChange: (_keys, rowsChosen) => setSelected(rowsChosen),
          // antd passes aria-label on to the checkbox input; its props type does not list it.
          getCheckboxProps: (r) => ({ 'aria-label': `选择：${r.title}` }) as object,
        } : undefined}
        pagination={{ current: page, total, pageSize: 20, onChange: setPage, showTotal: (n) => listTotalText(n, totalCapped, '条') }}
        columns={[
          { title: '标题', dataIndex: 'title', render: (t: string, r) => <Button type="link" onClick={() => setOpen(r.id)} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}>{t}</Button> },
          { title: '索引号', dataIndex: 'indexNo', width: 230 },
          { title: '类别', dataIndex: 'kind', width: 120, render: (k: string) => ITEM_KINDS[k as ItemKind] ?? k },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => <Tag color={STATUS_COLORS[s]}>{ITEM_STATUSES[s as ItemStatus] ?? s}</Tag> },
          { title: '发布日期', dataIndex: 'publishDate', width: 110, render: (d: string | null, r) => <>{d ?? '—'}{r.latePublication ? <Tag color="#a8071a">超期</Tag> : null}</> },
        ]}
      />
      {open !== null ? <ItemEditor itemId={open === 'new' ? null : open} organizationId={Number(user.organizationId)} onClose={() => { setOpen(null); void load(); }} /> : null}
    </>
  );
}
