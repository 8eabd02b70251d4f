// Mail, worded: every mail says what happened, what the reader must do by when, and where (a
// link to the case), in the reader's language, with the case's 受理编号. Workflows ask for a
// template with codes, ids and ISO instants (domain/transition.ts: MailSpec); the words come
// from the catalogue (domain/words), the dates in Asia/Shanghai, here, when the mail is queued.
import type { QuotaEffect } from './assessment/quota';
import { absolute, casePath, certificatePath, verifyPath } from './links';
import type { DeadlineReport } from './transition';
import type { Locale } from './words/locale';
import { say, sayPhrase, type Args, type Phrase, type WordKey } from './words/say';
import { zhCN } from './words/zh-CN';

/** The case a mail is about, as the records know it. */
export interface MailCase {
  /** appraisal | assessment | exit | meeting */
  process: string;
  id: string;
  /** 受理编号 (applications; null for those recorded before numbers). */
  number?: string | null;
  application?: { series: string; level: string; track: string };
  programme?: { name: string; nameEn: string };
  meeting?: { series: string; kind: string };
}

export interface MailContext {
  /** Where the deployment is reached from outside: links in mail start with it. */
  publicBaseUrl: string;
  case?: MailCase;
  /** The deadlines the case runs after the transition: their working days, for "by when". */
  deadlines?: readonly DeadlineReport[];
  /** For a grade mail: how the cohort's 优秀 quota changed the reader's grade. */
  quota?: QuotaEffect;
}

export interface MailRequest {
  template: string;
  data: Record<string, string>;
  why?: Phrase[];
}

export interface Mail {
  subject: string;
  text: string;
}

type Line = string | undefined | false;
interface Worded {
  /** The subject's topic; the case's reference follows it. */
  topic?: string;
  /** A whole subject, when the topic names the case itself (a certificate's number). */
  subject?: string;
  lines: Line[];
}

/** A code as data carries it; mail from before the catalogue carried some as Chinese labels (优秀, 退出). */
function codeOf(group: string, value: string | undefined): string {
  if (!value) return '';
  if (Object.hasOwn(zhCN, `${group}.${value}`)) return value;
  const prefix = `${group}.`;
  for (const [key, words] of Object.entries(zhCN)) {
    if (key.startsWith(prefix) && words === value) return key.slice(prefix.length);
  }
  return value;
}

/** The words one reader gets: the catalogue in their language, and the case's facts. */
class Writer {
  constructor(
    readonly locale: Locale,
    readonly ctx: MailContext,
  ) {}

  say<K extends WordKey>(key: K, ...params: Args<K>): string {
    return say(this.locale, key, ...params);
  }

  phrase(p: Phrase): string {
    return sayPhrase(this.locale, p);
  }

  get case(): MailCase | undefined {
    return this.ctx.case;
  }

  /** The programme's name in the reader's language, or its id. */
  programme(id?: string): string {
    const p = this.case?.programme;
    if (p) return this.locale === 'en' ? p.nameEn : p.name;
    return id ?? '';
  }

  /** "工程技术中级职称申报（常规评审）" / "application for an intermediate title in engineering (standard track)". */
  application(d: Record<string, string>): string {
    const a = this.case?.application ?? { series: d.series ?? '', level: d.level ?? '', track: d.track ?? 'standard' };
    return this.say('mail.application', { series: a.series, level: a.level, track: a.track });
  }

  /** A deadline as the reader acts on it: its last day, with its working days when it counts them. */
  due(dueAt: string | undefined, purpose?: string): Line {
    if (!dueAt) return undefined;
    const reports = this.ctx.deadlines ?? [];
    const report = reports.find((r) => r.dueAt === dueAt && (purpose === undefined || r.purpose === purpose)) ?? reports.find((r) => r.dueAt === dueAt);
    return report && report.workingDays > 0 ? this.say('mail.due.working-days', { dueAt, days: report.workingDays }) : this.say('mail.due', { dueAt });
  }

  /** The deadline of a purpose the case runs now, if reported. */
  deadlineOf(purpose: string): DeadlineReport | undefined {
    return this.ctx.deadlines?.find((r) => r.purpose === purpose);
  }

  url(path: string): string {
    return absolute(this.ctx.publicBaseUrl, path);
  }

  /** How a subject names the case: its 受理编号, the programme, the meeting, or its id. */
  ref(caseId: string | undefined): string {
    const c = this.case;
    if (c?.number) return c.number;
    if (c?.programme) return this.programme();
    return c?.id ?? caseId ?? '';
  }

