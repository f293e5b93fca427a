/**
 * Statutory numbers of 依申请公开, in one place. Each cites where it comes from; changing one
 * changes the law the system applies, so the golden tests are worked out from these rules.
 */

/** Art. 33(2) 《政府信息公开条例》: answer within 20 working days of receipt. */
export const ANSWER_WORKING_DAYS = 20;

/** Art. 30: the 补正 notice is given within 7 working days of receipt, once (一次性). */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;

/** Arts. 32 and 34: a third party / co-producing agency replies within 15 working days. */
export const CONSULTATION_REPLY_WORKING_DAYS = 15;

/** Art. 33(2): one extension of at most 20 working days, approved by the office head. */
export const MAX_EXTENSION_WORKING_DAYS = 20;

/**
 * 国办函〔2020〕109号 as restated by the provincial notices: the applicant pays within 20
 * working days counted from the day after receiving the fee notice; unpaid → （六）2.
 */
export const FEE_PAYMENT_WORKING_DAYS = 20;

/** DESIGN: whether waiting for the fee payment pauses the answer clock; default paused. */
export const DEFAULT_FEE_WAIT_PAUSES_CLOCK = true;

/**
 * 国办函〔2020〕109号 Art. 4 (按件计收), counted per applicant per calendar month:
 * items 1–10 free, 11–30 at 100 元, then from the 31st a band of 10 items costs 100 元 more
 * per item than the band before (31–40: 200 元, 41–50: 300 元, …).
 */
export const PER_ITEM_FREE_UP_TO = 10;
export const PER_ITEM_FIRST_PAID_UP_TO = 30;
export const PER_ITEM_BASE_YUAN = 100;
export const PER_ITEM_BAND_SIZE = 10;
export const PER_ITEM_BAND_STEP_YUAN = 100;

/** 国办函〔2020〕109号 Art. 5 (按量计收), pages for one application, 超额累进. */
export const PER_PAGE_TIERS: ReadonlyArray<{ from: number; to: number | null; unitYuan: number }> = [
  { from: 1, to: 30, unitYuan: 0 },
  { from: 31, to: 100, unitYuan: 10 },
  { from: 101, to: 200, unitYuan: 20 },
  { from: 201, to: null, unitYuan: 40 },
];

/** Upper bound on one fee computation's counts: far above real cases, guards against typos. */
export const FEE_MAX_COUNT = 100_000;

/**
 * Art. 31(三) leaves the receipt date of an online submission to "双方确认". For what the applicant
 * submits online on the status page (the 补正 answer) the body confirms at once, by this rule:
 * received on a working day before the close of office hours → that day; later, or on a rest day
 * or holiday → the next working day (as the provincial 办理规范 state it). Beijing time.
 */
export const ONLINE_OFFICE_CLOSE = '17:00';
