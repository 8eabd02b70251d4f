// Committee meetings: experts check in, declare a conflict, write opinions and vote; the
// administrator convenes, closes voting, and redraws or reschedules an escalated meeting.
import type { UpdateDefinition } from '@temporalio/common';
import { z } from 'zod';
import * as m from '../../workflows/committee/messages';
import type { MeetingStage } from '../../domain/committee/types';
import type { Actor } from '../../domain/types';
import type { ApiDeps } from '../deps';
import { ok, route, type RouteDef } from '../http/route';
import * as s from './schemas';
import { meetingsService } from './service';

const TAGS = ['Committee meetings'];

export function meetingRoutes(deps: ApiDeps): RouteDef[] {
  const service = meetingsService(deps);

  function action<B extends z.ZodType, A extends { actor: Actor }>(id: string, suffix: string, summary: string, access: RouteDef['access'], body: B, update: UpdateDefinition<MeetingStage, [A]>): RouteDef {
    return route({
      id,
      method: 'post',
      path: `/api/meetings/:id${suffix}`,
      summary,
      tags: TAGS,
      access,
      limit: 'mutation',
      params: s.meetingParams,
      body,
      headers: s.actionHeaders,
      responses: {
        200: { description: "The meeting took the action (or had taken it: the same Idempotency-Key again); its stage after it.", schema: s.meetingStageReply },
        409: { description: 'Refused at this stage: e.g. voting not open, already voted, the meeting has closed.' },
      },
      handler: async ({ actor, params, body: parsed, req }) =>
        ok(await service.act(actor, params.id, update, () => parsed() as unknown as Omit<A, 'actor'>, req.get('Idempotency-Key') ?? undefined)),
    });
  }

  return [
    route({
      id: 'listMeetings',
      method: 'get',
      path: '/api/meetings',
      summary: 'Committee meetings with their quorum state (an expert: those they were drawn for)',
      tags: TAGS,
      access: ['expert', 'admin'],
      query: s.listMeetingsQuery,
      responses: { 200: { description: 'One page.', schema: z.object({ items: z.array(s.meetingSummary), page: z.number(), pageSize: z.number(), total: z.number() }) } },
      handler: async ({ actor, query }) => ok(await service.list(actor, query)),
    }),
    route({
      id: 'getMeeting',
      method: 'get',
      path: '/api/meetings/:id',
      summary: 'One meeting: stage, quorum, seats, agenda with ballot counts and, once closed, tallies',
      tags: TAGS,
      access: ['expert', 'admin'],
      params: s.meetingParams,
      responses: { 200: { description: 'The meeting. No choice of any ballot is ever shown.', schema: s.meetingDetail } },
      handler: async ({ actor, params }) => ok(await service.detail(actor, params.id)),
    }),
    action('checkIn', '/check-in', 'Check in as present (counts toward quorum)', ['expert'], s.emptyBody, m.checkIn),
    action('recuse', '/recusal', 'Declare a conflict (回避) before voting opens; a replacement is drawn', ['expert'], s.recuseBody, m.recuse),
    action('submitOpinion', '/opinions', 'Review panel (评议组): a written opinion on a case', ['expert'], s.opinionBody, m.submitOpinion),
    action('vote', '/votes', 'Cast a secret ballot on a case (yes / no / abstain), once', ['expert'], s.voteBody, m.vote),
    action('convene', '/convene', 'Convene a scheduled meeting: closes the agenda and draws the committee', ['admin'], s.conveneBody, m.convene),
    action('closeVoting', '/close-voting', 'Close voting and tally', ['admin'], s.emptyBody, m.closeVoting),
    action('redraw', '/redraw', 'Escalated meeting: release absent members and draw again (reason required)', ['admin'], s.redrawBody, m.redraw),
    action('reschedule', '/reschedule', 'Escalated meeting: a new sitting (reason required)', ['admin'], s.rescheduleBody, m.reschedule),
  ];
}
