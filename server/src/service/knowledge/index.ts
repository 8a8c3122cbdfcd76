export { Knowledge, shipped } from './knowledge';
export { KnowledgeStore } from './store';
export { CodeIndex, type CodeEntry, type DocKind, type MinedCode } from './codeIndex';
export { AgencyIndex, MatchRank, type AgencyMatch, type NameForm, type NameHit } from './agencyIndex';
export { SHIPPED_AGENCIES, SHIPPED_TERMS, USER_KNOWLEDGE_FILES, type Agency, type AgencyExample, type KnowledgeKind, type Term } from './data';
export { loadUserKnowledge, type KnowledgeProblem, type UserAgency, type UserKnowledge, type UserTerm } from './userKnowledge';
export { WorkspaceValues, WORKSPACE_VALUE_KEYS, type WorkspaceValueKey } from './workspaceValues';
export { pinyinKeys } from './pinyin';
