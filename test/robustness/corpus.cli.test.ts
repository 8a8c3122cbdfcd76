// The bad-input corpus through the CLI as a process: documented exit codes, clear messages, no stack trace.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { CLI, json, workspace, type Run } from '../cli/helpers';
import { BAD_CONFIGS, badInputs } from './corpus';

/** The CLI as a process, like test/cli's helper but with room for the corpus's megabytes of output. */
function cli(args: string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, LANG: 'C', LC_ALL: undefined, NO_COLOR: '1', POLICYDOC_DEBUG: undefined },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STACK_FRAME = /^\s+at .+[(:]\d+/m;

function assertNoCrash(run: Run, what: string): void {
  assert.ok(run.status === 0 || run.status === 1 || run.status === 2, `${what}: exit code ${run.status}`);
  assert.doesNotMatch(run.stderr, STACK_FRAME, `${what}: stack trace on stderr`);
  assert.doesNotMatch(run.stdout, STACK_FRAME, `${what}: stack trace on stdout`);
}

describe('bad-input corpus through the CLI', () => {
  const inputs = badInputs();
  let dir: string;
  before(() => {
    dir = workspace(Object.fromEntries(inputs.map((input) => [input.name, input.bytes])), false);
  });

  test('check over the whole corpus: a JSON result for every file, exit 1 for the unreadable one', () => {
    const run = cli(['check', '--all', '--format', 'json', '.'], dir);
    assertNoCrash(run, 'check');
    assert.equal(run.status, 1, run.stderr);
    const entries = json(run);
    assert.deepEqual(entries.map((entry) => entry.file).sort(), inputs.map((input) => input.name).sort());
    for (const input of inputs.filter((i) => i.notUtf8)) {
      assert.deepEqual(entries.find((entry) => entry.file === input.name)?.diagnostics.map((d) => d.rule), ['encoding']);
    }
    assert.deepEqual(entries.find((entry) => entry.file === 'elf.md')?.diagnostics.map((d) => d.rule), ['binary-file']);
    // A text with a few NULs is checked as what it is (a pkulaw export), its NULs reported.
    const nulStart = entries.find((entry) => entry.file === 'nul-start.txt');
    assert.equal(nulStart?.profile, 'pkulaw');
    // The corpus holds the same seed in several forms (BOM, CRLF, NULs): duplicate-document rightly pairs them, so only this file's own findings are compared.
    const own = nulStart.diagnostics.filter((d) => d.rule !== 'duplicate-document');
    assert.deepEqual(own.map((d) => [d.rule, d.range]), [['control-character', { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }]]);
  });

  // The large files are left out: --fix on them is linear but runs all ten passes (500 fixes per rule per pass).
  test('check --fix leaves unreadable and binary files byte for byte, and deletes the NULs of a text', () => {
    const copy = workspace(Object.fromEntries(inputs.filter((input) => !input.large).map((input) => [input.name, input.bytes])), false);
    const run = cli(['check', '--all', '--fix', '--format', 'json', '.'], copy);
    assertNoCrash(run, 'check --fix');
    for (const input of inputs.filter((i) => i.notUtf8 || i.name === 'elf.md')) {
      assert.deepEqual(fs.readFileSync(path.join(copy, input.name)), input.bytes, input.name);
    }
    assert.ok(!fs.readFileSync(path.join(copy, 'nul-start.txt'), 'utf8').includes('\0'), 'the NULs of a text are deleted');
  });

  for (const input of inputs) {
    test(`clean ${input.what}`, () => {
      const run = cli(['clean', input.name, '--to', 'html', '-o', `${input.name}.html`], dir);
      assertNoCrash(run, 'clean');
      if (input.notUtf8) {
        assert.notEqual(run.status, 0);
        assert.match(run.stderr, /UTF-8/);
      } else {
        assert.equal(run.status, 0, run.stderr);
      }
    });
  }

  for (const [what, text] of BAD_CONFIGS) {
    test(`a config file that is ${what}: exit 2 with the problem named, no stack trace`, () => {
      const project = workspace({ '.policydocrc.json': text, 'a.md': '---\nlayout: post\ntitle: "t"\n---\n正文\n' }, false);
      const run = cli(['check', 'a.md'], project);
      assertNoCrash(run, 'check');
      assert.equal(run.status, 2);
      assert.match(run.stderr, /\.policydocrc\.json/);
    });
  }
});
