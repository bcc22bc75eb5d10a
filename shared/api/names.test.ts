import { describe, expect, it } from 'vitest';
import { API_EVENTS, API_METHODS, apiRequests, type ApiEvent } from './contract';
import { API_EVENT_NAMES, API_METHOD_NAMES, type ApiEventName } from './names';

// Both directions at compile time: every event of `ApiEvents` is named, and every name has a payload.
const everyEventNamed: ApiEventName = '' as ApiEvent;
const everyNameTyped: ApiEvent = '' as ApiEventName;

describe('api names', () => {
  it('name exactly the methods the contract has schemas for, each once', () => {
    expect([...API_METHOD_NAMES].sort()).toEqual(Object.keys(apiRequests).sort());
    expect(new Set(API_METHOD_NAMES).size).toBe(API_METHOD_NAMES.length);
    expect(API_METHODS).toEqual(API_METHOD_NAMES);
  });

  it('name the contract’s events, each once', () => {
    expect(API_EVENTS).toEqual(API_EVENT_NAMES);
    expect(new Set(API_EVENT_NAMES).size).toBe(API_EVENT_NAMES.length);
    expect([everyEventNamed, everyNameTyped]).toEqual(['', '']);
  });
});
