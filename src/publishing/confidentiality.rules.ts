/**
 * 保密审查 before publication (pure; the admin app imports it). 《条例》第十七条: a body
 * "应当建立健全政府信息公开审查机制……依照《中华人民共和国保守国家秘密法》以及其他法律、法规和
 * 国家有关规定对拟公开的政府信息进行审查". The checklist follows the usual 政府信息公开保密审查单:
 * the exemptions of Art. 14–16 (国家秘密; 危及"三安全一稳定"; 商业秘密、个人隐私; 内部事务、过程性
 * 信息) and 工作秘密, plus the statement that attachments and images were read too.
 *
 * A body either requires the review at every approval (the default) or lets reviewers approve
 * without one. A required review is complete when every item is ticked and an opinion written: a
 * reviewer who cannot tick one returns the draft instead of approving it.
 */
import { AppError } from '../shared/app-error.ts';

export const CONFIDENTIALITY_CHECKS = {
  state_secret: '不涉及国家秘密',
  work_secret: '不涉及工作秘密和内部敏感信息',
  commercial_secret: '不涉及商业秘密',
  privacy: '不涉及个人隐私，个人信息已按规定处理',
  security: '公开后不危及国家安全、公共安全、经济安全和社会稳定（《条例》第十四条）',
  internal: '不属于内部事务信息或过程性信息（《条例》第十六条），或虽属之但依法应当公开',
  attachments: '正文、附件和图片已一并审查',
} as const;
export type ConfidentialityCheck = keyof typeof CONFIDENTIALITY_CHECKS;
export const CONFIDENTIALITY_CHECK_KEYS = Object.keys(CONFIDENTIALITY_CHECKS) as ConfidentialityCheck[];

export type ConfidentialityRule = 'required' | 'optional';
export const DEFAULT_CONFIDENTIALITY_RULE: ConfidentialityRule = 'required';
export const CONFIDENTIALITY_RULE_LABELS: Record<ConfidentialityRule, string> = {
  required: '审核通过时必须完成保密审查（默认）',
  optional: '保密审查可选（审核人可不填写）',
};
export const isConfidentialityRule = (v: unknown): v is ConfidentialityRule => v === 'required' || v === 'optional';

/** The review a reviewer sends with an approval. */
export interface ConfidentialityReviewInput {
  checks: string[];
  opinion: string;
}

export const DEFAULT_OPINION = '经审查，不涉及国家秘密和其他不宜公开的内容，同意公开。';

/**
 * The review to record with an approval, checked against the body's rule, or null when none is
 * given and none is required. Unknown items or an empty opinion are refused (400); under
 * `required` a missing or partial checklist is refused too, naming what is missing.
 */
export function checkConfidentialityReview(input: ConfidentialityReviewInput | undefined | null, rule: ConfidentialityRule): { checks: ConfidentialityCheck[]; opinion: string } | null {
  if (!input) {
    if (rule === 'required') throw new AppError('publishing.confidentiality_review_required', '本机关规定审核通过前必须完成保密审查（《条例》第十七条）：请逐项确认保密审查清单并填写审查意见', 400);
    return null;
  }
  const unknown = input.checks.filter((c) => !(c in CONFIDENTIALITY_CHECKS));
  if (unknown.length) throw new AppError('publishing.confidentiality_check_unknown', '保密审查清单中有未知的审查项', 400);
  const opinion = input.opinion.trim();
  if (!opinion) throw new AppError('publishing.confidentiality_opinion_required', '请填写保密审查意见', 400);
  const checks = CONFIDENTIALITY_CHECK_KEYS.filter((k) => input.checks.includes(k));
  const missing = CONFIDENTIALITY_CHECK_KEYS.filter((k) => !checks.includes(k));
  if (rule === 'required' && missing.length) {
    throw new AppError(
      'publishing.confidentiality_review_incomplete',
      `保密审查未完成，尚未确认：${missing.map((k) => CONFIDENTIALITY_CHECKS[k]).join('；')}。不能确认的，请退回修改而不是审核通过`,
      400,
    );
  }
  return { checks, opinion };
}
