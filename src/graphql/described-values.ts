/**
 * A GraphQL enum's values with their descriptions, from a model's map of value to meaning (INSTITUTION_KINDS,
 * INQUIRY_KINDS…): the model says what each value means once, and the schema shows it.
 */
export const describedValues = <Value extends string>(meanings: Record<Value, string>) =>
  Object.fromEntries(Object.entries(meanings).map(([value, description]) => [value, { description }])) as Record<
    Value,
    { description: string }
  >;
