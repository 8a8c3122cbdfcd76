import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { applyEdits } from '../../server/src/service/edits';
import { documentDate } from '../../server/src/service/parse/documentDate';
import type { DiagnosticData } from '../../server/src/service/validate';

const OFFICIAL_RULES = new Set([
  'doc-number-bracket', 'doc-number-year', 'doc-number-sequence', 'doc-number-date-order', 'doc-number-agency-code',
  'written-date-format', 'cli-code-format', 'section-numbering',
]);

const service = createLanguageService({ now: () => new Date('2026-11-23T00:00:00Z') });
const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

function check(text: string, uri = 'file:///test/doc.txt') {
  const doc = service.parse(uri, text);
  const diagnostics = service.getDiagnostics(doc).filter((d) => OFFICIAL_RULES.has(String(d.code)));
  return { doc, diagnostics };
}

/** `rule@line:char-line:char` of each diagnostic of the official-document rules. */
function summary(text: string, uri?: string): string[] {
  return check(text, uri).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
}

function fixOf(diagnostic: Diagnostic) {
  return (diagnostic.data as DiagnosticData | undefined)?.fix;
}

/** Applies every fix of the document (as `--fix` does). */
function fixAll(text: string, uri = 'file:///test/doc.txt'): string {
  const doc = service.parse(uri, text);
  return applyEdits(text, doc.lines, service.getFixAllEdits(doc));
}

/** A 公文 in GB/T 9704 order; the header (发文字号) is on line 2, the body on line 6, the 成文日期 on line 10. */
function gongwen(header: string, body = '现将有关事项通知如下。', date = '2020年3月11日'): string {
  return ['商务部关于做好有关工作的通知', '', header, '', '各省、自治区、直辖市商务主管部门：', '', `　　${body}`, '', '中华人民共和国商务部', '', date, ''].join('\n');
}

describe('official model', () => {
  it('finds the seed 003 numbers, 成文日期, 法宝引证码 and sections', () => {
    const doc = service.parse('file:///x.txt', readFileSync(path.join(FIXTURES, '003_3f3e0725406a3fc4.txt'), 'utf8'));
    const { docNumbers, ownNumber, writtenDate, cliCode, sections } = doc.official;
    assert.deepEqual(docNumbers.map((n) => [n.text, n.agency.text, n.context, n.own]), [
      ['商财函〔2020〕68号', '商财函', 'header', true],
      ['国开办发〔2020〕4号', '国开办发', 'title', false],
    ]);
    assert.equal(ownNumber?.year.value, 2020);
    assert.equal(ownNumber?.sequence.value, 68);
    assert.deepEqual(writtenDate && [writtenDate.text, writtenDate.year, writtenDate.month, writtenDate.day], ['2020年3月11日', 2020, 3, 11]);
    assert.equal(cliCode?.text, 'CLI.4.340400');
    assert.equal(sections.map((s) => `${s.level}:${s.value}`).join(' '), '1:1 1:2 2:1 2:2 2:3 2:4 2:5 2:6 2:7 2:8 1:3 2:9 2:10 2:11 2:12');
  });

  it('does not take other numbering systems or bracketed years in prose for 发文字号', () => {
    const text = gongwen(
      '国办发〔2020〕4号',
      '根据国务院令第828号、国令第828号、海关总署公告2021年第32号和2021年第32号公告，参照〔2020〕的安排、年度报告（2020）、规划（2020年）、（2020—2025年）规划、（2020）京01民初123号判决，2020年以来各地推进。',
    );
    const doc = service.parse('file:///x.txt', text);
    assert.deepEqual(doc.official.docNumbers.map((n) => n.text), ['国办发〔2020〕4号']);
  });

  it('recognises a number without 号 only where the context makes it one', () => {
    const title = service.parse('file:///x.txt', gongwen('国办发〔2020〕4号', '落实《关于开展消费扶贫行动的通知》（国开办发〔2020〕4）要求，另见商财函〔2020〕5的说明。'));
    assert.deepEqual(title.official.docNumbers.map((n) => [n.text, n.context, n.hao === null]), [
      ['国办发〔2020〕4号', 'header', false],
      ['国开办发〔2020〕4', 'title', true],
    ]);
    const label = service.parse('file:///x.txt', '【发文字号】商财函〔2020〕68\n');
    assert.deepEqual(label.official.docNumbers.map((n) => [n.text, n.context, n.own]), [['商财函〔2020〕68', 'label', true]]);
  });

  it('reads a 成文日期 in Chinese numerals and gives it to documentDate', () => {
    const doc = service.parse('file:///x.txt', gongwen('国发〔2010〕8号', '现通知如下。', '二〇一〇年三月十一日'));
    assert.deepEqual(doc.official.writtenDate && [doc.official.writtenDate.year, doc.official.writtenDate.month, doc.official.writtenDate.day, doc.official.writtenDate.numerals], [2010, 3, 11, 'chinese']);
    assert.deepEqual(documentDate(doc), { year: 2010, month: 3, day: 11 });
  });
});

