// What awaits an approver on a case (separation of duties, approval.rules.ts): what was asked, by
// whom and when, and who may approve it. The buttons below it are the server's: an approver other
// than the requester sees 批准/退回; the requester sees only that it waits.
import { Alert } from 'antd';
import { roleLabel } from '../../auth/roles.ts';
import { APPROVAL_ACTIONS } from '../../applications/approval.rules.ts';
import { beijingTime } from '../common/beijing-time.ts';
import type { CaseDetail } from './applications-api.ts';

export function PendingApprovalNotice({ c }: { c: CaseDetail }) {
  const { pending, rules, approverRoles } = c.approval;
  const approvers = approverRoles.map(roleLabel).join('或');
  if (!pending) {
    if (rules.decision !== 'other_person' || c.state.decision || !c.allowedActions.includes('decision_requested')) return null;
    return <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`本机关规定答复须经审批：承办人“提请审批答复”后，由承办人以外的${approvers}批准。`} />;
  }
  const what = pending.kind === 'extension' ? '延期申请待审批' : '答复待审批';
  const mayAct = c.allowedActions.some((a) => APPROVAL_ACTIONS.has(a) || (a === 'decided' && pending.kind === 'decision'));
  const who = pending.otherPersonRequired ? `须由提请人以外的${approvers}批准或退回` : `由${approvers}批准或退回`;
  return (
    <Alert
      id="pending-approval"
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={`${what}：${pending.summary}`}
      description={
        <>
          <div>提请人：{pending.requestedBy ?? '—'}{pending.requestedAt ? `（${beijingTime(pending.requestedAt)}）` : ''}</div>
          <div>{who}。{mayAct ? '' : '您不能审批本事项，请等待审批人办理。'}</div>
        </>
      }
    />
  );
}
