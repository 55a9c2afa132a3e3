import { isDependencyFault } from '../../src/platform/dependencyFaults';

describe('which errors are a dependency fault (503) rather than a bug (500)', () => {
  it.each([
    ['Cosmos throttling after its retries', Object.assign(new Error('Request rate is large'), { code: 429 })],
    ['a Cosmos request timeout', Object.assign(new Error('Timeout Error!'), { code: 'TimeoutError' })],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a Storage 503', Object.assign(new Error('Server busy'), { statusCode: 503 })],
    ['our own abort of a stalled call', Object.assign(new Error('stalled'), { name: 'AbortError' })],
    // The SDK drops the code of a batch or bulk request that got no answer, keeping the cause in the message.
    [
      'a Cosmos batch that timed out',
      new Error('Batch request error: Timeout Error! Request took more than 10000 ms'),
    ],
    ['a Cosmos bulk request cut off', new Error('Bulk request errored with: read ECONNRESET')],
  ])('%s is one', (_label, error) => expect(isDependencyFault(error)).toBe(true));

  it.each([
    ['a bug', new TypeError('x is undefined')],
    ['a Cosmos 400 (our query is wrong)', Object.assign(new Error('Bad request'), { code: 400 })],
    ['a Storage 403 (a missing role)', Object.assign(new Error('Forbidden'), { statusCode: 403 })],
    [
      'a Cosmos batch refused as malformed',
      new Error('Batch request error: Message: {"Errors":["Bad request"]}'),
    ],
  ])('%s is not', (_label, error) => expect(isDependencyFault(error)).toBe(false));
});