describe('doc-number-bracket', () => {
  for (const [open, close] of [['[', ']'], ['【', '】'], ['(', ')'], ['（', '）'], ['［', '］'], ['﹝', '﹞'], ['〔', ']'], ['[', '〕']]) {
    it(`flags and fixes ${open}2020${close}`, () => {
      const text = gongwen(`商财函${open}2020${close}68号`);
      assert.deepEqual(summary(text), ['doc-number-bracket@2:3-2:9']);
      assert.equal(fixAll(text), gongwen('商财函〔2020〕68号'));
    });
  }

  it('flags a citation after a 《title》 in prose, at its position in an HTML body', () => {
    const text = ['---', 'title: 测试', '---', '<p>　　落实《关于开展消费扶贫行动的通知》（国开办发[2020]4号）要求。</p>', ''].join('\n');
    assert.deepEqual(summary(text, 'file:///test/post.md'), ['doc-number-bracket@3:27-3:33']);
    assert.equal(fixAll(text, 'file:///test/post.md'), text.replace('[2020]', '〔2020〕'));
  });

  it('is silent on correct numbers and on the header in （）', () => {
    assert.deepEqual(summary(gongwen('（商财函〔2020〕68号）')), []);
  });

  it('offers no fix for a number whose bracket is an HTML entity (its offsets are not the source\'s), and the entity\'s padding is no space', () => {
    const text = '<p>商财函&#65339;2020]68号</p>\n';
    const { diagnostics } = check(text, 'file:///test/post.md');
    assert.deepEqual(diagnostics.map((d) => [d.code, fixOf(d)]), [['doc-number-bracket', undefined]]);
  });
});

describe('doc-number-year', () => {
  it('expands a two-digit year when the 成文日期 year ends in those digits', () => {
    const text = gongwen('商财函〔20〕68号');
    assert.deepEqual(summary(text), ['doc-number-year@2:4-2:6']);
    assert.equal(fixAll(text), gongwen('商财函〔2020〕68号'));
  });

  it('offers no fix for a two-digit year it cannot expand', () => {
    const { diagnostics } = check(gongwen('商财函〔19〕68号'));
    assert.deepEqual(diagnostics.map((d) => [d.code, fixOf(d)]), [['doc-number-year', undefined]]);
  });

  it('fixes full-width digits and Chinese numerals', () => {
    for (const year of ['２０２０', '二〇二〇', '二○二○']) {
      const text = gongwen(`商财函〔${year}〕68号`);
      assert.deepEqual(summary(text), ['doc-number-year@2:4-2:8'], year);
      assert.equal(fixAll(text), gongwen('商财函〔2020〕68号'), year);
    }
  });
});

describe('doc-number-sequence', () => {
  it('removes 第 before the number', () => {
    const text = gongwen('商财函〔2020〕第68号');
    assert.deepEqual(summary(text), ['doc-number-sequence@2:9-2:10']);
    assert.equal(fixAll(text), gongwen('商财函〔2020〕68号'));
  });

  it('removes a leading zero and converts full-width digits', () => {
    assert.deepEqual(summary(gongwen('商财函〔2020〕068号')), ['doc-number-sequence@2:9-2:12']);
    assert.equal(fixAll(gongwen('商财函〔2020〕068号')), gongwen('商财函〔2020〕68号'));
    assert.equal(fixAll(gongwen('商财函〔2020〕６８号')), gongwen('商财函〔2020〕68号'));
  });

  it('adds a missing 号 on the header line and after a 《title》', () => {
    assert.deepEqual(summary(gongwen('（商财函〔2020〕68）')), ['doc-number-sequence@2:1-2:12']);
    assert.equal(fixAll(gongwen('（商财函〔2020〕68）')), gongwen('（商财函〔2020〕68号）'));
    const cited = gongwen('商财函〔2020〕68号', '落实《关于开展消费扶贫行动的通知》（国开办发〔2020〕4）要求。');
    assert.equal(fixAll(cited), gongwen('商财函〔2020〕68号', '落实《关于开展消费扶贫行动的通知》（国开办发〔2020〕4号）要求。'));
  });

  it('fixes every fault of one number at once, and fixing twice equals fixing once', () => {
    const text = gongwen('商财函[２０２０]第０６８');
    const once = fixAll(text);
    assert.equal(once, gongwen('商财函〔2020〕68号'));
    assert.equal(fixAll(once), once);
  });

  it('leaves the numbering of 令 and 公告 alone', () => {
    assert.deepEqual(summary(gongwen('商财函〔2020〕68号', '依据国务院令第828号和财政部令〔2020〕第3号执行。')), []);
  });
});

