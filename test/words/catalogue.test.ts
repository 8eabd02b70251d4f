// The message catalogue (domain/words): every language has every key with the same placeholders,
// English never shows Chinese, dates read as people in Shanghai write them, and every mail
// template renders in both languages with no placeholder left and no code showing.
import { describe, expect, it } from 'vitest';
import { en } from '../../domain/words/en';
import { zhCN, type WordKey } from '../../domain/words/zh-CN';
import { catalogue, label, labels, phrase, say, sayPhrase } from '../../domain/words/say';
import { fromAcceptLanguage, localeOf, LOCALES } from '../../domain/words/locale';
import { lastDayOf, writeDate, writeDateTime } from '../../domain/words/dates';
import { MAIL_TEMPLATES, renderMail, type MailContext } from '../../domain/mail-templates';
import { failure } from '../../domain/appraisal/predicates';
import { barReason } from '../../domain/integrity';
import { CASE_NUMBER, caseNumberPrefix, formatCaseNumber } from '../../domain/case-number';
import { conflict, phraseOf } from '../../domain/failures';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const placeholders = (template: string) => [...template.matchAll(/\{([A-Za-z][\w-]*)/g)].map((m) => m[1]).sort();

describe('the catalogue', () => {
  it('has every key in every language, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const key of Object.keys(zhCN) as WordKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('says English without Chinese, and Chinese labels in Chinese', () => {
    for (const [key, words] of Object.entries(en)) expect(words, key).not.toMatch(CJK);
    for (const [key, words] of Object.entries(zhCN)) if (/^(stage|step|track|series|level|grade)\./.test(key)) expect(words, key).toMatch(CJK);
    expect(catalogue('en')).toBe(en);
    expect(labels('zh-CN', 'level')).toEqual({ junior: '初级', intermediate: '中级', 'deputy-senior': '副高级', senior: '正高级' });
  });

  it('fills placeholders: labels, lists with 或 / or, counts, and unknown codes as themselves', () => {
    expect(say('zh-CN', 'refusal.wrong-stage', { stage: 'formal-review', expected: ['employer-notice', 'result-notice'] })).toBe(
      '案件当前处于“形式审查”阶段，此操作仅在“单位公示或评审结果公示”阶段可办理',
    );
    expect(say('en', 'refusal.wrong-stage', { stage: 'formal-review', expected: ['employer-notice', 'result-notice'] })).toBe(
      'the case is at stage formal review, not employer notice or result notice',
    );
    expect(say('en', 'eligibility.years-in-title', { years: 1, required: 5 })).toBe('1 year in the current title, 5 required');
    expect(say('en', 'eligibility.years-in-title', { years: 0, required: 5 })).toBe('0 years in the current title, 5 required');
    expect(say('zh-CN', 'eligibility.years-in-title', { years: 0, required: 5 })).toBe('现职称任职0年，需满5年');
    expect(label('zh-CN', 'series', 'a-new-series')).toBe('a-new-series');
    expect(label('zh-CN', 'step', 'escalation-formal-review')).toBe('督办：形式审查');
    expect(label('en', 'step', 'escalation-formal-review')).toBe('follow-up: formal review');
    expect(sayPhrase('en', { key: 'no.such.key' })).toBe('no.such.key');
  });

  it('reads Accept-Language and stored locales, zh-CN unless English is preferred', () => {
    expect(fromAcceptLanguage(undefined)).toBe('zh-CN');
    expect(fromAcceptLanguage('en')).toBe('en');
    expect(fromAcceptLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(fromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(fromAcceptLanguage('fr-FR, en;q=0.5')).toBe('en');
    expect(fromAcceptLanguage('en;q=0.2, zh-TW;q=0.8')).toBe('zh-CN');
    expect(fromAcceptLanguage('de, *;q=0.1')).toBe('zh-CN');
    expect(localeOf('EN')).toBe('en');
    expect(localeOf('zh-CN')).toBe('zh-CN');
    expect(localeOf(null)).toBe('zh-CN');
    expect([...LOCALES]).toEqual(['zh-CN', 'en']);
  });
});

describe('dates in Asia/Shanghai, as people write them', () => {
  it('writes calendar dates and wall times', () => {
    expect(writeDate('zh-CN', '2026-12-10')).toBe('2026年12月10日');
    expect(writeDate('en', '2026-12-10')).toBe('10 Dec 2026');
    expect(writeDateTime('zh-CN', '2026-12-10T06:30:00Z')).toBe('2026年12月10日 14:30');
    expect(writeDateTime('en', '2026-12-09T23:05:00Z')).toBe('10 Dec 2026, 07:05 (UTC+8)');
  });

  it("a deadline ending at 16:00Z shows that same calendar day: it is 24:00 of it in Shanghai, not the next day's start", () => {
    expect(lastDayOf('2026-12-09T16:00:00.000Z')).toBe('2026-12-09');
    expect(say('zh-CN', 'mail.due.working-days', { dueAt: '2026-12-09T16:00:00.000Z', days: 10 })).toBe('办理期限：2026年12月9日（含当日，共10个工作日）');
    expect(say('en', 'mail.due.working-days', { dueAt: '2026-12-09T16:00:00.000Z', days: 10 })).toBe('Due by: the end of 9 Dec 2026 (10 working days)');
    // An instant, as a date, is the Shanghai date it falls on: 17:30Z is already the next day there.
    expect(say('zh-CN', 'refusal.membership-paused', { since: '2026-09-28T17:30:00Z', reason: '借调' })).toBe('考核自2026年9月29日起暂停：借调');
  });
});

describe('reasons as phrases', () => {
  const facts = { submission: { education: 'bachelor' as const, achievements: [], currentTitle: { level: 'intermediate' as const, series: 'engineering', since: '2026-01-01' } }, today: '2026-11-30', employer: { kind: 'employer', privateEnterprise: false } };

  it('an unmet predicate is a phrase with its numbers, said in either language', () => {
    const p = failure({ kind: 'minYearsInCurrentTitle', value: 5 }, facts)!;
    expect(p).toEqual({ key: 'eligibility.years-in-title', params: { years: 0, required: 5 } });
    expect(sayPhrase('zh-CN', p)).toBe('现职称任职0年，需满5年');
    expect(sayPhrase('en', p)).toBe('0 years in the current title, 5 required');
    const q = failure({ kind: 'minEducation', value: 'master' }, facts)!;
    expect(sayPhrase('zh-CN', q)).toBe('学历未达到硕士研究生（申报学历：大学本科）');
    expect(sayPhrase('en', q)).toBe("education below master's degree (you gave bachelor's degree)");
  });

  it('an integrity bar names its record: kind, the revoked certificate, the date, the finding', () => {
    const p = barReason({ kind: 'title-fraud', certificateNumber: 'SH-2026-HEA-7K2M9QXA', recordedAt: '2026-03-01T02:00:00.000Z', barUntil: '2029-03-01T02:00:00.000Z', finding: '论文抄袭' });
    expect(sayPhrase('zh-CN', p)).toBe('诚信档案记录限制申报至2029年3月1日：以弄虚作假等手段取得职称，撤销职称证书SH-2026-HEA-7K2M9QXA（2026年3月1日记录），认定事实：论文抄袭');
    expect(sayPhrase('en', p)).toBe(
      'an integrity record bars applications until 1 Mar 2029: a title obtained by fraud, certificate SH-2026-HEA-7K2M9QXA revoked (recorded on 1 Mar 2026); finding: 论文抄袭',
    );
  });

  it("a workflow's refusal carries its phrase, with the English as the failure's message", () => {
    const failed = conflict('refusal.objection-max', { max: 30 });
    expect(failed.message).toBe('an objection investigation may last at most 30 working days');
    expect(phraseOf(failed)).toEqual(phrase('refusal.objection-max', { max: 30 }));
    expect(sayPhrase('zh-CN', phraseOf(failed)!)).toBe('异议调查最长为30个工作日');
  });
});

describe('受理编号', () => {
  it('is year (Shanghai), track, series and a four-digit sequence', () => {
    expect(caseNumberPrefix({ submittedAt: '2026-12-31T16:30:00Z', track: 'direct', series: 'engineering' })).toBe('2027-ZT-GC');
    expect(caseNumberPrefix({ submittedAt: '2026-05-01T02:00:00Z', track: 'standard', series: 'health' })).toBe('2026-CG-WS');
    expect(caseNumberPrefix({ submittedAt: '2026-05-01T02:00:00Z', track: 'green', series: 'economics' })).toBe('2026-LS-JJ');
    expect(caseNumberPrefix({ submittedAt: '2026-05-01T02:00:00Z', track: 'returnee', series: 'a-new-series' })).toBe('2026-RE-AN');
    expect(formatCaseNumber('2026-ZT-GC', 1)).toBe('2026-ZT-GC-0001');
    expect(formatCaseNumber('2026-ZT-GC', 12345)).toBe('2026-ZT-GC-12345');
    expect('2026-ZT-GC-0001').toMatch(CASE_NUMBER);
  });
});

describe('mail, worded for each reader', () => {
  const id = '8988add8-0b7e-4a55-9a1e-2f6c3d4e5f60';
  const application: MailContext = {
    publicBaseUrl: 'https://talent.example.test/',
    case: { process: 'appraisal', id, number: '2026-ZT-GC-0001', application: { series: 'engineering', level: 'deputy-senior', track: 'direct' } },
    deadlines: [
      { purpose: 'employer-review', countFrom: '2026-11-25T02:00:00.000Z', workingDays: 10, dueAt: '2026-12-09T16:00:00.000Z' },
      { purpose: 'employer-notice', countFrom: '2026-11-25T02:00:00.000Z', workingDays: 5, dueAt: '2026-12-09T16:00:00.000Z' },
    ],
  };
  const membership: MailContext = { publicBaseUrl: 'https://talent.example.test', case: { process: 'assessment', id: 'm-1', programme: { name: '领军人才', nameEn: 'Leading talents' } } };
  const data: Record<string, Record<string, string>> = {
    'task-assigned': { caseId: id, kind: 'employer-review', dueAt: '2026-12-09T16:00:00.000Z' },
    'application-submitted': { caseId: id, series: 'engineering', level: 'deputy-senior', track: 'direct' },
    reminder: { caseId: id, purpose: 'employer-review', dueAt: '2026-12-09T16:00:00.000Z' },
    escalation: { caseId: id, purpose: 'formal-review' },
    'correction-notice': { caseId: id, items: '1. 学历证书: 扫描件不清晰', dueAt: '2026-12-09T16:00:00.000Z' },
    certificate: { caseId: id, number: 'SH-2026-ENG-7K2M9QXA', code: 'ABCD2345EF' },
    'result-failed': { caseId: id, appealBy: '2026-12-09T16:00:00.000Z' },
    'committee-seat': { meetingId: 'meeting-1', series: 'engineering', role: 'panel', checkInBy: '2026-12-09T06:00:00.000Z' },
    'committee-escalated': { meetingId: 'meeting-1', series: 'engineering', reason: 'quorum-missed' },
    'membership-admitted': { caseId: 'm-1', programmeId: 'leading-talent', cycles: '3', months: '12' },
    'assessment-self-report': { caseId: 'm-1', programmeId: 'leading-talent', cycle: '1', dueAt: '2026-12-09T16:00:00.000Z' },
    'assessment-graded': { caseId: 'm-1', cycle: '1', grade: 'pass', baseGrade: 'excellent', score: '93.00' },
    'assessment-term-result': { caseId: 'm-1', grade: 'excellent', score: '95.93', trend: 'stable' },
    'exit-review-opened': { caseId: 'm-1-1', programmeId: 'leading-talent', trigger: 'grade-fail', reason: 'x', dueAt: '2026-12-09T16:00:00.000Z' },
    'exit-decision': { caseId: 'm-1-1', decision: 'retain', reason: 'evidence', appealBy: '2026-12-09T16:00:00.000Z' },
    'exit-final': { caseId: 'm-1-1', decision: 'exit', reason: 'evidence', plan: '', barUntil: '2029-12-09T03:00:00.000Z' },
    'exit-review-cancelled': { caseId: 'm-1-1', programmeId: 'leading-talent', reason: 'the report was unfounded' },
    'supervision-reported': { caseId: 'r-1', kind: 'long-absence', reporter: 'u-hr-zhangjiang', reportedAs: 'employer', contestBy: '2026-12-09T16:00:00.000Z' },
    'supervision-contested': { caseId: 'r-1', kind: 'integrity-violation' },
    'supervision-resolved': { caseId: 'r-1', kind: 'long-absence', resolution: 'overturned', reason: 'attendance records' },
    'stage-changed': { caseId: id, stage: 'employer-notice', reason: '' },
    'overdue-reminder': { caseId: id, kind: 'employer-review', dueAt: '2026-12-09T16:00:00.000Z' },
  };
  const ctxOf = (template: string): MailContext =>
    template.startsWith('committee') ? { publicBaseUrl: 'https://talent.example.test', case: { process: 'meeting', id: 'meeting-1', meeting: { series: 'engineering', kind: 'adhoc' } } } : ['membership-admitted', 'assessment-self-report', 'assessment-graded', 'assessment-term-result', 'exit-review-opened', 'exit-decision', 'exit-final', 'exit-review-cancelled'].includes(template) ? membership : application;
  /** Codes a Chinese reader must not see. */
  const CODES = /\b(engineering|deputy-senior|intermediate|employer-review|employer-notice|formal-review|direct|excellent|quorum-missed|grade-fail|leading-talent|retain)\b/;

  it('every template renders in both languages: no placeholder left, no Chinese in English, no code in Chinese', () => {
    expect(MAIL_TEMPLATES.sort()).toEqual(Object.keys(data).sort());
    for (const template of MAIL_TEMPLATES) {
      const zh = renderMail('zh-CN', { template, data: data[template]! }, ctxOf(template));
      const english = renderMail('en', { template, data: data[template]! }, ctxOf(template));
      for (const m of [zh, english]) expect(`${m.subject}\n${m.text}`, template).not.toMatch(/\{[a-z]/i);
      const words = (m: { subject: string; text: string }) => `${m.subject}\n${m.text}`.replace(/https?:\/\/\S+/g, '').replace('学历证书: 扫描件不清晰', '');
      expect(words(english), template).not.toMatch(CJK);
      expect(words(zh), template).not.toMatch(CODES);
      expect(words(zh), template).toMatch(CJK);
    }
  });

  it('a task says what, about what, what to do, by when (the last day, with its working days) and where', () => {
    const zh = renderMail('zh-CN', { template: 'task-assigned', data: data['task-assigned']! }, application);
    expect(zh.subject).toBe('待办：单位审核（2026-ZT-GC-0001）');
    expect(zh.text).toBe(
      [
        '您有一项新的待办事项：单位审核。',
        '事项所属：工程技术副高级职称申报（直通车）',
        '请审核申报材料，作出同意推荐、退回修改或不予推荐的决定。',
        '办理期限：2026年12月9日（含当日，共10个工作日）',
        '',
        `查看与办理：https://talent.example.test/api/applications/${id}`,
        '受理编号：2026-ZT-GC-0001',
        `案件ID：${id}`,
        '',
      ].join('\n'),
    );
    const english = renderMail('en', { template: 'task-assigned', data: data['task-assigned']! }, application);
    expect(english.subject).toBe('To do: employer review (2026-ZT-GC-0001)');
    expect(english.text).toContain('Due by: the end of 9 Dec 2026 (10 working days)');
    expect(english.text).toContain('About: application for the deputy senior title in engineering (direct track for overseas high-level talent)');
  });

  it('a receipt reads in full with the case number, not the internal id alone', () => {
    const zh = renderMail('zh-CN', { template: 'application-submitted', data: data['application-submitted']! }, application);
    expect(zh.text.split('\n')[0]).toBe('您的工程技术副高级职称申报（直通车）已提交并受理，受理编号 2026-ZT-GC-0001。');
  });

  it('an ineligibility lists every reason in the reader’s language', () => {
    const why = [phrase('eligibility.years-in-title', { years: 0, required: 5 }), phrase('eligibility.channel', { track: 'standard', kind: 'talent-service-centre' })];
    const zh = renderMail('zh-CN', { template: 'stage-changed', data: { caseId: id, stage: 'ineligible' }, why }, application);
    expect(zh.text).toContain('原因如下：\n1. 现职称任职0年，需满5年\n2. 常规评审不受理经人才服务中心提交的申报');
    const english = renderMail('en', { template: 'stage-changed', data: { caseId: id, stage: 'ineligible' }, why }, application);
    expect(english.text).toContain('Why:\n1. 0 years in the current title, 5 required\n2. the standard track is not open through a talent service centre');
  });

  it('a grade the quota lowered explains the quota and the tie rule', () => {
    const ctx = { ...membership, quota: { size: 10, quota: 0.2, slots: 2, group: 2, above: 1, late: false } };
    const zh = renderMail('zh-CN', { template: 'assessment-graded', data: data['assessment-graded']! }, ctx);
    expect(zh.subject).toBe('第1周期考核结果：合格（领军人才）');
    expect(zh.text).toContain('本批次共10人，“优秀”比例不超过20%，名额为2个');
    expect(zh.text).toContain('同分者等次相同');
    expect(zh.text).toContain('与您同分的共2人（含您本人），得分更高的1人已获评“优秀”');
    const english = renderMail('en', { template: 'assessment-graded', data: { ...data['assessment-graded']!, grade: '合格' } }, ctx);
    expect(english.subject).toBe('Cycle 1 result: pass (Leading talents)'); // a label from before the catalogue reads as its code
    expect(english.text).toContain('2 members (you included) share your score');
  });
});
