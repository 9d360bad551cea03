// The signed-in DOM checks look at the start-of-day digest whatever the hour the suite runs: mona's own
// working hours are set so that "now" is midday in a fixed-offset zone (10:00–16:00 every day), which
// makes this window's first focus the start of her working day, after a night off.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function monaWorkingNowYaml(yaml: string, now: number): string {
  const offset = 12 - new Date(now).getUTCHours(); // local hour = UTC hour + offset, in [-11, 12]
  // IANA's Etc zones have POSIX signs: Etc/GMT-3 is three hours ahead of UTC.
  const zone = offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  const mona = `  - login: mona\n    timeZone: ${zone}\n    workingHours: { days: [Mon, Tue, Wed, Thu, Fri, Sat, Sun], start: "10:00", end: "16:00" }`;
  const changed = yaml.replace(/^ {2}- mona$/m, mona);
  if (changed === yaml) throw new Error('the fixture team config no longer lists "  - mona" on a line of its own');
  return changed;
}

export function setMonaWorkingNow(workspacePath: string, now: number = Date.now()): void {
  const file = join(workspacePath, '.github', 'team-support.yml');
  writeFileSync(file, monaWorkingNowYaml(readFileSync(file, 'utf8'), now));
}
