import { Cron } from 'croner';

export interface TimerInfo {
  isPastDue: boolean;
  schedule: { adjustForDST: boolean };
  scheduleStatus: { last: string; next: string; lastUpdated: string };
}

export interface ScheduledTimer {
  next(): Date | null;
  stop(): void;
}

/**
 * Runs `fire` on an NCRONTAB schedule: six fields, seconds first (`0 *\/15 * * * *`), or a TimeSpan
 * (`hh:mm:ss`) for a fixed interval. Like the host, a run that is still going delays the next one instead
 * of overlapping it.
 */
export function scheduleTimer(schedule: string, fire: (info: TimerInfo) => Promise<void>): ScheduledTimer {
  const span = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(schedule.trim());
  let last = new Date();
  const info = (next: Date | null): TimerInfo => ({
    isPastDue: false,
    schedule: { adjustForDST: true },
    scheduleStatus: {
      last: last.toISOString(),
      next: next?.toISOString() ?? '',
      lastUpdated: new Date().toISOString(),
    },
  });
  if (span) {
    const ms = ((Number(span[1]) * 60 + Number(span[2])) * 60 + Number(span[3])) * 1000;
    if (ms <= 0) throw new Error(`Timer schedule ${schedule} must be longer than zero`);
    let nextAt = Date.now() + ms;
    let running = false;
    const handle = setInterval(() => {
      nextAt = Date.now() + ms;
      if (running) return;
      running = true;
      void fire(info(new Date(nextAt))).finally(() => {
        running = false;
        last = new Date();
      });
    }, ms);
    return { next: () => new Date(nextAt), stop: () => clearInterval(handle) };
  }
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 6)
    throw new Error(`Timer schedule "${schedule}" must have six NCRONTAB fields (seconds first)`);
  const job = new Cron(schedule.trim(), { protect: true }, async (self: Cron) => {
    await fire(info(self.nextRun()));
    last = new Date();
  });
  return { next: () => job.nextRun(), stop: () => job.stop() };
}
