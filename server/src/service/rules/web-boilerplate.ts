import { BOILERPLATE_KIND_NAMES, type BoilerplateSpan } from '../parse/boilerplate/spans';
import type { Rule } from '../types';


/**
 * Spans separated only by whitespace form one region, reported once. A stock keyword link is its
 * own region (with the quote placeholder right after it), because it sits inside a paragraph.
 */
function groupSpans(spans: readonly BoilerplateSpan[], text: string): BoilerplateSpan[][] {
  const groups: BoilerplateSpan[][] = [];
  for (const span of spans) {
    const group = groups.at(-1);
    const last = group?.at(-1);
    const adjacent = last !== undefined && text.slice(last.end, span.start).trim() === '';
    const hasLink = group?.some((member) => member.kind === 'stock-link') ?? false;
    const joins = adjacent && span.kind !== 'stock-link' && (!hasLink || (span.kind === 'stock-quote' && last.kind === 'stock-link'));
    if (group && joins) group.push(span);
    else groups.push([span]);
  }
  return groups;
}

export const webBoilerplate: Rule = {
  meta: {
    id: 'web-boilerplate',
    defaultSeverity: 'info',
    description: {
      en: 'Portal junk left in the body by a crawler: QR blocks and prompts, promotions and disclaimers, editor and source credits, share and navigation links, page footers, conversion notices, stray markup, stock-quote spans and links, portal comments, empty image captions. Patterns are data (server/data/boilerplate/*.yaml), extended by the project\'s .policydoc/boilerplate.yaml.',
      zh: '爬取时留在正文中的网站杂项：二维码块和扫码提示、推广语和免责声明、编辑和来源署名、分享和导航链接、页面页脚、转码说明、残留标签、股票行情标签和链接、网站模板注释、空的图片说明。模式为数据（server/data/boilerplate/*.yaml），可用项目的 .policydoc/boilerplate.yaml 扩充。',
    },
    messages: {
      boilerplate: {
        en: 'Web boilerplate left in the body: {kinds}.',
        zh: '正文中残留网页杂项：{kindsZh}。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    const { text } = doc;
    for (const group of groupSpans(doc.boilerplate.filter((span) => !span.quiet), text)) {
      const start = group[0].start;
      const end = group[group.length - 1].end;
      const kinds = [...new Set(group.map((span) => BOILERPLATE_KIND_NAMES[span.kind]))];
      const range = doc.lines.range(start, end);
      // The whitespace between the spans of a region goes with them, so no run of blank lines is left.
      const newText = group.map((span) => span.replacement).join('');
      report({
        messageId: 'boilerplate',
        data: { kinds: kinds.map((kind) => kind.en).join(', '), kindsZh: kinds.map((kind) => kind.zh).join('、') },
        range,
        fix: { title: { en: 'Remove boilerplate', zh: '移除网页杂项' }, edits: [{ range, newText }] },
      });
    }
  },
};
