// The wizard's own words beyond the shared chrome: its steps, the preview of the 申报表.
import { defineWords } from '../../lib/chrome-words';

export const useApplyWords = defineWords({
  'zh-CN': {
    'steps.label': '申报步骤',
    'steps.title': '申报职称',
    'steps.qualifications': '学历与业绩',
    'steps.materials': '申报材料',
    'steps.submit': '预览并提交',
    'preview.button': '预览申报表',
    'preview.title': '申报表预览',
    'preview.hint': '以下为将要提交的申报表内容（只读）；提交后可在案件页面下载申报表 PDF。',
    'preview.close': '关闭',
    'preview.applicant': '申报人',
    'preview.materials': '申报材料',
    'preview.none': '（未填写）',
  },
  en: {
    'steps.label': 'Steps of the application',
    'steps.title': 'Title applied for',
    'steps.qualifications': 'Education and achievements',
    'steps.materials': 'Materials',
    'steps.submit': 'Preview and submit',
    'preview.button': 'Preview the application form',
    'preview.title': 'Application form (preview)',
    'preview.hint': 'The application form as it will be submitted (read-only); once submitted, its PDF is on the case page.',
    'preview.close': 'Close',
    'preview.applicant': 'Applicant',
    'preview.materials': 'Materials',
    'preview.none': '(not filled in)',
  },
});
