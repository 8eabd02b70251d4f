// The meeting's state and rules (DOMAIN §1 stage 4), apart from Temporal wiring. Every change
// happens synchronously in one method, so the next update's validator already sees it; each
// method returns the step the database must record.
import { conflict, forbidden, invalid } from '../../domain/failures';
import type { MailSpec, TaskSpec } from '../../domain/transition';
import type { Actor, Instant, PendingTask } from '../../domain/types';
import { drawSeats } from '../../domain/committee/draw';
import { passes, quorumReached } from '../../domain/committee/thresholds';
import type * as T from '../../domain/committee/types';

const HOUR_MS = 3_600_000;
const addHours = (at: Instant, hours: number) => new Date(Date.parse(at) + hours * HOUR_MS).toISOString();
const latest = (at: Instant, other?: Instant) => (other && Date.parse(other) > Date.parse(at) ? other : at);
const isInstant = (s: string) => !Number.isNaN(Date.parse(s));
const seatTask = (expertId: string) => `seat-${expertId}`;
const CHOICES: readonly T.Choice[] = ['yes', 'no', 'abstain'];

export type DrawCause = 'convene' | 'replacement' | 'redraw' | 'reschedule';

interface Change {
  action: string;
  actorId: string;
  stage?: T.MeetingStage;
  detail?: Record<string, unknown>;
  open?: TaskSpec[];
  close?: { taskKey: string; outcome: string }[];
  retime?: { taskKey: string; dueAt: Instant }[];
  mails?: MailSpec[];
  write?: Omit<T.MeetingStep, 'transition'>;
}

export class CommitteeMeeting {
  stage: T.MeetingStage = 'open';
  readonly cases: T.Enrolment[] = [];
  readonly seats: T.Seat[] = [];
  convenedBy?: string;
  scheduledFor?: Instant;
  checkInDeadline?: Instant;
  votingClosesAt?: Instant;
  escalation?: { reason: string; at: Instant };
  /** Who has voted on which case (`caseId expertId`), never how: enough to refuse a second ballot. */
  private readonly voted = new Set<string>();
  /** Running counts per case, read only at close; the status query never shows them. */
  private readonly counts = new Map<string, Record<T.Choice, number>>();
  private readonly opinions = new Map<string, number>();
  private tallies?: Map<string, T.Tally>;
  private tasks: PendingTask[] = [];
  private readonly draws: { round: number; cause: string; seed: string }[] = [];
  private seq = 0;
  private escalations = 0;

  constructor(
    readonly input: T.MeetingInput,
    readonly workflowId: string,
  ) {
    this.scheduledFor = input.scheduledFor;
  }

  get rules() {
    return this.input.rules;
  }
  get seated() {
    return this.seats.filter((s) => s.status === 'seated');
  }
  get present() {
    return this.seated.filter((s) => s.present).length;
  }

  // Enrolment ---------------------------------------------------------------------------------

  /**
   * A case joins once; convening closes the agenda. Scheduled meetings wait for the admin to
   * convene; ad-hoc and panel meetings exist for one case and convene on its enrolment.
   */
  enrol(e: T.Enrolment): 'added' | 'duplicate' | 'refused' {
    if (this.cases.some((c) => c.caseId === e.caseId)) return 'duplicate';
    if (this.convenedBy !== undefined) return 'refused';
    this.cases.push(e);
    this.counts.set(e.caseId, { yes: 0, no: 0, abstain: 0 });
    if (this.input.kind !== 'scheduled') this.convenedBy = 'system';
    return 'added';
  }

  validateConvene({ actor, scheduledFor }: T.ConveneRequest, at: Instant) {
    this.requireAdmin(actor, 'convene');
    if (this.input.kind !== 'scheduled') throw conflict('refusal.meeting-convenes-itself', { kind: this.input.kind });
    if (this.convenedBy !== undefined) throw conflict('refusal.meeting-convened');
    if (this.cases.length === 0) throw conflict('refusal.agenda-empty');
    this.requireFuture(scheduledFor, at);
  }

  requestConvene({ actor, scheduledFor }: T.ConveneRequest) {
    this.convenedBy = actor.id;
    if (scheduledFor) this.scheduledFor = scheduledFor;
  }

