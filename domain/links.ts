// Where a person finds a case: the paths the API serves it at, and the absolute links mail
// carries (the deployment's public base URL in front). The web pages that come later may serve
// the same paths; this is the one place that says where a case lives.

/** The membership a review belongs to: an exit review's id is `<membershipId>-<n>`. */
const membershipOfReview = (reviewId: string) => reviewId.replace(/-\d+$/, '');

const PATHS: Record<string, (caseId: string) => string> = {
  appraisal: (id) => `/api/applications/${encodeURIComponent(id)}`,
  meeting: (id) => `/api/meetings/${encodeURIComponent(id)}`,
  assessment: (id) => `/api/memberships/${encodeURIComponent(id)}`,
  // An exit review is read with its membership.
  exit: (id) => `/api/memberships/${encodeURIComponent(membershipOfReview(id))}`,
};

/** The API path of a case of a process, or undefined for a process without one. */
export const casePath = (process: string, caseId: string): string | undefined => PATHS[process]?.(caseId);

/** An absolute URL: the public base URL (no trailing slash needed) and a path. */
export const absolute = (baseUrl: string, path: string): string => `${baseUrl.replace(/\/+$/, '')}${path}`;

export const certificatePath = (applicationId: string) => `/api/applications/${encodeURIComponent(applicationId)}/certificate`;

/**
 * The public verification page a certificate's QR code and mail open (the web page /verify,
 * which asks GET /api/public/certificates/verify with the same number and code).
 */
export const verifyPath = (number: string, code: string) => `/verify?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`;

/** The API's answer behind the verification page, for machines. */
export const verifyApiPath = (number: string, code: string) =>
  `/api/public/certificates/verify?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`;

/** What a deployment links to when it says nothing else (config/env.ts: PUBLIC_BASE_URL). */
export const DEFAULT_PUBLIC_BASE_URL = 'http://localhost:3000';
