import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateXml } from '../../reference/validate.js';
import { isCallerIdFor, isClientIdentity, isPhoneNumber, isSipUri, isTwilioUrl } from '../../reference/values.js';

describe('isSipUri (facts §2.4 [SIP]; RFC 3261 §19.1.1 in outline)', () => {
  it.each([
    'sip:url',
    'sip:alice@example.com',
    'SIP:alice@EXAMPLE.com',
    'sips:alice@example.com;transport=tls',
    'sip:alice@example.com:5061',
    'sip:alice@[2001:db8::1]',
    'sip:alice@192.0.2.1;region=ie1',
    'sip:AgentA@xyz.sip.us1.twilio.com?User-to-User=123456789%3Bencoding%3Dhex&X-Name=Agent%2C+A',
    ` sip:alice@example.com\n`,
    `sip:${'a'.repeat(238)}@example.com`,
  ])('accepts %s', (uri) => expect(isSipUri(uri)).toBe(true));

  it.each([
    'alice@example.com',
    'sip:',
    'sip:@',
    'sip:alice@',
    'sip:alice@@example.com',
    'sip:a@b@c',
    'sip:ali ce@example.com',
    'sip:alice@-example.com',
    'tel:+14155550100',
    `sip:${'a'.repeat(239)}@example.com`,
  ])('refuses %s', (uri) => expect(isSipUri(uri)).toBe(false));
});

describe('isPhoneNumber (seed §Nouns; facts §1.3 13223)', () => {
  it.each(['415-123-4567', '+15558675310', '(415) 555-1212', '+1 415.555.1212', '+123456789012345'])('accepts %s', (number) => expect(isPhoneNumber(number)).toBe(true));
  it.each(['', '+', '+1234567890123456', 'client:joey', '415-CALL-NOW', '1+2', '++1'])('refuses %j', (number) => expect(isPhoneNumber(number)).toBe(false));
});

describe('isClientIdentity (facts §2.3 [CLIENT])', () => {
  it('accepts up to 256 characters without spaces, controls, delimiters or unwise characters', () => {
    expect(isClientIdentity('joey')).toBe(true);
    expect(isClientIdentity('a'.repeat(256))).toBe(true);
    expect(isClientIdentity('a'.repeat(257))).toBe(false);
    expect(isClientIdentity('')).toBe(false);
    for (const char of [' ', '\t', '<', '>', '#', '%', '"', '{', '}', '|', '\\', '^', '[', ']', '`']) expect(isClientIdentity(`jo${char}ey`), char).toBe(false);
  });
});

describe('isTwilioUrl (seed: "Relative or absolute URL")', () => {
  it.each(['/handleDialCallStatus', 'www.myexample.com', 'https://example.com/handler', 'http://example.com:8080/a?b=c#d', '../x.xml', 'handler'])('accepts %s', (url) =>
    expect(isTwilioUrl(url)).toBe(true),
  );
  it('gives the same verdict on an IDN host however often it is asked (Node 20 URL.canParse flips after ~4,000 calls)', () => {
    const verdicts = new Set<boolean>();
    for (let i = 0; i < 10_000; i++) verdicts.add(isTwilioUrl('http://bücher.example/x'));
    expect([...verdicts]).toEqual([true]);
  });
  it.each(['ftp://example.com/x', 'javascript:alert(1)', 'https://', 'http:///path', 'http:example.com', '/a b', '/a\tb'])('refuses %j', (url) => expect(isTwilioUrl(url)).toBe(false));

  it('judges a URL without a scheme as resolving it against an https base does', () => {
    const resolves = (value: string): boolean => {
      try {
        new URL(value, 'https://relative.invalid/base/doc.xml');
        return true;
      } catch {
        return false;
      }
    };
    // Pieces where resolving can fail or be repaired: slashes of both kinds, authority and port marks, brackets, escapes, non-ASCII.
    const piece = fc.constantFrom('/', '\\', '//', '\\\\', '/\\', ':', '::', '@', '[', ']', '[::1]', '%', '%zz', '%41', '?', '#', '.', '..', 'a', 'example.com', ':99999', ':8080', 'ü', 'xn--', '😀', '\uD800', '|', '^');
    const noScheme = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join('')).filter((value) => !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value));
    fc.assert(fc.property(noScheme, (value) => isTwilioUrl(value) === resolves(value)), { numRuns: 5000, seed: 1 });
    expect(['//', '\\\\x', '/\\[', '//a:99999'].map(isTwilioUrl)).toEqual([false, true, false, false]);
  });
});

describe('isCallerIdFor (seed §callerId; facts §2.8 [WA])', () => {
  it('accepts the forms each noun documents', () => {
    expect(isCallerIdFor('+15551112222', 'Number')).toBe(true);
    expect(isCallerIdFor('client:joey', 'Client')).toBe(true);
    expect(isCallerIdFor('client:joey', 'Number')).toBe(false);
    expect(isCallerIdFor('Agent_A-1.x+', 'Sip')).toBe(true);
    expect(isCallerIdFor('whatsapp:+15551112222', 'WhatsApp')).toBe(true);
    expect(isCallerIdFor('+15551112222', 'WhatsApp')).toBe(false);
  });
});

describe('a <Client> the parser cannot model', () => {
  const messageOf = (client: string): string | undefined => validateXml(`<Response><Dial>${client}</Dial></Response>`).diagnostics.map((d) => `${d.ruleId}: ${d.message}`)[0];

  it('says the identity is written twice when text and <Identity> are both present', () => {
    expect(messageOf('<Client>joey<Identity>bob</Identity></Client>')).toBe(
      'client.child.invalid: <Client> holds text beside its child elements (the identity is written either as text or as an <Identity> child, not both)',
    );
  });

  it('names the element it may not hold, a duplicate <Identity>, or a <Parameter> with content', () => {
    expect(messageOf('<Client><Foo/></Client>')).toBe('client.child.invalid: <Client> may not hold <Foo> (allowed: <Identity>, <Parameter>)');
    expect(messageOf('<Client><Identity>a</Identity><Identity>b</Identity></Client>')).toBe('client.child.invalid: <Client> holds more than one <Identity>');
    expect(messageOf('<Client><Identity>a</Identity><Parameter name="k">v</Parameter></Client>')).toMatch(/^client\.child\.invalid: <Client> holds a <Parameter> with content/);
  });

  it('refuses attributes on <Identity> and <ApplicationSid>, which the model could not keep', () => {
    expect(messageOf('<Client><Identity type="x">joey</Identity></Client>')).toBe('client.child.invalid: <Client> holds an <Identity> with attributes, which it may not have');
    expect(messageOf('<Application><ApplicationSid a="1">AP1</ApplicationSid></Application>')).toBe(
      'application.child.invalid: <Application> holds an <ApplicationSid> with attributes, which it may not have',
    );
  });

  it('accepts blank text around an <Identity> child', () => {
    expect(validateXml('<Response><Dial><Client>\n  <Identity>joey</Identity>\n</Client></Dial></Response>').diagnostics).toEqual([]);
  });
});
