// Characters (control characters, U+FFFD, lookalikes), the binary-file decision, the findings cap and
// misspelt profile marker keys, on real lines: must report and must not report.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { MAX_REPORTS_PER_RULE } from '../../server/src/service/validate';
import { applyFix, diagnosticsOf, doc, findings, fixAll, fixOf, makeService } from './bodyRuleHelpers';

/** Real lines of crawled notices (ranxi-policy) with the NULs and U+0001 they have. */
const SHAANXI = '　　省人民政府同意，现批转给你们，请认真做好实施工作。\x01开展清理整顿行政执法队伍、实行综合行政执法试点工作。';
const MEDALS = '上海体育代表团共获得41枚金牌、34枚银牌、45\x005枚铜牌，奖牌总数120.5枚。';
const HEILONGJIANG = doc(
  '关于认真学习贯彻胡锦涛温家宝同志在省部级主要领导干部“建设社会主义新农村”专题研讨班上的讲话精神的通知',
  '黑办发 〔\0\0\0\0〕\0号',
  '各市（地）委，各县（市、区）委，省委各部委，省直各单位党组（党委），各人民团体党组：',
);

describe('control-character', () => {
  test('a control character at a sentence boundary: reported with a fix that deletes it, the text still checked', () => {
    const text = doc('各市、县、区人民政府,省人民政府各工作部门、各直属机构：', SHAANXI);
    assert.deepEqual(findings(text, 'control-character'), ['control-character@1:27-1:28']);
    const [diagnostic] = diagnosticsOf(text, 'control-character');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.match(String(diagnostic.message), /U\+0001/);
    assert.equal(applyFix(text, 'control-character'), text.replace('\x01', ''));
    assert.deepEqual(findings(text, 'binary-file'), []);
    assert.deepEqual(findings(text, 'halfwidth-punctuation'), ['halfwidth-punctuation@0:10-0:11'], 'the rest of the text is checked');
  });

  test('between two digits or words it stands for a lost character: reported without a fix', () => {
    assert.deepEqual(findings(MEDALS, 'control-character'), ['control-character@0:24-0:25']);
    assert.equal(fixOf(diagnosticsOf(MEDALS, 'control-character')[0]), undefined);
    const [year, sequence] = diagnosticsOf(HEILONGJIANG, 'control-character');
    assert.match(String(year.message), /U\+0000 ×4/);
    assert.equal(fixOf(year), undefined);
    assert.equal(fixOf(sequence), undefined);
    assert.equal(fixAll(HEILONGJIANG), HEILONGJIANG, 'fix-all does not hide the damage');
  });

  test('other C0 controls, DEL, C1 controls and a byte-order mark inside the text', () => {
    assert.deepEqual(findings('根据《中华人民共和国\x1f行政许可法》', 'control-character'), ['control-character@0:10-0:11']);
    assert.deepEqual(findings('商务部\x7f办公厅', 'control-character'), ['control-character@0:3-0:4']);
    assert.deepEqual(findings('新闻\u0085联播', 'control-character'), ['control-character@0:2-0:3']);
    const joined = doc('第一条 为了规范行政许可的设定和实施，制定本法。', '\uFEFF第二条 本法所称行政许可。');
    assert.deepEqual(findings(joined, 'control-character'), ['control-character@1:0-1:1']);
    assert.match(String(diagnosticsOf(joined, 'control-character')[0].message), /byte-order mark/);
    assert.equal(applyFix(joined, 'control-character'), joined.replace('\uFEFF', ''));
  });

  test('not reported: tab, line breaks, form feed (a page break), the byte-order mark at the start', () => {
    assert.deepEqual(findings('\uFEFF第一条\t为了规范行政许可的设定和实施，\r\n制定本法。\f\n第二条 本法所称行政许可。\r', 'control-character'), []);
  });

  test('in the front matter too, with the rest of the front matter checked', () => {
    const text = doc('---', 'layout: post', 'title: "商务部召开\0网上例行新闻发布会"', '---', '正文');
    assert.deepEqual(findings(text, 'control-character'), ['control-character@2:13-2:14']);
  });
});

describe('binary-file: only for content that is mostly not text', () => {
  test('a NUL-padded binary (valid UTF-8) is one binary-file warning and nothing else', () => {
    const elf = `\x7fELF\x02\x01\x01${'\0'.repeat(4096)}GCC: (Debian) 12.2.0\0.symtab\0`;
    assert.deepEqual(makeService().getDiagnostics(makeService().parse('untitled:a.md', elf)).map((d) => d.code), ['binary-file']);
  });

  test('UTF-16 read as UTF-8 (every other character a NUL) is binary', () => {
    const utf16 = [...'title: policy notice\nbody text\n'].join('\0');
    assert.deepEqual(diagnosticsOf(utf16, 'binary-file').length, 1);
  });

  test('a long text with NULs at every sentence end is text', () => {
    const text = '　　为深入贯彻落实党中央、国务院决策部署，进一步做好稳就业工作。\0'.repeat(50);
    assert.deepEqual(diagnosticsOf(text, 'binary-file'), []);
    assert.equal(diagnosticsOf(text, 'control-character').length, 50);
  });
});

