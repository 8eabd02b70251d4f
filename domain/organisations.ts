// What an organisation can be (DOMAIN: Actors): the applicant's employer, a talent service centre
// acting for applicants without an eligible employer, an industry body, or the authority.
export const ORGANISATION_KINDS = ['employer', 'talent-service-centre', 'industry-body', 'authority'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
