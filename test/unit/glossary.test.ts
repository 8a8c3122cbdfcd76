import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/service';
import { SHIPPED_TERMS } from '../../server/src/service/knowledge';

const service = createLanguageService({ locale: 'zh' });

/** The hover over the first occurrence of `needle` in a plain-text document `text`. */
function hoverOn(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset + 1).split('\n');
  const hover = service.getHover(service.parse('file:///ws/example.txt', text), { line: before.length - 1, character: before[before.length - 1].length });
  return hover ? (hover.contents as { value: string }).value : '';
}

describe('glossary data', () => {
  it('holds at least 500 terms, most frequent in the corpus first', () => {
    assert.ok(SHIPPED_TERMS.length >= 500, `${SHIPPED_TERMS.length} terms`);
    const counts = SHIPPED_TERMS.map((term) => term.documents ?? 0);
    for (let i = 1; i < counts.length; i++) assert.ok(counts[i - 1] >= counts[i], `${SHIPPED_TERMS[i].term} (${counts[i]}) after ${SHIPPED_TERMS[i - 1].term} (${counts[i - 1]})`);
  });

  it('gives every term a zh and an en definition, a source, a count and a real example', () => {
    for (const term of SHIPPED_TERMS) {
      assert.ok(term.zh && term.en, `${term.term}: definitions`);
      assert.ok(term.source && term.source.length >= 4, `${term.term}: source`);
      assert.ok(Number.isInteger(term.documents), `${term.term}: documents`);
      assert.ok(term.example?.doc && term.example.text, `${term.term}: example`);
    }
  });

  it('has no term or alias twice', () => {
    const owner = new Map<string, string>();
    for (const term of SHIPPED_TERMS) {
      for (const surface of [term.term, ...term.aliases]) {
        assert.ok(!owner.has(surface), `"${surface}" is in ${owner.get(surface)} and ${term.term}`);
        owner.set(surface, term.term);
      }
    }
  });
});

describe('glossary examples (each real sentence is a test)', () => {
  for (const term of SHIPPED_TERMS) {
    it(`${term.term}: hover in “${term.example?.text.slice(0, 24)}…”`, () => {
      const text = term.example!.text;
      const surface = [term.term, ...term.aliases].find((candidate) => text.includes(candidate));
      assert.ok(surface, `the example holds neither ${term.term} nor an alias`);
      const hover = hoverOn(text, surface);
      // A longer term or an agency name may cover it (中国特色社会主义 in 习近平新时代中国特色社会主义思想): then it is that one's hover.
      assert.ok(hover !== '', `no hover on ${surface}`);
    });
  }
});

describe('glossary matching', () => {
  it('matches in prose, not in a URL or in code', () => {
    const post = ['---', 'title: 测试', '---', '', '见 https://example.com/营商环境 与 `营商环境` 。', ''].join('\n');
    const doc = service.parse('file:///ws/post.md', post);
    const line = 4;
    for (const character of [post.split('\n')[line].indexOf('营商环境') + 1, post.split('\n')[line].lastIndexOf('营商环境') + 1]) {
      assert.equal(service.getHover(doc, { line, character }), null, `hover at ${character}`);
    }
  });

  it('does not match a Latin term inside a longer word', () => {
    assert.match(hoverOn('今年GDP增长5%。', 'GDP'), /GDP/);
    assert.equal(hoverOn('遵守GDPR的规定。', 'GDP'), '');
  });
});

describe('glossary: quoted terms', () => {
  it('match only inside “…”, where the bare words are ordinary text', () => {
    assert.match(hoverOn('深化新增工业用地“标准地”出让。', '标准地'), /标准地/);
    assert.equal(hoverOn('统一标准地址编码。', '标准地'), '');
    assert.equal(hoverOn('一九九五年通过。', '九五'), '');
  });
});
