// Encrypts every payload Temporal stores (workflow inputs, update arguments, activity inputs and
// results, query answers) with AES-256-GCM, so the server's history holds ciphertext: a secret
// ballot stays secret also there. Runs in the worker's and the clients' processes, never inside
// the workflow sandbox.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, ValueError, type Payload, type PayloadCodec } from '@temporalio/common';
// A CommonJS package: Node's ESM loader (tsx) only gives its default export.
import proto from '@temporalio/proto';

const { temporal } = proto;

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const METADATA_KEY_ID = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('utf8') : undefined);

/** Names a key without revealing it, so a payload says which key opens it (for rotation). */
export const keyIdOf = (key: Uint8Array) => createHash('sha256').update(key).digest('hex').slice(0, 16);

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly keys = new Map<string, Buffer>();
  private readonly currentId: string;

  /** `current` encrypts; `previous` keys still decrypt histories written before a rotation. */
  constructor(current: Uint8Array, previous: Uint8Array[] = []) {
    for (const key of [current, ...previous]) {
      if (key.length !== KEY_BYTES) throw new ValueError(`an AES-256 key has ${KEY_BYTES} bytes, got ${key.length}`);
      this.keys.set(keyIdOf(key), Buffer.from(key));
    }
    this.currentId = keyIdOf(current);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv, { authTagLength: TAG_BYTES });
      // The key id is authenticated too: a payload relabelled to another key fails to open.
      cipher.setAAD(utf8(this.currentId));
      // The whole payload, metadata included, so even its encoding is hidden.
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return { metadata: { [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING), [METADATA_KEY_ID]: utf8(this.currentId) }, data };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      // Payloads written before encryption was switched on pass through as they are.
      if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
      const keyId = text(payload.metadata?.[METADATA_KEY_ID]);
      const key = keyId ? this.keys.get(keyId) : undefined;
      if (!keyId || !key) throw new ValueError(`no key to decrypt a payload encrypted with key ${keyId ?? '(none)'}`);
      const data = payload.data ?? new Uint8Array();
      if (data.length < IV_BYTES + TAG_BYTES) throw new ValueError('an encrypted payload is too short');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(utf8(keyId));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}