describe('doc-number-date-order', () => {
  it('flags an own number whose year is after the 成文日期', () => {
    assert.deepEqual(summary(gongwen('商财函〔2021〕68号')), ['doc-number-date-order@2:4-2:8']);
  });

  it('uses the front-matter date when there is no 落款', () => {
    const text = ['---', 'title: 通知', 'date: 2019-05-01', '---', '', '商财函〔2020〕68号', '', '正文。', ''].join('\n');
    assert.deepEqual(summary(text, 'file:///test/post.md'), ['doc-number-date-order@5:4-5:8']);
  });

  it('does not check citations', () => {
    assert.deepEqual(summary(gongwen('商财函〔2020〕68号', '参照《通知》（国办发〔2021〕4号）执行。')), []);
  });
});

describe('doc-number-agency-code', () => {
  it('hints at an unknown 代字 on the header line', () => {
    const { diagnostics } = check(gongwen('国半发〔2020〕68号'));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.character, d.range.end.character]), [['doc-number-agency-code', 4, 0, 3]]);
  });

  it('accepts listed codes and codes built on a known prefix', () => {
    for (const code of ['国发', '国办函', '中办发', '发改投资', '财预', '商建函', '京政发']) {
      assert.deepEqual(summary(gongwen(`${code}〔2020〕68号`)), [], code);
    }
  });

  it('says nothing where prose runs into the 代字', () => {
    assert.deepEqual(summary(gongwen('国发〔2020〕1号', '按照某某某办发〔2020〕3号文件执行。')), []);
  });
});

describe('written-date-format', () => {
  it('removes zero padding', () => {
    const text = gongwen('商财函〔2020〕68号', '现通知如下。', '2020年03月01日');
    assert.deepEqual(summary(text), ['written-date-format@10:0-10:11']);
    assert.equal(fixAll(text), gongwen('商财函〔2020〕68号', '现通知如下。', '2020年3月1日'));
  });

  it('flags a two-digit year, with a fix only when the document year ends in it', () => {
    const text = gongwen('商财函〔2020〕68号', '自20年3月1日起施行，19年3月1日的规定废止。');
    assert.deepEqual(summary(text), ['written-date-format@6:3-6:10', 'written-date-format@6:14-6:21']);
    assert.equal(fixAll(text), gongwen('商财函〔2020〕68号', '自2020年3月1日起施行，19年3月1日的规定废止。'));
  });

  it('flags impossible dates without a fix', () => {
    const { diagnostics } = check(gongwen('商财函〔2020〕68号', '于2021年2月30日和2021年13月1日召开。'));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.character, fixOf(d)]), [
      ['written-date-format', 3, undefined],
      ['written-date-format', 14, undefined],
    ]);
  });

  it('accepts correct dates and month forms that are not full dates', () => {
    assert.deepEqual(summary(gongwen('商财函〔2020〕68号', '2020年2月29日、2020年03月份、03月11日起、12020年3月1日号段、2020年3月11—13日均不是错误。')), []);
  });
});

describe('cli-code-format', () => {
  const pkulaw = (code: string) => `北大法宝【法宝引证码】 ${code}\n原文链接：https://www.pkulaw.com/chl/de9630cddfb54b47bdfb.html\n商务部关于通知\n\n（商财函〔2020〕68号）\n\n正文。\n\n2020年3月11日\n`;

  for (const code of ['CLI 4.340400', 'CLI.4.340400.', 'CLl.4.3404OO', 'CLI．４．340400']) {
    it(`fixes ${code}`, () => {
      const text = pkulaw(code);
      assert.deepEqual(summary(text), [`cli-code-format@0:12-0:${12 + code.length}`]);
      assert.equal(fixAll(text), pkulaw('CLI.4.340400'));
    });
  }

  it('flags an ambiguous code without a fix', () => {
    const { diagnostics } = check(pkulaw('CLI.4340400'));
    assert.deepEqual(diagnostics.map((d) => [d.code, fixOf(d)]), [['cli-code-format', undefined]]);
  });

  it('accepts numeric and lettered categories', () => {
    assert.deepEqual(summary(pkulaw('CLI.4.340400')), []);
    assert.deepEqual(summary(pkulaw('CLI.C.8273345')), []);
  });
});