  /** Where to act, and the case as people quote it: link, 受理编号 (or programme, meeting), case id. */
  footer(caseId: string | undefined): Line[] {
    const c = this.case;
    const id = c?.id ?? caseId;
    const path = c ? casePath(c.process, c.id) : undefined;
    return [
      path && this.say('mail.link', { url: this.url(path) }),
      c?.number ? this.say('mail.ref.number', { number: c.number }) : undefined,
      c?.programme && this.say('mail.ref.programme', { programme: this.programme() }),
      c?.meeting && this.say('mail.ref.meeting', { series: c.meeting.series, id: c.id }),
      id && !c?.meeting ? this.say('mail.ref.case-id', { id }) : undefined,
    ];
  }
}

const todoKeys: Record<string, WordKey> = {
  'employer-review': 'mail.todo.employer-review',
  'formal-review': 'mail.todo.formal-review',
  'industry-evaluation': 'mail.todo.industry-evaluation',
  objection: 'mail.todo.objection',
  resubmit: 'mail.todo.resubmit',
  correction: 'mail.todo.correction',
  'exit-decision': 'mail.todo.exit-decision',
  'exit-opinion-employer': 'mail.todo.exit-opinion-employer',
  'exit-opinion-industry': 'mail.todo.exit-opinion-industry',
  'exit-plan-draft': 'mail.todo.exit-plan-draft',
  'exit-plan-approval': 'mail.todo.exit-plan-approval',
  'evaluation-employer': 'mail.todo.evaluation-employer',
  'evaluation-industry': 'mail.todo.evaluation-industry',
  'evaluation-expert': 'mail.todo.evaluation-expert',
};

/** What the task is about: the application, or the programme membership. */
function about(w: Writer, d: Record<string, string>): Line {
  if (w.case?.application) return w.say('mail.task.about', { about: w.application(d) });
  if (w.case?.programme) return w.say('mail.task.about', { about: w.programme() });
  return undefined;
}

type Template = (w: Writer, d: Record<string, string>, why: Phrase[] | undefined) => Worded;

