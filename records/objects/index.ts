// The object store a deployment is configured with (config/env.ts: OBJECT_STORE).
import { localObjectStore } from './local';
import type { ObjectStoreConfig } from '../../config/object-store';
import { s3ObjectStore } from './s3';
import type { ObjectStore } from './store';

export type { ObjectStoreConfig };

export function createObjectStore(c: ObjectStoreConfig): Promise<ObjectStore> {
  return c.kind === 'local' ? localObjectStore(c.dir) : s3ObjectStore(c);
}
