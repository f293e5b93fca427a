// The validation findings of a report: errors block submission and approval, warnings are shown.
// Each names its place: section, row or paragraph, column.
import { Alert, List, Tag, Typography } from 'antd';
import type { Finding, NarrativePart } from './report-api.ts';
import { columnLabel, rowLabel } from '../../report/report.model.ts';

export function locationText(f: Finding, parts: NarrativePart[]): string {
  const l = f.location ?? {};
  const bits: string[] = [];
  if (l.section) bits.push(`第${l.section}部分`);
  if (l.row?.startsWith('narrative.')) {
    const part = parts.find((p) => `narrative.${p.key}` === l.row);
    if (part) bits.push(part.label);
    if (l.line) bits.push(`第${l.line}段`);
  } else {
    if (l.row) bits.push(rowLabel(l.row));
    if (l.column) bits.push(columnLabel(l.section, l.column));
  }
  return bits.join(' · ');
}

export function FindingsList({ findings, parts }: { findings: Finding[]; parts: NarrativePart[] }) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return (
    <>
      {errors ? (
        <Alert type="error" showIcon message={`${errors} 个错误须改正后才能提交或审批`} style={{ marginBottom: 8 }} />
      ) : (
        <Alert type="success" showIcon message="没有错误" style={{ marginBottom: 8 }} />
      )}
      {warnings ? <Typography.Paragraph type="secondary">{warnings} 个警告（不阻止提交，请核实）</Typography.Paragraph> : null}
      <section aria-label="校验发现">
        <List
          size="small"
          dataSource={findings.filter((f) => f.severity !== 'info')}
          renderItem={(f) => (
            <List.Item>
              <Tag color={f.severity === 'error' ? 'error' : 'warning'}>{f.severity === 'error' ? '错误' : '警告'}</Tag>
              <span>{f.message}</span>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {locationText(f, parts)}
              </Typography.Text>
            </List.Item>
          )}
        />
      </section>
    </>
  );
}
