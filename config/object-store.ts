// Where a deployment stores applicants' materials: what config/env.ts reads, records/objects opens.

export interface S3Config {
  /** Unset for AWS itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style addressing (http://host/bucket/key): what most self-hosted servers need. */
  forcePathStyle: boolean;
  prefix: string;
  /** Local folder for arriving uploads, checked before they go to the bucket. */
  incomingDir: string;
}

export type ObjectStoreConfig = { kind: 'local'; dir: string } | ({ kind: 's3' } & S3Config);
