// The API serves the built web pages at / when web/dist holds a build: files as they are, the
// page for any other path a browser asks for, and everything of the API's unchanged.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';

let dist: string;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'tl-web-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc.js"></script>');
  await writeFile(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
});
afterAll(async () => {
  await rm(dist, { recursive: true, force: true });
});

/** The route table is built on stand-ins: these tests call no handler that reads the database. */
const appWith = (webDist?: string) =>
  createApp({
    db: {} as never,
    temporal: {} as never,
    objects: {} as never,
    logger: pino({ level: 'silent' }),
    config: { jwt: { secret: 'test-secret-at-least-16-chars' }, taskQueue: 't', temporalUiUrl: 'http://localhost:8233', namespace: 'default', rateLimits: { mutations: 100, public: 100, windowMs: 60_000 }, ...(webDist ? { webDist } : {}) },
  });

describe('the web pages', () => {
  it('serves index.html at / and at any page path a browser asks for, the bundles with long caching', async () => {
    const app = appWith(dist);
    for (const path of ['/', '/cases', '/cases/7f0c2b7e-0000-4000-8000-000000000001', '/sign-in']) {
      const res = await request(app).get(path).set('Accept', 'text/html');
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const js = await request(app).get('/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toMatch(/immutable/);
    expect((await request(app).get('/assets/missing.js')).status).toBe(404);
  });

  it('leaves the API, /docs, /openapi.json and /healthz as they are', async () => {
    const app = appWith(dist);
    const missing = await request(app).get('/api/no-such-thing').set('Accept', 'text/html');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await request(app).get('/api/applications').set('Accept', 'text/html')).status).toBe(401);
    expect((await request(app).get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await request(app).get('/openapi.json')).body.openapi).toBe('3.1.0');
    expect((await request(app).get('/docs').set('Accept', 'text/html')).text).toContain('swagger-ui');
    // A client that does not want a page gets the API's 404, not the page.
    const json = await request(app).get('/cases').set('Accept', 'application/json');
    expect(json.status).toBe(404);
    expect(json.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('serves nothing at / without a build', async () => {
    for (const app of [appWith(), appWith(join(dist, 'no-such-build'))]) {
      const res = await request(app).get('/').set('Accept', 'text/html');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
