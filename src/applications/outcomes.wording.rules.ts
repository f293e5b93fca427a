/**
 * What a reply letter (and the applicant's status page) says for each of the 21 outcomes: plain
 * decision wording and the articles of 《中华人民共和国政府信息公开条例》 it rests on — never the
 * annual report's row labels or their footnotes. For 部分公开 and the 不予公开 rows the clerk picks
 * the withholding ground (Art. 14 / 15 / 16) and describes the part withheld; the letter quotes
 * the article's words. Every outcome other than full disclosure is adverse and must state the
 * remedies (行政复议 within 60 days, 《行政复议法》第二十条; 行政诉讼 within 6 months,
 * 《行政诉讼法》第四十六条).
 */
import type { OutcomeKey } from '../report/report.model.ts';

const REG = '《中华人民共和国政府信息公开条例》';

export interface WithholdingGround {
  key: string;
  /** The article (and its clause) as cited. */
  article: string;
  label: string;
  /** The article's own words for this ground, quoted in the letter. */
  text: string;
}

export const WITHHOLDING_GROUNDS: WithholdingGround[] = [
  { key: 'art14-secret', article: '第十四条', label: '依法确定为国家秘密', text: '依法确定为国家秘密的政府信息，不予公开' },
  { key: 'art14-prohibited', article: '第十四条', label: '法律、行政法规禁止公开', text: '法律、行政法规禁止公开的政府信息，不予公开' },
  { key: 'art14-security', article: '第十四条', label: '公开后可能危及国家安全、公共安全、经济安全、社会稳定', text: '公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开' },
  { key: 'art15-commercial', article: '第十五条', label: '涉及商业秘密', text: '涉及商业秘密等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开' },
  { key: 'art15-privacy', article: '第十五条', label: '涉及个人隐私', text: '涉及个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开' },
  { key: 'art16-internal', article: '第十六条第一款', label: '内部事务信息（人事管理、后勤管理、内部工作流程）', text: '行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开' },
  { key: 'art16-process', article: '第十六条第二款', label: '过程性信息（讨论记录、过程稿、磋商信函、请示报告）', text: '行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，可以不予公开' },
  { key: 'art16-enforcement', article: '第十六条第二款', label: '行政执法案卷信息', text: '行政执法案卷信息，可以不予公开' },
];

export function groundOf(key: string | null | undefined): WithholdingGround | undefined {
  return WITHHOLDING_GROUNDS.find((g) => g.key === key);
}

/** The grounds a 不予公开 row allows (its report row fixes the article); 部分公开 allows them all. */
export const GROUNDS_FOR: Partial<Record<OutcomeKey, string[]>> = {
  partiallyDisclosed: WITHHOLDING_GROUNDS.map((g) => g.key),
  withheld1: ['art14-secret'],
  withheld2: ['art14-prohibited'],
  withheld3: ['art14-security'],
  withheld4: ['art15-commercial', 'art15-privacy'],
  withheld5: ['art16-internal'],
  withheld6: ['art16-process'],
  withheld7: ['art16-enforcement'],
};

export interface OutcomeWording {
  /** The decision in plain words, as the letter's 答复结果 and the status page say it. */
  decision: string;
  /** Articles the reply rests on (the ground's article is added for 部分公开). */
  articles: string;
  adverse: boolean;
}

