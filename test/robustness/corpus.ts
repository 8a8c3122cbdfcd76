// The bad-input corpus, generated at test time (some of it is megabytes): each entry is the bytes of one file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from './fuzz';

export interface BadInput {
  /** What the entry is, for test names. */
  what: string;
  /** File name in a workspace: the extension matters to the CLI and the server. */
  name: string;
  bytes: Buffer;
  /** The file is not UTF-8 text: the CLI reports `encoding`; an editor would show it with U+FFFD. */
  notUtf8?: boolean;
  /** Large: the per-call bound is scaled to the size rather than the 1 s of ordinary documents. */
  large?: boolean;
}

const hexo = fs.readFileSync(path.join(FIXTURES, '000_680b3455c651966d.md'), 'utf8');
const pkulaw = fs.readFileSync(path.join(FIXTURES, '003_3f3e0725406a3fc4.txt'), 'utf8');
const jekyll = fs.readFileSync(path.join(FIXTURES, '004_c3879432c9c75c10.md'), 'utf8');

/** Deterministic pseudo-random bytes (a linear congruential generator): the same corpus on every run. */
function bytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

function aliasBomb(): string {
  const names = 'abcdefghij'.split('');
  const lines = names.map((name, i) => `${name}: &${name} [${Array(10).fill(i === 0 ? '"lol"' : `*${names[i - 1]}`).join(', ')}]`);
  return `---\ntitle: bomb\ndate: 2021-05-20\ncategories: x\n${lines.join('\n')}\n---\n\n<p>　　正文。</p>\n`;
}

function nestedHtml(depth: number): string {
  const tags = ['div', 'p', 'span', 'b', 'blockquote', 'ul', 'li', 'table', 'td', 'a'];
  const open = Array.from({ length: depth }, (_, i) => `<${tags[i % tags.length]}${i % 7 === 0 ? ' class="x" href="javascript:x"' : ''}>`).join('');
  const close = Array.from({ length: depth }, (_, i) => `</${tags[(depth - 1 - i) % tags.length]}>`).join('');
  return `---\nlayout: post\ntitle: "深"\n---\n${open}国家发改委（2020）第68号${close}\n`;
}

/** Some CRLF, some LF, some lone CR, in one file. */
function mixedLineEndings(text: string): string {
  let n = 0;
  return text.replace(/\n/g, () => ['\r\n', '\n', '\r'][n++ % 3]);
}

export function badInputs(): BadInput[] {
  const body = hexo.slice(hexo.indexOf('<div>'));
  return [
    { what: 'binary file', name: 'image.md', bytes: Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), bytes(64 * 1024, 7)]), notUtf8: true },
    { what: 'invalid UTF-8', name: 'latin1.md', bytes: Buffer.concat([Buffer.from('---\ntitle: caf\xe9 \xff\xfe\n---\n', 'latin1'), Buffer.from(jekyll), Buffer.from([0xe4, 0xb8])]), notUtf8: true },
    { what: '10 MB document', name: 'big.md', bytes: Buffer.from(hexo + body.repeat(Math.ceil(10_000_000 / Buffer.byteLength(body)))), large: true },
    { what: '10,000-deep nested HTML', name: 'nested.md', bytes: Buffer.from(nestedHtml(10_000)) },
    { what: 'YAML alias bomb', name: 'bomb.md', bytes: Buffer.from(aliasBomb()) },
    { what: '1 MB single line', name: 'line.md', bytes: Buffer.from(`---\nlayout: post\ntitle: "一行"\n---\n<p>${'国家发改委（2020）第68号,见《通知》“引文”(一)2020年03月11日。'.repeat(20_000)}</p>`), large: true },
    { what: 'NUL bytes after the binary probe', name: 'nul.md', bytes: Buffer.from(jekyll + '\0'.repeat(3) + jekyll.replace(/。/g, '。\0')) },
    { what: 'NUL bytes at the start', name: 'nul-start.txt', bytes: Buffer.from(`\0\0\0${pkulaw}`) },
    { what: 'binary file that is valid UTF-8 (mostly NUL bytes)', name: 'elf.md', bytes: Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(4096), Buffer.from('GCC: (Debian) 12.2.0\0.symtab\0.strtab\0')]) },
    { what: 'mixed CRLF, LF and CR', name: 'mixed.md', bytes: Buffer.from(mixedLineEndings(hexo)) },
    { what: 'BOM', name: 'bom.txt', bytes: Buffer.from(`\uFEFF${pkulaw.replace(/\n/g, '\r\n')}`) },
    { what: 'BOM and blank lines before the front matter', name: 'bom.md', bytes: Buffer.from(`\uFEFF\n\n${jekyll}`) },
    { what: 'empty file', name: 'empty.md', bytes: Buffer.alloc(0) },
  ];
}

/** The text an editor would hand the server for the file: invalid bytes become U+FFFD. */
export function asText(input: BadInput): string {
  return input.bytes.toString('utf8');
}

/** Project configs that are not valid JSON (or not a config), each with the file name it is written to. */
export const BAD_CONFIGS: readonly [string, string][] = [
  ['not JSON at all', 'this is not JSON {{{'],
  ['truncated JSON', '{ "rules": { "agency-name": "err'],
  ['JSON of the wrong shape', '[1, 2, 3]'],
  ['binary bytes', '\0\x01\x02\x03'],
];
