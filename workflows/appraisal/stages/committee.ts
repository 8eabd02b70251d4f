// Committee review, result notice, certificate, and the failed applicant's appeal (DOMAIN §1.4–7).
import { condition } from '@temporalio/workflow';
import { acts } from '../activities';
import { endDeadlines, now, record, startDeadline, waitUntilDue } from '../deadlines';
import type { AppraisalCase } from '../state';
import type { Cause } from './cause';
import { progress } from './employer';
import { clearObjection, noticePeriod } from './notice';
import { phrase } from '../../../domain/words/say';

export async function committeeAndResult(c: AppraisalCase, first: Cause): Promise<void> {
  const { input } = c;
  const routing = c.pinned.track.committee;
  let cause = first;
  for (;;) {
    c.committeeRound++;
    endDeadlines(c);
    await record(c, c.move('committee-review', { ...cause, detail: { ...cause.detail, round: c.committeeRound, routing } }, now()));
    // The actions that led here are answered now that the committee stage is on record.
    c.formalDecision = undefined;
    c.industryEvaluation = undefined;
    c.appealRequest = undefined;
    if (c.objectionResolution) clearObjection(c);
    const { meetingId } = await acts.enrollInMeeting({
      kind: routing,
      series: input.series,
      rules: c.pinned.policy.committee[routing],
      enrolment: { caseId: c.caseId, workflowId: c.workflowId, applicantId: input.applicantId, employerId: input.employerId },
      round: c.committeeRound,
    });
    await condition(() => c.committeeResults[meetingId] !== undefined);
    const tally = c.committeeResults[meetingId]!;
    c.committee = tally;
    const detail = { meetingId, members: tally.members, present: tally.present, yes: tally.yes, no: tally.no, abstain: tally.abstain };

    if (tally.passed) {
      const noticeEnds = await startDeadline(c, 'result-notice', c.pinned.deadlines.resultNoticeDays);
      await record(c, c.move('result-notice', { actorId: 'committee', action: 'committee-passed', detail: { ...detail, noticeEndsAt: noticeEnds }, mails: [progress(c, 'result-notice')] }, now()));
      if ((await noticePeriod(c, { role: 'authority' })) === 'upheld') {
        const by = c.objectionResolution!;
        cause = { actorId: by.actor.id, action: 'objection-upheld-review-again', note: `复核: ${by.reason}`, why: [phrase('reason.review-again', { reason: by.reason })] };
        continue;
      }
      const cert = await acts.issueCertificate({ applicationId: c.caseId, holderId: input.applicantId, series: input.series, level: input.level, issuedAt: now() });
      c.certificateNumber = cert.number;
      await record(
        c,
        c.move('certified', {
          actorId: 'system',
          action: 'certify',
          status: 'certified',
          detail: { certificateNumber: cert.number },
          mails: [{ eventKey: 'certificate', to: { userId: input.applicantId }, template: 'certificate', data: { caseId: c.caseId, number: cert.number, code: cert.verificationCode } }],
        }, now()),
      );
      return;
    }

    if (c.appealRounds >= c.pinned.policy.appealRounds) {
      await record(c, c.move('failed', { actorId: 'committee', action: 'committee-failed', status: 'failed', detail, mails: [progress(c, 'failed')] }, now()));
      return;
    }
    const appealBy = await startDeadline(c, 'appeal-window', c.pinned.deadlines.appealWindowDays);
    await record(
      c,
      c.move('failed', {
        actorId: 'committee',
        action: 'committee-failed',
        detail: { ...detail, appealBy },
        mails: [{ eventKey: 'failed', to: { userId: input.applicantId }, template: 'result-failed', data: { caseId: c.caseId, appealBy } }],
      }, now()),
    );
    if ((await waitUntilDue(c, () => c.appealRequest !== undefined)) === 'due') {
      await record(c, c.move('failed', { actorId: 'system', action: 'appeal-window-closed', status: 'failed' }, now()));
      return;
    }
    c.appealRounds++;
    cause = { actorId: input.applicantId, action: 'appeal', note: `复查: ${c.appealRequest!.reason}`, why: [phrase('reason.appeal', { reason: c.appealRequest!.reason })] };
  }
}
