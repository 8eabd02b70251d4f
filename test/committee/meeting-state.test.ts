// The meeting's rules without Temporal: what the validators refuse, and what each step writes.
import { describe, expect, it } from 'vitest';
import { CommitteeMeeting } from '../../workflows/committee/meeting';
import type { MeetingInput, MeetingStep } from '../../domain/committee/types';
import { FAILURE } from '../../domain/failures';
import { ADMIN, expert, rules } from './support';

const T0 = '2026-10-12T01:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();
const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    return (err as { type?: string }).type;
  }
  return 'accepted';
};

function votingMeeting() {
  const input: MeetingInput = { version: 1, meetingId: 'm1', series: 's', kind: 'scheduled', rules: rules({ size: 3, votingHours: 24 }) };
  const m = new CommitteeMeeting(input, 'meeting-m1');
  m.enrol({ caseId: 'c1', workflowId: 'case-c1', applicantId: 'u1', employerId: 'org-1' });
  m.requestConvene({ actor: ADMIN });
  m.fill({ seed: 's', experts: ['x1', 'x2', 'x3'].map((expertId) => ({ expertId })) }, 'convene', ADMIN.id, T0);
  const steps: MeetingStep[] = [];
  for (const id of ['x1', 'x2']) steps.push(...m.checkIn({ actor: expert(id) }, T0));
  return { m, steps };
}

describe('CommitteeMeeting', () => {
  it('opens voting at quorum and refuses a ballot once voting hours are over, before any timer fires', () => {
    const { m } = votingMeeting();
    expect(m.stage).toBe('voting');
    expect(m.votingClosesAt).toBe(at(24));
    const ballot = { actor: expert('x1'), caseId: 'c1', choice: 'yes' as const };
    expect(refusal(() => m.validateVote(ballot, at(23)))).toBe('accepted');
    expect(refusal(() => m.validateVote(ballot, at(24)))).toBe(FAILURE.conflict);
  });

  it('writes who voted but not how, and refuses a second ballot and anything after the close', () => {
    const { m } = votingMeeting();
    const step = m.vote({ actor: expert('x1'), caseId: 'c1', choice: 'no' }, at(1));
    expect(step.ballot).toEqual({ caseId: 'c1', expertId: 'x1', castAt: at(1) });
    expect(JSON.stringify(step)).not.toMatch(/"no"|choice/);
    expect(refusal(() => m.validateVote({ actor: expert('x1'), caseId: 'c1', choice: 'yes' }, at(1)))).toBe(FAILURE.conflict);
    const closed = m.close(ADMIN.id, at(2));
    expect(closed.tallies).toEqual([{ caseId: 'c1', workflowId: 'case-c1', members: 3, present: 2, yes: 0, no: 1, abstain: 0, passed: false }]);
    expect(refusal(() => m.validateVote({ actor: expert('x2'), caseId: 'c1', choice: 'yes' }, at(2)))).toBe(FAILURE.conflict);
    expect(refusal(() => m.validateClose({ actor: ADMIN }))).toBe(FAILURE.conflict);
  });

  it('numbers its events in order and reports each step to the database once', () => {
    const { steps } = votingMeeting();
    expect(steps.map((s) => s.transition.eventKey)).toEqual(['2-check-in', '3-check-in', '4-voting-opened']);
    expect(steps.at(-1)!.transition).toMatchObject({ stage: 'voting', caseId: 'm1', workflowId: 'meeting-m1' });
  });

  it('starts check-in over on a reschedule and moves the members’ due dates with it', () => {
    const input: MeetingInput = { version: 1, meetingId: 'm2', series: 's', kind: 'scheduled', rules: rules({ size: 3, checkInHours: 2 }) };
    const m = new CommitteeMeeting(input, 'meeting-m2');
    m.enrol({ caseId: 'c1', workflowId: 'case-c1', applicantId: 'u1', employerId: 'org-1' });
    m.requestConvene({ actor: ADMIN });
    m.fill({ seed: 's', experts: ['x1', 'x2', 'x3'].map((expertId) => ({ expertId })) }, 'convene', ADMIN.id, T0);
    m.checkIn({ actor: expert('x1') }, T0);
    m.escalateIfQuorumMissed(m.checkInDeadline!, at(2));
    expect(m.stage).toBe('escalated');
    expect(refusal(() => m.validateReschedule({ actor: ADMIN, reason: 'holiday', scheduledFor: at(1) }, at(3)))).toBe(FAILURE.invalid);
    const step = m.reschedule({ actor: ADMIN, reason: 'holiday', scheduledFor: at(48) }, at(3));
    expect(m.stage).toBe('drawn');
    expect(m.present).toBe(0);
    expect(m.checkInDeadline).toBe(at(50));
    expect(step.scheduledFor).toBe(at(48));
    expect([...step.transition.retimeTasks!].sort((a, b) => a.taskKey.localeCompare(b.taskKey))).toEqual(['x1', 'x2', 'x3'].map((id) => ({ taskKey: `seat-${id}`, dueAt: at(50) })));
    expect(step.transition.closeTasks).toEqual([{ taskKey: 'escalation-1', outcome: 'rescheduled' }]);
    // Check-in opens at the new date, not before.
    expect(refusal(() => m.validateCheckIn({ actor: expert('x1') }, at(4)))).toBe(FAILURE.conflict);
    expect(refusal(() => m.validateCheckIn({ actor: expert('x1') }, at(48)))).toBe('accepted');
    expect(refusal(() => m.validateCheckIn({ actor: expert('x1') }, at(50)))).toBe(FAILURE.conflict);
  });
});
