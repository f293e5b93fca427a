// 新建 / 编辑组织机构: code (fixed once created), name, parent, kind. An organization cannot be
// moved under itself or its own descendants, so those are not offered as parents.
import { useEffect, useMemo } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { FormSelect, FormTreeSelect } from '../applications/FormSelect.tsx';
import { api } from '../api.ts';
import { useSubmit } from '../common/useSubmit.ts';
import type { Organization, OrganizationKind } from '../api.types.ts';
import { ORGANIZATION_KINDS, orgTreeSelectData, subtreeIds } from './org-tree.ts';
import { toIdLike } from './UserFormModal.tsx';

interface OrgForm {
  code: string;
  name: string;
  parentId?: string;
  kind: OrganizationKind;
}

const KIND_OPTIONS = Object.entries(ORGANIZATION_KINDS).map(([value, label]) => ({ value, label }));

export function OrganizationFormModal({ open, organization, defaultParentId, organizations, onSaved, onCancel }: {
  open: boolean;
  organization?: Organization;
  defaultParentId?: string;
  organizations: Organization[];
  onSaved(): void;
  onCancel(): void;
}) {
  const [form] = Form.useForm<OrgForm>();
  const { saving, error, setError, run } = useSubmit();
  const creating = !organization;
  const parentTree = useMemo(
    () => orgTreeSelectData(organizations, organization ? subtreeIds(organizations, organization.id) : new Set()),
    [organizations, organization],
  );

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (organization) {
      form.setFieldsValue({
        code: organization.code,
        name: organization.name,
        parentId: organization.parentId === null ? undefined : String(organization.parentId),
        kind: organization.kind,
      });
    } else {
      form.setFieldsValue({ parentId: defaultParentId, kind: 'department' });
    }
  }, [open, organization, defaultParentId, form]);

  async function submit() {
    const v = await form.validateFields();
    await run(async () => {
      const parentId = v.parentId ? toIdLike(v.parentId, organizations) : undefined;
      if (creating) {
        await api.post('/api/v1/organizations', { code: v.code.trim(), name: v.name.trim(), parentId, kind: v.kind });
      } else {
        await api.patch(`/api/v1/organizations/${encodeURIComponent(String(organization.id))}`, {
          name: v.name.trim(),
          parentId,
          kind: v.kind,
        });
      }
      onSaved();
    });
  }

  return (
    <Modal
      title={creating ? '新建组织机构' : `编辑组织机构：${organization.name}`}
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      okText={creating ? '创建' : '保存'}
      confirmLoading={saving}
      maskClosable={false}
      forceRender
    >
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" name={creating ? 'org-create' : 'org-edit'}>
        <Form.Item
          label="机构代码"
          name="code"
          extra={creating ? '用于系统内部识别，创建后不可修改。' : undefined}
          rules={[
            { required: true, whitespace: true, message: '请输入机构代码' },
            { pattern: /^[A-Za-z0-9_.-]{1,40}$/, message: '机构代码为 1–40 位字母、数字、下划线、点或连字符' },
          ]}
        >
          <Input disabled={!creating} autoComplete="off" />
        </Form.Item>
        <Form.Item label="机构名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入机构名称' }, { min: 2, max: 80, message: '机构名称为 2–80 个字符' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        {/* The top of the tree (the government itself) is created at installation; every new
            organization sits under an existing one, and the top keeps having no parent. */}
        {creating || organization.parentId !== null ? (
          <Form.Item label="上级机构" name="parentId" rules={[{ required: true, message: '请选择上级机构' }]}>
            <FormTreeSelect treeData={parentTree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" placeholder="选择上级机构" />
          </Form.Item>
        ) : null}
        <Form.Item label="机构类型" name="kind" rules={[{ required: true, message: '请选择机构类型' }]}>
          <FormSelect options={KIND_OPTIONS} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
