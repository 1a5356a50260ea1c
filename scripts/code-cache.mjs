// The build's last step, after the dataset snapshot: V8's code caches of the CLI bundle (see
// src/cli/bundle-loader.ts). Each runs one command with the bundle, in a process of its own and with
// its output thrown away, and keeps the code V8 compiled for it, so that later starts take that code
// instead of compiling it again:
// - dist/bin/program.cjs.code-cache: a route question on the embedded network, for most commands;
// - dist/bin/program.cjs.simulation.code-cache: a short simulation of the default dataset read as a
//   network file of the user's (a copy elsewhere, so not from the snapshot), for the commands that
//   simulate: it also holds the YAML parser, the validation, the plan and the simulation.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BUNDLE_PATH,
  CODE_CACHE_PATH,
  loadBundle,
  SIMULATION_CODE_CACHE_PATH,
} from '../dist/cli/bundle-loader.js';

/**
 * Runs `caravan args` with the bundle in this process, its output thrown away, and writes V8's cache to
 * `path`. The bundle is loaded without a cache: V8's cache holds every function compiled so far, so
 * one loaded with another cache (the route question's, or a former build's) would pass its code on.
 */
async function fill(path, args) {
  const bundle = loadBundle(BUNDLE_PATH, null);
  const write = process.stdout.write;
  process.stdout.write = () => true;
  let code;
  try {
    code = await bundle.main(args);
  } finally {
    process.stdout.write = write;
  }
  if (code !== 0) throw new Error(`\`caravan ${args.join(' ')}\`, which fills a code cache, failed (exit code ${code})`);
  writeFileSync(path, bundle.codeCache());
}

const kind = process.argv[2];
if (kind === 'route') {
  await fill(CODE_CACHE_PATH, ['route', '--from', 'xian', '--to', 'duisburg']);
} else if (kind === 'simulation') {
  const dir = mkdtempSync(join(tmpdir(), 'caravan-code-cache-'));
  try {
    const network = join(dir, 'network.yaml');
    copyFileSync(fileURLToPath(new URL('../data/eurasia/network.yaml', import.meta.url)), network);
    await fill(SIMULATION_CODE_CACHE_PATH, [
      ...['simulate', '--network', network, '--days', '2', '--warmup-days', '1'],
      ...['--replications', '2', '--workers', '1', '--json'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  // each cache from a fresh process, holding only the code its own command compiled
  for (const k of ['route', 'simulation']) execFileSync(process.execPath, [fileURLToPath(import.meta.url), k], { stdio: 'inherit' });
}
