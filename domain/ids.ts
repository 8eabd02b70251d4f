// Business workflow ids (ARCHITECTURE): one workflow per case, found again by its case's id.

export const appraisalWorkflowId = (applicationId: string) => `appraisal-${applicationId}`;
export const assessmentWorkflowId = (membershipId: string) => `assessment-${membershipId}`;
export const exitWorkflowId = (membershipId: string, n: number) => `exit-${membershipId}-${n}`;
export const committeeMeetingWorkflowId = (meetingId: string) => `meeting-${meetingId}`;
