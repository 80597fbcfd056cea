import type { ArgBuilder, SchemaTypes } from '@pothos/core';
import { pageArgDescriptions } from './paging.js';

/** `first` and `after`, as every connection field takes them. */
export function pageArgs<Types extends SchemaTypes>(t: { arg: ArgBuilder<Types> }) {
  return {
    first: t.arg.int({ required: false, description: pageArgDescriptions.first }),
    after: t.arg.string({ required: false, description: pageArgDescriptions.after }),
  };
}
