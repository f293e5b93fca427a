/** Kinds of organization with their Chinese names (pure; the admin app imports this file too). */
export const ORGANIZATION_KINDS = {
  government: '人民政府',
  office: '办公室',
  department: '部门',
  unit: '下属单位',
} as const;
