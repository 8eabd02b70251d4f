// OpenAPI 3.1 generated from the route table's own zod schemas: what is validated is what is
// documented.
import { OpenApiGeneratorV31, OpenAPIRegistry, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { problemSchema } from '../problem';
import type { RouteDef } from './route';

/** /api/applications/:id → /api/applications/{id} */
export const openApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const PROBLEM = 'application/problem+json';

/** The errors every route of a kind can answer, added so no route has to list them. */
function commonErrors(r: RouteDef): Record<number, string> {
  const errors: Record<number, string> = { 400: 'Invalid parameters, query or body; `errors` lists each failing field path.' };
  if (r.access !== 'public') {
    errors[401] = 'No valid bearer token.';
    errors[403] = 'The caller may not do this (wrong role, or the workflow refuses this actor).';
  }
  if (r.params) errors[404] = 'No such resource, or the caller may not see it.';
  if (r.limit) errors[429] = 'Rate limit reached.';
  return errors;
}

export function buildOpenApi(routes: readonly RouteDef[], info: { title: string; version: string }) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });

  for (const r of routes) {
    const responses: Record<number, ResponseConfig> = {};
    for (const [status, text] of Object.entries(commonErrors(r))) {
      responses[Number(status)] = { description: text, content: { [PROBLEM]: { schema: problemSchema } } };
    }
    for (const [status, spec] of Object.entries(r.responses)) {
      const type = spec.contentType ?? (Number(status) >= 400 ? PROBLEM : 'application/json');
      const schema = spec.schema ?? (Number(status) >= 400 ? problemSchema : z.string());
      responses[Number(status)] = { description: spec.description, content: { [type]: { schema } } };
    }
    const request: RouteConfig['request'] = {
      ...(r.params ? { params: r.params as z.ZodObject } : {}),
      ...(r.query ? { query: r.query as z.ZodObject } : {}),
      ...(r.headers ? { headers: r.headers } : {}),
      ...(r.body && !r.upload ? { body: { required: true, content: { 'application/json': { schema: r.body } } } } : {}),
      ...(r.body && r.upload
        ? { body: { required: true, description: r.upload.description, content: { 'multipart/form-data': { schema: (r.body as z.ZodObject).extend({ file: z.string().meta({ format: 'binary', description: 'The file: PDF, JPEG or PNG' }) }) } } } }
        : {}),
    };
    registry.registerPath({
      operationId: r.id,
      method: r.method,
      path: openApiPath(r.path),
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: r.tags,
      ...(r.access === 'public' ? { security: [] } : { security: [{ [bearer.name]: [] }] }),
      ...(r.access !== 'public' ? { 'x-roles': r.access } : {}),
      request,
      responses,
    });
  }

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      ...info,
      description: 'Title appraisal, committees, inboxes and administration. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/' }],
  });
}
