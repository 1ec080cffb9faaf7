import type {
  ChangeInput,
  RecordChangesRequest,
  RecordChangesResponse,
} from '@baton/plugin-sre-common';
import { Command } from 'commander';
import {
  authorizationHeader,
  backendOption,
  backendUrl,
  CommandError,
  postJson,
  reportCommandFailure,
  tokenOption,
} from '../backend/backendClient';
import {
  assertNoHandTimes,
  changeDraftFromFlags,
  handTimes,
  RecordChangeFlags,
} from './changeFlags';
import { CommandNotStartedError, runTimedCommand } from './runTimedCommand';

const repeatable = (value: string, previous: string[] = []) => [
  ...previous,
  value,
];

/** The line `baton record-change` prints once the backend stored the change. */
export function formatRecordedChange(change: ChangeInput, id: string): string {
  const plan = change.terraform?.plan;
  return [
    `Recorded change ${id}: ${change.kind} on ${change.entityRefs.join(
      ', ',
    )}, ${change.outcome}`,
    change.pairs.length
      ? `, operated by ${change.operators
          .map(person => person.value)
          .join(', ')} with ${change.pairs
          .map(person => person.value)
          .join(', ')}`
      : ', solo (no --pair)',
    plan
      ? `; plan: ${plan.add} to add, ${plan.change} to change, ${plan.destroy} to destroy`
      : '',
  ].join('');
}

async function record(
  change: ChangeInput,
  options: { backend?: string; token?: string },
): Promise<string> {
  const request: RecordChangesRequest = {
    source: 'cli',
    changes: [change],
  };
  const response = await postJson<RecordChangesResponse>(
    backendUrl(options.backend, '/api/sre/changes'),
    options.token,
    request,
  );
  const id = response?.ids?.[0];
  if (typeof id !== 'string') {
    throw new CommandError(
      'the backend answered without the id of the recorded change; is --backend a Baton backend of the same release?',
    );
  }
  return id;
}

/**
 * `baton record-change`: records a production change by hand, or runs the
 * command after `--` (a `terraform apply`), times it and records how it ended.
 */
export function recordChangeCommand(): Command {
  return new Command('record-change')
    .description(
      'Record a production change: who operated it, who was their pair, the reviewed procedure; with a command after --, run it, time it and record how it ended',
    )
    .usage('[options] [-- <command...>]')
    .argument(
      '[command...]',
      'a command to run and time, after --, e.g. -- terraform apply plan.out',
    )
    .option(
      '--entity <ref>',
      'a catalog entity the change touched, e.g. component:default/checkout-api (repeatable)',
      repeatable,
    )
    .option(
      '--kind <kind>',
      'terraform-apply, deploy, maintenance, db-migration, config or other',
    )
    .option(
      '--operator <person>',
      'who ran it: a name, github:<login> or an e-mail address (repeatable)',
      repeatable,
    )
    .option(
      '--pair <person>',
      'who was with the operator or approved the run (repeatable)',
      repeatable,
    )
    .option('--procedure <url>', 'the written procedure followed')
    .option(
      '--procedure-author <person>',
      'who wrote the procedure (repeatable)',
      repeatable,
    )
    .option(
      '--procedure-reviewer <person>',
      'who reviewed the procedure (repeatable)',
      repeatable,
    )
    .option('--environment <name>', 'e.g. production')
    .option(
      '--title <text>',
      'one line: what was changed (default: the command, or the kind and entities)',
    )
    .option(
      '--id <id>',
      "the change's id, to record it again (default: a new UUID)",
    )
    .option(
      '--plan <file>',
      "the output of 'terraform show -json plan.out', for the plan's add/change/destroy counts",
    )
    .option(
      '--workspace <name>',
      "the Terraform workspace or state (default: the current folder's name)",
    )
    .option(
      '--started <time>',
      'without a command: when it started, ISO 8601 with a time zone',
    )
    .option('--finished <time>', 'without a command: when it finished')
    .option(
      '--outcome <outcome>',
      'without a command: succeeded (default), failed, rolled-back or in-progress',
    )
    .addOption(backendOption())
    .addOption(tokenOption())
    .option('--json', "print the backend's JSON answer")
    .action(async (command: string[], options) => {
      // Set by a run, whose own exit code baton passes on once it recorded it.
      let exitCode: number | undefined;
      let change: ChangeInput | undefined;
      try {
        const flags: RecordChangeFlags = {
          ...options,
          entity: options.entity ?? [],
          operator: options.operator ?? [],
          pair: options.pair ?? [],
          procedureAuthor: options.procedureAuthor ?? [],
          procedureReviewer: options.procedureReviewer ?? [],
        };
        // Only words after `--` run: `--operator alice bob` must not run `bob`.
        if (command.length && !process.argv.includes('--')) {
          throw new CommandError(
            `unexpected '${command[0]}': put the command to run after --, e.g. -- terraform apply plan.out`,
          );
        }
        const draft = changeDraftFromFlags(flags, command);
        // Checked before the command runs, rather than found after the apply.
        backendUrl(options.backend, '/api/sre/changes');
        authorizationHeader(options.token);

        if (command.length) {
          assertNoHandTimes(flags);
          const run = await runTimedCommand(command);
          exitCode = run.exitCode;
          change = {
            ...draft,
            startedAt: run.startedAt,
            finishedAt: run.finishedAt,
            outcome: run.exitCode === 0 ? 'succeeded' : 'failed',
            ...(draft.terraform
              ? { terraform: { ...draft.terraform, applySeconds: run.seconds } }
              : {}),
          };
        } else {
          change = { ...draft, ...handTimes(flags) };
        }

        const id = await record(change, options);
        process.stdout.write(
          options.json
            ? `${JSON.stringify({ ids: [id] }, null, 2)}\n`
            : `${formatRecordedChange(change, id)}\n`,
        );
        if (exitCode !== undefined) process.exitCode = exitCode;
      } catch (error) {
        if (exitCode !== undefined && change) {
          // The command ran: say how to record it by hand, then pass its code on.
          reportCommandFailure(
            'record-change',
            new CommandError(
              `${
                error instanceof Error ? error.message : String(error)
              }; the change was not recorded: record it with --id ${
                change.externalId
              } --started ${change.startedAt} --finished ${
                change.finishedAt
              } --outcome ${change.outcome} and no command`,
            ),
          );
          process.exitCode = exitCode || 1;
        } else {
          reportCommandFailure('record-change', error);
          if (error instanceof CommandNotStartedError) {
            process.exitCode = 127;
          }
        }
      }
    });
}
