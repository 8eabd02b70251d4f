// Mail texts per template and language. zh-CN is the default; a user may choose en.
type Render = (data: Record<string, string>) => { subject: string; text: string };
type Locale = 'zh-CN' | 'en';

/** How stages and task kinds read in each language; an unknown key reads as itself. */
const labels: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    submitted: '已申报', 'employer-review': '单位审核', returned: '退回修改', 'employer-notice': '单位公示', 'formal-review': '形式审查',
    correction: '补正材料', 'industry-evaluation': '行业评价', 'committee-review': '评审委员会评审', 'result-notice': '评审结果公示',
    failed: '未通过', certified: '已取得职称', ineligible: '不符合申报条件', rejected: '未通过审核', withdrawn: '已撤回', cancelled: '已取消',
    resubmit: '重新提交申报', objection: '异议调查', 'committee-vote': '评审投票', 'committee-escalation': '评审会议处置',
    'self-report': '考核自评报告', 'employer-evaluation': '单位考核评价', defence: '陈述申辩', 'exit-decision': '退出决定',
    'self-report-grace': '考核自评报告（补交）', 'evaluation-employer': '用人单位考核评价', 'evaluation-industry': '行业评价',
    'evaluation-expert': '专家评价', 'escalation-self-report': '督办：考核自评报告', 'escalation-exit-decision': '督办：退出决定',
  },
  en: {
    'employer-review': 'employer review', 'employer-notice': 'employer notice', 'formal-review': 'formal review', 'industry-evaluation': 'industry evaluation',
    'committee-review': 'committee review', 'result-notice': 'result notice', 'committee-vote': 'committee vote', 'committee-escalation': 'committee escalation',
    'self-report': 'self-report', 'employer-evaluation': 'employer evaluation', defence: 'statement of defence', 'exit-decision': 'exit decision',
    'self-report-grace': 'self-report (grace period)', 'evaluation-employer': 'employer evaluation', 'evaluation-industry': 'industry evaluation',
    'evaluation-expert': 'expert evaluation',
  },
};
const zh = (key: string | undefined) => (key ? (labels['zh-CN'][key] ?? key) : '');
const en = (key: string | undefined) => (key ? (labels.en[key] ?? key) : '');

