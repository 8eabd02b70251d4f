// What an uploaded material may be (DOMAIN §5a): a PDF, a JPEG or a PNG, decided by its bytes, with
// a file name a person can read back. Every refusal has a code the API answers with its status.
import { phrase, type Phrase } from '../words/say';
import { WordedError } from '../words/worded';


export const MATERIAL_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
} as const;
export type MaterialMime = keyof typeof MATERIAL_TYPES;
export const isMaterialMime = (mime: string): mime is MaterialMime => Object.hasOwn(MATERIAL_TYPES, mime);

export type RefusalCode =
  /** 400 */
  | 'empty'
  | 'bad-name'
  /** 413 */
  | 'file-too-large'
  | 'case-too-large'
  /** 415 */
  | 'unsupported-type'
  /** 422: the content itself */
  | 'pdf-unreadable'
  | 'pdf-encrypted'
  | 'pdf-script'
  | 'too-many-pages'
  | 'too-many-pixels'
  | 'decompresses-too-far'
  | 'image-unreadable';

export const REFUSAL_STATUS: Record<RefusalCode, 400 | 413 | 415 | 422> = {
  empty: 400,
  'bad-name': 400,
  'file-too-large': 413,
  'case-too-large': 413,
  'unsupported-type': 415,
  'pdf-unreadable': 422,
  'pdf-encrypted': 422,
  'pdf-script': 422,
  'too-many-pages': 422,
  'too-many-pixels': 422,
  'decompresses-too-far': 422,
  'image-unreadable': 422,
};

/** Why an upload is refused; nothing of it is stored. */
export class MaterialRefused extends WordedError {
  constructor(
    readonly code: RefusalCode,
    words: Phrase,
  ) {
    super(words);
  }
  get status() {
    return REFUSAL_STATUS[this.code];
  }
}

/**
 * A file name as a person gave it, refused when it could name a path or hide characters: no
 * folder separators, no control characters, no dot-only names, at most 200 characters.
 */
export function checkFileName(name: string): string {
  const trimmed = name.normalize('NFC').trim();
  // eslint-disable-next-line no-control-regex
  if (/[\\/\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(trimmed)) throw new MaterialRefused('bad-name', phrase('material.bad-name-chars'));
  if (!trimmed || /^\.+$/.test(trimmed) || trimmed.length > 200) throw new MaterialRefused('bad-name', phrase('material.bad-name-length'));
  return trimmed;
}
