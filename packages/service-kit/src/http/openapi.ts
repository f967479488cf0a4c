import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { RouteSpec } from './route.js';

extendZodWithOpenApi(z);

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    /** Stable, machine-readable: what the UI translates and tests assert. */
    code: z.string().optional(),
    /** The input field at fault, for a broken rule. */
    field: z.string().optional(),
  })
  .openapi('Problem');

/** Builds the OpenAPI 3.1 document from the same zod schemas that validate requests. */
export function buildOpenApiDocument(service: string, routes: readonly RouteSpec[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'keycloak', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const route of routes) {
    const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });
    registry.registerPath({
      method: route.method,
      path: `/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`,
      summary: route.summary,
      description: route.roles === 'public' ? 'Public: no token needed' : `Roles: ${route.roles.join(', ')}`,
      tags: route.tags ?? [service],
      security: route.roles === 'public' ? [] : [{ keycloak: [] }],
      // Machine-readable, for the spec-driven security suite (e2e/integration/security) and fuzzing.
      'x-roles': route.roles === 'public' ? [] : [...route.roles],
      ...(route.sensitive ? { 'x-session-checked': true } : {}),
      request: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(route.body ? { body: { content: { 'application/json': { schema: route.body } } } } : {}),
      },
      responses: {
        [route.status ?? 200]: { description: 'OK', content: { 'application/json': { schema: route.response } } },
        400: problem('Invalid input'),
        401: problem('Missing or invalid token'),
        403: problem('Role or scope not allowed'),
        // What a command may meet in the domain (the kit's DomainErrors, each with a stable `code`) and under load.
        404: problem('Not found (code names what)'),
        409: problem('Not allowed in its current state (code names the step)'),
        422: problem('Breaks a business rule (code names the rule, field the input at fault)'),
        503: problem('Overloaded, busy or the store unavailable: try again after Retry-After'),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: `Hamgam ${service} API`, version: '1.0.0' },
  });
}
