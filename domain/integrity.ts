// 诚信档案 (DOMAIN §5): an integrity record bars a person for the policy's years, and a refusal
// names the record: its kind, what was revoked, when it was recorded, the finding.
import { phrase, type Phrase } from './words/say';
import type { Instant } from './types';

/** An integrity record that bars a person, as a refusal names it. */
export interface IntegrityBar {
  /** title-fraud | assessment-fraud | expert-misconduct */
  kind: string;
  /** What the record found (the revocation's reason). */
  finding: string;
  recordedAt: Instant;
  barUntil: Instant;
  /** The revoked certificate, for a title obtained by fraud. */
  certificateNumber?: string;
}

/** Why the bar refuses: the record named, in words for any language. */
export function barReason(bar: IntegrityBar): Phrase {
  const { kind, finding, recordedAt, barUntil } = bar;
  return bar.certificateNumber
    ? phrase('eligibility.integrity-bar', { kind, certificate: bar.certificateNumber, recordedAt, finding, barUntil })
    : phrase('eligibility.integrity-bar-plain', { kind, recordedAt, finding, barUntil });
}
