import { describe, expect, it } from 'vitest';
import { addressOf, readAddress } from '../../../web/src/lib/search-address.js';

describe('the address of a search', () => {
  it('holds the question, the country and how many were shown, and reads them back', () => {
    const address = addressOf({ question: 'chips & co', country: 'Taiwan', shown: 20 }, 'http://h:1/?q=old#x');
    expect(address).toBe('http://h:1/?q=chips+%26+co&country=Taiwan&shown=20');
    expect(readAddress(new URL(address).search)).toEqual({ question: 'chips & co', country: 'Taiwan', shown: 20 });
  });

  it('leaves out a first page’s count and an empty country; a count out of range shows a first page or 100', () => {
    expect(addressOf({ question: 'chips', country: '', shown: 10 }, 'http://h:1/')).toBe('http://h:1/?q=chips');
    expect(readAddress('?q=chips&shown=abc').shown).toBe(10);
    expect(readAddress('?q=chips&shown=5000').shown).toBe(100);
  });
});
