// The section 三 and section 四 tables of one checked report, as printed in the statutory layout,
// with the cells that findings name tinted (red: error, amber: warning) and explained in a
// tooltip that quotes the source line. A figure that could not be read shows "未读出", never 0.
import { Table, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, type Cell } from '../../report/report.model.ts';
import { cellKey, REVIEW_GROUPS, SEVERITY_LABEL, type CellFlag, type CheckedReportView, type TableSection } from './reportcheck-view.ts';

interface FigureRow {
  key: string;
  label: string;
  group?: string;
  cells: Cell[];
  /** Source line of each cell (null: not read). */
  lines: (number | null)[];
}

interface CellProps {
  value: Cell;
  flag: CellFlag | undefined;
  line: number | null;
  sourceLines: Record<string, string>;
}

function FlaggedCell({ value, flag, line, sourceLines }: CellProps) {
  const shown = value === null ? <span className="rc-unread">未读出</span> : <span className="rc-num">{value}</span>;
  if (!flag) return shown;
  const lineNo = line ?? flag.findings.find((f) => f.location?.line)?.location?.line ?? null;
  const printed = lineNo !== null ? sourceLines[String(lineNo)] : undefined;
  const tip = (
    <div>
      {flag.findings.map((f, i) => (
        <p key={i} style={{ margin: '0 0 6px' }}>
          【{SEVERITY_LABEL[f.severity]}】{f.message}
        </p>
      ))}
      {lineNo !== null ? (
        <p style={{ margin: 0 }}>
          原文第 {lineNo} 行{printed ? '：' : ''}
          {printed ? <span className="rc-source-line">{printed}</span> : null}
        </p>
      ) : null}
    </div>
  );
  return (
    <Tooltip title={tip} trigger={['hover', 'focus']} overlayStyle={{ maxWidth: 520 }}>
      <span className="rc-flag" tabIndex={0} data-severity={flag.severity}>
        {shown}
        <span className="rc-sr-only">（{SEVERITY_LABEL[flag.severity]}：{flag.findings.map((f) => f.message).join('；')}）</span>
      </span>
    </Tooltip>
  );
}

function figureColumn(
  section: TableSection,
  name: string,
  index: number,
  flags: Map<string, CellFlag>,
  sourceLines: Record<string, string>,
) {
  return {
    title: name,
    key: name,
    align: 'right' as const,
    width: 80,
    onCell: (row: FigureRow) => {
      const flag = flags.get(cellKey(section, row.key, name));
      return flag ? { className: `rc-cell-${flag.severity}` } : {};
    },
    render: (_: unknown, row: FigureRow) => (
      <FlaggedCell value={row.cells[index]} flag={flags.get(cellKey(section, row.key, name))} line={row.lines[index] ?? null} sourceLines={sourceLines} />
    ),
  };
}

function labelColumn(title: string, width: number) {
  return {
    title,
    key: 'label',
    width,
    render: (_: unknown, row: FigureRow) => (
      <div className="rc-row-label">
        {row.group ? <div className="rc-row-group">{row.group}</div> : null}
        {row.label}
      </div>
    ),
  };
}

interface TableProps {
  report: CheckedReportView;
  flags: Map<string, CellFlag>;
}

/** Section 三: 25 rows × 7 applicant columns (plus the single （六） row of a 2019-format report). */
export function ApplicationsFigures({ report, flags }: TableProps) {
  const { rows } = report.applications;
  const sources = report.sources.applications;
  const data: FigureRow[] = [];
  let lastGroup: string | undefined;
  for (const r of APPLICATION_ROWS) {
    // The group label (（三）不予公开 …) heads its first item only, as in the printed table.
    const group = 'group' in r && r.group !== lastGroup ? r.group : undefined;
    lastGroup = 'group' in r ? r.group : undefined;
    data.push({ key: r.key, label: r.label, group, cells: rows[r.key], lines: sources[r.key] ?? [] });
    if (r.key === 'notProcessed5' && rows.otherHandling) {
      data.push({ key: 'otherHandling', label: '（六）其他处理（只印一行，2019年试行格式）', cells: rows.otherHandling, lines: sources.otherHandling ?? [] });
    }
  }
  const applicant = (i: number) => figureColumn('三', APPLICANT_COLUMNS[i], i, flags, report.sourceLines);
  const columns: TableColumnsType<FigureRow> = [
    labelColumn('项目', 280),
    {
      title: '申请人情况',
      key: 'applicants',
      children: [
        applicant(0),
        { title: '法人或其他组织', key: 'organisations', children: [1, 2, 3, 4, 5].map(applicant) },
        applicant(6),
      ],
    },
  ];
  return (
    <Table<FigureRow>
      className="rc-table"
      rowKey="key"
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={data}
      scroll={{ x: 'max-content' }}
    />
  );
}

/** Section 四: 行政复议 and the two kinds of 行政诉讼, five columns each. */
export function ReviewLitigationFigures({ report, flags }: TableProps) {
  const data: FigureRow[] = REVIEW_GROUPS.map((g) => ({
    key: g.key,
    label: g.label,
    cells: report.reviewLitigation[g.key],
    lines: report.sources.reviewLitigation[g.key] ?? [],
  }));
  const columns: TableColumnsType<FigureRow> = [
    labelColumn('类别', 240),
    ...REVIEW_COLUMNS.map((name, i) => figureColumn('四', name, i, flags, report.sourceLines)),
  ];
  return <Table<FigureRow> className="rc-table" rowKey="key" size="small" bordered pagination={false} columns={columns} dataSource={data} scroll={{ x: 'max-content' }} />;
}
