// Eligibility at submission (DOMAIN §1.1, §2, §5): the pinned standard, the track's entry
// predicates and channels, and the integrity record, with 撤销 barring for the policy's years.
// Each reason is a phrase of the catalogue, read here in both languages; a refusal for an
// integrity bar names the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeCertificate } from '../../records/revocation';
import { sayPhrase, type Phrase } from '../../domain/words/say';
import { writeDate } from '../../domain/words/dates';
import { shanghaiDate } from '../../domain/calendar/shanghai';
import { status } from '../../workflows/appraisal/messages';
import { baseInput, startAppraisalEnv, type AppraisalEnv } from '../support/appraisal-env';
import { waitForStage } from '../support/workflow-helpers';

let t: AppraisalEnv;
beforeAll(async () => {
  t = await startAppraisalEnv();
});
afterAll(async () => {
  await t?.stop();
});

/** The reasons the case was refused for, in English and in Chinese. */
async function ineligibility(overrides: Parameters<AppraisalEnv['start']>[0]) {
  const h = await t.start(overrides);
  expect((await h.result()).stage).toBe('ineligible');
  const audit = await t.db.auditEvent.findFirstOrThrow({ where: { workflowId: h.workflowId, action: 'eligibility-failed' } });
  const why = (audit.detail as unknown as { why: Phrase[] }).why;
  return { en: why.map((p) => sayPhrase('en', p)), zh: why.map((p) => sayPhrase('zh-CN', p)), workflowId: h.workflowId };
}

describe('eligibility against the pinned standard and track', () => {
  it('pins the policy version and the standard on the case', async () => {
    const h = await t.start();
    await waitForStage(h, 'employer-review');
    const s = await h.query(status);
    expect(s).toMatchObject({ policyVersion: 1, standardId: 'std-engineering-intermediate-standard-v1' });
    const row = await t.db.application.findFirstOrThrow({ where: { workflowId: h.workflowId } });
    expect(row).toMatchObject({ policyVersion: 1, standardId: 'std-engineering-intermediate-standard-v1' });
  });

  it('the standard track needs the prior title held long enough', async () => {
    await t.syncClock();
    const since = t.clock().toISOString().slice(0, 10);
    const reasons = await ineligibility({
      submission: { ...baseInput().submission, currentTitle: { level: 'junior', series: 'engineering', since } },
    });
    expect(reasons.en).toEqual(['0 years in the current title, 4 required']);
    expect(reasons.zh).toEqual(['现职称任职0年，需满4年']);
  });

  it('直通车 waives years and the prior title for overseas talent, but needs an overseas qualification', async () => {
    const overseas = { education: 'doctorate' as const, qualifications: ['overseas-title'], achievements: [] };
    const ok = await t.start({ track: 'direct', level: 'senior', employerId: 'org-talent-centre', submission: overseas });
    await waitForStage(ok, 'employer-review');
    const reasons = await ineligibility({ track: 'direct', level: 'senior', submission: { education: 'doctorate', achievements: [] } });
    expect(reasons.en).toEqual([
      'needs one of: an overseas professional title, an overseas senior position, a recognised overseas qualification or membership of a national or municipal high-level talent programme',
    ]);
    expect(reasons.zh).toEqual(['需具备以下条件之一：海外专业技术职称、海外高级专业职位、经认可的海外执业资格或入选国家级、市级高层次人才计划']);
    // No 直通车 standard is published for 中级: the request is ineligible, not an error.
    const level = await ineligibility({ track: 'direct', level: 'intermediate', submission: overseas });
    expect(level.en).toEqual(['no standard is published for the intermediate title in engineering on the direct track for overseas high-level talent']);
    expect(level.zh).toEqual(['尚未发布工程技术中级职称（直通车）的评价标准']);
  });

  it('绿色通道 replaces education and years by achievements, for private enterprises only', async () => {
    const achiever = {
      education: 'secondary' as const,
      achievements: [
        { kind: 'award' as const, title: '上海市科技进步奖', year: 2025, evidence: ['award.pdf'] },
        { kind: 'product' as const, title: '专利产业化产品', year: 2024, evidence: ['product.pdf'] },
      ],
    };
    const ok = await t.start({ track: 'green', level: 'deputy-senior', submission: achiever });
    await waitForStage(ok, 'employer-review');
    const hospital = await ineligibility({ track: 'green', level: 'deputy-senior', employerId: 'org-district-hospital', submission: achiever });
    expect(hospital.en).toEqual(['the employer is not a private enterprise']);
    expect(hospital.zh).toEqual(['用人单位不是民营企业']);
    const few = await ineligibility({ track: 'green', level: 'deputy-senior', submission: { ...achiever, achievements: achiever.achievements.slice(0, 1) } });
    expect(few.en).toEqual(['1 qualifying achievements (award, product or patent), 2 required']);
    expect(few.zh).toEqual(['符合条件的业绩（奖项、产品或专利）1项，需2项']);
  });

  it('a track is open only through its channels', async () => {
    const reasons = await ineligibility({ employerId: 'org-talent-centre' });
    expect(reasons.en).toEqual(['the standard track is not open through a talent service centre']);
    expect(reasons.zh).toEqual(['常规评审不受理经人才服务中心提交的申报']);
  });
});

