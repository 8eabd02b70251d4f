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
  reminder: {
    'zh-CN': (d) => ({
      subject: `提醒：${d.purpose} 即将到期（${d.caseId}）`,
      text: `案件 ${d.caseId} 的事项「${d.purpose}」将于 ${d.dueAt} 到期，请及时办理。`,
    }),
    en: (d) => ({
      subject: `Reminder: ${d.purpose} due soon (${d.caseId})`,
      text: `The step "${d.purpose}" of case ${d.caseId} is due at ${d.dueAt}. Please act in time.`,
    }),
  },
  escalation: {
    'zh-CN': (d) => ({
      subject: `逾期督办：${d.purpose}（${d.caseId}）`,
      text: `案件 ${d.caseId} 的事项「${d.purpose}」已逾期未办理，请督办或改派。`,
    }),
    en: (d) => ({
      subject: `Overdue: ${d.purpose} (${d.caseId})`,
      text: `The step "${d.purpose}" of case ${d.caseId} is overdue. Please follow up or reassign it.`,
    }),
  },
  'correction-notice': {
    'zh-CN': (d) => ({
      subject: `一次性补正告知（${d.caseId}）`,
      text: `您的申报材料需补正以下全部事项：\n${d.items}\n请于 ${d.dueAt} 前提交补正，逾期视为放弃。`,
    }),
    en: (d) => ({
      subject: `Corrections needed, all at once (${d.caseId})`,
      text: `Please correct every item below:\n${d.items}\nSubmit by ${d.dueAt}; otherwise the application is treated as withdrawn.`,
    }),
  },
  certificate: {
    'zh-CN': (d) => ({
      subject: `职称证书已签发（${d.number}）`,
      text: `恭喜！您的电子职称证书已签发。\n证书编号：${d.number}\n验证码：${d.code}\n电子证书与纸质证书具有同等效力。`,
    }),
    en: (d) => ({
      subject: `Your title certificate is issued (${d.number})`,
      text: `Congratulations! Your electronic certificate is issued.\nNumber: ${d.number}\nVerification code: ${d.code}\nIt has the same legal force as paper.`,
    }),
  },
  'result-failed': {
    'zh-CN': (d) => ({
      subject: `评审结果通知（${d.caseId}）`,
      text: `很遗憾，您的申报未通过评审。如有异议，可于 ${d.appealBy} 前申请复查。`,
    }),
    en: (d) => ({
      subject: `Review result (${d.caseId})`,
      text: `We are sorry: your application did not pass. You may request a re-examination by ${d.appealBy}.`,
    }),
  },
  'committee-seat': {
    'zh-CN': (d) => ({
      subject: `评审委员会抽选通知（${d.meetingId}）`,
      text: `您已被随机抽选为 ${d.series} 系列评审委员会${d.role === 'panel' ? '评议组' : ''}成员，会议编号 ${d.meetingId}。\n${d.checkInBy ? `请于 ${d.checkInBy} 前签到。\n` : ''}如与申报人存在应回避情形，请在投票开始前申请回避。`,
    }),
    en: (d) => ({
      subject: `You were drawn for a review committee (${d.meetingId})`,
      text: `You were drawn by lot as a ${d.role === 'panel' ? 'review panel member' : 'member'} of the ${d.series} committee, meeting ${d.meetingId}.\n${d.checkInBy ? `Please check in by ${d.checkInBy}.\n` : ''}If you have a conflict with an applicant, declare it before voting opens.`,
    }),
  },
  'committee-escalated': {
    'zh-CN': (d) => ({
      subject: `评审会议需处理：${d.reason === 'quorum-missed' ? '到会人数不足' : '专家库人数不足'}（${d.meetingId}）`,
      text: `${d.series} 系列评审会议 ${d.meetingId} 无法按规则召开（${d.reason}）。请重新抽选或改期。`,
    }),
    en: (d) => ({
      subject: `Committee meeting needs you: ${d.reason} (${d.meetingId})`,
      text: `The ${d.series} committee meeting ${d.meetingId} cannot proceed (${d.reason}). Please redraw or reschedule it.`,
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
