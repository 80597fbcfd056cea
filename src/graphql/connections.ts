import type { ObjectRef } from '@pothos/core';
import { builder, type Types } from './builder.js';

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole list has, across all pages.',
    resolve: (connection) => connection.totalCount,
  }),
);

/** A plain connection type `<Name>Connection` with edges `<Name>Edge`, described for the schema. */
export function listConnection<Shape>(type: ObjectRef<Types, Shape>, name: string, plural: string) {
  return builder.connectionObject(
    { type, name: `${name}Connection`, description: `A page of ${plural}.` },
    { name: `${name}Edge`, description: `One of the ${plural} on a page, with its cursor.` },
  );
}
