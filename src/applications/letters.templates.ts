/**
 * Default texts of the notices and letters, shipped in code (the platform default); a body's
 * administrator may save the body's own versions (`letter_template_versions`). Placeholders in {{…}} are filled from the case. The reply
 * letter's legal basis and the remedies paragraph are appended by letters.rules.ts, not by the
 * template, so no edited template can drop them.
 */
export interface LetterTemplate {
  key: string;
  title: string;
  body: string;
}

export const DEFAULT_TEMPLATES: LetterTemplate[] = [
  {
    key: 'receipt',
    title: '政府信息公开申请受理回执',
    body: '{{申请人}}：\n本机关于{{收到日期}}收到您提交的政府信息公开申请（受理编号：{{受理编号}}），申请内容为：{{申请内容}}。\n本机关将依照《中华人民共和国政府信息公开条例》的规定，于{{答复期限}}前予以答复。您可以凭受理编号和查询码在本机关门户网站查询办理进度。',
  },
  {
    key: 'correction',
    title: '政府信息公开申请补正告知书',
    body: '{{申请人}}：\n本机关于{{收到日期}}收到您提交的政府信息公开申请（受理编号：{{受理编号}}）。经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项作出补正：\n{{补正事项}}\n请于{{补正期限}}前补正。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
  },
  {
    key: 'extension',
    title: '延期答复告知书',
    body: '{{申请人}}：\n本机关于{{收到日期}}收到您提交的政府信息公开申请（受理编号：{{受理编号}}）。因{{延期理由}}，本机关不能在法定期限内答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经{{批准人}}同意，答复期限延长{{延长天数}}个工作日，本机关将于{{答复期限}}前予以答复。',
  },
  {
    key: 'consultation-third-party',
    title: '政府信息公开征求意见书（第三方）',
    body: '{{被征求意见方}}：\n本机关收到政府信息公开申请（受理编号：{{受理编号}}），申请公开的信息可能涉及贵方合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。请自收到本意见书之日起15个工作日内提出意见；逾期未提出意见的，由本机关依照条例的规定决定是否公开。',
  },
  {
    key: 'consultation-agency',
    title: '政府信息公开征求意见书（有关机关）',
    body: '{{被征求意见方}}：\n本机关收到政府信息公开申请（受理编号：{{受理编号}}），申请公开的信息由本机关与贵机关共同制作。根据《中华人民共和国政府信息公开条例》第三十四条的规定，现征求贵机关意见。请自收到本意见书之日起15个工作日内提出意见；逾期未提出意见的，视为同意公开。',
  },
  {
    key: 'fee',
    title: '信息处理费收费通知书',
    body: '{{申请人}}：\n您于{{收到日期}}提交的政府信息公开申请（受理编号：{{受理编号}}），根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，应缴纳信息处理费{{收费金额}}元（{{收费依据}}）。请自收到本通知次日起20个工作日内缴纳；逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
  },
  {
    key: 'reply',
    title: '政府信息公开申请答复书',
    body: '{{申请人}}：\n本机关于{{收到日期}}收到您提交的政府信息公开申请（受理编号：{{受理编号}}），申请内容为：{{申请内容}}。\n经审查，现答复如下：{{答复结果}}。\n{{答复正文}}',
  },
];

export const LETTER_KEYS = DEFAULT_TEMPLATES.map((t) => t.key);

/** The placeholders a template may use; buildLetter (letters.usecases.ts) fills each of them. */
export const PLACEHOLDERS = [
  '申请人', '受理编号', '收到日期', '申请内容', '答复期限', '补正事项', '补正期限', '延期理由', '延长天数',
  '被征求意见方', '收费金额', '收费依据', '答复结果', '答复正文', '批准人',
] as const;