describe('section-numbering', () => {
  const body = (...lines: string[]) => ['商务部关于做好有关工作的通知', '', '商财函〔2020〕68号', '', ...lines.map((line) => `　　${line}`), '', '2020年3月11日', ''].join('\n');

  it('flags a skipped number', () => {
    assert.deepEqual(summary(body('一、总体要求', '（一）甲。', '（二）乙。', '（四）丁。')), ['section-numbering@7:2-7:5']);
  });

  it('flags a repeated number', () => {
    assert.deepEqual(summary(body('一、总体要求', '二、主要任务', '二、保障措施')), ['section-numbering@6:2-6:4']);
  });

  it('accepts a lower level before its parent level (issue 10: common in real text)', () => {
    assert.deepEqual(summary(body('（一）甲。', '（二）乙。', '一、总体要求', '（三）丙。')), []);
  });

  it('flags a skip at level 3, and judges only a series of at least three markers that starts at 1 (issue 10)', () => {
    assert.deepEqual(summary(body('一、总体要求', '1.甲。', '2.乙。', '4.丁。')), ['section-numbering@7:2-7:4']);
    assert.deepEqual(summary(body('一、总体要求', '1.甲。', '3.丙。')), []);
    assert.deepEqual(summary(body('一、总体要求', '（二）乙。')), []);
  });

  it('accepts restarting and running-on numbering under a new parent, and 1. lists', () => {
    assert.deepEqual(summary(body('一、总体要求', '（一）甲。', '（二）乙。', '二、主要任务', '（一）丙。', '三、保障措施', '（二）丁。', '1.其一。', '2.其二。', '（三）戊。', '1.其一。', '（1）细目。', '（2）细目。')), []);
    assert.deepEqual(summary(body('一、总体要求', '（一）甲。', '二、主要任务', '（二）乙。', '（三）丙。', '十、其他', '十一、附则')), ['section-numbering@9:2-9:4']);
  });
});

describe('seeds', () => {
  it('none of the official-document rules fire on the five seeds', () => {
    const files = readdirSync(FIXTURES).filter((name) => /^00[0-4]_/.test(name)).sort();
    assert.equal(files.length, 5);
    for (const name of files) {
      const text = readFileSync(path.join(FIXTURES, name), 'utf8');
      assert.deepEqual(summary(text, `file:///seeds/${name}`), [], name);
    }
  });
});

describe('code actions and messages', () => {
  it('offers each fix as a quick fix, with the message in Chinese when asked', () => {
    const zh = createLanguageService({ locale: 'zh', now: () => new Date('2026-11-23T00:00:00Z') });
    const text = gongwen('商财函[2020]068号');
    const doc = zh.parse('file:///test/doc.txt', text);
    const diagnostics = zh.getDiagnostics(doc).filter((d) => OFFICIAL_RULES.has(String(d.code)));
    assert.deepEqual(diagnostics.map((d) => d.message), [
      '发文字号“商财函[2020]068号”的年份用了“[]”，应使用六角括号〔〕。',
      '发文字号“商财函[2020]068号”的顺序号“068”编了虚位，应写作 68。',
    ]);
    const actions = zh.getCodeActions(doc, diagnostics);
    assert.deepEqual(actions.map((a) => a.title), ['年份改用〔〕', '改为 68']);
    const edits = actions[1].edit?.changes?.['file:///test/doc.txt'] ?? [];
    assert.equal(applyEdits(text, doc.lines, edits), gongwen('商财函[2020]68号'));
  });
});

describe('section-numbering and the 附件说明', () => {
  it('does not count the items of an attachment note, and accepts an attachment numbered from 一、', () => {
    const text = [
      '商务部关于做好有关工作的通知', '', '商财函〔2020〕68号', '',
      '　　一、总体要求', '　　1.甲。', '　　2.乙。', '　　3.丙。', '　　二、工作要求', '',
      '　　附件：1.关于做好有关工作的', '　　　　　实施办法', '　　　　　2.有关单位名单', '',
      '中华人民共和国商务部', '', '2020年3月11日', '',
      '附件1', '', '　　一、适用范围', '　　二、实施步骤', '',
    ].join('\n');
    assert.deepEqual(summary(text), []);
    const doc = service.parse('file:///x.txt', text);
    assert.equal(doc.official.sections.map((s) => `${s.level}:${s.value}`).join(' '), '1:1 3:1 3:2 3:3 1:2 1:1 1:2');
  });
});

describe('section-numbering outside official texts', () => {
  it('stays quiet in a news post that quotes parts of a document', () => {
    const text = ['---', 'layout: post', 'title: "会议"', '---', '<p>一、总体要求</p><p>三、保障措施</p>', ''].join('\n');
    const service = createLanguageService({ now: () => new Date('2026-11-23T00:00:00Z') });
    const doc = service.parse('file:///news.md', text);
    assert.equal(doc.profile, 'jekyll');
    assert.deepEqual(service.getDiagnostics(doc).filter((d) => d.code === 'section-numbering'), []);
  });
});
