import { Command } from 'commander';
import { version } from '../package.json';
import { importCostsCommand } from './cost/importCostsCommand';
import { truckFactorCommand } from './readiness/truckFactorCommand';

/** The `baton` command line; each domain adds its commands here. */
export function createProgram(): Command {
  const program = new Command('baton')
    .description(
      'Baton: reliability facts for Backstage catalog entities, from the command line',
    )
    .version(version);
  program.addCommand(truckFactorCommand());
  program.addCommand(importCostsCommand());
  return program;
}