describe('replacement-character', () => {
  test('a run of U+FFFD is one error, without a fix', () => {
    const text = '　　会议听取了中国\uFFFD\uFFFD海峡项目进展情况的汇报。';
    const [diagnostic, ...rest] = diagnosticsOf(text, 'replacement-character');
    assert.deepEqual(rest, []);
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 11 } });
    assert.match(String(diagnostic.message), /U\+FFFD ×2/);
    assert.equal(fixOf(diagnostic), undefined);
  });

  test('in Chinese too', () => {
    const [diagnostic] = diagnosticsOf('财政部\uFFFD税务总局', 'replacement-character', makeService('zh'));
    assert.match(String(diagnostic.message), /替换字符 U\+FFFD ×1/);
  });

  test('not reported: text without U+FFFD, and a question mark standing for a lost character', () => {
    assert.deepEqual(findings('中国?海峡项目', 'replacement-character'), []);
  });
});

describe('lookalike-characters', () => {
  test('Kangxi radicals in real xwlb lines (text extracted from PDFs)', () => {
    const line = '全国大部地区出现大范围高温天气，局地⽓温超过42℃。';
    assert.deepEqual(findings(line, 'lookalike-characters'), ['lookalike-characters@0:18-0:19']);
    assert.equal(applyFix(line, 'lookalike-characters'), '全国大部地区出现大范围高温天气，局地气温超过42℃。');
  });

  test('CJK Radicals Supplement, which NFKC leaves alone: ⻄ → 西', () => {
    const line = '在陕⻄商洛柞水县丹宁高速水阳段';
    assert.deepEqual(findings(line, 'lookalike-characters'), ['lookalike-characters@0:2-0:3']);
    assert.equal(applyFix(line, 'lookalike-characters'), '在陕西商洛柞水县丹宁高速水阳段');
  });

  test('a run of lookalikes is one finding: （⼀） and ⼀⼆', () => {
    const text = doc('（⼀）加强组织领导。', '⼀⼆三');
    assert.deepEqual(findings(text, 'lookalike-characters'), ['lookalike-characters@0:1-0:2', 'lookalike-characters@1:0-1:2']);
    assert.equal(fixAll(text), doc('（一）加强组织领导。', '一二三'));
  });

  test('compatibility ideographs with a canonical form; in the zh message, the standard character', () => {
    const [diagnostic] = diagnosticsOf('金\uF900', 'lookalike-characters', makeService('zh'));
    assert.match(String(diagnostic.message), /应写作“豈”/);
    assert.equal(applyFix('金\uF900', 'lookalike-characters'), '金豈');
  });

  test('not reported: compatibility ideographs that are unified ideographs (﨑), ordinary text, full-width digits of a 发文字号', () => {
    assert.deepEqual(findings('長﨑県との交流', 'lookalike-characters'), []);
    assert.deepEqual(findings('各省、自治区、直辖市人民政府，国务院各部委、各直属机构：', 'lookalike-characters'), []);
    const numbered = doc('国办发〔2020〕１８号', '', '各省、自治区、直辖市人民政府：');
    assert.deepEqual(findings(numbered, 'lookalike-characters'), []);
    assert.equal(findings(numbered, 'doc-number-sequence').length, 1, 'doc-number-sequence reports them');
  });

  test('full-width digits in a date (lawrefbook, 河南省警务辅助人员条例)', () => {
    const line = '第三十九条 本条例自２０２１年１月１日起施行。';
    assert.deepEqual(findings(line, 'lookalike-characters'), ['lookalike-characters@0:10-0:19']);
    assert.equal(fixAll(line).includes('2021年1月1日'), true);
  });

  test('one finding per date, also where only some digits are full-width (lawrefbook, 专利纠纷规定)', () => {
    const line = '被控侵犯专利权行为发生在2001年７月１日以前的，适用修改前专利法的规定。';
    const [diagnostic, ...rest] = diagnosticsOf(line, 'lookalike-characters');
    assert.deepEqual(rest, []);
    assert.match(String(diagnostic.message), /"2001年７月１日": write "2001年7月1日"/);
    assert.equal(applyFix(line, 'lookalike-characters'), line.replace('2001年７月１日', '2001年7月1日'));
  });

  test('a 成文日期 line that is also a date of the text is one finding (lvshu, 安全生产法)', () => {
    const text = doc('第一条　为了加强安全生产工作，防止和减少生产安全事故，制定本法。', '', '２０２１年６月１０日');
    assert.deepEqual(findings(text, 'lookalike-characters'), ['lookalike-characters@2:0-2:10']);
  });
});

