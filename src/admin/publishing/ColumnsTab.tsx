// The column tree of the user's unit: names, expected update intervals, visibility.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, InputNumber, Switch, Table, message } from 'antd';
import { errorMessage } from '../api.ts';
import { useCurrentUser } from '../session.tsx';
import { publishingApi, type Column } from './publishing-api.ts';
import type { ColumnPatchBody } from '../../publishing/columns.schema.ts';

interface Node extends Column {
  children?: Node[];
}

function toTree(cols: Column[], parent: number | null = null): Node[] {
  return cols.filter((c) => c.parentId === parent).map((c) => {
    const children = toTree(cols, c.id);
    return children.length ? { ...c, children } : { ...c };
  });
}

export function ColumnsTab() {
  const user = useCurrentUser();
  const orgId = Number(user.organizationId);
  const isAdmin = !!user.roles.includes('admin');
  const [cols, setCols] = useState<Column[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setCols((await publishingApi.columns(orgId)).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [orgId]);
  useEffect(() => void load(), [load]);
  const tree = useMemo(() => toTree(cols), [cols]);
  // Every branch open whenever the columns (re)load: antd's defaultExpandAllRows only opens the
  // rows present at the first render, before the list has arrived.
  const [expanded, setExpanded] = useState<readonly number[]>([]);
  useEffect(() => setExpanded(cols.filter((c) => cols.some((x) => x.parentId === c.id)).map((c) => c.id)), [cols]);
  const patch = async (id: number, p: ColumnPatchBody) => {
    try {
      await publishingApi.updateColumn(id, p);
      void message.success('已保存');
      await load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      {error ? <Alert type="error" message={error} showIcon style={{ marginBottom: 12 }} /> : null}
      {!cols.length && isAdmin ? <Button onClick={() => void publishingApi.createDefaultColumns(orgId).then(load, (e: unknown) => setError(errorMessage(e)))}>建立默认栏目</Button> : null}
      <Table<Node> rowKey="id" dataSource={tree} pagination={false} expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: (keys) => setExpanded(keys as number[]) }}
        columns={[
          { title: '栏目', dataIndex: 'name' },
          { title: '代码', dataIndex: 'code', width: 110 },
          { title: '条例第二十条', dataIndex: 'art20Item', width: 120, render: (n: number | null) => (n ? `第（${n}）项` : '') },
          { title: '更新周期（天）', dataIndex: 'updateIntervalDays', width: 150, render: (n: number | null, r) => (
            <InputNumber aria-label={`${r.name}更新周期`} min={1} max={3660} value={n} disabled={!isAdmin} onBlur={(e) => {
              const v = e.target.value ? Number(e.target.value) : null;
              if (v !== n) void patch(r.id, { updateIntervalDays: v });
            }} />
          ) },
          { title: '显示', dataIndex: 'hidden', width: 80, render: (h: boolean, r) => <Switch aria-label={`${r.name}是否显示`} checked={!h} disabled={!isAdmin} onChange={(on) => void patch(r.id, { hidden: !on })} /> },
        ]}
      />
    </>
  );
}
