// 新建用户 / 编辑用户. Creating asks for an initial password (checked against the password policy
// before sending); editing changes name, organization and roles. Server errors appear in the modal.
import { useEffect, useMemo } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { FormSelect, FormTreeSelect } from '../applications/FormSelect.tsx';
import { api } from '../api.ts';
import { useSubmit } from '../common/useSubmit.ts';
import type { Organization, UserCreateInput, UserPatchInput, UserRow } from '../api.types.ts';
import { confirmPasswordRules, newPasswordRules, PASSWORD_POLICY_HINT } from '../auth/password-field-rules.ts';
import { orgTreeSelectData } from './org-tree.ts';
import { ROLE_OPTIONS } from './roleOptions.ts';

interface UserForm {
  username: string;
  displayName: string;
  organizationId: string;
  roles: string[];
  password: string;
  confirmPassword: string;
}

export function UserFormModal({ open, user, organizations, onSaved, onCancel }: {
  open: boolean;
  /** The user to edit; undefined to create one. */
  user?: UserRow;
  organizations: Organization[];
  onSaved(): void;
  onCancel(): void;
}) {
  const [form] = Form.useForm<UserForm>();
  const { saving, error, setError, run } = useSubmit();
  const creating = !user;
  const treeData = useMemo(() => orgTreeSelectData(organizations), [organizations]);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        displayName: user.displayName,
        organizationId: String(user.organizationId),
        roles: user.roles,
      });
    }
  }, [open, user, form]);

  async function submit() {
    const v = await form.validateFields();
    await run(async () => {
      const organizationId = Number(toIdLike(v.organizationId, organizations));
      if (creating) {
        await api.post('/api/v1/users', {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          organizationId,
          roles: v.roles,
          password: v.password,
        } satisfies UserCreateInput);
      } else {
        await api.patch(`/api/v1/users/${encodeURIComponent(String(user.id))}`, {
          displayName: v.displayName.trim(),
          organizationId,
          roles: v.roles,
          version: user.version,
        } satisfies UserPatchInput);
      }
      onSaved();
    });
  }

  return (
    <Modal
      title={creating ? '新建用户' : `编辑用户：${user.username}`}
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      okText={creating ? '创建' : '保存'}
      confirmLoading={saving}
      maskClosable={false}
      forceRender
    >
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" name={creating ? 'user-create' : 'user-edit'}>
        {creating ? (
          <Form.Item
            label="用户名"
            name="username"
            extra="用于登录，创建后不可修改。"
            rules={[
              { required: true, whitespace: true, message: '请输入用户名' },
              { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '用户名为 3–32 位字母、数字、下划线、点或连字符' },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        ) : null}
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 64, message: '姓名不超过 64 个字符' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="所属单位" name="organizationId" rules={[{ required: true, message: '请选择所属单位' }]}>
          <FormTreeSelect treeData={treeData} treeDefaultExpandAll showSearch treeNodeFilterProp="title" placeholder="选择单位" />
        </Form.Item>
        <Form.Item label="角色" name="roles" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}>
          <FormSelect mode="multiple" options={ROLE_OPTIONS} placeholder="选择角色" optionFilterProp="label" />
        </Form.Item>
        {creating ? (
          <>
            <Form.Item label="初始密码" name="password" rules={newPasswordRules} extra={`${PASSWORD_POLICY_HINT}用户首次登录后须修改。`}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item label="确认初始密码" name="confirmPassword" dependencies={['password']} rules={confirmPasswordRules('password')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/** The API's ids may be numbers or text; send the organization id in the type the list used. */
export function toIdLike(value: string, organizations: Organization[]): string | number {
  const org = organizations.find((o) => String(o.id) === value);
  return org ? org.id : value;
}
