import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BROKEN_YAML, cli, SEED, workspace } from './helpers';

test('exit 0 on a clean document', () => {
  const dir = workspace();
  const run = cli(['check', SEED.jekyll], dir);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
});

test('exit 0 when only warnings remain (the seeds with a blank line before ---)', () => {
  const run = cli(['check', SEED.hexo, SEED.hexo2], workspace());
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /front-matter-position/);
});

test('exit 1 when a document has an error', () => {
  const dir = workspace({ 'broken.md': BROKEN_YAML });
  const run = cli(['check', 'broken.md'], dir);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /yaml-syntax/);
});

test('exit 1 when one file of a folder has an error', () => {
  const run = cli(['check'], workspace({ 'sub/broken.md': BROKEN_YAML }));
  assert.equal(run.status, 1, run.stderr);
});

test('--quiet hides warnings but keeps the exit code of errors', () => {
  const dir = workspace({ 'broken.md': BROKEN_YAML });
  const quiet = cli(['check', '--quiet', '--format', 'json'], dir);
  assert.equal(quiet.status, 1);
  const severities = (JSON.parse(quiet.stdout) as { diagnostics: { severity: string }[] }[]).flatMap((e) => e.diagnostics.map((d) => d.severity));
  assert.ok(severities.length > 0);
  assert.deepEqual([...new Set(severities)], ['error']);
});

const usageErrors: [string, string[], RegExp][] = [
  ['unknown option', ['check', '--bogus'], /Unknown option "--bogus"/],
  ['bad --format', ['check', '--format', 'xml'], /--format/],
  ['--format without value', ['check', '--format'], /needs a value/],
  ['bad --lang', ['check', '--lang', 'fr'], /--lang/],
  ['missing path', ['check', 'no-such-file.md'], /no-such-file\.md/],
  ['glob that matches nothing', ['check', 'nothing-*.md'], /No files matched/],
  ['missing --config file', ['check', '--config', 'absent.json'], /absent\.json/],
  ['unknown command', ['lint'], /Unknown command "lint"/],
  ['no command', [], /No command/],
];

for (const [name, args, message] of usageErrors) {
  test(`exit 2 on ${name}`, () => {
    const run = cli(args, workspace());
    assert.equal(run.status, 2, run.stdout);
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(run.stdout, '');
  });
}

test('exit 2 on a broken config, listing its problems with positions', () => {
  const dir = workspace({ '.policydocrc.json': '{\n  "rules": { "no-such-rule": "error" }\n}\n' });
  const run = cli(['check'], dir);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /\.policydocrc\.json:2:14 Unknown rule "no-such-rule"/);
});

test('exit 2 on a config that is not JSON', () => {
  const dir = workspace({ 'my.json': '{ "rules": ' });
  const run = cli(['check', '--config', 'my.json'], dir);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /my\.json:\d+:\d+ /);
});

test('--help and --version exit 0', () => {
  const dir = workspace({}, false);
  const help = cli(['--help'], dir);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /policydoc check/);
  const version = cli(['--version'], dir);
  assert.equal(version.status, 0);
  assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+/);
});
