import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { parse as parseJsonc } from 'jsonc-parser';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';

const ROOT = path.join(__dirname, '..', '..');

// ---------------------------------------------------------------------------------------------
// A small expander for the part of VS Code's snippet syntax the snippets use: tabstops `$1`,
// placeholders `${1:default}` (nested), choices `${1|a,b|}` (first one), mirrors, variables `$VAR`
// and `${VAR:default}`, and transforms `${VAR/regex/format/flags}` whose format has `$1`, `${1}`,
// `${1:+if}`, `${1:-else}`, `${1:?if:else}`. Tabstops take their default; variables the values given.

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number; children: Node[]; choice?: string }
  | { kind: 'variable'; name: string; children: Node[] | undefined; transform?: Transform };
interface Transform {
  regex: string;
  format: string;
  flags: string;
}

class SnippetParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node[] {
    const nodes = this.nodes(() => false);
    if (this.pos < this.src.length) throw new Error(`unexpected ${this.src[this.pos]} at ${this.pos}`);
    return nodes;
  }

  private nodes(stop: () => boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    while (this.pos < this.src.length && !stop()) {
      const c = this.src[this.pos];
      if (c === '\\' && '$}\\'.includes(this.src[this.pos + 1] ?? '')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '$' && /[0-9A-Za-z_{]/.test(this.src[this.pos + 1] ?? '')) {
        flush();
        nodes.push(this.dollar());
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  private dollar(): Node {
    this.pos++; // $
    if (this.src[this.pos] !== '{') {
      const name = this.take(/[0-9]+|[A-Za-z_][A-Za-z_0-9]*/y);
      return /^[0-9]/.test(name) ? { kind: 'tabstop', index: Number(name), children: [] } : { kind: 'variable', name, children: undefined };
    }
    this.pos++; // {
    const name = this.take(/[0-9]+|[A-Za-z_][A-Za-z_0-9]*/y);
    const isTabstop = /^[0-9]/.test(name);
    const next = this.src[this.pos];
    let node: Node;
    if (next === '}') {
      node = isTabstop ? { kind: 'tabstop', index: Number(name), children: [] } : { kind: 'variable', name, children: undefined };
    } else if (next === ':') {
      this.pos++;
      const children = this.nodes(() => this.src[this.pos] === '}');
      node = isTabstop ? { kind: 'tabstop', index: Number(name), children } : { kind: 'variable', name, children };
    } else if (next === '|' && isTabstop) {
      this.pos++;
      const options = this.take(/(?:[^|\\]|\\.)*/y).split(',');
      this.expect('|');
      node = { kind: 'tabstop', index: Number(name), children: [], choice: options[0] };
    } else if (next === '/') {
      this.pos++;
      const regex = this.take(/(?:[^/\\]|\\.)*/y);
      this.expect('/');
      const format = this.take(/(?:[^/\\]|\\.)*/y);
      this.expect('/');
      const flags = this.take(/[gimsuy]*/y);
      if (isTabstop) throw new Error('tabstop transforms are not used by our snippets');
      node = { kind: 'variable', name, children: undefined, transform: { regex, format, flags } };
    } else {
      throw new Error(`unexpected ${next} after \${${name}`);
    }
    this.expect('}');
    return node;
  }

  private take(re: RegExp): string {
    re.lastIndex = this.pos;
    const m = re.exec(this.src);
    if (!m) throw new Error(`expected ${re} at ${this.pos}`);
    this.pos += m[0].length;
    return m[0];
  }

  private expect(c: string): void {
    if (this.src[this.pos] !== c) throw new Error(`expected ${c} at ${this.pos} in ${this.src}`);
    this.pos++;
  }
}

/** Applies a transform's format string to one regex match. */
function format(fmt: string, groups: (string | undefined)[]): string {
  return fmt.replace(/\$(\d+)|\$\{(\d+)(?::([+?-]?)((?:[^}\\]|\\.)*))?\}/g, (_all, simple: string, n: string, op: string, arg: string) => {
    const value = groups[Number(simple ?? n)];
    if (simple !== undefined || op === undefined) return value ?? '';
    if (op === '+') return value ? arg : '';
    if (op === '?') {
      const [ifText, elseText = ''] = arg.split(/(?<!\\):/);
      return value ? ifText : elseText;
    }
    return value || arg; // `-` and the bare `${1:else}`
  });
}

export function expandSnippet(body: string, variables: Record<string, string>): string {
  const nodes = new SnippetParser(body).parse();
  const defaults = new Map<number, string>();
  const render = (list: Node[]): string => list.map(renderNode).join('');
  // A tabstop's value comes from its first occurrence that has a default; the others mirror it.
  const collect = (list: Node[]): void => {
    for (const node of list) {
      if (node.kind === 'text') continue;
      if (node.children) collect(node.children); // nested tabstops first: the outer default renders them
      if (node.kind === 'tabstop' && !defaults.has(node.index) && (node.choice !== undefined || node.children.length)) {
        defaults.set(node.index, node.choice ?? render(node.children));
      }
    }
  };
  const renderNode = (node: Node): string => {
    if (node.kind === 'text') return node.text;
    if (node.kind === 'tabstop') return defaults.get(node.index) ?? '';
    const value = variables[node.name];
    if (value === undefined) {
      if (node.children) return render(node.children);
      throw new Error(`unknown snippet variable ${node.name}`);
    }
    if (!node.transform) return value;
    const { regex, format: fmt, flags } = node.transform;
    return value.replace(new RegExp(regex, flags), (...args) => format(fmt, args.slice(0, -2) as (string | undefined)[]));
  };
  collect(nodes);
  return render(nodes);
}

/** The date variables VS Code fills in, for a fixed local time in a fixed zone. */
export function dateVariables(local: { year: number; month: number; day: number; hour: number; minute: number; second: number }, offset: string) {
  const pad = (n: number) => String(n).padStart(2, '0');
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
  return {
    CURRENT_YEAR: String(local.year),
    CURRENT_YEAR_SHORT: String(local.year).slice(-2),
    CURRENT_MONTH: pad(local.month),
    CURRENT_MONTH_NAME: months[local.month - 1],
    CURRENT_MONTH_NAME_SHORT: months[local.month - 1].slice(0, 3),
    CURRENT_DATE: pad(local.day),
    CURRENT_DAY_NAME: days[weekday],
    CURRENT_DAY_NAME_SHORT: days[weekday].slice(0, 3),
    CURRENT_HOUR: pad(local.hour),
    CURRENT_MINUTE: pad(local.minute),
    CURRENT_SECOND: pad(local.second),
    CURRENT_TIMEZONE_OFFSET: offset,
  };
}

// ---------------------------------------------------------------------------------------------

interface SnippetFile {
  language: string;
  path: string;
}
interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributed: SnippetFile[] = manifest.contributes?.snippets ?? [];
const EXTENSION: Record<string, string> = { markdown: 'md', plaintext: 'txt' };

// Single-digit month and day, so the transforms that drop zero padding are exercised; an hour
// before the service's clock, so no date is in the future.
const VARIABLES = dateVariables({ year: 2026, month: 3, day: 5, hour: 9, minute: 7, second: 8 }, '+08:00');
const service = createLanguageService({ now: () => new Date('2026-11-23T00:00:00Z') });

function expanded(file: SnippetFile, name: string): string {
  const snippets = parseJsonc(readFileSync(path.join(ROOT, file.path), 'utf8')) as Record<string, Snippet>;
  const body = snippets[name].body;
  return expandSnippet(Array.isArray(body) ? body.join('\n') : body, VARIABLES);
}

describe('snippet expander', () => {
  test('placeholders, choices, mirrors, escapes', () => {
    assert.equal(expandSnippet('${1:a ${2:b}} $2 $1 ${3|x,y|} \\$4 $0', {}), 'a b b a b x $4 ');
  });
  test('variables and transforms', () => {
    assert.equal(expandSnippet('$CURRENT_YEAR年${CURRENT_MONTH/^0//}月${CURRENT_DATE/^0//}日', VARIABLES), '2026年3月5日');
    assert.equal(expandSnippet('${CURRENT_TIMEZONE_OFFSET/://}', VARIABLES), '+0800');
    assert.equal(expandSnippet('${CURRENT_MONTH/(01)|(03)/${1:+Jan}${2:+Mar}/}', VARIABLES), 'Mar');
    assert.equal(expandSnippet('${CURRENT_MONTH/(0)?(.)/${1:?z:n}$2/}', VARIABLES), 'z3');
    assert.equal(expandSnippet('${UNSET:fallback}', VARIABLES), 'fallback');
    assert.throws(() => expandSnippet('$NO_SUCH_VARIABLE', VARIABLES), /unknown snippet variable/);
  });
});

describe('contributed snippets', () => {
  test('package.json contributes snippets for Markdown and plain text', () => {
    assert.deepEqual([...new Set(contributed.map((s) => s.language))].sort(), ['markdown', 'plaintext']);
  });

  for (const file of contributed) {
    const snippets = parseJsonc(readFileSync(path.join(ROOT, file.path), 'utf8')) as Record<string, Snippet>;
    for (const [name, snippet] of Object.entries(snippets)) {
      test(`${file.language}: ${name} expands to a document without errors or warnings`, (t) => {
        assert.ok(snippet.prefix.length > 0 && snippet.description, 'prefix and description');
        const text = expanded(file, name);
        const doc = service.parse(pathToFileURL(path.join(ROOT, `snippet.${EXTENSION[file.language]}`)).href, text);
        const diagnostics = service.getDiagnostics(doc);
        for (const d of diagnostics) t.diagnostic(`${d.code} (severity ${d.severity}) line ${d.range.start.line}: ${d.message}`);
        const serious = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
        assert.deepEqual(serious.map((d) => `${d.code}: ${d.message}`), [], `profile ${doc.profile}:\n${text}`);
      });
    }
  }

  const posts = contributed.find((s) => s.path.includes('posts'))!;
  const gongwen = contributed.find((s) => s.path.includes('gongwen') && s.language === 'plaintext')!;

  test('front-matter snippets are detected as their profiles, with the dates VS Code would insert', () => {
    const hexo = expanded(posts, 'Hexo front matter (Sina)');
    assert.match(hexo, /^date: 05 Mar 2026 09:07:08 \+0800$/m);
    assert.equal(service.parse('file:///a.md', hexo).profile, 'hexo');
    const jekyll = expanded(posts, 'Jekyll front matter');
    assert.match(jekyll, /^date: 2026-03-05 09:07:08 \+0800$/m);
    assert.equal(service.parse('file:///b.md', jekyll).profile, 'jekyll');
    assert.equal(service.parse('file:///c.md', expanded(posts, 'Meeting news article')).profile, 'jekyll');
  });

  test('the notice follows GB/T 9704 order and dates without zero padding', () => {
    const text = expanded(gongwen, 'Notice (GB/T 9704)');
    const order = ['的通知', '商财函〔2026〕1号', '：\n', '一、', '（一）', '（二）', '二、', '\n商务部\n', '2026年3月5日'];
    const positions = order.map((s) => text.indexOf(s));
    assert.ok(positions.every((p) => p >= 0), `all parts present: ${positions}`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'in order');
    assert.equal(service.parse('file:///d.txt', text).profile, 'gongwen');
    assert.equal(expanded(gongwen, 'Document number'), '代字〔2026〕1号');
  });
});
