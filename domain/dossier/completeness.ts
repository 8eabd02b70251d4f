// Whether a dossier holds what the standard asks for (DOMAIN §5a): at least one material of each
// kind of the standard's required evidence, and at least one material backing each achievement.
import { phrase, type Phrase } from '../words/say';

export interface DossierMaterial {
  kind: string;
  /** The achievement it backs (its position in the submission), if any. */
  achievement: number | null;
}

export interface DossierGap {
  /** Where the gap is: `materials.<kind>` or `content.submission.achievements.<i>`. */
  path: string;
  reason: Phrase;
}

export function dossierGaps(requiredEvidence: readonly string[], achievements: readonly { title: string }[], materials: readonly DossierMaterial[]): DossierGap[] {
  const kinds = new Set(materials.map((m) => m.kind));
  const backed = new Set(materials.map((m) => m.achievement).filter((a): a is number => a !== null));
  return [
    ...requiredEvidence.filter((k) => !kinds.has(k)).map((kind) => ({ path: `materials.${kind}`, reason: phrase('check.material-missing', { kind }) })),
    ...achievements.flatMap((a, i) => (backed.has(i) ? [] : [{ path: `content.submission.achievements.${i}`, reason: phrase('check.achievement-unbacked', { title: a.title }) }])),
  ];
}
