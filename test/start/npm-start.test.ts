// `npm start` as a person runs it: everything comes up, a case can be submitted, Ctrl-C stops
// every process, and starting again resumes the same workflow from the data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../../scripts/temporal/cli';
import { repoRoot } from '../../scripts/temporal/paths';

let dataDir: string;
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  output: () => string;
  tokenOf: (userId: string) => string;
}

async function start(env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/start.ts'], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const until = performance.now() + 90_000;
  while (!out.includes('Ctrl-C stops everything')) {
    if (child.exitCode !== null || performance.now() > until) throw new Error(`npm start did not come up:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    output: () => out,
    tokenOf: (userId) => new RegExp(`${userId}\\s+\\S+\\s+(\\S+)`).exec(out)![1]!,
  };
}

async function healthy(url: string, timeoutMs = 60_000) {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url).then((r) => r.status === 200, () => false);
    if (ok) return;
    if (performance.now() > until) throw new Error(`${url} never answered 200`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function stop(r: Running) {
  r.child.kill('SIGINT');
  await new Promise((resolve) => r.child.once('exit', resolve));
  expect(r.output()).toContain('[start] stopped');
}

it('comes up, serves a case, stops on Ctrl-C and resumes the case on the next start', { timeout: 240_000 }, async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tl-start-'));
  const [port, temporalPort, uiPort, smtpPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const env = { TL_DATA_DIR: dataDir, PORT: String(port), TEMPORAL_PORT: String(temporalPort), TEMPORAL_UI_PORT: String(uiPort), SMTP_PORT: String(smtpPort), LOG_LEVEL: 'warn' };
  const api = `http://127.0.0.1:${port}`;

  const first = await start(env);
  await healthy(`${api}/healthz`);
  await healthy(`http://127.0.0.1:${uiPort}/`);
  // The web pages (built before the start when stale), with the development sign-in behind them.
  for (const page of ['/', '/sign-in', '/cases/some-case']) {
    const html = await fetch(`${api}${page}`, { headers: { Accept: 'text/html' } });
    expect(html.status, page).toBe(200);
    expect(await html.text()).toContain('<div id="root">');
  }
  expect((await fetch(`${api}/api/dev/users`)).status).toBe(200);
  const submitted = await fetch(`${api}/api/applications`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${first.tokenOf('u-li-ming')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      series: 'engineering', level: 'intermediate', field: 'AI', employerId: 'org-zhangjiang-tech',
      submission: { education: 'master', currentTitle: { level: 'junior', series: 'engineering', since: '2019-07-01' }, achievements: [] },
    }),
  });
  expect(submitted.status).toBe(201);
  const { id } = (await submitted.json()) as { id: string };
  // The mail catcher keeps what it received where a person can open it.
  const until = performance.now() + 20_000;
  while ((await readdir(join(dataDir, 'mail')).catch(() => [])).length < 2 && performance.now() < until) await new Promise((r) => setTimeout(r, 200));
  expect((await readdir(join(dataDir, 'mail'))).filter((f) => f.endsWith('.eml')).length).toBeGreaterThanOrEqual(2);
  await stop(first);
  expect(await fetch(`${api}/healthz`).then(() => 'up', () => 'down')).toBe('down');

  const second = await start(env);
  expect(second.output()).toContain('database schema is up to date');
  await healthy(`${api}/healthz`);
  const decided = await fetch(`${api}/api/applications/${id}/employer-decision`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${second.tokenOf('u-hr-zhangjiang')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ decision: 'approve' }),
  });
  expect(decided.status).toBe(200);
  expect(((await decided.json()) as { stage: string }).stage).toBe('employer-notice');
  await stop(second);
});
