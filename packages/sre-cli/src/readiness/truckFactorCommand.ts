import {
  parseAliasFile,
  parseRepoSpec,
  type TruckFactorResult,
} from '@baton/plugin-sre-common';
import { computeTruckFactor } from '@baton/plugin-sre-backend-module-git';
import { Command } from 'commander';
import fs from 'fs';
import path from 'path';

/** What `baton truck-factor --json` prints. */
export type TruckFactorJson = TruckFactorResult & {
  repository: string;
  revision: string;
  subdir: string | null;
};

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The human-readable report of `baton truck-factor`. */
export function formatTruckFactor(report: TruckFactorJson): string {
  const scope = report.subdir
    ? `${report.repository}:${report.subdir}`
    : report.repository;
  const lines = [
    `Truck factor of ${scope} at ${report.revision.slice(0, 12)}: ${
      report.truckFactor
    }`,
    `${report.fileCount} files counted (programming and markup, as GitHub Linguist counts them), ${report.filesWithoutAuthor} without an author; ${report.mode} mode`,
  ];
  if (report.truckFactorAuthors.length) {
    lines.push('', 'Truck-factor authors (share of files each authors):');
    for (const author of report.truckFactorAuthors) {
      lines.push(
        `  ${author.name.padEnd(28)} ${percent(author.share).padStart(6)}  ${
          author.files
        } files`,
      );
    }
  }
  return lines.join('\n');
}

/** `baton truck-factor <repo>`: the truck factor of a git repository. */
export function truckFactorCommand(): Command {
  return new Command('truck-factor')
    .description(
      'Truck factor of a git repository (degree of authorship, Avelino et al. 2016), counting pairing unless --classic',
    )
    .argument(
      '<repo>',
      'a working copy or bare repository; repo:subdir scopes to a folder',
    )
    .option('--rev <revision>', 'revision to compute at', 'HEAD')
    .option('--path <subdir>', 'only files under this folder')
    .option(
      '--classic',
      'the published method (Avelino et al. 2016): no Co-authored-by trailers, no .mailmap, no bot filter',
    )
    .option(
      '--alias-file <file>',
      "author aliases in the published tool's alias.txt format (repository;name;alias)",
    )
    .option(
      '--repo-name <owner/name>',
      "the repository's name in --alias-file (default: the folder's name)",
    )
    .option('--exclude <glob...>', 'further files to leave out')
    .option('--json', 'print JSON (documented in README)')
    .action(async (repo: string, options) => {
      const spec = parseRepoSpec(repo);
      const repository = spec.location;
      const subdir: string | undefined = options.path ?? spec.subdir;
      const result = await computeTruckFactor({
        repository,
        revision: options.rev,
        subdir,
        classic: Boolean(options.classic),
        exclude: options.exclude,
        aliases: options.aliasFile
          ? parseAliasFile(
              fs.readFileSync(options.aliasFile, 'utf8'),
              options.repoName ??
                path.basename(path.resolve(repository)).replace(/\.git$/, ''),
            )
          : undefined,
      });
      const report: TruckFactorJson = {
        ...result,
        repository,
        subdir: subdir ?? null,
      };
      process.stdout.write(
        options.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : `${formatTruckFactor(report)}\n`,
      );
    });
}
