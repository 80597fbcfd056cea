import {
  CountryCodeResolver,
  DateResolver,
  DateTimeResolver,
  EmailAddressResolver,
  JSONObjectResolver,
  PhoneNumberResolver,
  URLResolver,
} from 'graphql-scalars';
import { builder } from './builder.js';

builder.addScalarType('Date', DateResolver);
builder.addScalarType('URL', URLResolver);
builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('EmailAddress', EmailAddressResolver);
builder.addScalarType('JSONObject', JSONObjectResolver);
builder.addScalarType('PhoneNumber', PhoneNumberResolver);
builder.addScalarType('CountryCode', CountryCodeResolver);
