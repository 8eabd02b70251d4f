// Every workflow the worker registers.
export { titleAppraisal } from './appraisal/title-appraisal';
export { committeeMeeting } from './committee/committee-meeting';
export { periodicAssessment } from './assessment/periodic-assessment';
export { exitReview } from './exit/exit-review';
export { supervisionReport } from './supervision/supervision-report';
