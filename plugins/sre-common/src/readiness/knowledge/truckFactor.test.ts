import { greedyTruckFactor } from './truckFactor';

describe('greedyTruckFactor', () => {
  // 10 files: person 0 alone on 5, persons 0+1 on 2, person 1 alone on 2, person 2 alone on 1.
  const authorSets = [
    { people: [0], files: 5 },
    { people: [0, 1], files: 2 },
    { people: [1], files: 2 },
    { people: [2], files: 1 },
  ];
  const order = [0, 1, 2];

  it('removes people in order while at least half the files have an author', () => {
    // 10/10 → remove 0 → 5/10 → remove 1 → 1/10 stop.
    expect(greedyTruckFactor({ authorSets, fileCount: 10, order })).toEqual([
      0, 1,
    ]);
  });

  it('does not count absent people and starts from what is left', () => {
    // Without 1: 8/10 → remove 0 → 1/10 stop: one more person carries the rest.
    expect(
      greedyTruckFactor({ authorSets, fileCount: 10, order, absent: [1] }),
    ).toEqual([0]);
    // Without 0: 5/10 covered (sets 0+1, 1, 2) → remove 1 → 1/10.
    expect(
      greedyTruckFactor({ authorSets, fileCount: 10, order, absent: [0] }),
    ).toEqual([1]);
    // Without 0 and 1: 1/10 covered, already below half: truck factor 0.
    expect(
      greedyTruckFactor({ authorSets, fileCount: 10, order, absent: [0, 1] }),
    ).toEqual([]);
  });

  it('answers nothing for no files', () => {
    expect(
      greedyTruckFactor({ authorSets: [], fileCount: 0, order: [0] }),
    ).toEqual([]);
  });
});
