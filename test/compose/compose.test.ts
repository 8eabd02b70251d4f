// docker-compose.yml is validated offline: `docker-compose config` checks it against the Compose
// schema and prints the normalized file, on which we assert what a user of the scale-out setup
// relies on. No Docker engine is needed (and none is started).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const composeFile = join(root, 'docker-compose.yml');
const MISSING =
  'docker-compose is not installed, so docker-compose.yml cannot be validated ' +
  '(apt-get install -y docker-compose; scripts/test-prereqs.ts installs it before `npm test`)';

interface Port { target?: number | string; published?: number | string; host_ip?: string }
interface Service {
  image?: string;
  build?: unknown;
  container_name?: string;
  command?: string[];
  environment?: Record<string, string | null>;
  ports?: (string | Port)[];
  volumes?: (string | { source?: string; target?: string })[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: unknown; disable?: boolean };
  deploy?: { replicas?: number };
  restart?: string;
}
interface ComposeConfig { services: Record<string, Service> }

const version = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
const installed = !version.error && version.status === 0;
const isV1 = installed && version.stdout.trim().startsWith('1.');
const inCI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

let scratch: string;
let emptyEnvFile: string;

/**
 * Runs docker-compose with a clean environment and an empty env file, so a developer's shell
 * variables or local .env cannot change what the defaults are.
 */
function compose(args: string[], { file = composeFile, env = {} as Record<string, string> } = {}) {
  const result = spawnSync(
    'docker-compose',
    ['-f', file, '--project-directory', root, '--env-file', emptyEnvFile, ...args],
    { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } },
  );
  if (result.error) throw result.error;
  return result;
}

function loadConfig(env: Record<string, string> = {}): ComposeConfig {
  const result = compose(['config'], { env });
  if (result.status !== 0) throw new Error(`docker-compose config failed:\n${result.stderr}`);
  return parse(result.stdout) as ComposeConfig;
}

function service(config: ComposeConfig, name: string): Service {
  const found = config.services[name];
  if (!found) throw new Error(`service ${name} is missing from docker-compose.yml`);
  return found;
}

/** Container ports a service publishes, from short ("127.0.0.1:8025:8025/tcp") or long syntax. */
function publishedTargets(svc: Service): number[] {
  return (svc.ports ?? []).map((p) => {
    if (typeof p === 'string') return Number(p.replace(/\/\w+$/, '').split(':').at(-1));
    return Number(p.target);
  });
}

const APP_SERVICES = ['worker', 'api', 'migrate'];

