// One checked report: what was read (body, year, format), the section 三 and 四 tables with the
// flagged cells, and every finding, errors first.
import { useMemo } from 'react';
import { Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReportFinding } from '../../report/report.validate.ts';
import { ApplicationsFigures, ReviewLitigationFigures } from './FigureTables.tsx';
import { cellFlags, INPUT_KIND_LABEL, levelText, locationText, SEVERITY_LABEL, SEVERITY_ORDER, type CheckedReportView } from './reportcheck-view.ts';

/** Tag colours with AA contrast (antd's warning preset text is too light on its tint). */
const SEVERITY_STYLE = {
  error: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  warning: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
} as const;

export function SeverityTag({ severity, count }: { severity: ReportFinding['severity']; count?: number }) {
  return (
    <Tag style={{ ...SEVERITY_STYLE[severity], marginInlineEnd: 0 }}>
      {SEVERITY_LABEL[severity]}
      {count === undefined ? '' : ` ${count}`}
    </Tag>
  );
}

interface FindingRow extends ReportFinding {
  key: number;
}

function findingColumns(sourceLines: Record<string, string>): TableColumnsType<FindingRow> {
  return [
    { title: '级别', key: 'severity', width: 72, render: (_, f) => <SeverityTag severity={f.severity} /> },
    { title: '说明', dataIndex: 'message', key: 'message' },
    { title: '位置', key: 'location', width: 260, render: (_, f) => locationText(f) || '—' },
    {
      title: '原文',
      key: 'source',
      width: 300,
      render: (_, f) => {
        const printed = f.location?.line ? sourceLines[String(f.location.line)] : undefined;
        // Runs of spaces from PDF conversion collapse here; the cell tooltips keep the layout.
        return printed ? <span className="rc-quote">{printed}</span> : '—';
      },
    },
  ];
}

function SectionTitle({ children }: { children: string }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16, margin: '24px 0 12px' }}>
      {children}
    </Typography.Title>
  );
}

export function ReportResult({ report }: { report: CheckedReportView }) {
  const flags = useMemo(() => cellFlags(report.findings), [report.findings]);
  const findings = useMemo(
    () => report.findings.map((f, key) => ({ ...f, key })).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.key - b.key),
    [report.findings],
  );
  return (
    <div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'body', label: '发布机关', children: report.body.name || '未识别' },
          { key: 'year', label: '报告年度', children: report.year ? `${report.year} 年` : '未识别' },
          { key: 'level', label: '机关层级', children: report.body.name || !report.level.inferred ? levelText(report.level) : '未识别' },
          { key: 'source', label: '文件', children: report.source },
          { key: 'kind', label: '读取方式', children: INPUT_KIND_LABEL[report.inputKind] },
          { key: 'format', label: '表格格式', children: report.format === '2019' ? '2019 年试行格式' : '2021 年格式' },
          { key: 'published', label: '发布日期', children: report.publishedOn ?? '未读出' },
        ]}
      />
      <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
        <SeverityTag severity="error" count={report.counts.error} />
        <SeverityTag severity="warning" count={report.counts.warning} />
        <SeverityTag severity="info" count={report.counts.info} />
        <Typography.Text style={{ marginInlineStart: 16 }}>
          <span className="rc-legend-swatch rc-cell-error" aria-hidden />
          红色：有错误的格
        </Typography.Text>
        <Typography.Text>
          <span className="rc-legend-swatch rc-cell-warning" aria-hidden />
          琥珀色：有警告的格
        </Typography.Text>
        <Typography.Text>（将鼠标移到或用 Tab 键聚焦到标色的数字上，可查看说明和原文行）</Typography.Text>
      </Flex>

      <SectionTitle>三、收到和处理政府信息公开申请情况</SectionTitle>
      <ApplicationsFigures report={report} flags={flags} />

      <SectionTitle>四、政府信息公开行政复议、行政诉讼情况</SectionTitle>
      <ReviewLitigationFigures report={report} flags={flags} />

      <SectionTitle>{`核查发现（${findings.length} 项）`}</SectionTitle>
      <Table<FindingRow>
        className="rc-findings"
        rowKey="key"
        size="small"
        pagination={false}
        columns={findingColumns(report.sourceLines)}
        dataSource={findings}
        locale={{ emptyText: '未发现问题' }}
      />
    </div>
  );
}
