/**
 * The alias pairs of one repository from a file in the format of Avelino et
 * al.'s tool (aserg-ufmg/Truck-Factor, gittruckfactor/alias.txt): one
 * `repository;name;alias` per line, `#` starts a comment line. A line counts
 * when its repository is `repository` or ends with `/repository`
 * (`rails/rails` matches `rails`), as the tool keys lines by the name it is
 * given for the repository.
 * @public
 */
export function parseAliasFile(
  text: string,
  repository: string,
): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const line of text.split(/\r?\n|\r/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [repo, name, alias] = line.split(';');
    if (name === undefined || alias === undefined) continue;
    if (repo === repository || repo.endsWith(`/${repository}`)) {
      pairs.push([name, alias]);
    }
  }
  return pairs;
}
