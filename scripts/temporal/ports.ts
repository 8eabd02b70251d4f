import { connect, createServer } from 'node:net';

/** A port the OS just handed out on `ip`; free unless something grabs it in between. */
export function freePort(ip = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, ip, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Fails with a readable message when something already listens on ip:port. Checked before a
 * start because a readiness probe cannot tell a stale server from the one just spawned.
 */
export function assertPortFree(ip: string, port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      const hint = err.code === 'EADDRINUSE' ? ': is another `npm start` or `temporal server start-dev` running?' : '';
      reject(new Error(`${what} port ${ip}:${port} is not available (${err.code ?? err.message})${hint}`));
    });
    server.listen(port, ip, () => server.close(() => resolve()));
  });
}

/** True when ip:port accepts a TCP connection right now. */
export function accepts(ip: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: ip, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
