// Every workflow the worker registers.
export { titleAppraisal } from './appraisal/title-appraisal';
