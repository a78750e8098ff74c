import { describe, expect, it } from 'vitest';
import { validateXml } from '../../reference/validate.js';

/**
 * Defects the issue 11 audit found in the validator, one test each, written before the fix (each failed
 * then). Every case names its source; the valid neighbour of each draws nothing.
 */
const NUMBER = '+14155550100';
const found = (xml: string): { ruleId: string; code: number; severity: string; path: string }[] =>
  validateXml(xml).diagnostics.map(({ ruleId, code, severity, path }) => ({ ruleId, code, severity, path }));

describe('<Response> attributes (page §err-12101, §response-version, §api-versions)', () => {
  it('an invalid version is error 12101', () => {
    expect(found(`<Response version="2.0"><Dial>${NUMBER}</Dial></Response>`)).toEqual([
      { ruleId: 'response.version', code: 12101, severity: 'error', path: '/Response/@version' },
    ]);
    expect(found(`<Response version=""><Dial>${NUMBER}</Dial></Response>`).map((d) => d.ruleId)).toEqual(['response.version']);
  });

  it('the two API versions are valid', () => {
    expect(found(`<Response version="2010-04-01"><Dial>${NUMBER}</Dial></Response>`)).toEqual([]);
    expect(found(`<Response version="2008-08-01"><Dial>${NUMBER}</Dial></Response>`)).toEqual([]);
  });

  it('any other attribute of <Response> is the schema warning 12200 (facts §1.2)', () => {
    expect(found(`<Response lang="en"><Dial>${NUMBER}</Dial></Response>`)).toEqual([
      { ruleId: 'response.unknown-attribute', code: 12200, severity: 'warning', path: '/Response/@lang' },
    ]);
  });
});

describe('<Dial> held by another verb (page §err-13320, §gather-nesting, §gather-pause, §response-nesting)', () => {
  it('<Dial> inside <Gather> is warning 13320', () => {
    expect(found(`<Response><Gather><Dial>${NUMBER}</Dial></Gather></Response>`)).toEqual([
      { ruleId: 'gather.child.invalid', code: 13320, severity: 'warning', path: '/Response/Gather[1]/Dial[1]' },
    ]);
  });

  it('only <Say>, <Play> and <Pause> nest in <Gather>', () => {
    expect(found('<Response><Gather numDigits="1"><Say>Press 1</Say><Play>https://example.com/a.mp3</Play><Pause length="2"/></Gather></Response>')).toEqual([]);
    expect(found('<Response><Gather><Record/></Gather></Response>').map((d) => d.ruleId)).toEqual(['gather.child.invalid']);
  });

  it('<Dial> nested in any other verb is the schema warning 12200, found at any depth', () => {
    expect(found(`<Response><Say>hi<Dial>${NUMBER}</Dial></Say></Response>`)).toEqual([
      { ruleId: 'dial.nested', code: 12200, severity: 'warning', path: '/Response/Say[1]/Dial[1]' },
    ]);
    expect(found(`<Response><Gather><Say><Dial>${NUMBER}</Dial></Say></Gather></Response>`).map((d) => d.path)).toEqual(['/Response/Gather[1]/Say[1]/Dial[1]']);
  });

  it('SSML inside <Say> is not a <Dial> and draws nothing', () => {
    expect(found('<Response><Say>Hello <break time="1s"/> world</Say></Response>')).toEqual([]);
  });
});

