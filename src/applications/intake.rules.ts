/**
 * Intake of a disclosure application (pure): the content Art. 29 requires, checked field by
 * field so the portal can show each message next to its field, and the Art. 31 receipt-date rule
 * per channel.
 */
import { createHash } from 'node:crypto';
import { APPLICANT_TYPES, type ApplicantType } from '../report/report.model.ts';
import { CHANNELS, type Channel } from './applications.events.ts';

import { DELIVERY_WANTED, FORMS_WANTED, ID_KINDS } from './intake.options.ts';

export { DELIVERY_WANTED, FORMS_WANTED, ID_KINDS, RECEIPT_RULES, RECEIPT_RULE_TEXT } from './intake.options.ts';

export interface ApplicationInput {
  organizationId: number;
  channel: Channel;
  applicantType: ApplicantType;
  applicantName: string;
  idKind: string;
  idNumber: string;
  contactPerson: string;
  phone: string;
  email: string;
  address: string;
  postcode: string;
  description: string;
  documentNo: string;
  purpose: string;
  formWanted: string;
  deliveryWanted: string;
  itemCount: number;
}

export type FieldErrors = Partial<Record<keyof ApplicationInput, string>>;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Normalises raw form/JSON input; returns the input and the per-field Chinese errors. */
export function checkApplicationInput(raw: Record<string, unknown>): { input: ApplicationInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const itemCount = raw.itemCount === undefined || raw.itemCount === '' ? 1 : Number(raw.itemCount);
  const input: ApplicationInput = {
    organizationId: Number(raw.organizationId),
    channel: text(raw.channel) as Channel,
    applicantType: text(raw.applicantType) as ApplicantType,
    applicantName: text(raw.applicantName),
    idKind: text(raw.idKind),
    idNumber: text(raw.idNumber).toUpperCase(),
    contactPerson: text(raw.contactPerson),
    phone: text(raw.phone),
    email: text(raw.email),
    address: text(raw.address),
    postcode: text(raw.postcode),
    description: text(raw.description),
    documentNo: text(raw.documentNo),
    purpose: text(raw.purpose),
    formWanted: text(raw.formWanted),
    deliveryWanted: text(raw.deliveryWanted),
    itemCount,
  };
  if (!Number.isInteger(input.organizationId) || input.organizationId < 1) errors.organizationId = '请选择受理申请的行政机关';
  if (!CHANNELS.includes(input.channel)) errors.channel = '请选择提交方式';
  if (!(APPLICANT_TYPES as readonly string[]).includes(input.applicantType)) errors.applicantType = '请选择申请人类型';
  // Art. 29(一): 姓名或者名称、身份证明、联系方式.
  if (!input.applicantName) errors.applicantName = '请填写申请人姓名或名称';
  else if (input.applicantName.length > 100) errors.applicantName = '姓名或名称不能超过100个字';
  if (!(ID_KINDS as readonly string[]).includes(input.idKind)) errors.idKind = '请选择证件类型';
  if (!input.idNumber) errors.idNumber = '请填写证件号码（身份证明，《条例》第二十九条）';
  else if (input.idKind === '居民身份证' && !/^\d{17}[\dX]$/.test(input.idNumber)) errors.idNumber = '居民身份证号码应为18位（最后一位可以是X）';
  else if (input.idKind === '统一社会信用代码' && !/^[0-9A-Z]{18}$/.test(input.idNumber)) errors.idNumber = '统一社会信用代码应为18位数字或大写字母';
  else if (input.idNumber.length > 40) errors.idNumber = '证件号码过长';
  if (input.applicantType !== '自然人' && !input.contactPerson && !errors.applicantType) errors.contactPerson = '法人或其他组织请填写联系人';
  if (!input.phone && !input.email && !input.address) errors.phone = '请至少填写一种联系方式（电话、电子邮箱或通信地址）';
  else if (input.phone && !/^[0-9+\-() ]{6,20}$/.test(input.phone)) errors.phone = '电话号码格式不正确';
  if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) errors.email = '电子邮箱格式不正确';
  if (input.postcode && !/^\d{6}$/.test(input.postcode)) errors.postcode = '邮政编码应为6位数字';
  // Art. 29(二): 名称、文号或者便于查询的其他特征性描述.
  if (input.description.length < 5) errors.description = '请描述所需政府信息的名称、文号或便于查询的特征（至少5个字）';
  else if (input.description.length > 5000) errors.description = '所需信息描述不能超过5000字';
  // Art. 29(三): 形式要求，包括获取信息的方式、途径.
  if (!(FORMS_WANTED as readonly string[]).includes(input.formWanted)) errors.formWanted = '请选择信息的提供形式';
  if (!(DELIVERY_WANTED as readonly string[]).includes(input.deliveryWanted)) errors.deliveryWanted = '请选择获取信息的方式';
  else if (input.deliveryWanted === '电子邮件' && !input.email) errors.email = '选择以电子邮件获取时，请填写电子邮箱';
  else if (input.deliveryWanted === '邮寄' && !input.address) errors.address = '选择邮寄时，请填写通信地址';
  if (!Number.isInteger(itemCount) || itemCount < 1 || itemCount > 100) errors.itemCount = '申请事项件数应为1至100之间的整数';
  return { input, errors };
}

/** Masks an identity number for every list and export: 4104**********1234. */
export function maskIdNumber(id: string): string {
  if (!id) return '';
  if (id.length <= 8) return '*'.repeat(Math.max(0, id.length - 2)) + id.slice(-2);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function idNumberHash(id: string): string | null {
  return id ? sha256(`id:${id.trim().toUpperCase()}`) : null;
}

/** Same applicant across cases: by identity number, else by name and phone. */
export function applicantKey(input: Pick<ApplicationInput, 'idNumber' | 'applicantName' | 'phone'>): string {
  return idNumberHash(input.idNumber) ?? sha256(`np:${input.applicantName.trim()}|${input.phone.replace(/\D/g, '')}`);
}

export function queryCodeHash(trackingNumber: string, code: string): string {
  return sha256(`qc:${trackingNumber}:${code.trim().toUpperCase()}`);
}

/** Tracking number: year, body id and sequence, digits only so it is easy to read out by phone. */
export function trackingNumber(year: number, organizationId: number, seq: number): string {
  return `${year}${String(organizationId).padStart(3, '0')}${String(seq).padStart(5, '0')}`;
}