describe('docker-compose.yml', () => {
  // The normalized file, parsed once; a file that does not validate fails each test with the reason.
  let parsed: ComposeConfig | Error;
  let config: ComposeConfig;

  beforeAll(() => {
    if (!installed) return;
    scratch = mkdtempSync(join(tmpdir(), 'compose-test-'));
    emptyEnvFile = join(scratch, 'empty.env');
    writeFileSync(emptyEnvFile, '');
    try {
      parsed = loadConfig();
    } catch (err) {
      parsed = err as Error;
    }
  });

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  beforeEach((ctx) => {
    if (!installed) {
      if (inCI) throw new Error(MISSING);
      ctx.skip(MISSING);
    }
    if (parsed instanceof Error) throw parsed;
    config = parsed;
  });

  it('is valid according to docker-compose config', () => {
    const result = compose(['config', '-q']);
    expect(result.status, result.stderr).toBe(0);
  });

  it('is rejected when broken, so the validator really runs', () => {
    const original = readFileSync(composeFile, 'utf8');
    const broken = original.replace(/^ {2}worker:\n/m, '  worker:\n    not_a_compose_key: true\n');
    expect(broken).not.toBe(original);
    const brokenFile = join(scratch, 'broken.yml');
    const intactFile = join(scratch, 'intact.yml');
    writeFileSync(brokenFile, broken);
    writeFileSync(intactFile, original);

    const bad = compose(['config', '-q'], { file: brokenFile });
    if (isV1) expect(bad.status).toBe(1);
    else expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('not_a_compose_key');
    // Control: the same file, unbroken, from the same place passes.
    expect(compose(['config', '-q'], { file: intactFile }).status).toBe(0);
  });

  it('has every service of the scale-out setup', () => {
    for (const name of ['postgres', 'temporal', 'temporal-ui', 'worker', 'api', 'migrate', 'mailpit']) {
      expect(config.services, name).toHaveProperty([name]);
    }
  });

  it('pins every image to an explicit tag other than latest', () => {
    for (const [name, svc] of Object.entries(config.services)) {
      expect(svc.image, `${name} names its image`).toBeTruthy();
      const image = svc.image!;
      const tag = image.includes('@') ? 'digest' : image.slice(image.lastIndexOf('/') + 1).split(':')[1];
      expect(tag, `${name}: ${image} has a tag`).toBeTruthy();
      expect(tag, `${name}: ${image}`).not.toBe('latest');
    }
  });

  it('runs at least two worker replicas that hold no state and publish no port', () => {
    const worker = service(config, 'worker');
    expect(worker.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(worker.ports ?? []).toEqual([]);
    expect(worker.container_name).toBeUndefined();
    expect(worker.volumes ?? []).toEqual([]);
    expect(worker.command?.join(' ')).toContain('worker/main.ts');
  });

  it('serves the API on port 3000 without local state', () => {
    const api = service(config, 'api');
    expect(publishedTargets(api)).toEqual([3000]);
    expect(api.environment?.PORT).toBe('3000');
    expect(api.volumes ?? []).toEqual([]);
    expect(api.container_name).toBeUndefined();
    expect(api.healthcheck?.test).toBeTruthy();
  });

  it('points the app at PostgreSQL, the Temporal service and the mail catcher', () => {
    for (const name of APP_SERVICES) {
      const env = service(config, name).environment ?? {};
      const db = new URL(env.DATABASE_URL ?? '');
      expect(env.DATABASE_URL, name).toMatch(/^postgresql:\/\//);
      expect(db.hostname, name).toBe('postgres');
      expect(db.pathname, name).toBe('/talent');
      expect(env.TEMPORAL_ADDRESS, name).toBe('temporal:7233');
      expect(env.TEMPORAL_NAMESPACE, name).toBe('default');
      expect(env.TEMPORAL_TASK_QUEUE, name).toBe('talent-lifecycle');
      expect(env.SMTP_URL, name).toBe('smtp://mailpit:1025');
      expect(env.MAIL_FROM, name).toBeTruthy();
      expect(env.TEMPORAL_UI_URL, name).toMatch(/^https?:\/\//);
      expect(env.PUBLIC_BASE_URL, name).toMatch(/^https?:\/\//);
      // api/env.ts refuses secrets shorter than 16 characters.
      expect(env.JWT_SECRET?.length ?? 0, name).toBeGreaterThanOrEqual(16);
    }
  });

  it('takes JWT_SECRET and database passwords from the environment', () => {
    const custom = loadConfig({ JWT_SECRET: 'a-real-secret-from-the-vault', TALENT_DB_PASSWORD: 's3cret' });
    for (const name of APP_SERVICES) {
      const env = service(custom, name).environment ?? {};
      expect(env.JWT_SECRET, name).toBe('a-real-secret-from-the-vault');
      expect(new URL(env.DATABASE_URL ?? '').password, name).toBe('s3cret');
    }
    expect(service(custom, 'postgres').environment?.TALENT_DB_PASSWORD).toBe('s3cret');
  });

  it('persists Temporal in PostgreSQL', () => {
    const env = service(config, 'temporal').environment ?? {};
    expect(env.DB).toBe('postgres12');
    expect(env.POSTGRES_SEEDS).toBe('postgres');
  });

  it('starts things in order: schema, server, namespace and migrations before the app', () => {
    const dependsOn = (name: string) => service(config, name).depends_on ?? {};
    expect(dependsOn('temporal')['temporal-schema']?.condition).toBe('service_completed_successfully');
    expect(dependsOn('temporal-schema').postgres?.condition).toBe('service_healthy');
    expect(dependsOn('temporal-setup').temporal?.condition).toBe('service_healthy');
    expect(dependsOn('migrate').postgres?.condition).toBe('service_healthy');
    for (const name of ['worker', 'api']) {
      expect(dependsOn(name).migrate?.condition, name).toBe('service_completed_successfully');
      expect(dependsOn(name)['temporal-setup']?.condition, name).toBe('service_completed_successfully');
    }
    // A service_healthy condition on a service without a health check would never be met.
    for (const [name, svc] of Object.entries(config.services)) {
      for (const [dep, { condition }] of Object.entries(svc.depends_on ?? {})) {
        if (condition !== 'service_healthy') continue;
        expect(service(config, dep).healthcheck?.test, `${name} waits for ${dep} to be healthy`).toBeTruthy();
      }
    }
  });

  it('registers the custom search attributes as Keyword', () => {
    const mounted = (service(config, 'temporal-setup').volumes ?? [])
      .map((v) => (typeof v === 'string' ? v.split(':')[0]! : (v.source ?? '')))
      .find((source) => source.endsWith('.sh'));
    expect(mounted, 'temporal-setup mounts its script').toBeTruthy();
    const script = readFileSync(mounted!, 'utf8');
    for (const name of ['TlProcess', 'TlStage', 'TlTrack', 'TlSeries', 'TlOrganisation']) {
      expect(script, name).toMatch(new RegExp(`\\b${name}\\b`));
    }
    expect(script).toContain('--type Keyword');
  });
});
