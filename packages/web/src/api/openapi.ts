// Shapes taken from the generated API types (schema.gen.ts, `npm run api:types`), so the client
// cannot drift from what the server validates and sends.

import type { components, operations } from './schema.gen';

/** Schemas the server names (`.meta({ id })`). */
export type ApiSchemas = components['schemas'];

type OperationId = keyof operations;
type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON an operation answers with (200 unless another success status is given). */
export type ApiResponse<
  Id extends OperationId,
  Status extends keyof operations[Id]['responses'] = 200 extends keyof operations[Id]['responses']
    ? 200
    : keyof operations[Id]['responses'],
> = JsonContent<operations[Id]['responses'][Status]>;

/** The JSON body an operation accepts. */
export type ApiRequestBody<Id extends OperationId> = JsonContent<NonNullable<operations[Id]['requestBody']>>;

/** The query string an operation accepts. */
export type ApiQuery<Id extends OperationId> = NonNullable<operations[Id]['parameters']['query']>;
