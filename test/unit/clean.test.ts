// The cleaner: exact gold text and metadata for the seeds, agreement with the web-boilerplate fix, sanitisation.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { load } from 'cheerio';
import { createLanguageService } from '../../server/src/service';
import { applyEdits } from '../../server/src/service/edits';
import { safeImageUrl, safeLinkUrl } from '../../server/src/service/clean/sanitize';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures');
const GOLD = path.join(ROOT, 'test/gold');
const HOSTILE = path.join(FIXTURES, 'hostile');
const SEEDS = fs.readdirSync(FIXTURES).filter((name) => /^\d{3}_/.test(name));

const service = createLanguageService({ locale: 'zh', now: () => new Date('2026-01-01T00:00:00Z') });
const read = (file: string) => fs.readFileSync(file, 'utf8');
const parse = (name: string, text: string) => service.parse(`file:///work/${name}`, text);
const clean = (name: string, text: string, options = {}) => service.cleanDocument(parse(name, text), options);
const stem = (name: string) => name.replace(/\.\w+$/, '');

describe('gold files', () => {
  test('there is a gold text and metadata file for each of the five seeds', () => {
    assert.equal(SEEDS.length, 5);
    for (const seed of SEEDS) {
      assert.ok(fs.existsSync(path.join(GOLD, `${stem(seed)}.txt`)), seed);
      assert.ok(fs.existsSync(path.join(GOLD, `${stem(seed)}.meta.json`)), seed);
    }
  });

  for (const seed of SEEDS) {
    test(`${seed}: text and metadata exactly as the gold files`, () => {
      const result = clean(seed, read(path.join(FIXTURES, seed)));
      assert.equal(result.text, read(path.join(GOLD, `${stem(seed)}.txt`)));
      assert.deepEqual(result.meta, JSON.parse(read(path.join(GOLD, `${stem(seed)}.meta.json`))));
    });
  }
});