  // Draws -------------------------------------------------------------------------------------

  needsDraw(cause: DrawCause): boolean {
    if (cause === 'convene') return this.stage === 'open';
    if (cause === 'replacement') return this.stage === 'drawn' && this.seated.length < this.rules.size;
    return this.stage === 'escalated';
  }

  /** Seats drawn experts until the committee is full; conflicted ones keep a recused row. */
  fill(pool: T.ExpertPool, cause: DrawCause, actorId: string, at: Instant): T.MeetingStep {
    const taken = new Set(this.seats.map((s) => s.expertId));
    const { picks, short } = drawSeats(pool.experts, pool.seed, this.rules.size - this.seated.length, taken);
    const round = this.draws.push({ round: this.draws.length + 1, cause, seed: pool.seed });
    if (cause !== 'replacement' && short === 0) this.checkInDeadline = addHours(latest(at, this.scheduledFor), this.rules.checkInHours);
    const fresh: T.Seat[] = picks.map(({ expertId, conflict: reason }) => {
      const panel = this.seated.filter((s) => s.role === 'panel').length < this.rules.panelSize;
      const seat: T.Seat = reason
        ? { expertId, role: 'member', status: 'recused', reason, present: false, drawOrder: this.seats.length + 1 }
        : { expertId, role: panel ? 'panel' : 'member', status: 'seated', present: false, drawOrder: this.seats.length + 1 };
      this.seats.push(seat);
      return seat;
    });
    const seatedNow = fresh.filter((s) => s.status === 'seated');
    const detail = {
      cause, round, seed: pool.seed, pool: pool.experts.map((x) => x.expertId),
      seated: seatedNow.map((s) => s.expertId), recused: fresh.filter((s) => s.status === 'recused').map((s) => ({ expertId: s.expertId, reason: s.reason })), short,
    };
    const dueAt = short === 0 ? this.checkInDeadline : undefined;
    const change: Change = {
      action: `draw-${cause}`, actorId, stage: short === 0 ? 'drawn' : 'escalated', detail,
      open: seatedNow.map((s) => ({ taskKey: seatTask(s.expertId), kind: 'committee-vote', assigneeRole: 'expert', assigneeId: s.expertId, ...(dueAt ? { dueAt } : {}) })),
      mails: seatedNow.map((s) => ({
        eventKey: `seat-${s.expertId}`, to: { userId: s.expertId }, template: 'committee-seat',
        data: { meetingId: this.input.meetingId, series: this.input.series, role: s.role, checkInBy: dueAt ?? '' },
      })),
      // Convening is when the admin sets the date of a scheduled meeting.
      write: { seats: fresh, ...(cause === 'convene' && this.scheduledFor ? { scheduledFor: this.scheduledFor } : {}) },
    };
    return short === 0 ? this.move(change, at) : this.escalateWith(change, 'pool-too-small', at);
  }

  // Check-in and quorum -----------------------------------------------------------------------

  validateCheckIn({ actor }: T.CheckInRequest, at: Instant) {
    const seat = this.seatOf(actor, 'check-in');
    if (this.stage !== 'drawn' && this.stage !== 'voting') throw conflict('refusal.check-in-closed-stage', { stage: this.stage });
    if (seat.present) throw conflict('refusal.checked-in');
    if (this.scheduledFor && Date.parse(this.scheduledFor) > Date.parse(at)) throw conflict('refusal.meeting-starts-at', { at: this.scheduledFor });
    // Past the deadline without quorum the meeting is the admin's, even before the timer has fired.
    if (this.stage === 'drawn' && Date.parse(at) >= Date.parse(this.checkInDeadline!)) throw conflict('refusal.check-in-closed-at', { at: this.checkInDeadline! });
  }

  checkIn({ actor }: T.CheckInRequest, at: Instant): T.MeetingStep[] {
    const seat = this.seated.find((s) => s.expertId === actor.id)!;
    seat.present = true;
    const step = this.move({ action: 'check-in', actorId: actor.id, detail: { present: this.present }, write: { seats: [seat] } }, at);
    const opened = this.openVotingIfQuorum(at);
    return opened ? [step, opened] : [step];
  }

