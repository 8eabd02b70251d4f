// The appraisal policy's defaults, version 1: DOMAIN §8's values. Demo data uses smaller
// committees (DOMAIN allows 5–7) because the demo pool has seven experts per series.
import { DOSSIER_DEFAULTS, type AppraisalPolicy } from './policy';
import type { MeetingRules } from '../committee/types';

const twoThirds = { num: 2, den: 3 };
const committee = (size: number, panelSize: number): MeetingRules => ({
  size,
  panelSize,
  quorum: twoThirds,
  pass: twoThirds,
  checkInHours: 24,
  votingHours: 8,
});

export const appraisalPolicyV1: AppraisalPolicy = {
  deadlines: {
    employerNoticeDays: 5,
    resultNoticeDays: 5,
    employerReviewDays: 10,
    formalReviewDays: 10,
    correctionDays: 10,
    resubmitDays: 10,
    objectionInvestigationDays: 10,
    objectionInvestigationMaxDays: 30,
    appealWindowDays: 15,
    industryEvaluationDays: 10,
  },
  correctionRounds: 1,
  appealRounds: 1,
  remindBeforeDays: [3, 1],
  integrityBarYears: 3,
  dossier: DOSSIER_DEFAULTS,
  committee: { scheduled: committee(11, 3), adhoc: committee(11, 3), panel: committee(5, 0) },
  tracks: {
    standard: {
      label: { 'zh-CN': '常规', en: 'standard' },
      channels: ['employer'],
      levels: ['junior', 'intermediate', 'deputy-senior', 'senior'],
      entry: [],
      committee: 'scheduled',
      requiresIndustryEvaluation: false,
    },
    direct: {
      label: { 'zh-CN': '直通车', en: 'direct track' },
      channels: ['employer', 'talent-service-centre'],
      levels: ['deputy-senior', 'senior'],
      entry: [{ kind: 'anyQualification', value: ['overseas-title', 'overseas-position', 'overseas-qualification', 'talent-programme'] }],
      committee: 'panel',
      requiresIndustryEvaluation: false,
      deadlines: { employerReviewDays: 5, formalReviewDays: 5, correctionDays: 5 },
    },
    green: {
      label: { 'zh-CN': '绿色通道', en: 'green channel' },
      channels: ['employer', 'talent-service-centre'],
      levels: ['deputy-senior', 'senior'],
      entry: [{ kind: 'privateEmployer' }],
      committee: 'adhoc',
      requiresIndustryEvaluation: true,
      deadlines: { employerReviewDays: 5, formalReviewDays: 5, correctionDays: 5 },
    },
  },
};

export const demoAppraisalPolicy: AppraisalPolicy = {
  ...appraisalPolicyV1,
  committee: { scheduled: committee(5, 3), adhoc: committee(5, 3), panel: committee(3, 0) },
};
