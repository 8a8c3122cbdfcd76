// The fixture collection test/fixtures/collection/ (three workspace folders of real documents, see its
// SOURCES.md): where it is and the short names its gold, EXPECTED.md, gives the documents. Shared by the
// unit, LSP, CLI and end-to-end tests.
import * as path from 'node:path';

export const COLLECTION = path.join(__dirname, 'fixtures', 'collection');
export const COLLECTION_FOLDERS = ['laws', 'notices', 'posts'] as const;
const RANXI = 'notices/ranxi-policy/挑战杯复审用数据集T20230804/数据集/';
const RANXI_POLICY = 'notices/ranxi-policy/挑战杯数据T20230308/policy/';

/** The short names of EXPECTED.md, as paths below COLLECTION. */
export const F = {
  NOISE_2021: 'laws/lawrefbook/行政法/噪声污染防治法(2021-12-24).md',
  NOISE_OLD: 'laws/lawrefbook/行政法/环境噪声污染防治法(2018-12-29).md',
  IIT: 'laws/lawrefbook/经济法/个人所得税法(2018-08-31).md',
  AML: 'laws/lawrefbook/经济法/反垄断法(2022-06-24).md',
  MERGER_LAW: 'laws/lawrefbook/行政法规/国务院关于经营者集中申报标准的规定(2024-01-22).md',
  BRIDE_LAW: 'laws/lawrefbook/司法解释/最高人民法院关于审理涉彩礼纠纷案件适用法律若干问题的规定(2024-01-17).md',
  BIGDATA_LIST: `${RANXI}工业和信息化部办公厅关于公布2021年大数据产业发展试点示范项目名单的通知.txt`,
  BIGDATA_CALL: `${RANXI}工业和信息化部办公厅关于组织开展2021年大数据产业发展试点示范项目申报工作的通知.txt`,
  IIP_LIST: `${RANXI}工业和信息化部办公厅关于公布2019年工业互联网平台创新应用案例名单的通知.txt`,
  IIP_CALL: `${RANXI}工业和信息化部办公厅关于组织开展2019年工业互联网平台创新应用案例征集活动的通知.txt`,
  GUARANTEE: `${RANXI}工业和信息化部办公厅关于引入政府性融资担保工具支持产业基础能力提升的通知.txt`,
  GUARANTEE_FUND: 'notices/govcn2019/ge_policy_raw20190217/002_国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见.txt',
  YUNNAN: `${RANXI}云南省人民政府办公厅关于印发云南省“十四五”现代物流业发展规划的通知.txt`,
  TAXCREDIT: 'notices/govdoc-cn/GovDoc-CN_Sample/397/397.txt',
  WASTEWATER: `${RANXI}工业和信息化部办公厅关于开展2022年工业废水循环利用试点工作的通知.txt`,
  POLITBURO_CRPD: 'notices/crpd-realestate/2502_2021-12-06_【中共中央政治局】会议.txt',
  SUMMER: `${RANXI_POLICY}交通运输部关于加强暑期应急管理工作的紧急通知.txt`,
  TYPHOON: `${RANXI_POLICY}交通运输部关于贯彻落实国家防总专题会议精神切实做好第6号台风“烟花”防御工作的通知.txt`,
  GD_NOISE: 'posts/cee-vuepress/docs/posts/P3/gdssszhrmghghjzswrfzfbf.md',
  AUTOMON: 'posts/cee-vuepress/docs/posts/P4/wryzdjkglbf.md',
  MERGER_WIKI: 'posts/lvshu/国务院关于经营者集中申报标准的规定.md',
  BRIDE_WIKI: 'posts/lvshu/最高人民法院关于审理涉彩礼纠纷案件适用法律若干问题的规定.md',
  POLITBURO_CCTV: 'posts/xwlb-cctv/assets/2021/20211206_00.txt',
  CAU: 'posts/mybolgfor/_posts/2024-1-4-CAU-notice-2.md',
} as const;
