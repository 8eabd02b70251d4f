// Every workflow the worker registers.
export { titleAppraisal } from './appraisal/title-appraisal';
export { committeeMeeting } from './committee/committee-meeting';
