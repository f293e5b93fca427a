/**
 * The fixed choices of a disclosure application and the Art. 31 receipt-date rule per channel.
 * Pure and free of Node modules, so the portal, the server rules and the admin app's intake form
 * share this one copy.
 */
import type { Channel } from './applications.events.ts';

export const ID_KINDS = ['居民身份证', '护照', '港澳台居民居住证', '统一社会信用代码', '其他证件'] as const;
export const FORMS_WANTED = ['纸质', '电子数据', '其他'] as const;
export const DELIVERY_WANTED = ['邮寄', '电子邮件', '自行领取', '当场阅读、抄录', '网上获取'] as const;

/** Longest accepted value of each text field, in characters after trimming (intake.schema.ts applies them). */
export const INTAKE_LIMITS = {
  applicantName: 100, idNumber: 40, contactPerson: 50, phone: 20, email: 100, address: 200, postcode: 6,
  description: 5000, documentNo: 100, purpose: 500,
} as const;

/**
 * Art. 31: which date is the receipt date for each channel, and whether it is known at intake.
 * 当面 → the day of submission; 挂号/EMS → the day the body signed for it; 平信 → the day of the
 * same-day confirmation with the applicant; 网上/传真/电子邮件 → the day both sides confirmed.
 */
export const RECEIPT_RULES: Record<Channel, { dateLabel: string; article: string; atSubmission: boolean }> = {
  in_person: { dateLabel: '提交日期', article: '《条例》第三十一条第（一）项', atSubmission: true },
  registered_mail: { dateLabel: '签收日期', article: '《条例》第三十一条第（二）项', atSubmission: false },
  ordinary_mail: { dateLabel: '与申请人确认日期', article: '《条例》第三十一条第（二）项', atSubmission: false },
  online: { dateLabel: '双方确认日期', article: '《条例》第三十一条第（三）项', atSubmission: false },
  fax: { dateLabel: '双方确认日期', article: '《条例》第三十一条第（三）项', atSubmission: false },
  email: { dateLabel: '双方确认日期', article: '《条例》第三十一条第（三）项', atSubmission: false },
};

/** The sentence shown next to the channel field: how the Art. 31 receipt date is fixed. */
export const RECEIPT_RULE_TEXT: Record<Channel, string> = {
  in_person: '当面提交的，以提交之日为收到申请之日，答复期限自次日起算。',
  registered_mail: '以邮寄方式提交的，以本机关签收之日为收到申请之日；签收日期已知时请填写，否则在案件页“确认收到申请”。',
  ordinary_mail: '以平常信函等无需签收的邮寄方式提交的，以与申请人确认之日为收到申请之日。',
  online: '通过互联网渠道提交的，以双方确认之日为收到申请之日。',
  fax: '通过传真提交的，以双方确认之日为收到申请之日。',
  email: '通过电子邮件提交的，以双方确认之日为收到申请之日。',
};
