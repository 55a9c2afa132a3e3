import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ClientAnswer, ClientResult, ClientTask } from './clientProcess';

export interface RemoteClient {
  /** Runs one task in the client's process; the answers carry the times measured there. */
  run(task: ClientTask): Promise<ClientAnswer[]>;
  stop(): void;
}

/** Forks bench/clientProcess.ts (compiled) and hands it one task at a time. */
export function startRemoteClient(): RemoteClient {
  const child: ChildProcess = fork(join(__dirname, 'clientProcess.js'), [], { stdio: 'inherit' });
  let queue = Promise.resolve<unknown>(undefined);
  const once = (task: ClientTask) =>
    new Promise<ClientAnswer[]>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`bench client exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (result: ClientResult) => {
        child.off('exit', onExit);
        if (result.error) reject(new Error(result.error));
        else resolve(result.answers);
      });
      child.send(task);
    });
  return {
    run(task) {
      const next = queue.then(() => once(task));
      queue = next.catch(() => undefined);
      return next;
    },
    stop: () => child.kill(),
  };
}
