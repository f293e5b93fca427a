import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../main.ts';
import { recordingIo } from '../test-io.ts';

const run = async (stdin: string, env: Record<string, string> = {}) => {
  const c = recordingIo(stdin, env);
  const code = await main(['deadline'], c.io);
  return { code, ...c };
};


describe('gongkai deadline', () => {
  it('prints the due dates and explanation of a timeline as JSON', async () => {
    // Hand-worked in deadline.rules.test.ts: received 09-27, consultation 09-30 → 10-10
    // pauses 10-08..10 → due 11-04; reply due 10-25; 补正 notice due 10-12.
    const r = await run('{"received":"2024-09-27","consultations":[{"sent":"2024-09-30","replied":"2024-10-10"}]}');
    assert.equal(r.code, 0);
    const out = r.json() as Record<string, unknown>;
    assert.deepEqual(Object.keys(out), ['dueDate', 'correctionNoticeDue', 'consultationReplyDue', 'warnings', 'explanation']);
    assert.equal(out.dueDate, '2024-11-04');
    assert.equal(out.correctionNoticeDue, '2024-10-12');
    assert.deepEqual(out.consultationReplyDue, ['2024-10-25']);
    assert.deepEqual(out.warnings, []);
    assert.ok((out.explanation as string[]).includes('国庆节 2024-10-01 至 2024-10-07 放假，不计'));
  });

  it('adds 20 extension days and reports a year without data', async () => {
    // Tue 2026-12-15 → 2027-01-12 (golden); +20 weekdays (2027 assumed Mon–Fri) → 2027-02-09.
    const r = await run('{"received":"2026-12-15","extensionDays":20}');
    assert.equal(r.code, 0);
    const out = r.json() as { dueDate: string; warnings: Array<{ code: string; year: number }> };
    assert.equal(out.dueDate, '2027-02-09');
    assert.deepEqual(out.warnings.map((w) => [w.code, w.year]), [['calendar.year_without_data', 2027]]);
  });

  it('honours FEE_WAIT_PAUSES_CLOCK=false', async () => {
    // Fee notice 11-11 paid 11-14: paused → 12-04, counted → 11-29 (deadline.rules.test.ts).
    const input = '{"received":"2024-11-01","feeNotice":{"received":"2024-11-11","paid":"2024-11-14"}}';
    assert.equal(((await run(input)).json() as { dueDate: string }).dueDate, '2024-12-04');
    const counted = await run(input, { FEE_WAIT_PAUSES_CLOCK: 'false' });
    assert.equal((counted.json() as { dueDate: string; feePaymentDue: string }).dueDate, '2024-11-29');
  });

  it('answers bad JSON, an empty input and unknown fields with exit 2 in Chinese', async () => {
    const bad = await run('{"received": 2024-09-27}');
    assert.equal(bad.code, 2);
    assert.match(bad.err.join('\n'), /标准输入不是有效的 JSON/);
    assert.equal((await run('')).code, 2);
    const typo = await run('{"recieved":"2024-09-27"}');
    assert.equal(typo.code, 2);
    assert.match(typo.err.join('\n'), /无法识别的字段：recieved/);
  });

  it('answers an impossible timeline with exit 1 and the stable code', async () => {
    const r = await run('{"received":"2024-09-27","correctionRequested":"2024-10-09","correctionReceived":"2024-10-08"}');
    assert.equal(r.code, 1);
    assert.match(r.err.join('\n'), /applications\.invalid_timeline.*收到补正日期不能早于补正告知日期/);
  });
});
