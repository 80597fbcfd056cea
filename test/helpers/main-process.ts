import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs `npm start`'s entry point with extra environment; resolves with its exit code and output.
 * `whenReady` is called once with the output so far when the start-up banner appears.
 */
export function runMain(env: Record<string, string>, whenReady?: (output: string, child: ChildProcess) => void) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let output = '';
    let readySeen = false;
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!readySeen && /GraphiQL at (\S+)\/graphql/.test(output)) {
        readySeen = true;
        whenReady?.(output, child);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => resolve({ code, output }));
  });
}