const templates: Record<string, Template> = {
  'task-assigned': (w, d) => ({
    topic: w.say('mail.task.subject', { kind: d.kind ?? '' }),
    lines: [w.say('mail.task.body', { kind: d.kind ?? '' }), about(w, d), w.phrase({ key: todoKeys[d.kind ?? ''] ?? 'mail.todo.other' }), w.due(d.dueAt, d.kind)],
  }),

  'application-submitted': (w, d) => ({
    topic: w.say('mail.submitted.subject'),
    lines: [
      w.say('mail.submitted.body', { application: w.application(d), number: w.case?.number ?? d.caseId ?? '' }),
      w.say('mail.next', { text: w.say('mail.submitted.next') }),
    ],
  }),

  reminder: (w, d) => ({
    topic: w.say('mail.reminder.subject', { purpose: d.purpose ?? '', dueAt: d.dueAt ?? '' }),
    lines: [w.say('mail.reminder.body', { purpose: d.purpose ?? '' }), w.due(d.dueAt, d.purpose)],
  }),

  escalation: (w, d) => ({
    topic: w.say('mail.escalation.subject', { purpose: d.purpose ?? '' }),
    lines: [w.say('mail.escalation.body', { purpose: d.purpose ?? '' }), about(w, d)],
  }),

  'correction-notice': (w, d) => ({
    topic: w.say('mail.correction.subject'),
    lines: [w.say('mail.correction.body'), d.items, d.replace && w.say('mail.correction.replace', { titles: d.replace.split('\n') }), w.due(d.dueAt, 'correction'), w.say('mail.correction.consequence')],
  }),

  certificate: (w, d) => {
    const a = w.case?.application;
    const number = d.number ?? '';
    return {
      subject: w.say('mail.certificate.subject', { number }),
      lines: [
        a && w.say('mail.certificate.body', { series: a.series, level: a.level }),
        w.say('mail.certificate.number', { number }),
        w.say('mail.certificate.code', { code: d.code ?? '' }),
        w.say('mail.certificate.force'),
        d.caseId && w.say('mail.certificate.download', { url: w.url(certificatePath(d.caseId)) }),
        w.say('mail.certificate.verify', { url: w.url(verifyPath(number, d.code ?? '')) }),
      ],
    };
  },

  'result-failed': (w, d) => ({
    topic: w.say('mail.failed.subject'),
    lines: [w.say('mail.failed.body'), w.say('mail.failed.appeal'), w.due(d.appealBy, 'appeal-window')],
  }),

  'committee-seat': (w, d) => {
    const series = w.case?.meeting?.series ?? d.series ?? '';
    return {
      topic: w.say('mail.seat.subject'),
      lines: [
        w.say('mail.seat.body', { series, role: d.role ?? 'member', kind: w.case?.meeting?.kind ?? 'scheduled' }),
        d.checkInBy && w.say('mail.seat.check-in', { at: d.checkInBy }),
        w.say('mail.seat.recusal'),
      ],
    };
  },

  'committee-escalated': (w, d) => ({
    topic: w.say('mail.meeting-escalated.subject', { reason: d.reason ?? '' }),
    lines: [w.say('mail.meeting-escalated.body', { series: w.case?.meeting?.series ?? d.series ?? '', reason: d.reason ?? '' })],
  }),

  'membership-admitted': (w, d) => ({
    topic: w.say('mail.admitted.subject'),
    lines: [
      w.say('mail.admitted.body', { programme: w.programme(d.programmeId), cycles: Number(d.cycles), months: d.months ?? '' }),
      w.say('mail.next', { text: w.say('mail.admitted.next') }),
    ],
  }),

  'assessment-self-report': (w, d) => ({
    topic: w.say('mail.self-report.subject', { cycle: d.cycle ?? '' }),
    lines: [w.say('mail.self-report.body', { programme: w.programme(d.programmeId), cycle: d.cycle ?? '' }), w.due(d.dueAt, 'self-report'), w.say('mail.self-report.consequence')],
  }),

  'assessment-graded': (w, d) => {
    const grade = codeOf('grade', d.grade);
    const scored = d.score && d.score !== '—';
    const q = w.ctx.quota;
    return {
      topic: w.say('mail.graded.subject', { cycle: d.cycle ?? '', grade }),
      lines: [
        scored ? w.say('mail.graded.body', { cycle: d.cycle ?? '', score: d.score!, grade }) : w.say('mail.graded.no-score', { cycle: d.cycle ?? '', grade }),
        q && w.say('mail.graded.quota', { size: q.size, percent: Math.round(q.quota * 1000) / 10, slots: q.slots }),
        q && w.say('mail.graded.tie-rule'),
        q && (q.late ? w.say('mail.graded.late') : w.say('mail.graded.tie-you', { group: q.group, above: q.above })),
      ],
    };
  },

  'assessment-term-result': (w, d) => {
    const grade = codeOf('grade', d.grade);
    return {
      topic: w.say('mail.term.subject', { grade }),
      lines: [w.say('mail.term.body', { score: d.score ?? '', grade, trend: d.trend ?? 'stable' })],
    };
  },

  'exit-review-opened': (w, d, why) => {
    const reason = why?.length ? why.map((p) => w.phrase(p)).join('；') : (d.reason ?? '');
    const programme = w.programme(d.programmeId);
    return {
      topic: w.say('mail.exit-opened.subject'),
      lines: [
        d.trigger ? w.say('mail.exit-opened.body', { trigger: d.trigger, reason, programme }) : w.say('mail.exit-opened.body-plain', { reason, programme }),
        w.say('mail.exit-opened.todo'),
        w.due(d.dueAt, 'defence'),
      ],
    };
  },

  'exit-decision': (w, d) => {
    const decision = codeOf('decision', d.decision);
    return {
      topic: w.say('mail.exit-decided.subject', { decision }),
      lines: [w.say('mail.exit-decided.body', { decision }), d.reason && w.say('mail.reason', { reason: d.reason }), w.say('mail.exit-decided.appeal'), w.due(d.appealBy, 'appeal-window')],
    };
  },

  'exit-final': (w, d) => {
    const decision = codeOf('decision', d.decision);
    return {
      topic: w.say('mail.exit-final.subject', { decision }),
      lines: [
        w.say('mail.exit-final.body', { decision }),
        d.reason && w.say('mail.reason', { reason: d.reason }),
        d.plan && w.say('mail.exit-final.plan', { plan: d.plan }),
        d.barUntil && w.say('mail.exit-final.bar', { until: d.barUntil }),
      ],
    };
  },

  'supervision-reported': (w, d) => ({
    topic: w.say('mail.supervision-reported.subject', { kind: d.kind ?? '' }),
    lines: [w.say('mail.supervision-reported.body', { kind: d.kind ?? '', reportedAs: d.reportedAs ?? '' }), w.say('mail.supervision-reported.contest', { contestBy: d.contestBy ?? '' })],
  }),

  'supervision-contested': (w, d) => ({
    topic: w.say('mail.supervision-contested.subject', { kind: d.kind ?? '' }),
    lines: [w.say('mail.supervision-contested.body', { kind: d.kind ?? '' })],
  }),

  'supervision-resolved': (w, d) => ({
    topic: w.say('mail.supervision-resolved.subject', { resolution: d.resolution ?? '' }),
    lines: [w.say('mail.supervision-resolved.body', { kind: d.kind ?? '', resolution: d.resolution ?? '' }), d.reason && w.say('mail.reason', { reason: d.reason })],
  }),

  'exit-review-cancelled': (w, d) => ({
    topic: w.say('mail.exit-cancelled.subject'),
    lines: [w.say('mail.exit-cancelled.body', { programme: w.programme(d.programmeId) }), d.reason && w.say('mail.reason', { reason: d.reason })],
  }),

  'stage-changed': (w, d, why) => ({ topic: w.say('mail.progress.subject', { stage: d.stage ?? '' }), lines: progressLines(w, d, why) }),

  /** The administrator's batch reminder to a reviewer whose task is past its due date. */
  'overdue-reminder': (w, d) => ({
    topic: w.say('mail.overdue.subject', { kind: d.kind ?? '' }),
    lines: [w.say('mail.overdue.body', { kind: d.kind ?? '', dueAt: d.dueAt ?? '' }), about(w, d)],
  }),
};

