/** `caravan serve`: the HTTP API and the dashboard, until stopped (Ctrl-C). */
import type { Command } from 'commander';
import { DEFAULT_NETWORK } from '../io/network-file.js';
import { InputError, issue } from '../model/issue.js';
import { defaultWorkers } from '../server/default-workers.js';
import { print } from './output.js';

interface ServeFlags {
  host: string;
  port: string;
  db: string;
  network?: string;
  workers?: string;
  log?: boolean;
  corsOrigin?: string[];
}

function wholeNumber(text: string, flag: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) {
    throw new InputError([
      issue('invalid_option', flag, `"${text}" is not a whole number from ${min} to ${max}`),
    ]);
  }
  return n;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP API and the dashboard (open the URL it prints in a browser)')
    .option('--host <host>', 'address to listen on (127.0.0.1: this machine only)', '127.0.0.1')
    .option('--port <port>', 'TCP port (0: any free port)', '8080')
    .option('--db <file>', 'SQLite file keeping scenarios, jobs and results', 'caravan.db')
    .option('--network <file>', 'network file, YAML or JSON (default: the embedded Eurasia network)')
    .option('--workers <n>', `simulations run at once; more wait in a queue (default: ${defaultWorkers()})`)
    .option('--log', 'log every request to standard output')
    .option(
      '--cors-origin <origins...>',
      'other origins whose pages may call the API from a browser, e.g. https://example.org (default: none)',
    )
    .action(async (opts: ServeFlags) => {
      const port = wholeNumber(opts.port, '--port', 0, 65_535);
      const workers = opts.workers === undefined ? undefined : wholeNumber(opts.workers, '--workers', 1, 64);
      // the server (Fastify, SQLite, the use cases) loads when it starts, not when the command is registered
      const { isLoopback, startServer } = await import('../server/start.js');
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({
          host: opts.host,
          port,
          db: opts.db,
          network: opts.network ?? DEFAULT_NETWORK,
          workers,
          logger: opts.log ?? false,
          token: process.env.CARAVAN_TOKEN || undefined,
          corsOrigins: opts.corsOrigin,
        });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
          const why =
            code === 'EADDRINUSE'
              ? `port ${port} is in use: choose another with --port (0 picks a free one)`
              : `cannot listen on ${opts.host}:${port} (${code}): check --host and --port`;
          throw new InputError([issue('invalid_option', code === 'EADDRINUSE' ? '--port' : '--host', why)]);
        }
        if ((e as { code?: string }).code === 'SQLITE_CANTOPEN' || (e as Error).name === 'SqliteError') {
          throw new InputError([
            issue(
              'file_unreadable',
              '--db',
              `cannot open the database "${opts.db}": ${(e as Error).message}`,
            ),
          ]);
        }
        throw e;
      }
      if (server.recovered > 0) {
        print(
          `${server.recovered} job${server.recovered === 1 ? '' : 's'} cut off by the last stop marked failed`,
        );
      }
      print(
        `Caravan is serving ${opts.db === ':memory:' ? 'without a database' : `with database ${opts.db}`}`,
      );
      if (process.env.CARAVAN_TOKEN) print('Changes (POST, PUT, DELETE) need the token in CARAVAN_TOKEN');
      else if (!isLoopback(opts.host))
        print(`Read-only: listening beyond this machine without CARAVAN_TOKEN`);
      print(`Dashboard: ${server.url}`);
      print(`API reference: ${server.url}api/docs`);
      print('Press Ctrl-C to stop.');
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
