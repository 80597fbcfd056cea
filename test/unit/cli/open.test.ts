import { describe, expect, it } from 'vitest';
import { explainError } from '../../../src/cli/open.js';
import { ConfigError } from '../../../src/config.js';
import { ForbiddenError, InputProblems } from '../../../src/errors.js';

describe('what a command-line tool tells the person at the terminal', () => {
  it('says every problem of a bad input in one line, as the API would', () => {
    const problems = new InputProblems();
    problems.add('name', 'is empty');
    problems.add('email', 'is not an email address');
    let thrown: unknown;
    try {
      problems.throwIfAny('The expert was not created');
    } catch (error) {
      thrown = error;
    }
    expect(explainError(thrown)).toBe('The expert was not created: name: is empty; email: is not an email address');
  });

  it("gives a refusal's and a startup failure's message, but nothing for an unexpected error", () => {
    expect(explainError(new ForbiddenError('Erasing an expert is for administrators.'))).toBe(
      'Erasing an expert is for administrators.',
    );
    expect(explainError(new ConfigError('PORT=x is not a whole number\nmore'))).toBe('PORT=x is not a whole number');
    expect(explainError(new Error('boom'))).toBeUndefined();
  });
});
