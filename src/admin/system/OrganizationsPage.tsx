// 组织机构: the organization tree as an expandable table; create (under a chosen parent or a row),
// edit, 停用/启用.
import { useEffect, useMemo, useState, type Key } from 'react';
import { Alert, App, Button, Popconfirm, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../api.ts';
import type { Organization } from '../api.types.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { StatusTag } from '../common/StatusTag.tsx';
import { buildOrgTree, organizationKindLabel, type OrgNode } from './org-tree.ts';
import { OrganizationFormModal } from './OrganizationFormModal.tsx';
import { useOrganizations } from './useOrganizations.ts';

type Editing = { organization?: Organization; parentId?: string } | null;

export function OrganizationsPage() {
  const { message } = App.useApp();
  const orgs = useOrganizations();
  const tree = useMemo(() => buildOrgTree(orgs.items), [orgs.items]);
  const [editing, setEditing] = useState<Editing>(null);
  // Every branch open whenever the list (re)loads, so a newly created sub-unit is visible at once.
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  useEffect(() => {
    setExpanded(orgs.items.filter((o) => orgs.items.some((c) => c.parentId === o.id)).map((o) => String(o.id)));
  }, [orgs.items]);

  async function setDisabled(org: Organization, disabled: boolean) {
    try {
      await api.patch(`/api/v1/organizations/${encodeURIComponent(String(org.id))}`, { disabled });
      message.success(disabled ? `已停用 ${org.name}` : `已启用 ${org.name}`);
      await orgs.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  const columns: TableColumnsType<OrgNode> = [
    {
      title: '机构名称',
      dataIndex: 'name',
      key: 'name',
      render: (name: string, o) => (
        <>
          {name}
          {o.isBody ? <span style={{ marginInlineStart: 8 }}><StatusTag tone="accent">公开主体</StatusTag></span> : null}
        </>
      ),
    },
    { title: '机构代码', dataIndex: 'code', key: 'code' },
    { title: '类型', dataIndex: 'kind', key: 'kind', render: (k: string) => organizationKindLabel(k) },
    {
      title: '状态',
      key: 'status',
      render: (_, o) => (o.disabled ? <StatusTag tone="neutral">停用</StatusTag> : <StatusTag tone="good">启用</StatusTag>),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, o) => (
        <Space size={4} wrap>
          <Button type="link" size="small" onClick={() => setEditing({ organization: o })} aria-label={`编辑 ${o.name}`}>编辑</Button>
          <Button type="link" size="small" onClick={() => setEditing({ parentId: String(o.id) })} aria-label={`新建下级 ${o.name}`}>新建下级</Button>
          {o.disabled ? (
            <Button type="link" size="small" onClick={() => void setDisabled(o, false)} aria-label={`启用 ${o.name}`}>启用</Button>
          ) : (
            <Popconfirm title={`停用 ${o.name}？`} description="停用后不能再选择该机构，已有用户和记录保留。" okText="停用" cancelText="取消" onConfirm={() => setDisabled(o, true)}>
              <Button type="link" size="small" danger aria-label={`停用 ${o.name}`}>停用</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="组织机构"
        extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({})}>新建机构</Button>}
      />
      {orgs.error ? <Alert type="error" showIcon role="alert" message={orgs.error} style={{ marginBottom: 16 }} /> : null}
      <Table<OrgNode>
        rowKey={(o) => String(o.id)}
        columns={columns}
        scroll={{ x: 'max-content' }}
        dataSource={tree}
        loading={orgs.loading}
        pagination={false}
        expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: setExpanded }}
      />
      <OrganizationFormModal
        open={editing !== null}
        organization={editing?.organization}
        defaultParentId={editing?.parentId}
        organizations={orgs.items}
        onCancel={() => setEditing(null)}
        onSaved={() => {
          message.success(editing?.organization ? '机构已保存' : '机构已创建');
          setEditing(null);
          void orgs.reload();
        }}
      />
    </>
  );
}