/** What a move means for the applicant, with the reasons: a person's, or the system's. */
function progressLines(w: Writer, d: Record<string, string>, why: Phrase[] | undefined): Line[] {
  const reason = d.reason ? w.say('mail.reason', { reason: d.reason }) : undefined;
  const reasons = why?.length ? why.map((p) => w.phrase(p)) : [];
  const notice = (purpose: 'employer-notice' | 'result-notice') => {
    const until = w.deadlineOf(purpose);
    return until ? w.say(purpose === 'employer-notice' ? 'mail.progress.employer-notice.until' : 'mail.progress.result-notice.until', { dueAt: until.dueAt, days: until.workingDays }) : undefined;
  };
  switch (d.stage) {
    case 'employer-notice':
      return [w.say('mail.progress.employer-notice'), notice('employer-notice'), reason];
    case 'result-notice':
      return [w.say('mail.progress.result-notice'), notice('result-notice')];
    case 'returned':
      return [w.say('mail.progress.returned'), reason, w.due(w.deadlineOf('resubmit')?.dueAt, 'resubmit')];
    case 'rejected':
      return [w.say('mail.progress.rejected'), reason];
    case 'withdrawn':
      return [w.say('mail.progress.withdrawn'), ...reasons.map((r) => w.say('mail.reason', { reason: r })), reason];
    case 'cancelled':
      return [w.say('mail.progress.cancelled'), reason];
    case 'ineligible':
      // Every reason, numbered; a case recorded before the catalogue has them as one English text.
      return [w.say('mail.progress.ineligible'), ...(reasons.length ? reasons.map((r, i) => `${i + 1}. ${r}`) : [d.reason && `1. ${d.reason}`])];
    case 'failed':
      return [w.say('mail.progress.failed'), reason];
    default:
      return [w.say('mail.progress.other', { stage: d.stage ?? '' }), reason];
  }
}

/** Renders a mail for one reader. Throws for a template nobody wrote. */
export function renderMail(locale: Locale, mail: MailRequest, ctx: MailContext): Mail {
  const template = templates[mail.template];
  if (!template) throw new Error(`unknown mail template: ${mail.template}`);
  const w = new Writer(locale, ctx);
  const worded = template(w, mail.data, mail.why);
  const subject = worded.subject ?? w.say('mail.subject', { topic: worded.topic ?? '', ref: w.ref(mail.data.caseId ?? mail.data.meetingId) });
  const body = [...worded.lines, '', ...w.footer(mail.data.caseId ?? mail.data.meetingId)].filter((l): l is string => typeof l === 'string');
  return { subject, text: `${body.join('\n').replace(/\n{3,}/g, '\n\n')}\n` };
}

/** The names of the templates (a test checks each renders in every language). */
export const MAIL_TEMPLATES = Object.keys(templates);