export const OUTCOME_WORDING: Record<OutcomeKey, OutcomeWording> = {
  disclosed: { decision: '您申请的政府信息予以公开', articles: `${REG}第三十六条第（一）项、第（二）项`, adverse: false },
  partiallyDisclosed: { decision: '您申请的政府信息部分公开：可以公开的部分予以提供，其余部分不予公开', articles: `${REG}第三十七条`, adverse: true },
  withheld1: { decision: '您申请的政府信息属于依法确定的国家秘密，不予公开', articles: `${REG}第十四条、第三十六条第（三）项`, adverse: true },
  withheld2: { decision: '您申请的政府信息属于法律、行政法规禁止公开的信息，不予公开', articles: `${REG}第十四条、第三十六条第（三）项`, adverse: true },
  withheld3: { decision: '您申请的政府信息公开后可能危及国家安全、公共安全、经济安全或者社会稳定，不予公开', articles: `${REG}第十四条、第三十六条第（三）项`, adverse: true },
  withheld4: { decision: '您申请的政府信息公开会对第三方合法权益造成损害，不予公开', articles: `${REG}第十五条、第三十二条、第三十六条第（三）项`, adverse: true },
  withheld5: { decision: '您申请的政府信息属于本机关的内部事务信息，不予公开', articles: `${REG}第十六条第一款、第三十六条第（三）项`, adverse: true },
  withheld6: { decision: '您申请的政府信息属于过程性信息，不予公开', articles: `${REG}第十六条第二款、第三十六条第（三）项`, adverse: true },
  withheld7: { decision: '您申请的政府信息属于行政执法案卷信息，不予公开', articles: `${REG}第十六条第二款、第三十六条第（三）项`, adverse: true },
  withheld8: { decision: '您申请的信息属于有关法律、行政法规对获取有特别规定的查询事项，请依照相关规定办理', articles: `${REG}第三十六条第（七）项`, adverse: true },
  unable1: { decision: '经检索，本机关没有您申请公开的政府信息，或者该信息不属于本机关负责公开', articles: `${REG}第三十六条第（四）项、第（五）项`, adverse: true },
  unable2: { decision: '您申请的信息需要本机关对现有政府信息进行加工、分析方能形成，本机关不予提供', articles: `${REG}第三十八条`, adverse: true },
  unable3: { decision: '您补正后的申请内容仍不明确，本机关无法提供', articles: `${REG}第三十条`, adverse: true },
  notProcessed1: { decision: '您的申请属于以政府信息公开申请的形式进行信访、投诉、举报，不作为政府信息公开申请处理，您可以通过相应渠道提出', articles: `${REG}第三十九条第一款`, adverse: true },
  notProcessed2: { decision: '本机关已就您申请公开的相同政府信息作出过答复，对本次重复申请不予重复处理', articles: `${REG}第三十六条第（六）项`, adverse: true },
  notProcessed3: { decision: '您申请获取的是公开出版物，不作为政府信息公开申请处理，您可以通过公开出版渠道获取', articles: `${REG}第三十九条第二款`, adverse: true },
  notProcessed4: { decision: '您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理，本机关不予处理', articles: `${REG}第三十五条`, adverse: true },
  notProcessed5: { decision: '您的申请是要求本机关确认或者重新出具您已获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理', articles: `${REG}第三十六条`, adverse: true },
  otherHandling1: { decision: '您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请', articles: `${REG}第三十条`, adverse: true },
  otherHandling2: { decision: '您逾期未按收费通知要求缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请', articles: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）', adverse: true },
  otherHandling3: { decision: '您已撤回政府信息公开申请，本机关终止处理', articles: `${REG}第三十六条`, adverse: false },
};

/** Why a decision's ground or withheld part is missing or wrong, or null. */
export function groundProblem(outcome: OutcomeKey, ground: string | null | undefined, withheldPart: string | null | undefined): string | null {
  const allowed = GROUNDS_FOR[outcome];
  if (!allowed) return null;
  if (!ground) return '部分公开、不予公开必须选择不予公开的理由（《条例》第十四条、第十五条或第十六条）';
  if (!allowed.includes(ground)) return '所选不予公开理由与答复结果不一致';
  if (outcome === 'partiallyDisclosed' && !withheldPart?.trim()) return '部分公开必须写明不予公开的部分';
  return null;
}

/** The reply's paragraph on what is withheld and why: the part, the ground, the article's words. */
export function groundParagraph(outcome: OutcomeKey, ground?: string | null, withheldPart?: string | null): string | null {
  const g = groundOf(ground);
  if (!g || !GROUNDS_FOR[outcome]) return null;
  const part = withheldPart?.trim();
  const what = part ? `${outcome === 'partiallyDisclosed' ? '其中不予公开的部分为：' : '不予公开的信息为：'}${part.replace(/[。；;.]+$/, '')}。该信息` : '所申请信息';
  return `${what}属于${g.label}的情形。根据${REG}${g.article}关于“${g.text}”的规定，${outcome === 'partiallyDisclosed' ? '该部分' : ''}不予公开。`;
}

/** The articles a reply cites: the outcome's, plus the chosen ground's for 部分公开. */
export function replyArticles(outcome: OutcomeKey, ground?: string | null): string {
  const g = groundOf(ground);
  const base = OUTCOME_WORDING[outcome].articles;
  return g && outcome === 'partiallyDisclosed' ? `${base}、${REG}${g.article}` : base;
}
