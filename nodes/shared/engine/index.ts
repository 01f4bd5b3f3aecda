export { executeOperations } from './execute';
export { operationProperties, operationSubtitle } from './describe';
export { readList, rowsOfPage, totalOfPage } from './paginate';
export { runBatch } from './batch';
export { failedItem, itemError } from './itemErrors';
export { outputItems } from './outputItems';
export { standardBatchResults, deleteBatchResults } from './batchResults';
export type * from './operation';
export { recordInAnswer } from './recordInAnswer';
