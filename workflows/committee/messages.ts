// Message definitions shared by the meeting workflow, the case workflow and the API: verbs for
// actions, nouns for queries. Every update answers with the meeting's stage after it.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  CheckInRequest,
  CloseVotingRequest,
  CommitteeResult,
  ConveneRequest,
  Enrolment,
  MeetingStage,
  MeetingStatus,
  OpinionRequest,
  RecuseRequest,
  RedrawRequest,
  RescheduleRequest,
  VoteRequest,
} from '../../domain/committee/types';


/** Case → meeting, sent with signal-with-start; enrolling the same case twice adds it once. */
export const enroll = defineSignal<[Enrolment]>('enroll');
/** Meeting → each case workflow, once its tally is final. */
export const committeeDecided = defineSignal<[CommitteeResult]>('committeeDecided');

export const convene = defineUpdate<MeetingStage, [ConveneRequest]>('convene');
export const checkIn = defineUpdate<MeetingStage, [CheckInRequest]>('checkIn');
export const recuse = defineUpdate<MeetingStage, [RecuseRequest]>('recuse');
export const submitOpinion = defineUpdate<MeetingStage, [OpinionRequest]>('submitOpinion');
export const vote = defineUpdate<MeetingStage, [VoteRequest]>('vote');
export const closeVoting = defineUpdate<MeetingStage, [CloseVotingRequest]>('closeVoting');
export const redraw = defineUpdate<MeetingStage, [RedrawRequest]>('redraw');
export const reschedule = defineUpdate<MeetingStage, [RescheduleRequest]>('reschedule');

export const status = defineQuery<MeetingStatus>('status');
