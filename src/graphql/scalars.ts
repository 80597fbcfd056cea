import { DateResolver, DateTimeResolver, EmailAddressResolver, URLResolver } from 'graphql-scalars';
import { builder } from './builder.js';

builder.addScalarType('Date', DateResolver);
builder.addScalarType('URL', URLResolver);
builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('EmailAddress', EmailAddressResolver);
