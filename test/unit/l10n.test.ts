// The client's strings go through vscode.l10n: l10n/bundle.l10n.json lists every English key the
// client uses (scripts/l10n-bundle.mjs writes it) and l10n/bundle.l10n.zh-cn.json translates each.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { messages, translator } from '../../client/src/messages';
// @ts-expect-error: a plain .mjs script without types
import { englishBundle } from '../../scripts/l10n-bundle.mjs';

const repo = path.resolve(__dirname, '..', '..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(repo, file), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((match) => match[0]).sort();

describe('client strings (vscode.l10n)', () => {
  const en = read('l10n/bundle.l10n.json');
  const zh = read('l10n/bundle.l10n.zh-cn.json');

  test('package.json points VS Code at l10n/', () => {
    assert.equal(read('package.json').l10n, './l10n');
  });

  test('l10n/bundle.l10n.json is up to date (node scripts/l10n-bundle.mjs)', () => {
    assert.deepEqual(en, englishBundle());
    assert.ok(Object.keys(en).length >= 20);
  });

  test('the Chinese bundle translates every key, keeping its placeholders, and has no other keys', () => {
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    for (const [key, text] of Object.entries(zh)) {
      assert.match(text, /[\u4e00-\u9fff]/, key);
      assert.deepEqual(placeholders(text), placeholders(key), key);
    }
  });

  test('no client source picks a language itself (no /^zh/ switch, no vscode.env.language for strings)', () => {
    const dir = path.join(repo, 'client', 'src');
    for (const file of fs.readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.doesNotMatch(source, /\^zh|messages\(vscode\.env\.language\)/, file);
    }
  });

  test('the messages fill their placeholders, in English and from the Chinese bundle', () => {
    assert.equal(messages(translator()).serverStartFailed('spawn ENOENT'), 'The policydoc language server could not start: spawn ENOENT');
    assert.equal(messages(translator(zh)).serverStartFailed('spawn ENOENT'), 'policydoc 语言服务器无法启动：spawn ENOENT');
    assert.equal(messages(translator(zh)).profileTooltip('hexo', true), 'policydoc 文档类型：hexo（由配置指定）');
    assert.equal(messages(translator(zh)).showOutput, '显示输出');
  });
});