  openVotingIfQuorum(at: Instant): T.MeetingStep | undefined {
    if (this.stage !== 'drawn' || !quorumReached(this.present, this.rules)) return undefined;
    this.votingClosesAt = addHours(at, this.rules.votingHours);
    const detail = { members: this.rules.size, present: this.present, closesAt: this.votingClosesAt };
    return this.move({ action: 'voting-opened', actorId: 'system', stage: 'voting', detail }, at);
  }

  /** At the check-in deadline: escalate unless something moved the meeting meanwhile. */
  escalateIfQuorumMissed(deadline: Instant, at: Instant): T.MeetingStep | undefined {
    if (this.stage !== 'drawn' || this.checkInDeadline !== deadline) return undefined;
    return this.escalateWith({ action: 'quorum-missed', actorId: 'system', detail: { members: this.rules.size, present: this.present } }, 'quorum-missed', at);
  }

  private escalateWith(change: Change, reason: string, at: Instant): T.MeetingStep {
    this.escalation = { reason, at };
    const task: TaskSpec = { taskKey: `escalation-${++this.escalations}`, kind: 'committee-escalation', assigneeRole: 'admin' };
    const mail: MailSpec = {
      eventKey: task.taskKey, to: { role: 'admin' }, template: 'committee-escalated',
      data: { meetingId: this.input.meetingId, series: this.input.series, reason },
    };
    return this.move({ ...change, stage: 'escalated', open: [...(change.open ?? []), task], mails: [...(change.mails ?? []), mail] }, at);
  }

  // Recusal and opinions ----------------------------------------------------------------------

  validateRecuse({ actor, reason }: T.RecuseRequest) {
    this.seatOf(actor, 'recuse');
    if (this.stage !== 'drawn' && this.stage !== 'escalated') throw conflict('refusal.conflict-before-voting');
    if (!reason?.trim()) throw invalid('refusal.recusal-reason');
  }

  recuse({ actor, reason }: T.RecuseRequest, at: Instant): T.MeetingStep {
    const seat = this.seated.find((s) => s.expertId === actor.id)!;
    Object.assign(seat, { status: 'recused', present: false, reason: `self-declared: ${reason.trim()}` });
    const close = [{ taskKey: seatTask(seat.expertId), outcome: 'recused' }];
    return this.move({ action: 'recuse', actorId: actor.id, detail: { reason: seat.reason }, close, write: { seats: [seat] } }, at);
  }

  validateOpinion({ actor, caseId, opinion }: T.OpinionRequest) {
    const seat = this.seatOf(actor, 'write-opinion');
    if (seat.role !== 'panel') throw forbidden('refusal.only-panel-opinions');
    if (this.stage !== 'drawn' && this.stage !== 'escalated') throw conflict('refusal.opinions-before-voting');
    this.requireCase(caseId);
    if (!opinion?.trim()) throw invalid('refusal.opinion-empty');
  }

  opinion({ actor, caseId, opinion }: T.OpinionRequest, at: Instant): T.MeetingStep {
    this.opinions.set(caseId, (this.opinions.get(caseId) ?? 0) + 1);
    const write = { opinion: { caseId, expertId: actor.id, opinion, at } };
    return this.move({ action: 'opinion', actorId: actor.id, detail: { caseId }, write }, at);
  }

  // The secret ballot -------------------------------------------------------------------------

  validateVote({ actor, caseId, choice }: T.VoteRequest, at: Instant) {
    const seat = this.seatOf(actor, 'vote');
    const over = this.stage === 'closed' || (this.votingClosesAt !== undefined && Date.parse(at) >= Date.parse(this.votingClosesAt));
    if (over) throw conflict('refusal.voting-closed');
    if (this.stage !== 'voting') throw conflict('refusal.voting-not-open', { stage: this.stage });
    if (!seat.present) throw conflict('refusal.check-in-first');
    this.requireCase(caseId);
    if (!CHOICES.includes(choice)) throw invalid('refusal.ballot-choice', { choices: CHOICES });
    if (this.voted.has(`${caseId} ${actor.id}`)) throw conflict('refusal.already-voted');
  }

