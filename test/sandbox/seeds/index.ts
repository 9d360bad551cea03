import { seedDataSchema, type SeedData } from '../model';
import type { ResetSeed } from '../protocol';
import { bigSeed } from './big';
import { demoSeed } from './demo';
import { teamRepo } from './builder';

/** Just the repository, the team and the four categories. */
export function emptySeed(now: number = Date.now()): SeedData {
  return teamRepo(now).b.data;
}

export { bigSeed, demoSeed };

/** Turn a seed name / generator options / data into fresh SeedData (data is validated and copied). */
export function resolveSeed(seed: ResetSeed | undefined, now: number = Date.now()): SeedData {
  if (seed === undefined || seed === 'demo') return demoSeed(now);
  if (seed === 'empty') return emptySeed(now);
  if ('big' in seed) return bigSeed(seed.big, now);
  return seedDataSchema.parse(structuredClone(seed));
}
