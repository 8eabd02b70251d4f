// The data converter every Temporal client and worker of this system must share: one that cannot
// decrypt fails on the first encrypted payload, and one that does not encrypt leaks into history.
import { ValueError, type DataConverter } from '@temporalio/common';
import { AesGcmPayloadCodec } from './payload-codec';

/**
 * A published key, for tests and local development only: anyone can read histories written
 * with it. Production must set TEMPORAL_PAYLOAD_KEY to 32 random bytes in base64
 * (`openssl rand -base64 32`), the same for every worker and API replica; after a rotation the
 * old key stays in the list of previous keys until no running history needs it.
 */
export const DEV_PAYLOAD_KEY = 'dGFsZW50LWxpZmVjeWNsZS1kZXYtcGF5bG9hZC1rZXk=';

function decodeKey(keyBase64: string): Buffer {
  const key = Buffer.from(keyBase64, 'base64');
  if (key.length !== 32 || key.toString('base64') !== keyBase64.trim()) {
    throw new ValueError('a payload key is 32 bytes in base64 (openssl rand -base64 32)');
  }
  return key;
}

/** Encrypts with `keyBase64`; `previousKeysBase64` only decrypt (key rotation). */
export function createDataConverter(keyBase64: string, ...previousKeysBase64: string[]): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(decodeKey(keyBase64), previousKeysBase64.map(decodeKey))] };
}