  /** Counts the ballot and forgets the choice: the step written to the database has none. */
  vote({ actor, caseId, choice }: T.VoteRequest, at: Instant): T.MeetingStep {
    this.voted.add(`${caseId} ${actor.id}`);
    this.counts.get(caseId)![choice]++;
    const done = this.cases.every((c) => this.voted.has(`${c.caseId} ${actor.id}`));
    const close = done ? [{ taskKey: seatTask(actor.id), outcome: 'voted' }] : [];
    return this.move({ action: 'ballot-cast', actorId: actor.id, detail: { caseId }, close, write: { ballot: { caseId, expertId: actor.id, castAt: at } } }, at);
  }

  validateClose({ actor }: T.CloseVotingRequest) {
    this.requireAdmin(actor, 'close-voting');
    if (this.stage !== 'voting') throw conflict('refusal.voting-not-open', { stage: this.stage });
  }

  close(actorId: string, at: Instant): T.MeetingStep {
    const members = this.rules.size;
    const present = this.present;
    this.tallies = new Map(this.cases.map(({ caseId }) => {
      const { yes, no, abstain } = this.counts.get(caseId)!;
      return [caseId, { members, present, yes, no, abstain, passed: passes(yes, present, this.rules) }];
    }));
    const tallies = this.cases.map((c) => ({ caseId: c.caseId, workflowId: c.workflowId, ...this.tallies!.get(c.caseId)! }));
    const close = this.tasks.map((t) => ({ taskKey: t.taskKey, outcome: 'meeting-closed' }));
    return this.move({ action: 'voting-closed', actorId, stage: 'closed', detail: { tallies }, close, write: { tallies } }, at);
  }

  results(): T.CommitteeResult[] {
    return this.cases.map(({ caseId }) => ({ meetingId: this.input.meetingId, caseId, ...this.tallies!.get(caseId)! }));
  }

  // The administrator's way out of an escalation -----------------------------------------------

  validateRedraw({ actor, reason }: T.RedrawRequest) {
    this.requireAdmin(actor, 'redraw');
    if (this.stage !== 'escalated') throw conflict('refusal.only-escalated-redraw');
    if (!reason?.trim()) throw invalid('refusal.redraw-reason');
  }

  /**
   * After a missed quorum, releases the members who did not check in (the present ones stay);
   * after a short pool nobody could check in yet, so all stay. A draw then fills the seats.
   */
  redraw({ actor, reason }: T.RedrawRequest, at: Instant): T.MeetingStep {
    const absent = this.escalation?.reason === 'quorum-missed' ? this.seated.filter((s) => !s.present) : [];
    for (const s of absent) Object.assign(s, { status: 'absent', reason: `absent: not checked in by ${this.checkInDeadline}` });
    const close = [...this.escalationTasks('redrawn'), ...absent.map((s) => ({ taskKey: seatTask(s.expertId), outcome: 'absent' }))];
    return this.move({ action: 'redraw', actorId: actor.id, detail: { reason, absent: absent.map((s) => s.expertId) }, close, write: { seats: absent } }, at);
  }

  validateReschedule({ actor, reason, scheduledFor }: T.RescheduleRequest, at: Instant) {
    this.requireAdmin(actor, 'reschedule');
    if (this.stage !== 'escalated') throw conflict('refusal.only-escalated-reschedule');
    if (!reason?.trim()) throw invalid('refusal.reschedule-reason');
    this.requireFuture(scheduledFor, at);
  }

  /** A new sitting: check-ins start over; a full committee waits for quorum again at once. */
  reschedule({ actor, reason, scheduledFor }: T.RescheduleRequest, at: Instant): T.MeetingStep {
    if (scheduledFor) this.scheduledFor = scheduledFor;
    const seated = this.seated;
    for (const s of seated) s.present = false;
    const full = seated.length === this.rules.size;
    if (full) {
      this.checkInDeadline = addHours(latest(at, this.scheduledFor), this.rules.checkInHours);
    }
    const write = { seats: seated, ...(scheduledFor ? { scheduledFor } : {}) };
    const detail = { reason, scheduledFor: this.scheduledFor ?? null, checkInDeadline: full ? this.checkInDeadline : null };
    const retime = full ? seated.map((s) => ({ taskKey: seatTask(s.expertId), dueAt: this.checkInDeadline! })) : [];
    return this.move({ action: 'reschedule', actorId: actor.id, ...(full ? { stage: 'drawn' as const } : {}), detail, close: this.escalationTasks('rescheduled'), retime, write }, at);
  }

