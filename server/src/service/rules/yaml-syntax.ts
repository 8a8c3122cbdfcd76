import { isMap } from 'yaml';
import type { Rule } from '../types';

export const yamlSyntax: Rule = {
  meta: {
    id: 'yaml-syntax',
    defaultSeverity: 'error',
    description: { en: 'The front matter must be valid YAML.', zh: '前置元数据必须是有效的 YAML。' },
    messages: {
      syntax: { en: 'YAML syntax error: {detail}', zh: 'YAML 语法错误：{detail}' },
      notMapping: {
        en: 'The front matter must be a list of "key: value" lines.',
        zh: '前置元数据应由“键: 值”形式的行组成。',
      },
    },
    fixable: false,
  },
  check({ doc, report }) {
    const frontMatter = doc.frontMatter;
    if (!frontMatter?.yaml) return;
    for (const problem of frontMatter.problems) {
      const detail = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      report({ messageId: 'syntax', data: { detail }, range: doc.lines.range(problem.start, Math.max(problem.end, problem.start)) });
    }
    const contents = frontMatter.yaml.contents;
    if (frontMatter.problems.length === 0 && contents !== null && !isMap(contents)) {
      report({ messageId: 'notMapping', range: doc.lines.range(frontMatter.contentStart, frontMatter.contentEnd) });
    }
  },
};