describe('the findings cap is visible', () => {
  const flood = doc('---', 'layout: post', 'title: "会议"', 'date: 2021-06-01', '---', ...Array(MAX_REPORTS_PER_RULE + 12).fill('商务部\0办公厅召开网上例行新闻发布会，介绍有关情况。'));

  test('getReport counts what each rule left out', () => {
    const service = makeService();
    const { diagnostics, truncated } = service.getReport(service.parse('untitled:flood.md', flood));
    assert.deepEqual(truncated, { 'control-character': 12 });
    assert.equal(diagnostics.filter((d) => d.code === 'control-character').length, MAX_REPORTS_PER_RULE);
    assert.ok(!diagnostics.some((d) => d.code === 'findings-cap'));
  });

  test('the editor gets one information diagnostic at the top of the file, in the service locale', () => {
    for (const [locale, pattern] of [['en', /first 500 findings.*control-character 12 more/], ['zh', /最多显示 500 个问题.*control-character 另有 12 个/]] as const) {
      const service = makeService(locale);
      const [first, ...rest] = service.getDiagnostics(service.parse('untitled:flood.md', flood));
      assert.equal(first.code, 'findings-cap');
      assert.equal(first.severity, DiagnosticSeverity.Information);
      assert.deepEqual(first.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.match(String(first.message), pattern);
      assert.ok(!rest.some((d) => d.code === 'findings-cap'));
    }
  });

  test('no notice below the cap, nor for findings a directive switched off', () => {
    const service = makeService();
    const off = `<!-- policydoc-disable control-character -->\n${flood}`;
    assert.deepEqual(service.getReport(service.parse('untitled:off.md', off)).truncated, {});
    assert.deepEqual(service.getReport(service.parse('untitled:few.md', SHAANXI)).truncated, {});
  });
});

describe('misspelt marker keys still decide the profile, and unknown-key reports them', () => {
  test('layput: post is a Jekyll post', () => {
    const service = makeService();
    const text = doc('---', 'layput: post', 'title: "商务部召开网上例行新闻发布会"', '---', '正文');
    assert.equal(service.parse('untitled:a.md', text).profile, 'jekyll');
    const [diagnostic] = diagnosticsOf(text, 'unknown-key', service);
    assert.match(String(diagnostic.message), /"layput": did you mean "layout"/);
    assert.equal(applyFix(text, 'unknown-key'), text.replace('layput', 'layout'));
  });

  test('a misspelt Hexo marker (thumbnial, upadted) makes a Hexo post', () => {
    const service = makeService();
    for (const key of ['thumbnial: /img/a.png', 'upadted: 2021-06-01 10:00:00']) {
      const text = doc('---', 'title: 商务部召开网上例行新闻发布会', 'date: 2021-06-01 09:00:00', key, 'categories: 新闻', '---', '正文');
      assert.equal(service.parse('untitled:a.md', text).profile, 'hexo', key);
      assert.equal(diagnosticsOf(text, 'unknown-key', service).length, 1, key);
    }
  });

  test('not a marker: keys one or two edits from the short markers (toc, top, cover), and other words', () => {
    const service = makeService();
    for (const key of ['doc: a', 'to: b', 'color: red', 'tags: [a]', 'weight: 3']) {
      const text = doc('---', 'title: 商务部召开网上例行新闻发布会', key, '---', '正文');
      assert.equal(service.parse('untitled:a.md', text).profile, 'markdown', key);
    }
  });
});

test('lookalike-characters: ⼜ (KANGXI RADICAL AGAIN) that PDF extraction wrote for 口 is 口 in 出口 (ranxi-policy, 商务部)', () => {
  const service = makeService();
  const line = '商务部关于下达 2018年部分农产品出⼜配额的通知';
  const parsed = service.parse('file:///corpus/doc.txt', line);
  const found = service.getDiagnostics(parsed).filter((d) => d.code === 'lookalike-characters');
  assert.equal(found.length, 1);
  assert.match(String(found[0].message), /"口"/);
});

test('lookalike-characters: the radicals of a line are one finding, fixed together (ranxi-policy, PDF-extracted text)', () => {
  const service = makeService();
  const line = '为进⼀步做好⼯作，各地要加强⾏政审批管理。';
  const parsed = service.parse('file:///corpus/doc.txt', `${line}\n第二行没有问题。`);
  const found = service.getDiagnostics(parsed).filter((d) => d.code === 'lookalike-characters');
  assert.equal(found.length, 1);
  assert.match(String(found[0].message), /3 characters.*⼀→一 ⼯→工 ⾏→行/);
  assert.equal(applyFix(`${line}\n第二行没有问题。`, 'lookalike-characters'), '为进一步做好工作，各地要加强行政审批管理。\n第二行没有问题。');
});
