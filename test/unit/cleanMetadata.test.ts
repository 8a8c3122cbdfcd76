import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyMetadata } from '../../server/src/service/clean/metadata';

// Real metadata lines of test/gold/real (the document named), as the cleaner reads them.
test('metadata: fields run on without a space are told apart (crpd-03)', () => {
  const found = bodyMetadata('日期:2023-01-2816:35来源:宜昌住房公积金中心责任编辑:公积金中心肖长安阅读量:215');
  assert.deepEqual(found, {
    fields: [
      { field: 'date', value: '2023-01-2816:35' },
      { field: 'source', value: '宜昌住房公积金中心' },
      { field: 'editor', value: '公积金中心肖长安' },
    ],
    complete: true,
  });
});

test('metadata: a short label inside a longer one is not a field of its own (myb-02, ranxi-02)', () => {
  assert.deepEqual(bodyMetadata('发布日期：2024-06-12信息来源：经管学院')?.fields, [
    { field: 'date', value: '2024-06-12' },
    { field: 'source', value: '经管学院' },
  ]);
  assert.deepEqual(bodyMetadata('发布日期:2021-03-26')?.fields, [{ field: 'date', value: '2021-03-26' }]);
});

test('metadata: page labels (通知类型, 访问量) complete a metadata paragraph (myb-01)', () => {
  const found = bodyMetadata('通知类型：校内通知\n来源：研究生院（党委研究生工作部）\n发布时间：2024-01-04\n访问量：269');
  assert.equal(found?.complete, true);
  assert.deepEqual(found?.fields.map((field) => field.field), ['source', 'date']);
});

test('metadata: a sentence with a colon is not metadata', () => {
  assert.equal(bodyMetadata('各市、县人民政府，省政府各部门：'), null);
});

test('metadata: a by-line naming the paper the article was taken from (ranxi-01)', () => {
  assert.deepEqual(bodyMetadata('摘自《中国建设报》2023.02.22　申雯雯'), { fields: [{ field: 'source', value: '中国建设报' }], complete: true });
  assert.equal(bodyMetadata('摘自《中国建设报》的评论指出，社区治理要以居民满意为标准。'), null);
});
