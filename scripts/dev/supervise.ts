// Runs a child process with prefixed output and restarts it if it dies on its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Supervised {
  stop(): Promise<void>;
}

export function supervise(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Supervised {
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;

  const prefix = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    if (!stream) return;
    createInterface({ input: stream }).on('line', (line) => out.write(`[${name}] ${line}\n`));
  };

  const launch = () => {
    child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    prefix(child.stdout, process.stdout);
    prefix(child.stderr, process.stderr);
    child.once('exit', (code, signal) => {
      if (stopping) return;
      restarts++;
      const delay = Math.min(30_000, 1000 * 2 ** Math.min(restarts, 5));
      console.error(`[${name}] exited (${signal ?? code}); restarting in ${delay / 1000}s`);
      setTimeout(() => stopping || launch(), delay).unref();
    });
  };
  launch();

  return {
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child?.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
