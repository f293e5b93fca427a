// 用户管理: list users (filter by organization, search by name), create, edit, 停用/启用, 重置密码.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Input, Popconfirm, Space, Table, TreeSelect } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { roleLabel } from '../../auth/roles.ts';
import { api, errorMessage, query } from '../api.ts';
import type { ListResponse, UserRow } from '../api.types.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { StatusTag } from '../common/StatusTag.tsx';
import { orgTreeSelectData } from './org-tree.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { useOrganizations } from './useOrganizations.ts';
import { UserFormModal } from './UserFormModal.tsx';
import { USER_STATUS_LABELS, userStatus } from './user-status.ts';

const STATUS_TONES = { active: 'good', disabled: 'neutral', locked: 'warn' } as const;

export function UsersPage() {
  const { message } = App.useApp();
  const orgs = useOrganizations();
  const [organizationId, setOrganizationId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [users, setUsers] = useState<UserRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ user?: UserRow } | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const res = await api.get<ListResponse<UserRow>>(`/api/v1/users${query({ organizationId, q: q.trim() })}`);
      setUsers(res.items);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [organizationId, q]);

  useEffect(() => {
    // Reload when the organization filter changes; the text search runs on Enter / 搜索 only.
    void load();
  }, [organizationId]);

  async function setDisabled(user: UserRow, disabled: boolean) {
    try {
      await api.patch(`/api/v1/users/${encodeURIComponent(String(user.id))}`, { disabled, version: user.version });
      message.success(disabled ? `已停用 ${user.displayName}` : `已启用 ${user.displayName}`);
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  const treeData = useMemo(() => orgTreeSelectData(orgs.items), [orgs.items]);
  const now = new Date();
  const columns: TableColumnsType<UserRow> = [
    { title: '用户名', dataIndex: 'username', key: 'username', render: (u: string) => <span style={{ whiteSpace: 'nowrap' }}>{u}</span> },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
    { title: '所属单位', dataIndex: 'organizationName', key: 'organizationName' },
    {
      title: '角色',
      key: 'roles',
      render: (_, u) => u.roles.map((r) => <StatusTag key={r} tone="info">{roleLabel(r)}</StatusTag>),
    },
    {
      title: '状态',
      key: 'status',
      width: 80,
      render: (_, u) => {
        const s = userStatus(u, now);
        return <StatusTag tone={STATUS_TONES[s]}>{USER_STATUS_LABELS[s]}</StatusTag>;
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 210,
      render: (_, u) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setEditing({ user: u })} aria-label={`编辑 ${u.username}`}>编辑</Button>
          {u.disabled ? (
            <Button type="link" size="small" onClick={() => void setDisabled(u, false)} aria-label={`启用 ${u.username}`}>启用</Button>
          ) : (
            <Popconfirm title={`停用 ${u.displayName}？`} description="停用后该用户不能登录。" okText="停用" cancelText="取消" onConfirm={() => setDisabled(u, true)}>
              <Button type="link" size="small" danger aria-label={`停用 ${u.username}`}>停用</Button>
            </Popconfirm>
          )}
          <Button type="link" size="small" onClick={() => setResetting(u)} aria-label={`重置密码 ${u.username}`}>重置密码</Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="用户管理"
        extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({})}>新建用户</Button>}
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label="筛选用户">
        <TreeSelect
          aria-label="按单位筛选"
          style={{ minWidth: 240 }}
          treeData={treeData}
          treeDefaultExpandAll
          allowClear
          showSearch
          treeNodeFilterProp="title"
          placeholder="全部单位"
          value={organizationId}
          onChange={(v: string | undefined) => setOrganizationId(v)}
        />
        <Input.Search
          aria-label="搜索用户名或姓名"
          placeholder="搜索用户名或姓名"
          allowClear
          enterButton="搜索"
          style={{ maxWidth: 320 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={() => void load()}
        />
      </Flex>
      {orgs.error ? <Alert type="warning" showIcon message={`组织机构加载失败：${orgs.error}`} style={{ marginBottom: 16 }} /> : null}
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Table<UserRow> rowKey={(u) => String(u.id)} columns={columns} scroll={{ x: 'max-content' }} dataSource={users} loading={loading} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      <UserFormModal
        open={editing !== null}
        user={editing?.user}
        organizations={orgs.items}
        onCancel={() => setEditing(null)}
        onSaved={() => {
          message.success(editing?.user ? '用户已保存' : '用户已创建');
          setEditing(null);
          void load();
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onCancel={() => setResetting(null)}
        onDone={() => {
          message.success('密码已重置，用户下次登录时须修改');
          setResetting(null);
        }}
      />
    </>
  );
}
