/**
 * Intake of a disclosure application (pure): the content Art. 29 requires, checked field by
 * field so the portal can show each message next to its field, and the Art. 31 receipt-date rule
 * per channel.
 */
import { createHash } from 'node:crypto';
import type { ApplicantType } from '../report/report.model.ts';
import type { Channel } from './applications.events.ts';
import { applicationIntakeShape, fromFormPost } from './intake.schema.ts';


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

/**
 * Normalises raw form/JSON input; returns the input and the per-field Chinese errors. Each field's
 * own rule (type, length, format, control characters) is the shared shape in intake.schema.ts;
 * the rules that tie fields together follow here.
 */
export function checkApplicationInput(raw: Record<string, unknown>): { input: ApplicationInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const parsed = applicationIntakeShape.safeParse(fromFormPost(raw));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof ApplicationInput | undefined;
      if (key && !errors[key]) errors[key] = issue.message;
    }
  }
  const input: ApplicationInput = parsed.success
    ? { ...parsed.data, channel: parsed.data.channel as Channel, idNumber: parsed.data.idNumber.toUpperCase() }
    : {
        // Only for the rules below: a refused input is never stored.
        organizationId: Number(raw.organizationId), channel: text(raw.channel) as Channel, applicantType: text(raw.applicantType) as ApplicantType,
        applicantName: text(raw.applicantName), idKind: text(raw.idKind), idNumber: text(raw.idNumber).toUpperCase(),
        contactPerson: text(raw.contactPerson), phone: text(raw.phone), email: text(raw.email), address: text(raw.address),
        postcode: text(raw.postcode), description: text(raw.description), documentNo: text(raw.documentNo), purpose: text(raw.purpose),
        formWanted: text(raw.formWanted), deliveryWanted: text(raw.deliveryWanted), itemCount: Number(raw.itemCount ?? 1),
      };
  const ok = (k: keyof ApplicationInput) => !errors[k];
  if (ok('idNumber') && ok('idKind')) {
    if (input.idKind === '居民身份证' && !/^\d{17}[\dX]$/.test(input.idNumber)) errors.idNumber = '居民身份证号码应为18位（最后一位可以是X）';
    else if (input.idKind === '统一社会信用代码' && !/^[0-9A-Z]{18}$/.test(input.idNumber)) errors.idNumber = '统一社会信用代码应为18位数字或大写字母';
  }
  if (ok('applicantType') && ok('contactPerson') && input.applicantType !== '自然人' && !input.contactPerson) errors.contactPerson = '法人或其他组织请填写联系人';
  if (ok('phone') && ok('email') && ok('address') && !input.phone && !input.email && !input.address) errors.phone = '请至少填写一种联系方式（电话、电子邮箱或通信地址）';
  if (ok('deliveryWanted')) {
    if (input.deliveryWanted === '电子邮件' && !input.email && ok('email')) errors.email = '选择以电子邮件获取时，请填写电子邮箱';
    else if (input.deliveryWanted === '邮寄' && !input.address && ok('address')) errors.address = '选择邮寄时，请填写通信地址';
  }
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

/** Kept equal to the PostgreSQL expression of applications.repository.ts `numberCase`. */
export function queryCodeHash(trackingNumber: string, code: string): string {
  return sha256(`qc:${trackingNumber}:${normalQueryCode(code)}`);
}

export const normalQueryCode = (code: string) => code.trim().toUpperCase();

/** Tracking number: year, body id and sequence, digits only so it is easy to read out by phone. */
export function trackingNumber(year: number, organizationId: number, seq: number): string {
  return `${trackingPrefix(year, organizationId)}${String(seq).padStart(5, '0')}`;
}

/** The part before the sequence (on PostgreSQL the trigger of migration 0015 pads the sequence in SQL, as above). */
export function trackingPrefix(year: number, organizationId: number): string {
  return `${year}${String(organizationId).padStart(3, '0')}`;
}
