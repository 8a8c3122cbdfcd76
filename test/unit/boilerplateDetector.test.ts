// Every shipped boilerplate pattern, run by the real detector (findBoilerplate, through parseDocument)
// on a small document built around each of its real examples: in Markdown, as an HTML paragraph, and
// in a plain-text file, as the pattern applies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../server/src/service/parse/document';
import { BOILERPLATE_SOURCES, BoilerplatePatterns, compilePattern, shippedBoilerplate, type BoilerplatePattern } from '../../server/src/service/parse/boilerplate/patterns';
import type { BoilerplateSpan } from '../../server/src/service/parse/boilerplate/spans';

const BEFORE = '各地区、各部门要结合实际认真贯彻落实。';
const AFTER = '本通知自印发之日起施行。';

function spansOf(uri: string, text: string, patterns: BoilerplatePatterns): { spans: readonly BoilerplateSpan[]; text: string } {
  return { spans: parseDocument(uri, text, undefined, { boilerplate: patterns }).boilerplate, text };
}

/** The documents an example is tried in, with where the example is in each. */
function documentsFor(pattern: BoilerplatePattern, example: string): { uri: string; text: string; at: number }[] {
  if (pattern.kind === 'comment') {
    const text = `<p>${BEFORE}</p>\n${example}\n<p>${AFTER}</p>\n`;
    return [{ uri: 'file:///a.md', text, at: text.indexOf(example) }];
  }
  if (pattern.kind === 'stray-markup') return [{ uri: 'file:///a.txt', text: `${BEFORE}\n${example}\n${AFTER}\n`, at: BEFORE.length + 1 }];
  const markdown = `${BEFORE}\n\n${example}\n\n${AFTER}\n`;
  const html = `<p>${BEFORE}</p>\n<p>${example}</p>\n<p>${AFTER}</p>\n`;
  const plain = `${BEFORE}\n${example}\n${AFTER}\n`;
  return [
    { uri: 'file:///a.md', text: markdown, at: markdown.indexOf(example) },
    { uri: 'file:///a.md', text: html, at: html.indexOf(example) },
    ...(example.includes('\n') ? [] : [{ uri: 'file:///a.txt', text: plain, at: plain.indexOf(example) }]),
  ];
}

for (const source of BOILERPLATE_SOURCES) {
  test(`boilerplate ${source.file}: the detector finds every real example, and nothing of the text around it`, () => {
    for (const entry of source.patterns) {
      const compiled = compilePattern(entry);
      assert.ok('pattern' in compiled, entry.pattern);
      const pattern = compiled.pattern;
      for (const example of pattern.examples) {
        for (const { uri, text, at } of documentsFor(pattern, example)) {
          const label = `${source.file} ${pattern.kind} ${JSON.stringify(example)} in ${uri} ${JSON.stringify(text.slice(0, 20))}…`;
          const { spans } = spansOf(uri, text, new BoilerplatePatterns([pattern]));
          const found = spans.filter((span) => span.kind === pattern.kind && span.start < at + example.length && span.end > at);
          assert.equal(found.length > 0, true, `${label}: not found (${JSON.stringify(spans)})`);
          for (const span of spans) {
            const cut = text.slice(span.start, span.end);
            assert.ok(!cut.includes(BEFORE) && !cut.includes(AFTER), `${label}: removes article text ${JSON.stringify(cut)}`);
          }
          if (!pattern.inline && pattern.kind !== 'comment') {
            // A whole paragraph goes entirely (in HTML, with its <p>; in text, with its line).
            assert.ok(found.some((span) => span.start <= at && span.end >= at + example.length), `${label}: only part of the paragraph`);
          }
        }
      }
    }
  });
}

test('boilerplate: with every shipped pattern at once, each example is still found', () => {
  for (const source of BOILERPLATE_SOURCES) {
    for (const entry of source.patterns) {
      const compiled = compilePattern(entry);
      if (!('pattern' in compiled)) continue;
      for (const example of compiled.pattern.examples) {
        const [{ uri, text, at }] = documentsFor(compiled.pattern, example);
        const { spans } = spansOf(uri, text, shippedBoilerplate());
        assert.ok(spans.some((span) => span.start < at + example.length && span.end > at), `${source.file}: ${example}`);
      }
    }
  }
});

test('boilerplate: the eastmoney credit is cut from the paragraph, which keeps its text', () => {
  const text = '　　证券时报网讯，11月3日，国寿资产发布消息称，产品近日顺利完成发行。(刘敬元)（文章来源：证券时报）\n';
  const spans = parseDocument('file:///a.md', text).boilerplate;
  assert.deepEqual(spans.map((span) => [span.kind, text.slice(span.start, span.end), span.inline]), [['editor', '（文章来源：证券时报）', true]]);
  // A credit standing as its own paragraph is the post's 来源, for the metadata card.
  assert.deepEqual(parseDocument('file:///a.md', '正文。\n\n（文章来源：商务部网站）\n').boilerplate, []);
});

test('boilerplate: a stray <BR> is cut only in a plain-text body', () => {
  const line = '广东省人民政府转发国务院关于西部大开发 <BR>“十三五 <BR>”规划批复的通知\n';
  assert.deepEqual(parseDocument('file:///a.txt', line).boilerplate.map((span) => line.slice(span.start, span.end)), [' <BR>', ' <BR>']);
  assert.deepEqual(parseDocument('file:///a.md', line).boilerplate, []);
  assert.deepEqual(parseDocument('file:///a.txt', `<p>${line}</p>`).boilerplate, []);
});

test('boilerplate: a paragraph over 400 characters is never whole-paragraph boilerplate', () => {
  const long = `责任编辑：${'很长的正文'.repeat(90)}`;
  const patterns = new BoilerplatePatterns([{ kind: 'editor', regex: /^责任编辑：.*$/u, inline: false, report: true, examples: [] }]);
  assert.deepEqual(parseDocument('file:///a.md', `${long}\n`, undefined, { boilerplate: patterns }).boilerplate, []);
  assert.deepEqual(parseDocument('file:///a.md', `<p>${long}</p>\n`, undefined, { boilerplate: patterns }).boilerplate, []);
});

test('boilerplate: fenced code is not searched', () => {
  assert.deepEqual(parseDocument('file:///a.md', '```\n打印本页关闭窗口\n```\n').boilerplate, []);
  assert.equal(parseDocument('file:///a.md', '正文。\n\n打印本页关闭窗口\n').boilerplate.length, 1);
});
