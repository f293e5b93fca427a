/**
 * A generated corpus of realistic Chinese government items (deterministic, seeded), for the
 * search benchmark and the SQLite/PostgreSQL parity test: titles "<place><department>关于<subject>的<document>",
 * bodies of 4–13 sentences in the register of official documents (tenders, penalties and
 * appointments among them, naming companies and people), document numbers, dates 2015–2026.
 */
import type { PublishedItemInput } from './items.bulk.ts';
import type { ItemKind } from './items.rules.ts';

// Deterministic generator (mulberry32) so both databases get the same corpus.
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['石龙区', '人民路街道', '龙山街道', '高庄村', '滨河社区', '东城区', '西湖镇', '北岗乡', '兴业路', '龙河'];
// The long tail a real site has: 400 villages, 600 companies and tens of thousands of people,
// each named in a few hundred items or fewer, where subjects and departments are in every tenth.
const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕'];
const VILLAGES = SURNAMES.flatMap((s) => ['庄', '楼', '营', '寨', '店', '集', '湾', '岗', '坪', '屯'].map((x) => s + x));
const TRADE_NAMES = ['宏达', '鑫源', '华泰', '恒信', '瑞丰', '金城', '中原', '永兴', '天成', '嘉禾', '润泽', '博远', '汇通', '兴盛', '正大', '安泰', '德华', '东方', '新世纪', '众诚', '鼎盛', '长江', '蓝天', '绿源', '金鹰', '盛世', '宇通', '万通', '和顺', '福源', '佳美', '通达', '远航', '信达', '三和', '建华', '红旗', '光明', '国泰', '利民', '丰收', '旭日', '龙腾', '凯旋', '海纳', '银河', '百盛', '同心', '泰和', '华瑞', '诚信', '弘业', '益民', '鸿运', '祥和', '富民', '明珠', '新星', '豫龙', '平安'];
const INDUSTRIES = ['建筑工程', '商贸', '物业服务', '环保科技', '食品', '医药', '农业开发', '交通运输', '劳务派遣', '信息技术'];
const GIVEN = ['建', '国', '华', '明', '丽', '军', '平', '伟', '芳', '强', '敏', '静', '磊', '洋', '勇', '艳', '杰', '娟', '涛', '超', '霞', '刚', '秀', '鹏', '辉', '玲', '斌', '宇', '浩', '凯'];
const DEPTS = ['发展和改革委员会', '教育局', '财政局', '人力资源和社会保障局', '应急管理局', '卫生健康委员会', '生态环境分局', '住房和城乡建设局', '市场监督管理局', '民政局'];
const SUBJECTS = ['政府信息公开', '义务教育招生', '城乡居民医疗保险', '安全生产专项整治', '老旧小区改造', '财政预算执行', '重大建设项目', '食品安全抽检', '稳岗就业补贴', '防汛应急预案', '营商环境优化', '行政许可事项', '农村土地承包经营权流转', '最低生活保障', '大气污染防治', '公务员招录', '政府集中采购', '行政事业性收费', '统计公报', '非法集资风险'];
const DOCS = ['通知', '实施方案', '公告', '办法', '意见', '工作要点', '情况公示', '报告', '决定', '规划'];
const SENTENCES = [
  '为深入贯彻落实党中央、国务院决策部署，进一步做好{s}工作，结合{p}实际，制定本方案。',
  '各乡（镇）人民政府、街道办事处，区直各单位要高度重视{s}，明确责任分工，确保各项措施落到实处。',
  '{d}将会同有关部门加强监督检查，对{p}范围内发现的问题限期整改。',
  '本{doc}自印发之日起施行，有效期五年，由{d}负责解释。',
  '{p}共完成{n}项任务，累计投入资金{n}万元，惠及群众{n}人。',
  '公众可通过政府网站、政务新媒体等渠道了解{s}的有关政策和办理流程。',
  '对群众反映的{s}问题，{d}坚持边查边改、立行立改，持续提升服务水平。',
  '联系电话：0375-{n}，办公地址：{p}{d}。',
  '根据《中华人民共和国政府信息公开条例》第二十条规定，现将{s}有关情况公开如下。',
  '下一步，我们将围绕{s}，完善工作机制，强化要素保障，推动高质量发展。',
  '中标（成交）供应商：{c}，中标金额{n}万元，项目地点：{p}。',
  '对{c}作出罚款{n}元的行政处罚决定，当事人已履行完毕。',
  '{x}同志任{d}副局长，试用期一年；{x}同志不再担任{d}办公室主任职务。',
];
const KINDS: ItemKind[] = ['policy_document', 'normative_document', 'interpretation', 'announcement', 'key_area', 'key_area', 'general'];

export function generate(count: number, orgIds: number[], seed = 42): PublishedItemInput[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  const place = () => (r() < 0.5 ? pick(PLACES) : pick(VILLAGES));
  const out: PublishedItemInput[] = [];
  for (let i = 0; i < count; i++) {
    const s = pick(SUBJECTS);
    const p = place();
    const d = pick(DEPTS);
    const doc = pick(DOCS);
    const year = 2015 + (i % 12);
    const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
    const sentences = Array.from({ length: 4 + Math.floor(r() * 10) }, () =>
      pick(SENTENCES)
        .replace(/\{s\}/g, pick(SUBJECTS))
        .replace(/\{p\}/g, place())
        .replace(/\{d\}/g, pick(DEPTS))
        .replace(/\{doc\}/g, doc)
        .replace(/\{c\}/g, () => `${pick(TRADE_NAMES)}${pick(INDUSTRIES)}有限公司`)
        .replace(/\{x\}/g, () => pick(SURNAMES) + pick(GIVEN) + pick(GIVEN))
        .replace(/\{n\}/g, () => String(Math.floor(r() * 9000) + 100)),
    );
    out.push({
      organizationId: orgIds[i % orgIds.length],
      kind: pick(KINDS),
      title: `${p}${d}关于${s}的${doc}`,
      publishDate: `${year}-${month}-${day}`,
      writtenDate: `${year}-${month}-${day}`,
      docNumber: `石${d.slice(0, 2)}〔${year}〕${1 + Math.floor(r() * 300)}号`,
      bodyHtml: sentences.map((x) => `<p>${x}</p>`).join(''),
    });
  }
  return out;
}

