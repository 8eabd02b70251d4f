// Mail texts per template and language. zh-CN is the default; a user may choose en.
type Render = (data: Record<string, string>) => { subject: string; text: string };
type Locale = 'zh-CN' | 'en';

const templates: Record<string, Record<Locale, Render>> = {
  'task-assigned': {
    'zh-CN': (d) => ({
      subject: `待办：${d.taskName ?? d.kind}（${d.caseId}）`,
      text: `您有一项新的待办事项：${d.taskName ?? d.kind}。\n案件编号：${d.caseId}\n${d.dueAt ? `办理期限：${d.dueAt}\n` : ''}`,
    }),
    en: (d) => ({
      subject: `To do: ${d.kind} (${d.caseId})`,
      text: `A new task is waiting for you: ${d.kind}.\nCase: ${d.caseId}\n${d.dueAt ? `Due: ${d.dueAt}\n` : ''}`,
    }),
  },
  'application-submitted': {
    'zh-CN': (d) => ({
      subject: `申报已受理（${d.caseId}）`,
      text: `您的职称申报（${d.series} / ${d.level}）已提交，案件编号 ${d.caseId}。`,
    }),
    en: (d) => ({
      subject: `Application received (${d.caseId})`,
      text: `Your title application (${d.series} / ${d.level}) was submitted as case ${d.caseId}.`,
    }),
  },
  'stage-changed': {
    'zh-CN': (d) => ({
      subject: `进度更新：${d.stage}（${d.caseId}）`,
      text: `您的案件 ${d.caseId} 已进入阶段：${d.stage}。${d.reason ? `\n说明：${d.reason}` : ''}`,
    }),
    en: (d) => ({
      subject: `Progress: ${d.stage} (${d.caseId})`,
      text: `Your case ${d.caseId} is now at stage: ${d.stage}.${d.reason ? `\nNote: ${d.reason}` : ''}`,
    }),
  },
};

export function renderMail(template: string, locale: string, data: Record<string, string>) {
  const byLocale = templates[template];
  if (!byLocale) throw new Error(`unknown mail template: ${template}`);
  const render = byLocale[locale === 'en' ? 'en' : 'zh-CN'];
  return render(data);
}
