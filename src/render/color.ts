// When to colour: as --color says; by default only on a terminal, never with NO_COLOR set or TERM=dumb (chalk alone would ignore NO_COLOR).
import { Chalk, type ChalkInstance } from 'chalk';
import type { EntityType } from '../types.js';

export function colorWanted(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env, when: 'auto' | 'always' | 'never' = 'auto'): boolean {
  if (when !== 'auto') return when === 'always';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function makeChalk(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}

/** One colour per entity type, the same in every table. */
export function typeColor(chalk: ChalkInstance, type: EntityType | string): (text: string) => string {
  switch (type) {
    case 'person': return chalk.cyan;
    case 'country': return chalk.green;
    case 'org': return chalk.magenta;
    case 'place': return chalk.yellow;
    default: return (text: string) => text;
  }
}
