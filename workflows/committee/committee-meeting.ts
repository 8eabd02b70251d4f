import { allHandlersFinished, condition, getExternalWorkflowHandle, log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../domain/activities';
import { msUntil, now } from '../shared/clock';
import * as msg from './messages';
import { CommitteeMeeting, type DrawCause } from './meeting';
import type { CommitteeResult, MeetingInput, MeetingStep } from '../../domain/committee/types';
import { serial } from '../shared/serial';

const { loadExpertPool, recordMeetingStep } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** One committee meeting: its agenda, the draw, check-in and quorum, the secret ballot, the tally. */
export async function committeeMeeting(input: MeetingInput): Promise<CommitteeResult[]> {
  const m = new CommitteeMeeting(input, workflowInfo().workflowId);
  const queue = serial();
  const record = (steps: (MeetingStep | undefined)[]) =>
    queue(async () => {
      for (const step of steps) if (step) await recordMeetingStep(step);
    });
  // A draw reads the pool when its turn comes, so it sees every seat taken before it.
  const draw = (cause: DrawCause, actorId: string) =>
    queue(async () => {
      if (!m.needsDraw(cause)) return;
      const pool = await loadExpertPool({ series: input.series, cases: m.cases, at: now() });
      await recordMeetingStep(m.fill(pool, cause, actorId, now()));
      const opened = m.openVotingIfQuorum(now());
      if (opened) await recordMeetingStep(opened);
    });
  /** The stage once everything queued so far is on record: the caller then sees its effect. */
  const settled = async () => {
    await queue(async () => undefined);
    return m.stage;
  };

  setHandler(msg.status, () => m.status());
  setHandler(msg.enroll, (e) => {
    if (m.enrol(e) === 'refused') log.warn('enrolment refused: the agenda is closed', { caseId: e.caseId });
  });
  setHandler(msg.convene, async (r) => {
    m.requestConvene(r);
    await condition(() => m.stage !== 'open');
    return settled();
  }, { validator: (r) => m.validateConvene(r, now()) });
  setHandler(msg.checkIn, async (r) => {
    await record(m.checkIn(r, now()));
    return m.stage;
  }, { validator: (r) => m.validateCheckIn(r, now()) });
  setHandler(msg.recuse, async (r) => {
    await record([m.recuse(r, now())]);
    await draw('replacement', 'system');
    return m.stage;
  }, { validator: (r) => m.validateRecuse(r) });
  setHandler(msg.submitOpinion, async (r) => {
    await record([m.opinion(r, now())]);
    return m.stage;
  }, { validator: (r) => m.validateOpinion(r) });
  setHandler(msg.vote, async (r) => {
    await record([m.vote(r, now())]);
    return m.stage;
  }, { validator: (r) => m.validateVote(r, now()) });
  setHandler(msg.closeVoting, async (r) => {
    await record([m.close(r.actor.id, now())]);
    return m.stage;
  }, { validator: (r) => m.validateClose(r) });
  setHandler(msg.redraw, async (r) => {
    await record([m.redraw(r, now())]);
    await draw('redraw', r.actor.id);
    return m.stage;
  }, { validator: (r) => m.validateRedraw(r) });
  setHandler(msg.reschedule, async (r) => {
    await record([m.reschedule(r, now())]);
    await draw('reschedule', r.actor.id);
    return m.stage;
  }, { validator: (r) => m.validateReschedule(r, now()) });

  await condition(() => m.convenedBy !== undefined);
  await draw('convene', m.convenedBy!);

  // The timers; everything else moves through the updates above.
  while (m.stage !== 'closed') {
    const stage = m.stage;
    if (stage === 'drawn') {
      const deadline = m.checkInDeadline!;
      const moved = await condition(() => m.stage !== 'drawn' || m.checkInDeadline !== deadline, msUntil(deadline));
      if (!moved) await queue(async () => {
        const step = m.escalateIfQuorumMissed(deadline, now());
        if (step) await recordMeetingStep(step);
      });
    } else if (stage === 'voting') {
      const closedByAdmin = await condition(() => m.stage !== 'voting', msUntil(m.votingClosesAt!));
      if (!closedByAdmin) await record([m.close('system', now())]);
    } else {
      await condition(() => m.stage !== stage);
    }
  }

  // The tallies are on record before any case hears its result.
  await settled();
  const results = m.results();
  for (const result of results) {
    const { workflowId } = m.cases.find((c) => c.caseId === result.caseId)!;
    try {
      await getExternalWorkflowHandle(workflowId).signal(msg.committeeDecided, result);
    } catch (err) {
      // A case that ended meanwhile (withdrawn, cancelled) has nobody to tell; its tally stays on record.
      log.warn('case workflow did not take its result', { caseId: result.caseId, workflowId, err: String(err) });
    }
  }
  await condition(allHandlersFinished);
  return results;
}
