import { Command } from 'commander';
import { version } from '../package.json';
import { recordChangeCommand } from './changes/recordChangeCommand';
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
  program.addCommand(recordChangeCommand());
  return program;
}
