// 审批规则: per body, whether an extension (延期) and a decision (答复) must be approved by a person
// other than the one who asks (approval.rules.ts). The body's system administrator sets it; case
// handlers, approvers and auditors see it read-only.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Radio, Select, Space, Typography, message } from 'antd';
import { api, errorMessage } from '../api.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { useSubmit } from '../common/useSubmit.ts';
import { beijingTime } from '../common/beijing-time.ts';
import { roleLabel } from '../../auth/roles.ts';
import { APPROVAL_RULE_LABELS, type ApprovalRules } from '../../applications/approval.rules.ts';
import { useOrganizations } from './useOrganizations.ts';
import { PublishingReviewSetting } from './PublishingReviewSetting.tsx';
import { useCurrentUser } from '../session.tsx';
import { isRole } from '../../auth/roles.ts';
import { ROUTE_ACCESS, mayCall } from '../../auth/route-access.ts';

interface RulesView extends ApprovalRules {
  organizationId: number;
  organizationName: string;
  approverRoles: string[];
  updatedAt: string | null;
  updatedBy: string | null;
  canEdit: boolean;
}

const options = (kind: keyof ApprovalRules) =>
  (['other_person', 'none'] as const).map((v) => ({ value: v, label: APPROVAL_RULE_LABELS[kind][v] }));

export function ApprovalRulesPage() {
  const orgs = useOrganizations();
  const bodies = orgs.items.filter((o) => o.isBody && o.kind !== 'office' && !o.disabled);
  const [bodyId, setBodyId] = useState<number | null>(null);
  const [view, setView] = useState<RulesView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { saving, run } = useSubmit({ toast: true });
  const [form] = Form.useForm<ApprovalRules>();
  const roles = useCurrentUser().roles.filter(isRole);
  const seesPublishing = mayCall(ROUTE_ACCESS['GET /api/v1/organizations/:id/publishing-settings']!, roles);

  useEffect(() => {
    if (bodyId === null && bodies.length) setBodyId(Number(bodies[0]!.id));
  }, [bodies, bodyId]);

  const load = useCallback(async () => {
    if (bodyId === null) return;
    try {
      const v = await api.get<RulesView>(`/api/v1/organizations/${bodyId}/approval-settings`);
      setView(v);
      form.setFieldsValue({ extension: v.extension, decision: v.decision });
      setError(null);
    } catch (e) {
      setView(null);
      setError(errorMessage(e));
    }
  }, [bodyId, form]);
  useEffect(() => {
    void load();
  }, [load]);

  async function save(values: ApprovalRules) {
    await run(async () => {
      setView(await api.put<RulesView>(`/api/v1/organizations/${bodyId}/approval-settings`, values));
      void message.success('审批规则已保存');
    });
  }

  return (
    <>
      <PageHeader title="审批规则" />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
        《条例》第三十三条第二款：延长答复期限须经政府信息公开工作机构负责人同意。这里规定本机关的延期和答复是否须由提请人以外的人审批；审批人为本机关或承办单位的
        {(view?.approverRoles ?? ['reviewer', 'leader']).map(roleLabel).join('、')}，审批人姓名和日期记入办理过程，并写入延期答复告知书、答复书。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <label htmlFor="approval-body">机关</label>
        <Select id="approval-body" style={{ minWidth: 260 }} value={bodyId ?? undefined} onChange={setBodyId} options={bodies.map((b) => ({ value: Number(b.id), label: b.name }))} loading={orgs.loading} />
      </Space>
      {error || orgs.error ? <Alert type="error" showIcon role="alert" message={error ?? orgs.error} style={{ marginBottom: 16 }} /> : null}
      {view ? (
        <Card size="small" title={view.organizationName} style={{ maxWidth: 820 }}>
          <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={!view.canEdit}>
            <Form.Item name="extension" label="延期答复（延长答复期限）">
              <Radio.Group options={options('extension')} />
            </Form.Item>
            <Form.Item name="decision" label="作出答复">
              <Radio.Group options={options('decision')} />
            </Form.Item>
            {view.canEdit ? (
              <Button type="primary" htmlType="submit" loading={saving}>保存</Button>
            ) : (
              <Alert type="info" showIcon message="只有本机关的系统管理员可以修改审批规则。" />
            )}
          </Form>
          <Descriptions size="small" column={1} style={{ marginTop: 16 }}>
            <Descriptions.Item label="最近修改">{view.updatedAt ? `${beijingTime(view.updatedAt, { seconds: false })} · ${view.updatedBy ?? ''}` : '未修改（使用默认规则）'}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      {bodyId !== null && seesPublishing ? <PublishingReviewSetting key={bodyId} bodyId={bodyId} /> : null}
    </>
  );
}
