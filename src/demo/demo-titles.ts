/**
 * Titles and bodies for the demo's 2,437 items of 2022, made from a district's everyday subjects
 * so that the portal reads like a real one (no "第N条" filler). Pure and deterministic: the same
 * kind and index always give the same title, and neighbouring indexes give different subjects.
 */
import type { PublishedItemInput } from '../publishing/items.bulk.ts';

type Kind = PublishedItemInput['kind'];

const UNITS = ['区发展和改革委员会', '区教育局', '区财政局', '区人力资源和社会保障局', '区应急管理局', '区卫生健康委员会', '区住房和城乡建设局', '区市场监督管理局', '区农业农村局', '区生态环境分局', '人民路街道办事处', '龙兴乡人民政府', '区民政局'];
const ACTIONS = ['召开{}推进会', '开展{}', '部署{}', '扎实推进{}', '组织开展{}', '督导检查{}', '总结{}'];
const WORKS = ['安全生产专项检查', '防汛抗旱工作', '优化营商环境工作', '就业创业帮扶活动', '乡村振兴重点任务', '疫情防控工作', '食品安全宣传周活动', '燃气安全隐患排查', '政务服务“一网通办”培训', '义务教育招生工作', '城乡环境综合整治', '根治欠薪冬季行动', '森林防火工作', '养老服务质量提升行动', '法治政府建设工作', '文明城市创建工作', '秸秆禁烧工作'];
const POLICY_TOPICS = ['促进就业创业', '城镇老旧小区改造', '农村人居环境整治', '中小企业纾困发展', '义务教育阶段“双减”', '生活垃圾分类', '基层医疗卫生服务', '重大行政决策程序', '政府投资项目管理', '安全生产责任落实'];
const POLICY_FORMS = ['实施方案', '管理办法', '工作方案', '三年行动计划', '若干措施'];
const NOTICES = ['2022年公益性岗位招聘', '2022年城乡低保对象', '2022年度区级财政专项资金分配结果', '2022年农机购置补贴资金兑付', '2022年度“十佳”社区评选结果', '2022年义务教育学校划片范围', '区级重点建设项目', '2022年事业单位公开招聘拟聘用人员', '临时救助对象', '2022年度区级文物保护单位'];
const NOTICE_FORMS = ['名单公示', '公告', '情况公示', '公示'];
const AREAS = ['财政预决算', '重大建设项目批准和实施', '公共资源配置', '社会救助', '义务教育', '医疗卫生', '生态环境', '安全生产', '食品药品监管', '保障性住房', '就业创业', '征地补偿'];
const PLACES = ['人民路', '龙兴乡', '新华小区', '建设路', '石龙街道', '滨河花园'];
const QUESTIONS = ['路灯不亮', '小区加装电梯补贴', '农村道路硬化', '学校周边交通拥堵', '养老保险转移接续', '商户占道经营', '供暖不达标', '医保异地报销', '噪声扰民', '公交线路调整', '拖欠农民工工资', '小区物业收费'];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

function policyTitle(i: number): string {
  return `石龙区人民政府办公室关于印发《石龙区${pick(POLICY_TOPICS, i)}${pick(POLICY_FORMS, Math.floor(i / POLICY_TOPICS.length) + i)}》的通知`;
}

/** Title of the i-th (from 0) demo item of a kind in 2022. */
export function demoItemTitle(kind: Kind, i: number): string {
  switch (kind) {
    case 'policy_document':
      return policyTitle(i);
    case 'interpretation':
      return `《石龙区${pick(POLICY_TOPICS, i)}${pick(POLICY_FORMS, Math.floor(i / POLICY_TOPICS.length) + i)}》政策解读`;
    case 'announcement':
      return `${pick(NOTICES, i)}${pick(NOTICE_FORMS, i * 3 + Math.floor(i / NOTICES.length))}`;
    case 'key_area':
      return `石龙区2022年${(i % 12) + 1}月${pick(AREAS, Math.floor(i / 12) + i)}信息`;
    case 'mailbox_reply':
      return `关于反映${pick(PLACES, Math.floor(i / QUESTIONS.length) + i)}“${pick(QUESTIONS, i)}”问题的答复`;
    default:
      return pick(UNITS, i) + pick(ACTIONS, Math.floor(i / UNITS.length)).replace('{}', pick(WORKS, i * 7 + Math.floor(i / 40)));
  }
}

/** A short body that says what the title says, in the register of a district portal. */
export function demoItemBody(kind: Kind, title: string): string {
  const first = kind === 'mailbox_reply'
    ? '<p>您好！您反映的问题已收悉。经区有关部门核实，现答复如下：相关单位已安排专人现场处理，并将持续跟踪落实。感谢您对我区工作的关心和支持。</p>'
    : `<p>${title}。</p>`;
  return `${first}<p>联系电话：0375-0000000。（演示数据）</p>`;
}
