import type { Rule } from '../types';

export const frontMatterPosition: Rule = {
  meta: {
    id: 'front-matter-position',
    defaultSeverity: 'warning',
    description: {
      en: 'Front matter must start on the first line, or Hexo, Jekyll and gray-matter do not see it.',
      zh: '前置元数据必须从第一行开始，否则 Hexo、Jekyll 和 gray-matter 都识别不到。',
    },
    messages: {
      blankLines: {
        en: 'Front matter starts on line {line}: the blank lines before "---" hide it from Hexo and Jekyll.',
        zh: '前置元数据从第 {line} 行开始：“---”之前的空行会让 Hexo 和 Jekyll 识别不到它。',
      },
      textBefore: {
        en: 'Front matter starts on line {line}: the text before "---" hides it from Hexo and Jekyll.',
        zh: '前置元数据从第 {line} 行开始：“---”之前的文字会让 Hexo 和 Jekyll 识别不到它。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    const frontMatter = doc.frontMatter;
    if (!frontMatter || frontMatter.start === frontMatter.textStart) return;
    const before = doc.text.slice(frontMatter.textStart, frontMatter.start);
    const range = doc.lines.range(frontMatter.textStart, frontMatter.start);
    report({
      messageId: before.trim() === '' ? 'blankLines' : 'textBefore',
      data: { line: doc.lines.positionAt(frontMatter.start).line + 1 },
      range,
      fix: { title: { en: 'Move the front matter to line 1', zh: '将前置元数据移到第 1 行' }, edits: [{ range, newText: '' }] },
    });
  },
};
