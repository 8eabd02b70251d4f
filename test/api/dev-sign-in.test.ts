// Development sign-in: with TL_DEV_MODE the demo users and a token for any of them, as
// `npm run token` mints it; without, the routes do not exist (404, absent from /openapi.json),
// and with an identity provider they stay off even in development mode.
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppConfig } from '../../api/app';
import { JWT_SECRET, startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ devMode: true });
});
afterAll(async () => {
  await h?.stop();
});

const appWith = (config: Partial<AppConfig>) =>
  createApp({
    db: h.db,
    objects: h.objects,
    temporal: h.temporal,
    logger: pino({ level: 'silent' }),
    config: { jwt: { secret: JWT_SECRET }, taskQueue: h.taskQueue, temporalUiUrl: 'http://localhost:8233', namespace: 'default', rateLimits: { mutations: 100, public: 100, windowMs: 60_000 }, ...config },
  });

describe('development sign-in', () => {
  it('lists the users with their roles and mints a token the API accepts as theirs', async () => {
    const users = await request(h.app).get('/api/dev/users');
    expect(users.status).toBe(200);
    expect(users.body.items).toContainEqual({ id: 'u-li-ming', name: '李明', roles: ['applicant'], organisationId: 'org-zhangjiang-tech' });
    expect(users.body.items).toContainEqual(expect.objectContaining({ id: 'u-hr-zhangjiang', roles: ['employer'], organisationId: 'org-zhangjiang-tech' }));

    const minted = await request(h.app).post('/api/dev/token').send({ userId: 'u-hr-zhangjiang' });
    expect(minted.status).toBe(200);
    expect(minted.body.user).toMatchObject({ id: 'u-hr-zhangjiang', roles: ['employer'] });
    const inbox = await request(h.app).get('/api/inbox').set('Authorization', `Bearer ${minted.body.token}`);
    expect(inbox.status).toBe(200);
    // The same claims as `npm run token` (the harness mints with the same function).
    const [, payload] = (minted.body.token as string).split('.');
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({ sub: 'u-hr-zhangjiang', roles: ['employer'], org: 'org-zhangjiang-tech', iss: 'talent-lifecycle' });
  });

  it('refuses an unknown user (404) and a body without one (400), as problem details', async () => {
    const unknown = await request(h.app).post('/api/dev/token').send({ userId: 'u-nobody' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    const empty = await request(h.app).post('/api/dev/token').send({});
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toContainEqual(expect.objectContaining({ path: 'body.userId' }));
  });

  it('does not exist without development mode, nor with an identity provider', async () => {
    for (const app of [appWith({}), appWith({ devMode: false }), appWith({ devMode: true, jwt: { secret: JWT_SECRET, jwksUrl: 'https://idp.example/jwks' } })]) {
      expect((await request(app).get('/api/dev/users')).status).toBe(404);
      expect((await request(app).post('/api/dev/token').send({ userId: 'u-li-ming' })).status).toBe(404);
      const doc = await request(app).get('/openapi.json');
      expect(Object.keys(doc.body.paths).filter((p) => p.startsWith('/api/dev'))).toEqual([]);
    }
    const doc = await request(h.app).get('/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/dev/users', '/api/dev/token']));
  });
});