describe('撤销 and the integrity record', () => {
  it('revokes a certificate, bars its holder for 3 years, and a new application is refused', async () => {
    const id = crypto.randomUUID();
    await t.db.application.create({
      data: {
        id,
        workflowId: `appraisal-${id}`,
        applicantId: 'u-anna-chen',
        employerId: 'org-district-hospital',
        track: 'standard',
        series: 'health',
        level: 'intermediate',
        field: '心内科',
        submission: {},
        stage: 'certified',
        status: 'certified',
        policyVersion: 1,
        submittedAt: t.clock(),
      },
    });
    await t.db.certificate.create({
      data: { id, number: `SH-TEST-${id.slice(0, 6)}`, verificationCode: 'ABCD1234', applicationId: id, holderId: 'u-anna-chen', holderName: 'Anna Chen', series: 'health', level: 'intermediate', issuedAt: t.clock() },
    });
    // Revoked on the test server's today, so the bar is running whenever the suite runs.
    const at = new Date(await t.env.currentTimeMs());
    const barUntil = new Date(at);
    barUntil.setUTCFullYear(at.getUTCFullYear() + 3);
    const first = await revokeCertificate(t.db, { certificateId: id, reason: '论文抄袭', actorId: 'u-admin', at });
    const again = await revokeCertificate(t.db, { certificateId: id, reason: '论文抄袭', actorId: 'u-admin', at });
    expect(again.integrityRecord).toEqual(first.integrityRecord);
    expect(first.integrityRecord.barUntil).toEqual(barUntil);
    expect(await t.db.certificate.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'revoked', revokedReason: '论文抄袭' });
    expect(await t.db.integrityRecord.count({ where: { userId: 'u-anna-chen' } })).toBe(1);

    // The refusal names the record: its kind, the revoked certificate, the date, the finding.
    const number = `SH-TEST-${id.slice(0, 6)}`;
    const reasons = await ineligibility({ applicantId: 'u-anna-chen', employerId: 'org-district-hospital', series: 'health' });
    const [until, recorded] = [shanghaiDate(barUntil.toISOString()), shanghaiDate(at.toISOString())];
    expect(reasons.en).toEqual([
      `an integrity record bars applications until ${writeDate('en', until)}: a title obtained by fraud, certificate ${number} revoked (recorded on ${writeDate('en', recorded)}); finding: 论文抄袭`,
    ]);
    expect(reasons.zh).toEqual([`诚信档案记录限制申报至${writeDate('zh-CN', until)}：以弄虚作假等手段取得职称，撤销职称证书${number}（${writeDate('zh-CN', recorded)}记录），认定事实：论文抄袭`]);
    // Anna reads English: her mail says so, with every part of the record.
    const application = await t.db.application.findFirstOrThrow({ where: { workflowId: reasons.workflowId } });
    const [mail] = await t.smtp.waitFor((m) => m.to.includes('anna.chen@example.com') && m.subject.startsWith('Progress: not eligible'));
    expect(mail!.subject).toBe(`Progress: not eligible (${application.caseNumber})`);
    expect(mail!.text).toContain(`1. ${reasons.en[0]}`);
  });

  it('an integrity record older than its bar no longer blocks', async () => {
    await t.db.integrityRecord.create({
      data: { userId: 'u-li-ming', kind: 'title-fraud', reason: '旧记录', sourceRef: 'old-cert', recordedAt: new Date('2021-01-01T00:00:00Z'), barUntil: new Date('2024-01-01T00:00:00Z') },
    });
    const h = await t.start();
    await waitForStage(h, 'employer-review');
  });
});