const templates: Record<string, Record<Locale, Render>> = {
  'task-assigned': {
    'zh-CN': (d) => ({
      subject: `待办：${d.taskName ?? zh(d.kind)}（${d.caseId}）`,
      text: `您有一项新的待办事项：${d.taskName ?? zh(d.kind)}。\n案件编号：${d.caseId}\n${d.dueAt ? `办理期限：${d.dueAt}\n` : ''}`,
    }),
    en: (d) => ({
      subject: `To do: ${en(d.kind)} (${d.caseId})`,
      text: `A new task is waiting for you: ${en(d.kind)}.\nCase: ${d.caseId}\n${d.dueAt ? `Due: ${d.dueAt}\n` : ''}`,
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
      subject: `提醒：${zh(d.purpose)} 即将到期（${d.caseId}）`,
      text: `案件 ${d.caseId} 的事项「${zh(d.purpose)}」将于 ${d.dueAt} 到期，请及时办理。`,
    }),
    en: (d) => ({
      subject: `Reminder: ${en(d.purpose)} due soon (${d.caseId})`,
      text: `The step "${en(d.purpose)}" of case ${d.caseId} is due at ${d.dueAt}. Please act in time.`,
    }),
  },
  escalation: {
    'zh-CN': (d) => ({
      subject: `逾期督办：${zh(d.purpose)}（${d.caseId}）`,
      text: `案件 ${d.caseId} 的事项「${zh(d.purpose)}」已逾期未办理，请督办或改派。`,
    }),
    en: (d) => ({
      subject: `Overdue: ${en(d.purpose)} (${d.caseId})`,
      text: `The step "${en(d.purpose)}" of case ${d.caseId} is overdue. Please follow up or reassign it.`,
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
  'membership-admitted': {
    'zh-CN': (d) => ({
      subject: `入选通知：${d.programmeId}（${d.caseId}）`,
      text: `您已入选人才计划 ${d.programmeId}。聘期共 ${d.cycles} 个考核周期，每个周期 ${d.months} 个月；每个周期末需提交述职报告并接受用人单位、行业和专家评价。`,
    }),
    en: (d) => ({
      subject: `Admitted to ${d.programmeId} (${d.caseId})`,
      text: `You are now a member of the talent programme ${d.programmeId}. The term has ${d.cycles} assessment cycles of ${d.months} months; at the end of each you file a self-report and are evaluated by your employer, an industry body and an expert.`,
    }),
  },
  'assessment-self-report': {
    'zh-CN': (d) => ({
      subject: `第${d.cycle}周期考核：请提交述职报告（${d.caseId}）`,
      text: `人才计划 ${d.programmeId} 第${d.cycle}个考核周期已结束。请于 ${d.dueAt} 前提交述职报告（目标完成情况、成果及佐证材料）。逾期未提交将按规定处理。`,
    }),
    en: (d) => ({
      subject: `Cycle ${d.cycle} assessment: your self-report is due (${d.caseId})`,
      text: `Cycle ${d.cycle} of your membership of ${d.programmeId} has ended. Please file your self-report (milestones, outputs, with evidence) by ${d.dueAt}. A missing self-report is escalated.`,
    }),
  },
  'assessment-graded': {
    'zh-CN': (d) => ({
      subject: `第${d.cycle}周期考核结果：${d.grade}（${d.caseId}）`,
      text: `您第${d.cycle}个考核周期的综合得分为 ${d.score}，考核等次为「${d.grade}」。`,
    }),
    en: (d) => ({
      subject: `Cycle ${d.cycle} result: ${d.grade} (${d.caseId})`,
      text: `Your composite score for cycle ${d.cycle} is ${d.score}; your grade is ${d.grade}.`,
    }),
  },
  'assessment-term-result': {
    'zh-CN': (d) => ({
      subject: `聘期考核结果：${d.grade}（${d.caseId}）`,
      text: `您的聘期考核已结束：聘期平均得分 ${d.score}，聘期考核等次「${d.grade}」，发展趋势：${d.trend}。`,
    }),
    en: (d) => ({
      subject: `Term result: ${d.grade} (${d.caseId})`,
      text: `Your term has ended: mean score ${d.score}, term grade ${d.grade}, trend ${d.trend}.`,
    }),
  },
  'exit-review-opened': {
    'zh-CN': (d) => ({
      subject: `考评退出程序启动告知（${d.caseId}）`,
      text: `因「${d.reason}」，您在人才计划 ${d.programmeId} 中的资格进入考评退出程序。您可于 ${d.dueAt} 前提交书面陈述申辩及佐证材料，逾期视为放弃陈述申辩。`,
    }),
    en: (d) => ({
      subject: `An exit review of your membership has started (${d.caseId})`,
      text: `Because of "${d.reason}", your membership of ${d.programmeId} is under exit review. You may file a statement of defence with evidence by ${d.dueAt}; after that the committee decides without it.`,
    }),
  },
  'exit-decision': {
    'zh-CN': (d) => ({
      subject: `考评退出评议结果：${d.decision}（${d.caseId}）`,
      text: `评议委员会决定：${d.decision}。理由：${d.reason}\n如有异议，可于 ${d.appealBy} 前申请复核（限一次）。`,
    }),
    en: (d) => ({
      subject: `Exit review decision: ${d.decision} (${d.caseId})`,
      text: `The committee decided: ${d.decision}. Reason: ${d.reason}\nYou may appeal once, by ${d.appealBy}.`,
    }),
  },
  'exit-final': {
    'zh-CN': (d) => ({
      subject: `考评退出最终决定：${d.decision}（${d.caseId}）`,
      text: `最终决定：${d.decision}。理由：${d.reason}${d.plan ? `\n整改计划：${d.plan}（下一考核周期检查）` : ''}${d.barUntil ? `\n退出后 ${d.barUntil} 前不得再次申报人才计划。` : ''}`,
    }),
    en: (d) => ({
      subject: `Exit review: final decision ${d.decision} (${d.caseId})`,
      text: `Final decision: ${d.decision}. Reason: ${d.reason}${d.plan ? `\nImprovement plan: ${d.plan} (checked in the next cycle)` : ''}${d.barUntil ? `\nYou may not apply to a talent programme again before ${d.barUntil}.` : ''}`,
    }),
  },
  'exit-review-cancelled': {
    'zh-CN': (d) => ({
      subject: `考评退出程序已撤销（${d.caseId}）`,
      text: `您在人才计划 ${d.programmeId} 中的考评退出程序已由管理员撤销，不作退出处理，您的资格继续有效。原因：${d.reason}`,
    }),
    en: (d) => ({
      subject: `Exit review cancelled (${d.caseId})`,
      text: `The exit review of your membership of ${d.programmeId} was cancelled by an administrator without a decision; your membership continues. Reason: ${d.reason}`,
    }),
  },
  'stage-changed': {
    'zh-CN': (d) => ({
      subject: `进度更新：${zh(d.stage)}（${d.caseId}）`,
      text: `您的案件 ${d.caseId} 已进入阶段：${zh(d.stage)}。${d.reason ? `\n说明：${d.reason}` : ''}`,
    }),
    en: (d) => ({
      subject: `Progress: ${en(d.stage)} (${d.caseId})`,
      text: `Your case ${d.caseId} is now at stage: ${en(d.stage)}.${d.reason ? `\nNote: ${d.reason}` : ''}`,
    }),
  },
  /** The administrator's batch reminder to a reviewer whose task is past its due date. */
  'overdue-reminder': {
    'zh-CN': (d) => ({
      subject: `催办：${zh(d.kind)} 已逾期（${d.caseId}）`,
      text: `案件 ${d.caseId} 的待办事项「${zh(d.kind)}」已于 ${d.dueAt} 到期，至今未办理。请尽快办理。`,
    }),
    en: (d) => ({
      subject: `Overdue: please act on ${en(d.kind)} (${d.caseId})`,
      text: `Your task "${en(d.kind)}" on case ${d.caseId} was due at ${d.dueAt} and is still open. Please act on it as soon as possible.`,
    }),
  },
};

export function renderMail(template: string, locale: string, data: Record<string, string>) {
  const byLocale = templates[template];
  if (!byLocale) throw new Error(`unknown mail template: ${template}`);
  const render = byLocale[locale === 'en' ? 'en' : 'zh-CN'];
  return render(data);
}
