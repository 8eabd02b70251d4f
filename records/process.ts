// Which process a workflow id belongs to: `appraisal-<id>`, `assessment-<id>`, `exit-<id>-<n>`,
// `meeting-<id>` (ARCHITECTURE: business ids).

export function processOf(workflowId: string): string {
  return workflowId.slice(0, Math.max(0, workflowId.indexOf('-')));
}
