import { Router } from 'express';
import { requireRole, actorOf } from '../auth/authenticate';
import { parse } from '../validate';
import { applicationParams, employerDecisionBody, submitApplicationBody } from './schemas';
import type { applicationsService } from './service';

export function applicationsRouter(service: ReturnType<typeof applicationsService>, links: { temporalUi: string; namespace: string }): Router {
  const router = Router();
  const uiLink = (workflowId: string) => `${links.temporalUi}/namespaces/${links.namespace}/workflows/${encodeURIComponent(workflowId)}`;

  router.post('/', async (req, res) => {
    const actor = requireRole(req, 'applicant');
    const body = parse(submitApplicationBody, req, 'body');
    const created = await service.submit(actor, body);
    res
      .status(201)
      .location(`${req.baseUrl}/${created.id}`)
      .json({ ...created, links: { self: `${req.baseUrl}/${created.id}`, temporalUi: uiLink(created.workflowId) } });
  });

  router.get('/:id', async (req, res) => {
    const { id } = parse(applicationParams, req, 'params');
    const detail = await service.detail(actorOf(req), id);
    res.json({ ...detail, links: { temporalUi: uiLink(detail.workflowId) } });
  });

  router.post('/:id/employer-decision', async (req, res) => {
    const actor = requireRole(req, 'employer');
    const { id } = parse(applicationParams, req, 'params');
    const body = parse(employerDecisionBody, req, 'body');
    res.json(await service.decideAsEmployer(actor, id, body));
  });

  return router;
}
