// 年报核查: upload published annual reports (several at once) or paste one, read them on the
// server, and see per report the tables with flagged cells and the findings; the batch summary
// downloads as CSV, XLSX or HTML. Nothing is stored, so every signed-in user may use it.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Select, Tabs, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { errorMessage } from '../api.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { checkBatch, downloadSummary, type CheckBatch, type SummaryFormat } from './reportcheck-client.ts';
import { ACCEPTED_EXTENSIONS, ACCEPTED_NAMES, MAX_FILES, refusalOf, type CheckResponse } from './reportcheck-view.ts';
import { ReportResult, SeverityTag } from './ReportResult.tsx';
import './reportcheck.css';

const EXPORTS: { format: SummaryFormat; label: string }[] = [
  { format: 'csv', label: '下载汇总 CSV' },
  { format: 'xlsx', label: '下载汇总 XLSX' },
  { format: 'html', label: '下载汇总 HTML' },
];

const LEVEL_OPTIONS = [
  { value: '', label: '按机关名称自动判断' },
  { value: 'government', label: '人民政府（3月31日前）' },
  { value: 'zone', label: '管委会：开发区、实验区、新区（3月31日前）' },
  { value: 'department', label: '政府部门（1月31日前）' },
  { value: 'township', label: '乡镇、街道（不核查期限）' },
];

/**
 * A list of file extensions (“.txt、.html、…”) has no line-break opportunity of its own: “、” may not be
 * followed by a break before “.”. On a phone such a line ran past the screen, or was cut inside a name
 * (“.w” / “ps”). A <wbr> after each “、” lets it wrap between names only; the text stays the same.
 */
function breakableList(text: string): ReactNode[] {
  return text.split('、').flatMap((part, i) => (i === 0 ? [part] : ['、', <wbr key={i} />, part]));
}

export function ReportCheckPage() {
  const [files, setFiles] = useState<(UploadFile & File)[]>([]);
  const [text, setText] = useState('');
  const [textName, setTextName] = useState('');
  const [level, setLevel] = useState('');
  const [refused, setRefused] = useState<string[]>([]);
  const [checking, setChecking] = useState(false);
  const [exporting, setExporting] = useState<SummaryFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ batch: CheckBatch; response: CheckResponse } | null>(null);

  const canCheck = files.length > 0 || text.trim() !== '';

  async function check() {
    const batch: CheckBatch = { files: [...files], text, textName, level };
    setChecking(true);
    setError(null);
    try {
      setResult({ batch, response: await checkBatch(batch) });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setChecking(false);
    }
  }

  async function exportSummary(format: SummaryFormat) {
    if (!result) return;
    setExporting(format);
    setError(null);
    try {
      await downloadSummary(result.batch, format);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(null);
    }
  }

  function clear() {
    setFiles([]);
    setText('');
    setTextName('');
    setRefused([]);
    setResult(null);
    setError(null);
  }

  const reports = result?.response.reports ?? [];
  return (
    <>
      <PageHeader title="年报核查" />
      <Typography.Paragraph>
        读取各机关已发布的政府信息公开工作年度报告，核对第三部分、第四部分表格的勾稽关系、格式和跨年度衔接。文件只在本次核查中读取，不保存。
      </Typography.Paragraph>

      <Card title="待核查的报告" size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" onFinish={() => void check()}>
          <Row gutter={24}>
            <Col xs={24} lg={12}>
              <Form.Item label="上传文件" required={false} tooltip={undefined} htmlFor="rc-upload">
                <Upload.Dragger
                  id="rc-upload"
                  multiple
                  accept={ACCEPTED_EXTENSIONS.join(',')}
                  fileList={files}
                  beforeUpload={(file, batch) => {
                    // Called once per file of a drop; decide for the whole drop at its first file.
                    if (file !== batch[0]) return false;
                    const notes: string[] = [];
                    const accepted = batch.filter((f) => {
                      const why = refusalOf(f);
                      if (why) notes.push(why);
                      return !why;
                    });
                    setFiles((prev) => {
                      const next = [...prev, ...(accepted as (UploadFile & File)[])];
                      if (next.length > MAX_FILES) notes.push(`一次最多核查 ${MAX_FILES} 个文件，多出的 ${next.length - MAX_FILES} 个未加入`);
                      return next.slice(0, MAX_FILES);
                    });
                    setRefused(notes);
                    return false; // keep the files here; they are sent when 开始核查 is pressed
                  }}
                  onRemove={(file) => setFiles((prev) => prev.filter((f) => f.uid !== file.uid))}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined aria-hidden />
                  </p>
                  <p className="ant-upload-text">点击选择或将文件拖到此处</p>
                  <p className="ant-upload-hint">可一次选择多个文件：{breakableList(ACCEPTED_NAMES)}（扫描件和图片经文字识别，较慢），每个不超过 10 MB，最多 {MAX_FILES} 个</p>
                </Upload.Dragger>
              </Form.Item>
              {refused.length ? (
                <Alert type="warning" showIcon message="以下文件未加入" description={breakableList(refused.join('；'))} style={{ marginBottom: 16 }} />
              ) : null}
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item label="或粘贴报告全文" htmlFor="rc-text">
                <Input.TextArea
                  id="rc-text"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  autoSize={{ minRows: 6, maxRows: 12 }}
                  placeholder="从网页或文档中复制整篇年度报告，粘贴到这里"
                />
              </Form.Item>
              <Form.Item label="粘贴文本的名称（选填）" htmlFor="rc-text-name">
                <Input id="rc-text-name" value={textName} onChange={(e) => setTextName(e.target.value)} placeholder="粘贴文本" maxLength={100} />
              </Form.Item>
              <Form.Item label="机关层级（决定公布期限）" htmlFor="rc-level" tooltip="人民政府和管委会应于次年3月31日前、政府部门应于1月31日前公布年度报告；不选则按机关名称判断">
                <Select id="rc-level" value={level} onChange={setLevel} options={LEVEL_OPTIONS} />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={checking} disabled={!canCheck}>
              开始核查
            </Button>
            <Button onClick={clear} disabled={checking}>
              清空
            </Button>
          </Flex>
        </Form>
      </Card>

      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} /> : null}

      {result ? (
        <Card
          size="small"
          className="rc-result"
          title={`核查结果：共 ${reports.length} 份报告，错误 ${result.response.errorCount} 项，警告 ${result.response.warningCount} 项`}
          extra={
            <Flex gap={8} wrap>
              {EXPORTS.map((e) => (
                <Button key={e.format} icon={<DownloadOutlined aria-hidden />} loading={exporting === e.format} disabled={exporting !== null} onClick={() => void exportSummary(e.format)}>
                  {e.label}
                </Button>
              ))}
            </Flex>
          }
        >
          <Tabs
            items={reports.map((r, i) => ({
              key: String(i),
              label: (
                <Flex gap={6} align="center">
                  <span>{`${r.body.name || r.source}${r.year ? ` ${r.year}` : ''}`}</span>
                  <SeverityTag severity="error" count={r.counts.error} />
                  <SeverityTag severity="warning" count={r.counts.warning} />
                </Flex>
              ),
              children: <ReportResult report={r} />,
            }))}
          />
        </Card>
      ) : null}
    </>
  );
}
