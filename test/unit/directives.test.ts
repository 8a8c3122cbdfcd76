import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { doc, findings, summary, diagnose } from './helpers';

/** Two wrong booleans on lines 4 and 6, so directives between them can be checked. */
const front = (...lines: string[]) => doc('---', 'title: t', 'date: 2021-05-20', 'categories: x', ...lines, '---', 'body');

describe('inline directives', () => {
  test('without directives both are reported', () => {
    assert.deepEqual(findings(front('toc: "no"', 'x: 1', 'comments: "no"'), 'key-type'), ['key-type@4:5-4:9', 'key-type@6:10-6:14']);
  });

  test('disable-next-line', () => {
    const text = front('# <!-- policydoc-disable-next-line key-type -->', 'toc: "no"', 'comments: "no"');
    assert.deepEqual(findings(text, 'key-type'), ['key-type@6:10-6:14']);
  });

  test('disable-next-line of another rule does not apply', () => {
    const text = front('# <!-- policydoc-disable-next-line url-format -->', 'toc: "no"');
    assert.deepEqual(findings(text, 'key-type'), ['key-type@5:5-5:9']);
  });

  test('disable-line', () => {
    assert.deepEqual(findings(front('toc: "no" # <!-- policydoc-disable-line key-type -->', 'comments: "no"'), 'key-type'), ['key-type@5:10-5:14']);
  });

  test('disable and enable', () => {
    const text = front('# <!-- policydoc-disable key-type -->', 'toc: "no"', '# <!-- policydoc-enable key-type -->', 'comments: "no"');
    assert.deepEqual(findings(text, 'key-type'), ['key-type@7:10-7:14']);
  });

  test('disable without rules disables every rule', () => {
    const text = front('# <!-- policydoc-disable -->', 'toc: "no"', 'tgas: x');
    assert.deepEqual(summary(diagnose(text)), []);
  });

  test('disable-file, anywhere in the document', () => {
    const text = doc('', '---', 'title: t', 'toc: "no"', '---', 'body', '<!-- policydoc-disable-file key-type front-matter-position -->');
    assert.deepEqual(summary(diagnose(text)), ['required-key@1:0-1:3', 'required-key@1:0-1:3']);
  });

  test('a directive in the body after the front matter does not reach back', () => {
    const text = doc('---', 'title: t', 'date: 2021-05-20', 'categories: x', 'toc: "no"', '---', '<!-- policydoc-disable key-type -->');
    assert.deepEqual(findings(text, 'key-type'), ['key-type@4:5-4:9']);
  });
});
