// Shared test helpers: the project root, temp folders, and running the built `mine` binary.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** The project root (tests run compiled from dist/test/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLES = path.join(ROOT, 'samples');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/mine.js with `args` (and `input` on stdin), without colour unless `env` asks for it. */
export function mine(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunResult {
  return runNode([path.join(ROOT, 'bin', 'mine.js'), ...args], options);
}

function runNode(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunResult {
  const result = spawnSync(process.execPath, args, {
    input: options.input ?? '',
    encoding: 'utf8',
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    maxBuffer: 1 << 28,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Where mineInProcess() sends its runs: a worker thread that passes them to one `mine-in-process.js --serve` process and
 * posts back the replies, so that the test's thread can wait for each synchronously.
 */
const SERVER_THREAD = `
const { workerData: { script, port } } = require('node:worker_threads');
const server = require('node:child_process').fork(script, ['--serve'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' });
let waiting;
port.on('message', ({ run, done }) => { waiting = done; server.send(run); });
server.on('message', (result) => { port.postMessage(result); Atomics.store(waiting, 0, 1); Atomics.notify(waiting, 0); });
server.on('exit', (code) => { if (!waiting) return; port.postMessage({ status: null, stdout: '', stderr: 'mine-in-process --serve exited ' + code }); Atomics.store(waiting, 0, 1); Atomics.notify(waiting, 0); });
`;
let serverPort: MessagePort | undefined;

/**
 * mine() in mine()'s default environment and working directory, run in one long-lived process (started on first use)
 * rather than a process a run: for runs that check what mine prints and its exit status, not how a process starts,
 * exits, is signalled, reads a pipe or sees a terminal.
 */
export function mineInProcess(args: string[], options: { input?: string | Buffer } = {}): RunResult {
  if (!serverPort) {
    const { port1, port2 } = new MessageChannel();
    const script = path.join(ROOT, 'dist', 'test', 'mine-in-process.js');
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    new Worker(SERVER_THREAD, { eval: true, env, workerData: { script, port: port2 }, transferList: [port2] }).unref();
    serverPort = port1;
  }
  const done = new Int32Array(new SharedArrayBuffer(4));
  serverPort.postMessage({ run: { args, input: options.input ?? '' }, done });
  Atomics.wait(done, 0, 0);
  return receiveMessageOnPort(serverPort)!.message as RunResult;
}

/**
 * mine() with a document cache of its own, shared by every run made through it: a test file's many runs over the
 * same inputs find their entities once, not once a run (test/commands/scale.test.ts checks that a cached run prints
 * what an uncached one does). Runs in mine()'s default environment and working directory are made in one process
 * (mineInProcess), as a file's cached runs do not check process start, exit, signals or the terminal.
 */
export function cachedMine(): typeof mine {
  const cache = path.join(tempDir(), 'cache');
  return (args, options = {}) => (options.env || options.cwd ? mine : mineInProcess)([...args, '--cache', cache], options);
}

/** A fresh temporary folder, removed when the process exits. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mine-test-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** mulberry32: a small seeded PRNG, so a failing fuzz case replays the same way. */
export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Some 2 MB of distinct sentences made of the samples' words: minutes of work for the NER stage. */
export function slowText(): string {
  const random = mulberry32(42);
  const words = fs.readFileSync(path.join(SAMPLES, fs.readdirSync(SAMPLES).find((f) => f.endsWith('.txt'))!), 'utf8').match(/[A-Za-z]+/g)!;
  const pick = () => words[Math.floor(random() * words.length)]!;
  const paragraphs = Array.from({ length: 6000 }, () =>
    Array.from({ length: 4 }, () => Array.from({ length: 14 }, pick).join(' ').replace(/^./, (c) => c.toUpperCase()) + '.').join(' '),
  );
  return paragraphs.join('\n\n');
}

/**
 * Each line word-wrapped at `width` columns, as `lynx -dump` and `w3m -dump` print pages: continuation lines are
 * indented to where the text starts (after a list marker). Also used by bench/check-floors.mjs.
 */
export function wrapAt(content: string, width: number): string {
  const wrapLine = (line: string) => {
    const textStart = /^\s*(?:(?:[•*-]|\d+\.)\s+)?/.exec(line)![0].length;
    const rows: string[] = [];
    let row = line.slice(0, textStart);
    for (const word of line.slice(textStart).split(/\s+/)) {
      if (row.trim() !== '' && row.length + 1 + word.length > width) {
        rows.push(row);
        row = ' '.repeat(textStart) + word;
      } else {
        row += row.trim() === '' || row.endsWith(' ') ? word : ` ${word}`;
      }
    }
    return [...rows, row].join('\n');
  };
  return content.split(/\r\n?|\n/).map(wrapLine).join('\n');
}

export interface TimedRun extends RunResult {
  signal: NodeJS.Signals | null;
  ms: number;
}

/**
 * Runs bin/mine.js as mine() does, without blocking: for processes run side by side, timed, or signalled
 * (`started` gets the child as soon as it is spawned).
 */
export function mineAsync(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number; started?: (child: ChildProcess) => void; killAfterMs?: number } = {},
): Promise<TimedRun> {
  const began = Date.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'mine.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    uid: options.uid,
    gid: options.gid,
  });
  options.started?.(child);
  // A hung run is killed (its signal then says so) rather than left to hold up the test run.
  const killer = options.killAfterMs ? setTimeout(() => child.kill('SIGKILL'), options.killAfterMs) : undefined;
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) =>
    child.on('close', (status, signal) => {
      clearTimeout(killer);
      resolve({ status, signal, stdout, stderr, ms: Date.now() - began });
    }),
  );
}
