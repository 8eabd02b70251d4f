// The few words of the pages' own chrome (menus, buttons, empty states). Everything a case says
// (stages, steps, series, levels, tracks, statuses, materials) comes from the API's catalogue
// (GET /api/words, lib/words.ts), so the pages say what the mails say.
import { useLocale, type Locale } from './lib/locale';

const zhCN = {
  'app.title': '人才全周期管理',
  'nav.cases': '我的申报',
  'nav.sign-in': '登录',
  'nav.sign-out': '退出登录',
  'language.label': '语言',
  'sign-in.title': '开发环境登录',
  'sign-in.hint': '选择一位演示用户登录（仅开发模式 TL_DEV_MODE=true 时可用）。',
  'sign-in.unavailable': '开发环境登录未开启',
  'sign-in.unavailable-hint': '此部署未以开发模式运行（TL_DEV_MODE），不提供演示用户登录。',
  'sign-in.as': '以此身份登录',
  'sign-in.roles': '角色',
  'sign-in.organisation': '单位',
  'sign-in.name': '姓名',
  'cases.title': '我的申报',
  'cases.empty': '暂无申报',
  'cases.series-level': '系列 / 级别',
  'cases.stage': '当前阶段',
  'cases.last-day': '办理期限（最后一日）',
  'cases.submitted-at': '申报时间',
  'cases.open': '查看',
  'case.back': '返回我的申报',
  'case.progress': '办理进度',
  'case.deadline': '当前期限',
  'case.deadline-purpose': '事项',
  'case.deadline-last-day': '最后一日',
  'case.deadline-day': '{day}（{n} 个工作日）',
  'case.no-deadline': '当前没有进行中的期限',
  'case.materials': '申报材料',
  'case.no-materials': '暂无材料',
  'case.material-kind': '类别',
  'case.material-title': '名称',
  'case.material-size': '大小',
  'case.material-replaced': '已替换',
  'case.view': '查看',
  'case.download': '下载',
  'case.form-pdf': '申报表（PDF）',
  'case.certificate-pdf': '职称证书（PDF）',
  'case.documents': '文书',
  'case.track': '评审通道',
  'case.field': '专业',
  'case.status': '状态',
  'error.title': '出错了',
  'error.fields': '有问题的字段',
  'loading': '加载中…',
};

export type ChromeKey = keyof typeof zhCN;

const en: Record<ChromeKey, string> = {
  'app.title': 'Talent lifecycle',
  'nav.cases': 'My applications',
  'nav.sign-in': 'Sign in',
  'nav.sign-out': 'Sign out',
  'language.label': 'Language',
  'sign-in.title': 'Development sign-in',
  'sign-in.hint': 'Sign in as one of the demo users (only in development mode, TL_DEV_MODE=true).',
  'sign-in.unavailable': 'Development sign-in is off',
  'sign-in.unavailable-hint': 'This deployment does not run in development mode (TL_DEV_MODE): there are no demo users to sign in as.',
  'sign-in.as': 'Sign in as this user',
  'sign-in.roles': 'Roles',
  'sign-in.organisation': 'Organisation',
  'sign-in.name': 'Name',
  'cases.title': 'My applications',
  'cases.empty': 'No applications yet',
  'cases.series-level': 'Series / level',
  'cases.stage': 'Stage',
  'cases.last-day': 'Deadline (last day)',
  'cases.submitted-at': 'Submitted',
  'cases.open': 'Open',
  'case.back': 'Back to my applications',
  'case.progress': 'Progress',
  'case.deadline': 'Running deadline',
  'case.deadline-purpose': 'For',
  'case.deadline-last-day': 'Last day',
  'case.deadline-day': '{day} ({n} working days)',
  'case.no-deadline': 'No deadline is running',
  'case.materials': 'Materials',
  'case.no-materials': 'No materials',
  'case.material-kind': 'Kind',
  'case.material-title': 'Title',
  'case.material-size': 'Size',
  'case.material-replaced': 'replaced',
  'case.view': 'View',
  'case.download': 'Download',
  'case.form-pdf': 'Application form (PDF)',
  'case.certificate-pdf': 'Certificate (PDF)',
  'case.documents': 'Documents',
  'case.track': 'Track',
  'case.field': 'Field',
  'case.status': 'Status',
  'error.title': 'Something went wrong',
  'error.fields': 'Fields at fault',
  'loading': 'Loading…',
};

const CHROME: Record<Locale, Record<ChromeKey, string>> = { 'zh-CN': zhCN, en };

export const chrome = (locale: Locale, key: ChromeKey): string => CHROME[locale][key];

/** The chrome's words in the page's language; {name} placeholders filled from `values`. */
export function useChrome() {
  const locale = useLocale();
  return (key: ChromeKey, values: Record<string, string | number> = {}) => chrome(locale, key).replace(/\{(\w+)\}/g, (all, name: string) => String(values[name] ?? all));
}
