// The OpenAPI document is generated from the route table: every route is in it, and the docs
// page loads with assets the API serves itself (offline: no CDN).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesOf } from '../../api/app';
import { openApiPath } from '../../api/http/openapi';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('GET /openapi.json', () => {
  it('is OpenAPI 3.1 and documents every route of the route table, with its roles and schemas', async () => {
    const res = await request(h.app).get('/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    const routes = routesOf(h.app);
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes.filter((r) => doc.paths?.[openApiPath(r.path)]?.[r.method]?.operationId !== r.id);
    expect(missing.map((r) => `${r.method.toUpperCase()} ${r.path}`)).toEqual([]);
    for (const r of routes) {
      const op = doc.paths[openApiPath(r.path)][r.method];
      if (r.access === 'public') expect(op.security).toEqual([]);
      else expect(op['x-roles']).toEqual([...r.access]);
      if (r.body) expect(op.requestBody.content[r.upload ? 'multipart/form-data' : 'application/json'].schema).toBeTypeOf('object');
      // Every error is documented as problem+json.
      for (const [status, response] of Object.entries(op.responses as Record<string, { content?: object }>)) {
        if (Number(status) >= 400) expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
      }
    }
    // And nothing is documented that is not served.
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${openApiPath(r.path)}`).sort());
  });

  it('documents the zod constraints a handler enforces (the same schema validates and documents)', async () => {
    const { body: doc } = await request(h.app).get('/openapi.json');
    const submit = doc.paths['/api/applications'].post;
    expect(submit.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'idempotency-key' })]));
    const schema = submit.requestBody.content['application/json'].schema;
    expect(schema.properties.level.enum).toEqual(['junior', 'intermediate', 'deputy-senior', 'senior']);
    expect(submit.responses['422']).toBeDefined();
    const vote = doc.paths['/api/meetings/{id}/votes'].post.requestBody.content['application/json'].schema;
    expect(vote.properties.choice.enum).toEqual(['yes', 'no', 'abstain']);
  });
});

describe('GET /docs', () => {
  it('serves an HTML page whose scripts and styles are served by the API itself', async () => {
    const page = await request(h.app).get('/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const url of assets) {
      expect(url.startsWith('/'), `${url} must be served locally, not from a CDN`).toBe(true);
      const asset = await request(h.app).get(url);
      expect(asset.status, url).toBe(200);
      expect(asset.body.length || asset.text.length, url).toBeGreaterThan(100);
    }
    // helmet's CSP allows the page: no inline script, everything from 'self'.
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/);
    const init = await request(h.app).get('/docs/init.js');
    expect(init.text).toContain('/openapi.json');
  });
});
