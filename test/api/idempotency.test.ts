// Idempotent submit: the same Idempotency-Key returns the same case and never starts a second
// workflow, even when the duplicates arrive at once.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { bearer, engineeringBody, poll } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const submit = async (key: string, body: object = engineeringBody, userId = 'u-li-ming') =>
  request(h.app).post('/api/applications').set('Authorization', await bearer(h, userId)).set('Idempotency-Key', key).send(body);

/** Every run Temporal has of this workflow id (visibility is eventually consistent: poll). */
async function runsOf(workflowId: string) {
  return poll('the workflow in visibility', async () => {
    const runs: string[] = [];
    for await (const w of h.temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(w.runId);
    return runs.length ? runs : undefined;
  });
}

describe('Idempotency-Key on POST /api/applications', () => {
  it('answers a retry with the same case (201, then 200) and one workflow, one receipt', async () => {
    const key = randomUUID();
    const first = await submit(key);
    expect(first.status).toBe(201);
    const again = await submit(key);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, workflowId: first.body.workflowId, stage: 'employer-review' });
    expect(again.headers.location).toBe(`/api/applications/${first.body.id}`);
    expect(await runsOf(first.body.workflowId)).toHaveLength(1);
    const submits = await h.db.auditEvent.count({ where: { caseId: first.body.id, action: 'submit' } });
    expect(submits).toBe(1);
    await h.smtp.waitFor((m) => m.text.includes(first.body.id) && m.to.includes('li.ming@example.cn'));
    expect(h.smtp.messages.filter((m) => m.text.includes(first.body.id) && m.to.includes('li.ming@example.cn'))).toHaveLength(1);
  });

  it('starts one workflow when duplicates arrive concurrently', async () => {
    const key = randomUUID();
    const before = await h.db.application.count();
    const replies = await Promise.all(Array.from({ length: 5 }, () => submit(key)));
    const ids = new Set(replies.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(await h.db.application.count()).toBe(before + 1);
    expect(await runsOf(replies[0]!.body.workflowId)).toHaveLength(1);
  });

  it('refuses the same key with another body (422), and keeps keys apart per caller', async () => {
    const key = randomUUID();
    const first = await submit(key);
    expect(first.status).toBe(201);
    const changed = await submit(key, { ...engineeringBody, field: '机器人' });
    expect(changed.status).toBe(422);
    expect(changed.headers['content-type']).toMatch(/^application\/problem\+json/);
    // The same body with its keys in another order and its default spelled out is the same request.
    const { track, ...rest } = engineeringBody;
    const reordered = await submit(key, { ...rest, track });
    expect(reordered.status).toBe(200);
    expect(reordered.body.id).toBe(first.body.id);

    const otherCaller = await submit(key, { ...engineeringBody, series: 'health', field: 'x', employerId: 'org-district-hospital' }, 'u-anna-chen');
    expect(otherCaller.status).toBe(201);
    expect(otherCaller.body.id).not.toBe(first.body.id);
  });

  it('returns the recorded case for a retry after the case has ended', async () => {
    const key = randomUUID();
    // Ineligible: the case ends at once (too few years in the current title for 正高级).
    const body = { ...engineeringBody, level: 'senior', submission: { ...engineeringBody.submission, currentTitle: { level: 'deputy-senior', series: 'engineering', since: '2025-01-01' } } };
    const first = await submit(key, body);
    expect(first.status).toBe(201);
    expect(first.body.stage).toBe('ineligible');
    await h.temporal.workflow.getHandle(first.body.workflowId).result();
    const again = await submit(key, body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, stage: 'ineligible' });
    expect(await runsOf(first.body.workflowId)).toHaveLength(1);
  });
});
