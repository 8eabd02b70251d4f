// The codec that keeps ballots out of Temporal's history in clear text.
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { createDataConverter, DEV_PAYLOAD_KEY } from '../../config/data-converter';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING } from '../../config/payload-codec';

const codecOf = (...keys: string[]) => createDataConverter(keys[0]!, ...keys.slice(1)).payloadCodecs![0]!;
const OTHER_KEY = Buffer.alloc(32, 7).toString('base64');
const ballot = defaultPayloadConverter.toPayload({ caseId: 'c1', choice: 'yes' });
const text = (b?: Uint8Array | null) => Buffer.from(b ?? []).toString('utf8');

describe('AES-256-GCM payload codec', () => {
  it('round-trips a payload and stores nothing readable', async () => {
    const codec = codecOf(DEV_PAYLOAD_KEY);
    const [sealed] = await codec.encode([ballot]);
    expect(text(sealed!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(sealed!.data)).not.toContain('yes');
    expect(text(sealed!.data)).not.toContain('json/plain');
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual({ caseId: 'c1', choice: 'yes' });
  });

  it('encrypts the same ballot differently every time (random IV)', async () => {
    const codec = codecOf(DEV_PAYLOAD_KEY);
    const [a, b] = await codec.encode([ballot, ballot]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('refuses a tampered payload and a payload of an unknown key', async () => {
    const [sealed] = await codecOf(DEV_PAYLOAD_KEY).encode([ballot]);
    const flipped = Uint8Array.from(sealed!.data!);
    flipped[20]! ^= 1;
    await expect(codecOf(DEV_PAYLOAD_KEY).decode([{ ...sealed!, data: flipped }])).rejects.toThrow();
    await expect(codecOf(OTHER_KEY).decode([sealed!])).rejects.toThrow(/no key/);
  });

  it('still opens payloads of a previous key after a rotation, and passes plain ones through', async () => {
    const [old] = await codecOf(DEV_PAYLOAD_KEY).encode([ballot]);
    const [opened, plain] = await codecOf(OTHER_KEY, DEV_PAYLOAD_KEY).decode([old!, ballot]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual({ caseId: 'c1', choice: 'yes' });
    expect(plain).toBe(ballot);
  });

  it('rejects a key that is not 32 bytes of base64', () => {
    expect(() => createDataConverter('c2hvcnQ=')).toThrow(/32 bytes/);
    expect(() => new AesGcmPayloadCodec(new Uint8Array(16))).toThrow(/32 bytes/);
  });
});
