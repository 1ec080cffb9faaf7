/**
 * Files grouped by the exact set of people who author them: a compact form
 * of the authorship matrix from which any truck factor can be recomputed.
 * @public
 */
export interface AuthorSet {
  /** Indexes into the people of the result, ascending. */
  people: number[];
  files: number;
}

/**
 * The greedy truck factor (Avelino et al.): while at least half the files
 * still have an author, remove the next person in `order`; returns who was
 * removed. `absent` people are gone before it starts and are not counted.
 * @public
 */
export function greedyTruckFactor(options: {
  authorSets: AuthorSet[];
  fileCount: number;
  /** People in removal order: most files first, ties by name. */
  order: number[];
  absent?: Iterable<number>;
}): number[] {
  const { authorSets, fileCount, order } = options;
  const gone = new Set(options.absent ?? []);
  const covered = () =>
    authorSets.reduce(
      (sum, set) =>
        set.people.some(person => !gone.has(person)) ? sum + set.files : sum,
      0,
    );
  const removed: number[] = [];
  for (const person of order) {
    if (gone.has(person)) continue;
    if (fileCount === 0 || covered() / fileCount < 0.5) break;
    gone.add(person);
    removed.push(person);
  }
  return removed;
}
