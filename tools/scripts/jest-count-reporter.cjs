// Writes each jest run's pass/fail counts to tmp/test-counts/<project>[-<tag>].json so that
// tools/scripts/test-summary.mjs can print one closing "N passed, N failed" line.
const fs = require('node:fs');
const path = require('node:path');

class CountReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }
  onRunComplete(_contexts, results) {
    const root = path.resolve(__dirname, '..', '..');
    const dir = path.join(root, 'tmp', 'test-counts');
    fs.mkdirSync(dir, { recursive: true });
    const project = path.relative(root, this.rootDir).replace(/[\\/]/g, '-') || 'root';
    const tag = process.env.TEST_COUNT_TAG ? `-${process.env.TEST_COUNT_TAG}` : '';
    const failedSuites = results.numFailedTestSuites || 0;
    const data = {
      project: project + tag,
      passed: results.numPassedTests,
      failed: results.numFailedTests + (results.numRuntimeErrorTestSuites || 0),
      skipped: results.numPendingTests + results.numTodoTests,
      failedSuites,
    };
    fs.writeFileSync(path.join(dir, `${project}${tag}.json`), JSON.stringify(data));
  }
}
module.exports = CountReporter;
