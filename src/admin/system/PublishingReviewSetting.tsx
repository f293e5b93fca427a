// 审批规则 · 主动公开: whether a reviewer must complete the 保密审查 (confidentiality.rules.ts) when
// approving an item of the body. The body's system administrator sets it (audited); the body's
// publishing staff and auditors see it read-only, with the checklist reviewers tick.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Radio, Space, Typography, message } from 'antd';
import { api, errorMessage } from '../api.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { beijingTime } from '../common/beijing-time.ts';
import { CONFIDENTIALITY_RULE_LABELS, type ConfidentialityRule } from '../../publishing/confidentiality.rules.ts';

interface SettingsView {
  organizationName: string;
  confidentialityReview: ConfidentialityRule;
  checklist: { key: string; label: string }[];
  updatedAt: string | null;
  updatedBy: string | null;
  canEdit: boolean;
}

export function PublishingReviewSetting({ bodyId }: { bodyId: number }) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [value, setValue] = useState<ConfidentialityRule>('required');
  const [error, setError] = useState<string | null>(null);
  const { saving, run } = useSubmit({ toast: true });
  const url = `/api/v1/organizations/${bodyId}/publishing-settings`;

  const load = useCallback(async () => {
    try {
      const v = await api.get<SettingsView>(url);
      setView(v);
      setValue(v.confidentialityReview);
      setError(null);
    } catch (e) {
      setView(null);
      setError(errorMessage(e));
    }
  }, [url]);
  useEffect(() => void load(), [load]);

  if (error) return <Alert type="error" showIcon role="alert" message={error} style={{ maxWidth: 820, marginTop: 16 }} />;
  if (!view) return null;
  return (
    <Card size="small" title="主动公开：发布前保密审查" style={{ maxWidth: 820, marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        《条例》第十七条：行政机关应当建立健全政府信息公开审查机制，依照保密法律法规对拟公开的政府信息进行审查。审核人审核通过时逐项确认以下清单、填写审查意见，审查人和日期记入版本历史。
      </Typography.Paragraph>
      <ol style={{ marginTop: 0 }}>{view.checklist.map((c) => <li key={c.key}>{c.label}</li>)}</ol>
      <Space direction="vertical">
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 4 }}>审核通过时的保密审查</legend>
          <Radio.Group value={value} disabled={!view.canEdit} onChange={(e) => setValue(e.target.value as ConfidentialityRule)}
            options={(['required', 'optional'] as const).map((v) => ({ value: v, label: CONFIDENTIALITY_RULE_LABELS[v] }))} />
        </fieldset>
        {view.canEdit ? (
          <Button type="primary" loading={saving} onClick={() => void run(async () => {
            setView(await api.put<SettingsView>(url, { confidentialityReview: value }));
            void message.success('发布设置已保存');
          })}>保存发布设置</Button>
        ) : <Alert type="info" showIcon message="只有本机关的系统管理员可以修改此设置。" />}
      </Space>
      <Descriptions size="small" column={1} style={{ marginTop: 16 }}>
        <Descriptions.Item label="最近修改">{view.updatedAt ? `${beijingTime(view.updatedAt, { seconds: false })} · ${view.updatedBy ?? ''}` : '未修改（默认：必须完成保密审查）'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
