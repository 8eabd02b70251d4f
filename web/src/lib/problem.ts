// An API error as the API words it: RFC 9457 problem details (title, detail, the failing field
// paths), in the language of the request.
export interface FieldError {
  path: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: readonly FieldError[] = [],
    readonly code?: string,
  ) {
    super(detail ?? title);
  }

  static from(status: number, body: unknown, statusText = ''): ApiProblem {
    const p = (typeof body === 'object' && body !== null ? body : {}) as { title?: unknown; detail?: unknown; errors?: unknown; code?: unknown };
    const errors = Array.isArray(p.errors) ? (p.errors as FieldError[]).filter((e) => typeof e?.path === 'string') : [];
    return new ApiProblem(
      status,
      typeof p.title === 'string' ? p.title : statusText || `HTTP ${status}`,
      typeof p.detail === 'string' ? p.detail : undefined,
      errors,
      typeof p.code === 'string' ? p.code : undefined,
    );
  }
}

export const isProblem = (err: unknown, status?: number): err is ApiProblem => err instanceof ApiProblem && (status === undefined || err.status === status);
