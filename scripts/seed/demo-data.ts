// Demo data for `npm start`: organisations, people in every role, an expert pool per series and a
// standard per series x level (x track). Plain data; seed.ts writes it idempotently.
import type { Predicate } from '../../domain/appraisal/predicates';
import type { Role } from '../../domain/types';

export const SERIES = ['engineering', 'economics', 'health'] as const;
export const LEVEL_ORDER = ['junior', 'intermediate', 'deputy-senior', 'senior'] as const;

export const organisations = [
  { id: 'org-zhangjiang-tech', name: '上海张江智能科技有限公司', kind: 'employer', privateEnterprise: true, district: '长宁区' },
  { id: 'org-district-hospital', name: '区中心医院', kind: 'employer', privateEnterprise: false, district: '长宁区' },
  { id: 'org-talent-centre', name: '区人才服务中心', kind: 'talent-service-centre', privateEnterprise: false, district: '长宁区' },
  { id: 'org-ai-association', name: '上海人工智能行业协会', kind: 'industry-body', privateEnterprise: false, district: '长宁区' },
  { id: 'org-hrss-bureau', name: '区人力资源和社会保障局', kind: 'authority', privateEnterprise: false, district: '长宁区' },
  { id: 'org-tongji-univ', name: '同济大学', kind: 'employer', privateEnterprise: false, district: '长宁区' },
  { id: 'org-sh-academy', name: '上海市科学研究院', kind: 'employer', privateEnterprise: false, district: '长宁区' },
  // Outside the plan's district: a member moving here leaves the programme (DOMAIN §5).
  { id: 'org-pudong-labs', name: '浦东前沿实验室', kind: 'employer', privateEnterprise: false, district: '浦东新区' },
];

export interface DemoUser {
  id: string;
  name: string;
  email: string;
  locale: 'zh-CN' | 'en';
  organisationId?: string;
  roles: Role[];
}

export const users: DemoUser[] = [
  { id: 'u-li-ming', name: '李明', email: 'li.ming@example.cn', locale: 'zh-CN', organisationId: 'org-zhangjiang-tech', roles: ['applicant'] },
  { id: 'u-anna-chen', name: 'Anna Chen', email: 'anna.chen@example.com', locale: 'en', organisationId: 'org-district-hospital', roles: ['applicant'] },
  { id: 'u-hr-zhangjiang', name: '王芳（人事）', email: 'hr@zhangjiang-tech.example.cn', locale: 'zh-CN', organisationId: 'org-zhangjiang-tech', roles: ['employer'] },
  { id: 'u-hr-hospital', name: '赵军（人事）', email: 'hr@district-hospital.example.cn', locale: 'zh-CN', organisationId: 'org-district-hospital', roles: ['employer'] },
  { id: 'u-hr-pudong', name: '孙丽（人事）', email: 'hr@pudong-labs.example.cn', locale: 'zh-CN', organisationId: 'org-pudong-labs', roles: ['employer'] },
  { id: 'u-talent-centre', name: '人才服务中心窗口', email: 'desk@talent-centre.example.cn', locale: 'zh-CN', organisationId: 'org-talent-centre', roles: ['employer'] },
  { id: 'u-industry', name: '行业协会评价部', email: 'eval@ai-association.example.cn', locale: 'zh-CN', organisationId: 'org-ai-association', roles: ['industry'] },
  { id: 'u-authority', name: '评审办事机构', email: 'review@hrss.example.cn', locale: 'zh-CN', organisationId: 'org-hrss-bureau', roles: ['authority'] },
  { id: 'u-admin', name: '系统管理员', email: 'admin@hrss.example.cn', locale: 'zh-CN', organisationId: 'org-hrss-bureau', roles: ['admin'] },
];

/**
 * Sixteen experts per series from four organisations, two of which employ demo applicants: a
 * draw of five can recuse every same-employer expert of a batch and still fill its seats, and an
 * exit review's appeal can draw a second committee of five that shares no expert (seated or
 * recused) with its first: twelve experts of the pool are outside any one employer.
 */
const expertOrgs = ['org-tongji-univ', 'org-sh-academy', 'org-zhangjiang-tech', 'org-district-hospital'];
export const experts = SERIES.flatMap((series) =>
  Array.from({ length: 16 }, (_, i) => ({
    id: `x-${series}-${i + 1}`,
    name: `${series} expert ${i + 1}`,
    email: `expert.${series}.${i + 1}@experts.example.cn`,
    series,
    organisationId: expertOrgs[i % expertOrgs.length]!,
  })),
);

const minEducation = { junior: 'associate', intermediate: 'bachelor', 'deputy-senior': 'bachelor', senior: 'bachelor' } as const;
const minYears = { junior: 0, intermediate: 4, 'deputy-senior': 5, senior: 5 } as const;

/**
 * Version 1 of each standard: eligibility predicates, required evidence, scored criteria and
 * evaluation weights. 直通车 waives years and the prior title; 绿色通道 replaces education and
 * years by achievement thresholds (破格).
 */
export const standards = SERIES.flatMap((series) =>
  LEVEL_ORDER.flatMap((level, i) => {
    const prior = i > 0 ? LEVEL_ORDER[i - 1]! : null;
    const common = {
      requiredEvidence: ['identity', 'education-certificate', ...(prior ? ['current-title-certificate'] : [])],
      criteria: [
        { key: 'achievements', weight: 0.5, min: 60 },
        { key: 'contribution', weight: 0.3, min: 60 },
        { key: 'ethics', weight: 0.2, min: 60 },
      ],
      weights: { employer: 0.3, industry: 0.2, expert: 0.5 },
    };
    const standard: Predicate[] = [
      { kind: 'minEducation', value: minEducation[level] },
      { kind: 'minYearsInCurrentTitle', value: minYears[level] },
      ...(prior ? [{ kind: 'currentLevel', value: prior } as Predicate] : []),
    ];
    const rows: { track: string; eligibility: Predicate[]; weights?: object }[] = [{ track: 'standard', eligibility: standard }];
    if (level === 'deputy-senior' || level === 'senior') {
      rows.push({ track: 'direct', eligibility: [{ kind: 'minEducation', value: minEducation[level] }] });
      rows.push({
        track: 'green',
        eligibility: [{ kind: 'minAchievements', kinds: ['award', 'product', 'patent'], count: level === 'senior' ? 3 : 2 }],
        weights: { employer: 0.2, industry: 0.4, expert: 0.4 },
      });
    }
    return rows.map((r) => ({
      id: `std-${series}-${level}-${r.track}-v1`,
      series,
      level,
      track: r.track,
      version: 1,
      rules: { ...common, eligibility: r.eligibility, ...(r.weights ? { weights: r.weights } : {}) },
    }));
  }),
);
