// Errors and hygiene: problem+json everywhere, request ids, logs without personal data or
// tokens, body size limit, helmet, and rate limits that answer 429.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { JWT_SECRET, startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** An app on the harness's database and Temporal, with its own logger and limits. */
function appWith(limits: { mutations: number; public: number }, lines: string[] = []) {
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return createApp({
    db: h.db,
    objects: h.objects,
    temporal: h.temporal,
    logger: pino({ level: 'info' }, stream),
    config: { jwt: { secret: JWT_SECRET }, taskQueue: h.taskQueue, temporalUiUrl: 'http://localhost:8233', namespace: 'default', rateLimits: { ...limits, windowMs: 60_000 } },
  });
}

describe('problem+json', () => {
  it('answers an unknown route, a bad token and a stranger the same way: problem details', async () => {
    for (const res of [
      await request(h.app).get('/api/nothing-here').set('Authorization', `Bearer ${await h.tokenFor('u-admin')}`),
      await request(h.app).get('/api/inbox').set('Authorization', 'Bearer not-a-token'),
      await request(h.app).get('/api/applications/2f1f4a3e-0000-4000-8000-000000000000').set('Authorization', `Bearer ${await h.tokenFor('u-li-ming')}`),
    ]) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'about:blank', status: res.status });
      expect(res.body.title).toBeTypeOf('string');
    }
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await request(h.app)
      .post('/api/applications')
      .set('Authorization', `Bearer ${await h.tokenFor('u-li-ming')}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ field: 'x'.repeat(300 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('sets helmet security headers', async () => {
    const res = await request(h.app).get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('request ids and logs', () => {
  it('echoes a given X-Request-Id, makes one otherwise, and logs neither tokens nor bodies nor query strings', async () => {
    const lines: string[] = [];
    const app = appWith({ mutations: 100, public: 100 }, lines);
    const token = await h.tokenFor('u-li-ming');
    const given = await request(app)
      .post('/api/applications')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-Id', 'trace-abc.123')
      .send({ series: 'engineering', field: '李明的秘密领域', submission: { education: 'master', achievements: [] } });
    expect(given.headers['x-request-id']).toBe('trace-abc.123');
    const made = await request(app).get('/api/public/certificates/verify?number=SH-1&code=SECRETCODE');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await request(app).get('/healthz').set('X-Request-Id', 'bad id\twith spaces');
    expect(unsafe.headers['x-request-id']).not.toContain(' ');

    const log = lines.join('');
    expect(log).toContain('"id":"trace-abc.123"');
    expect(log).toContain(made.headers['x-request-id']);
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.split('.')[1]!); // not even the claims part
    expect(log).not.toContain('李明的秘密领域');
    expect(log).not.toContain('SECRETCODE');
  });
});

describe('rate limits', () => {
  it('answers 429 problem+json once a caller exceeds the mutation limit, per caller', async () => {
    const app = appWith({ mutations: 2, public: 100 });
    const li = await h.tokenFor('u-li-ming');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await request(app).post('/api/applications').set('Authorization', `Bearer ${li}`).send({})).status);
    }
    expect(statuses).toEqual([400, 400, 429]);
    const limited = await request(app).post('/api/applications').set('Authorization', `Bearer ${li}`).send({});
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.headers['ratelimit-policy'] ?? limited.headers['ratelimit']).toBeDefined();
    // Another caller has their own budget; reads are not limited.
    const anna = await request(app).post('/api/applications').set('Authorization', `Bearer ${await h.tokenFor('u-anna-chen')}`).send({});
    expect(anna.status).toBe(400);
    expect((await request(app).get('/api/applications').set('Authorization', `Bearer ${li}`)).status).toBe(200);
  });

  it('limits the public endpoint per client', async () => {
    const app = appWith({ mutations: 100, public: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await request(app).get('/api/public/certificates/verify?number=SH-X&code=Y')).status);
    expect(statuses).toEqual([404, 404, 429]);
  });
});
