/** What a body's 指南 says before anyone has edited it: the site's own contact lines. */
import type { SiteConfig } from '../config/config.ts';
import type { GuideContent } from './guide.schema.ts';

export const DEFAULT_HOURS = '法定工作日 上午8:30—12:00，下午14:30—17:30';

export function defaultGuide(site: Pick<SiteConfig, 'contact' | 'address'>, bodyName: string): GuideContent {
  const phone = /电话[:：]\s*([\d\-—、 ]+)/.exec(site.contact)?.[1]?.trim() ?? '';
  const office = site.contact.split(/\s+/)[0] || `${bodyName}办公室`;
  return {
    officeName: office,
    address: site.address,
    postcode: '',
    hours: DEFAULT_HOURS,
    phone,
    fax: '',
    email: '',
    channels: ['在线申请：通过本网站“依申请公开”栏目填写并提交申请表。', `当面申请：到${office}当面提交书面申请。`, `信函申请：邮寄至${site.address}，并在信封左下角注明“政府信息公开申请”字样。`].join('\n'),
    extra: '',
  };
}

/** Lines of a multi-line field, blank ones dropped. */
export const paragraphs = (value: string): string[] => value.split('\n').map((l) => l.trim()).filter(Boolean);