describe('cleaned seeds', () => {
  const cleaned = Object.fromEntries(SEEDS.map((seed) => [seed.slice(0, 3), clean(seed, read(path.join(FIXTURES, seed)))]));

  test('no boilerplate string is left in the text or the visible HTML', () => {
    for (const [seed, result] of Object.entries(cleaned)) {
      const $ = load(result.html);
      $('.pd-removed, .pd-card').remove();
      const visible = $.root().text();
      for (const junk of ['海量资讯', '责任编辑', 'appendQr', 'news_keyword_pub', '正文下iframe', '返回首页', '&#123;', '法宝引证码】']) {
        assert.ok(!result.text.includes(junk), `${seed} text has ${junk}`);
        assert.ok(!visible.includes(junk), `${seed} html has ${junk}`);
      }
    }
  });

  test('the removed list names each kind of junk with its source range', () => {
    const kinds = (seed: string) => new Set(cleaned[seed].removed.map((removed) => removed.kind));
    for (const kind of ['comment', 'qr-block', 'editor-line', 'stock-quote', 'stock-link', 'metadata']) assert.ok(kinds('000').has(kind as never), kind);
    assert.ok(kinds('001').has('image-caption'));
    assert.ok(kinds('004').has('navigation'));
    assert.ok(kinds('003').has('duplicate-title'));
    const editor = cleaned['000'].removed.find((removed) => removed.kind === 'editor-line')!;
    const source = read(path.join(FIXTURES, SEEDS[0])).split('\n');
    assert.equal(source[editor.range.start.line].slice(editor.range.start.character, editor.range.end.character), '<p class="article-editor">责任编辑：王翔 </p>');
    const duplicate = cleaned['003'].removed.find((removed) => removed.kind === 'duplicate-title')!;
    // pkulaw's copy of the title (line 2) goes; the document's own title line under it (line 3) is the heading.
    assert.equal(duplicate.range.start.line, 2);
  });

  test('every visible block carries a non-decreasing data-line', () => {
    for (const [seed, result] of Object.entries(cleaned)) {
      const $ = load(result.html);
      const lines = $('.pd-body > *').toArray().map((element) => Number($(element).attr('data-line')));
      assert.ok(lines.length > 5, seed);
      assert.ok(lines.every((line, i) => Number.isInteger(line) && (i === 0 || line >= lines[i - 1])), `${seed}: ${lines}`);
    }
  });

  test('stock keyword links are unwrapped to their text, images kept in figures', () => {
    const $ = load(cleaned['000'].html);
    assert.equal($('a').length, 0);
    assert.ok($('.pd-body p').text().includes('深入推进农产品上行'));
    assert.equal(load(cleaned['001'].html)('.pd-body figure > img').length, 8);
  });

  test('images: false leaves no image at all, a placeholder where each was, and the same text', () => {
    const result = clean(SEEDS[1], read(path.join(FIXTURES, SEEDS[1])), { images: false });
    assert.ok(!result.html.includes('<img'));
    assert.equal(load(result.html)('.pd-body .pd-image-placeholder').length, 8);
    assert.doesNotMatch(result.text, /［图片/);
    assert.equal(result.text, read(path.join(GOLD, `${stem(SEEDS[1])}.txt`)));
  });

  test('an official document is laid out in GB/T 9704 order', () => {
    const $ = load(cleaned['003'].html);
    const classes = $('.pd-body > :not(.pd-removed)').toArray().map((element) => $(element).attr('class')!.split(' ')[0]);
    assert.deepEqual(classes.slice(0, 4), ['pd-title', 'pd-doc-number', 'pd-recipients', 'pd-paragraph']);
    assert.deepEqual(classes.slice(-2), ['pd-issuer', 'pd-date']);
    assert.deepEqual($('.pd-level-1').toArray().map((element) => $(element).text().slice(0, 2)), ['一、', '二、', '三、']);
    assert.equal($('.pd-level-2').length, 12);
  });

  test('the Markdown export has the metadata as front matter and the paragraphs', () => {
    const result = clean(SEEDS[4], read(path.join(FIXTURES, SEEDS[4])), { markdown: true });
    const markdown = result.markdown!;
    assert.match(markdown, /^---\ntitle: 商务部：提升传统消费能级 加快新型消费发展\n/);
    assert.match(markdown, /\n# 商务部：提升传统消费能级 加快新型消费发展\n\n12月28日，全国商务工作电视电话会议在京召开。/);
    assert.ok(!markdown.includes('返回首页'));
  });

  test('header card labels follow the locale', () => {
    const english = createLanguageService({ locale: 'en' });
    const result = english.cleanDocument(english.parse('file:///a.md', read(path.join(FIXTURES, SEEDS[0]))));
    assert.ok(result.html.includes('<dt>Date</dt><dd>2021-05-20 11:12:16 (Beijing time)</dd>'));
    assert.ok(cleaned['000'].html.includes('<dt>日期</dt><dd>2021-05-20 11:12:16（北京时间）</dd>'));
  });
});

describe('preview and web-boilerplate fix agree', () => {
  for (const seed of SEEDS) {
    test(`${seed}: applying the web-boilerplate fixes changes nothing in the cleaned text, and leaves no junk`, () => {
      const text = read(path.join(FIXTURES, seed));
      const doc = parse(seed, text);
      const fixes = service.getDiagnostics(doc).filter((d) => d.code === 'web-boilerplate').flatMap((d) => (d.data as { fix: { edits: never[] } }).fix.edits);
      const fixed = applyEdits(text, doc.lines, fixes);
      const fixedDoc = parse(seed, fixed);
      assert.deepEqual(fixedDoc.boilerplate, []);
      const before = service.cleanDocument(doc);
      const after = service.cleanDocument(fixedDoc);
      assert.equal(after.text, before.text);
    });
  }
});

describe('sanitisation', () => {
  test('URL allowlist', () => {
    assert.equal(safeLinkUrl('https://www.gov.cn/'), 'https://www.gov.cn/');
    assert.equal(safeLinkUrl('/relative/page.html'), '/relative/page.html');
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'jav\tascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '\u0001javascript:x']) {
      assert.equal(safeLinkUrl(url), null, url);
    }
    assert.equal(safeImageUrl('data:image/png;base64,iVBORw0KGgo='), 'data:image/png;base64,iVBORw0KGgo=');
    assert.equal(safeImageUrl('data:image/svg+xml;base64,PHN2Zz4='), null);
    assert.equal(safeImageUrl('data:text/html,<script>'), null);
  });

  const expected = JSON.parse(read(path.join(HOSTILE, 'expected.json'))) as Record<string, string[]>;
  for (const [name, paragraphs] of Object.entries(expected)) {
    test(`hostile ${name}: nothing dangerous in the HTML, every safe paragraph kept`, () => {
      const result = clean(name, read(path.join(HOSTILE, name)));
      const $ = load(result.html);
      assert.equal($('script, style, iframe, object, embed, form, input, button, svg, math, meta, link, base, textarea, noscript, video, audio').length, 0);
      for (const element of $('*').toArray()) {
        for (const [attribute, value] of Object.entries((element as { attribs: Record<string, string> }).attribs)) {
          assert.ok(!/^on/i.test(attribute) && attribute !== 'style' && attribute !== 'srcdoc', `${attribute} on ${name}`);
          if (attribute === 'href' || attribute === 'src') assert.ok(/^(https?:|data:image\/png;|[^:]*$)/.test(value), `${attribute}=${value}`);
          if (attribute === 'class') assert.match(value, /^pd-[a-z-]+(?: pd-[a-z0-9-]+)*$/);
        }
      }
      for (const paragraph of paragraphs) assert.ok(result.text.includes(paragraph), `${name}: ${paragraph}\n${result.text}`);
    });
  }

  test('a source class never reaches the output (no spoofing the cleaner\'s own classes)', () => {
    const result = clean('css.md', read(path.join(HOSTILE, 'css.md')));
    const $ = load(result.html);
    assert.equal($('p.pd-removed').length, 0);
  });
});

describe('bad input', () => {
  test('empty, binary and tag-soup documents give a result, never an exception', () => {
    for (const text of ['', '\0\0\0binary', '<'.repeat(10000), '<div>'.repeat(5000), '---\ntitle: x\n---\n<p>', '# 标题\n\n- 一\n- 二\n\n| a |']) {
      const result = clean('bad.md', text);
      assert.equal(typeof result.html, 'string');
    }
  });

  test('Markdown blocks: headings, lists, emphasis, links', () => {
    const result = clean('md.md', '---\ntitle: T\n---\n## 小标题\n\n- 第一项\n- **第二项**\n\n正文[链接](https://www.gov.cn/)。\n');
    const $ = load(result.html);
    assert.equal($('h2').text(), '小标题');
    assert.deepEqual($('ul li').toArray().map((li) => $(li).text()), ['第一项', '第二项']);
    assert.equal($('p a').attr('href'), 'https://www.gov.cn/');
    assert.equal(result.text, 'T\n\n小标题\n\n第一项\n第二项\n\n正文链接。\n');
  });
});