describe('SIP headers in a <Sip> URI (page §err-13252, §err-13253, §err-21227; facts §2.1, §2.4)', () => {
  const sip = (uri: string): string => `<Response><Dial><Sip>${uri}</Sip></Dial></Response>`;

  it('a custom header without the x- prefix is warning 13252', () => {
    expect(found(sip('sip:alice@example.com?mycustomheader=foo'))).toEqual([
      { ruleId: 'sip.header.name', code: 13252, severity: 'warning', path: '/Response/Dial[1]/Sip[1]' },
    ]);
  });

  it('x- headers and the four named headers are valid, in any case', () => {
    expect(found(sip('sip:AgentA@xyz.sip.us1.twilio.com?User-to-User=123456789%3Bencoding%3Dhex&amp;X-Name=Agent%2C+A'))).toEqual([]);
    expect(found(sip('sip:a@example.com?x-a=1&amp;Remote-Party-ID=2&amp;P-Preferred-Identity=3&amp;P-Called-Party-ID=4'))).toEqual([]);
  });

  it('a header name with characters SIP does not allow (after percent-decoding) is warning 13252', () => {
    expect(found(sip('sip:a@example.com?X-Na%20me=1')).map((d) => d.ruleId)).toEqual(['sip.header.name']);
    expect(found(sip('sip:a@example.com?=1')).map((d) => d.ruleId)).toEqual(['sip.header.name']);
  });

  it('headers are measured apart from the URI: a URI under 255 characters may carry up to 1023 characters of headers', () => {
    expect(found(sip(`sip:a@example.com?X-Long=${'a'.repeat(900)}`))).toEqual([]);
  });

  it('1024 characters of headers or more is warning 13253', () => {
    const headers = `X-Long=${'a'.repeat(1017)}`;
    expect(headers).toHaveLength(1024);
    expect(found(sip(`sip:a@example.com?${headers}`))).toEqual([
      { ruleId: 'sip.headers.length', code: 13253, severity: 'warning', path: '/Response/Dial[1]/Sip[1]' },
    ]);
    expect(found(sip(`sip:a@example.com?X-Long=${'a'.repeat(1016)}`))).toEqual([]);
  });
});

describe('attributes the sources document but the table missed', () => {
  it('<Client clientNotificationUrl> is a known attribute (facts §2.3)', () => {
    expect(found('<Response><Dial><Client clientNotificationUrl="https://example.com/notify">alice</Client></Dial></Response>')).toEqual([]);
    expect(found('<Response><Dial><Client clientNotificationUrl="ftp://example.com/n">alice</Client></Dial></Response>').map((d) => d.ruleId)).toEqual([
      'client.clientNotificationUrl.url',
    ]);
  });
});

describe('noun-specific callerId rules (facts §2.1, §2.8 [WA])', () => {
  it('dialing <WhatsApp> without a callerId is warning 13214: it needs whatsapp:+…', () => {
    expect(found(`<Response><Dial><WhatsApp>${NUMBER}</WhatsApp></Dial></Response>`)).toEqual([
      { ruleId: 'dial.whatsapp.no-caller-id', code: 13214, severity: 'warning', path: '/Response/Dial[1]' },
    ]);
    expect(found(`<Response><Dial callerId="whatsapp:+15551112222"><WhatsApp>${NUMBER}</WhatsApp></Dial></Response>`)).toEqual([]);
    expect(found(`<Response><Dial callerId="+15551112222"><WhatsApp>${NUMBER}</WhatsApp></Dial></Response>`).map((d) => d.ruleId)).toEqual(['dial.callerId.format']);
  });
});

describe('URLs whose host may not hold an underscore (facts §2.2 statusCallback, §2.3 clientNotificationUrl)', () => {
  it('<Number statusCallback> with an underscore in its host is 11100', () => {
    expect(found(`<Response><Dial><Number statusCallback="https://my_host.example.com/cb">${NUMBER}</Number></Dial></Response>`).map((d) => d.ruleId)).toEqual([
      'number.statusCallback.url',
    ]);
    expect(found(`<Response><Dial><Number statusCallback="https://my-host.example.com/my_cb">${NUMBER}</Number></Dial></Response>`)).toEqual([]);
    expect(found(`<Response><Dial><Number statusCallback="/status_cb">${NUMBER}</Number></Dial></Response>`)).toEqual([]);
  });

  it('<Client clientNotificationUrl> with an underscore in its host is 11100', () => {
    expect(found('<Response><Dial><Client clientNotificationUrl="https://a_b.example.com/n">alice</Client></Dial></Response>').map((d) => d.ruleId)).toEqual([
      'client.clientNotificationUrl.url',
    ]);
  });
});
