import { DateResolver, URLResolver } from 'graphql-scalars';
import { builder } from './builder.js';

builder.addScalarType('Date', DateResolver);
builder.addScalarType('URL', URLResolver);
