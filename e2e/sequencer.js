// The reliability review test finishes a review of the product team, which
// moves the start of every alert card of its services to that moment: it
// runs after the tests that read those cards' default range. The drills test
// records a drill, which changes readiness levels the others read: it runs
// last.
const Sequencer = require('@jest/test-sequencer').default;

const LAST = ['review.test.js', 'drills.test.js'];

class ReviewLastSequencer extends Sequencer {
  sort(tests) {
    const rank = test => LAST.findIndex(name => test.path.endsWith(name)) + 1;
    return [...tests].sort(
      (a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path),
    );
  }
}

module.exports = ReviewLastSequencer;