  // Reading -----------------------------------------------------------------------------------

  status(): T.MeetingStatus {
    return {
      meetingId: this.input.meetingId,
      kind: this.input.kind,
      series: this.input.series,
      stage: this.stage,
      ...(this.scheduledFor ? { scheduledFor: this.scheduledFor } : {}),
      ...(this.checkInDeadline ? { checkInDeadline: this.checkInDeadline } : {}),
      ...(this.votingClosesAt ? { votingClosesAt: this.votingClosesAt } : {}),
      ...(this.escalation ? { escalation: this.escalation } : {}),
      members: this.rules.size,
      present: this.present,
      seats: this.seats.map((s) => ({ ...s })),
      cases: this.cases.map(({ caseId }) => {
        const tally = this.tallies?.get(caseId);
        const ballotsCast = this.seats.filter((s) => this.voted.has(`${caseId} ${s.expertId}`)).length;
        return { caseId, ballotsCast, opinions: this.opinions.get(caseId) ?? 0, ...(tally ? { tally } : {}) };
      }),
      draws: [...this.draws],
      pendingTasks: [...this.tasks],
    };
  }

  // Helpers -----------------------------------------------------------------------------------

  /** The actor's own seat: an expert acts only for themselves, so there is no proxy. */
  private seatOf(actor: Actor, what: string): T.Seat {
    const seat = actor.roles.includes('expert') ? this.seats.find((s) => s.expertId === actor.id) : undefined;
    if (!seat) throw forbidden('refusal.only-member', { what });
    if (seat.status === 'recused') throw forbidden('refusal.recused', { reason: seat.reason ?? '' });
    if (seat.status === 'absent') throw forbidden('refusal.absent-replaced');
    return seat;
  }

  private requireAdmin(actor: Actor, what: string) {
    if (!actor.roles.includes('admin')) throw forbidden('refusal.only-admin-act', { what });
  }

  private requireCase(caseId: string) {
    if (!this.cases.some((c) => c.caseId === caseId)) throw invalid('refusal.case-not-on-agenda', { caseId });
  }

  private requireFuture(scheduledFor: Instant | undefined, at: Instant) {
    if (scheduledFor !== undefined && !(isInstant(scheduledFor) && Date.parse(scheduledFor) > Date.parse(at))) {
      throw invalid('refusal.scheduled-future');
    }
  }

  private escalationTasks(outcome: string) {
    return this.tasks.filter((t) => t.kind === 'committee-escalation').map((t) => ({ taskKey: t.taskKey, outcome }));
  }

  /** Event keys are numbered in workflow order, so a replay or a retried activity reuses them. */
  private move(c: Change, at: Instant): T.MeetingStep {
    const eventKey = `${++this.seq}-${c.action}`;
    if (c.stage) this.stage = c.stage;
    if (this.stage !== 'escalated') this.escalation = undefined;
    const close = c.close ?? [];
    this.tasks = this.tasks.filter((t) => !close.some((x) => x.taskKey === t.taskKey)).concat(c.open ?? []);
    return {
      transition: {
        workflowId: this.workflowId,
        caseId: this.input.meetingId,
        eventKey,
        actorId: c.actorId,
        action: c.action,
        at,
        stage: this.stage,
        ...(c.detail ? { detail: c.detail } : {}),
        closeTasks: close,
        openTasks: c.open ?? [],
        ...(c.retime?.length ? { retimeTasks: c.retime } : {}),
        mails: (c.mails ?? []).map((m) => ({ ...m, eventKey: `${this.workflowId}/${eventKey}/${m.eventKey}` })),
      },
      ...c.write,
      // A snapshot: the step is sent later, after other updates may have changed these seats.
      ...(c.write?.seats ? { seats: c.write.seats.map((s) => ({ ...s })) } : {}),
    };
  }
}
