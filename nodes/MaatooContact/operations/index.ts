import type { Operation } from '../../shared/engine';
import { getOperation } from './get.operation';
import { getAllOperation } from './getAll.operation';

/** Every Contact operation; adding one is adding a file and a line here. */
export const contactOperations: Operation[] = [getOperation, getAllOperation];
