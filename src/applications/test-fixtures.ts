/** Test helper: a valid application form as the portal posts it; `extra` overrides fields. */
export const sampleForm = (organizationId: number, extra: Record<string, unknown> = {}) => ({
  organizationId,
  channel: 'online',
  applicantType: '自然人',
  applicantName: '张三',
  idKind: '居民身份证',
  idNumber: '410402199001011234',
  phone: '13800000000',
  email: 'zhang@example.cn',
  address: '石龙区人民路1号',
  description: '2025年石龙区老旧小区改造项目的资金安排文件',
  formWanted: '电子数据',
  deliveryWanted: '电子邮件',
  ...extra,
});
