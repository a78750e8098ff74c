import { describe, expect, it } from 'vitest';
import { validateXml } from '../../reference/validate.js';
import { parseTwiml } from '../../src/xml/parse.js';
import { SerializeError, serializeTwiml } from '../../src/xml/serialize.js';
import type { TwimlDocument } from '../../src/model/document.js';

const BILLION_LAUGHS = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE lolz [',
  '<!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>',
  '<Response><Say>&lol9;</Say></Response>',
].join('\n');

function ruleIds(xml: string, maxBytes?: number): string[] {
  return validateXml(xml, maxBytes === undefined ? {} : { maxBytes }).diagnostics.map((diagnostic) => diagnostic.ruleId);
}

describe('entities and DTDs are never expanded', () => {
  it('rejects an entity bomb with xml.dtd, pointing at the DOCTYPE', () => {
    const { document, diagnostics } = validateXml(BILLION_LAUGHS);
    expect(document).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'xml.dtd', code: 12100, severity: 'error', line: 2, column: 1 })]);
  });

  it('refuses an external entity, declared or not', () => {
    expect(ruleIds('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Response><Say>&x;</Say></Response>')).toEqual(['xml.dtd']);
    expect(ruleIds('<!DOCTYPE Response SYSTEM "http://127.0.0.1:1/twiml.dtd"><Response/>')).toEqual(['xml.dtd']);
    const undeclared = validateXml('<Response><Say>&x;</Say></Response>').diagnostics;
    expect(undeclared).toEqual([expect.objectContaining({ ruleId: 'xml.malformed', line: 1, column: 16 })]);
    expect(undeclared[0]?.message).toContain('&x;');
  });

  it('reads the five predefined entities and character references, and refuses references to non-characters', () => {
    const outcome = parseTwiml('<Response><Say a="&lt;&#x9;&#10;&#13;&quot;">&amp;&gt;&apos;&#x1F600;</Say></Response>');
    expect(outcome.ok && outcome.document.verbs[0]).toEqual({ kind: 'element', name: 'Say', attributes: { a: '<\t\n\r"' }, children: [{ kind: 'text', text: "&>'😀" }] });
    expect(ruleIds('<Response><Say>&#0;</Say></Response>')).toEqual(['xml.malformed']);
    expect(ruleIds('<Response><Say>&#xD800;</Say></Response>')).toEqual(['xml.malformed']);
  });

  it('does not mistake a DOCTYPE or an "&" inside a comment or CDATA for markup', () => {
    expect(ruleIds('<!-- <!DOCTYPE x> & --><Response><Say><![CDATA[ & <!ENTITY ]]></Say></Response>')).toEqual([]);
  });
});

describe('names that Object.prototype also has', () => {
  const names = ['toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '__lookupSetter__'];

  it('keeps them as written, in elements and attributes, and reads the rest of the document the same', () => {
    for (const name of names) {
      const xml = `<Response ${name}="a"><${name}/><Dial ${name}="b"><${name}>x</${name}><Number ${name}="c">+15551234567</Number></Dial></Response>`;
      const outcome = parseTwiml(xml);
      expect(outcome.ok, name).toBe(true);
      if (outcome.ok) expect(serializeTwiml(outcome.document, { declaration: false }), name).toBe(xml);
    }
  });

  it('names them as written in diagnostics', () => {
    for (const name of names) {
      const paths = validateXml(`<Response><${name}/><Dial ${name}="b">+15551234567</Dial></Response>`).diagnostics.map((diagnostic) => diagnostic.path);
      expect(paths, name).toEqual([`/Response/${name}[1]`, `/Response/Dial[1]/@${name}`]);
    }
  });

  it('refuses __proto__, constructor and prototype as names, which the XML reader never reads into objects', () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      expect(ruleIds(`<Response><${name}/></Response>`), name).toEqual(['xml.malformed']);
      expect(ruleIds(`<Response><Dial ${name}="1">+15551234567</Dial></Response>`), name).toEqual(['xml.malformed']);
    }
  });
});

describe('size cap (Twilio refuses TwiML over 64 kB, 11750)', () => {
  const padded = (bytes: number): string => {
    const head = '<Response><Say>';
    const tail = '</Say></Response>';
    return head + 'x'.repeat(bytes - head.length - tail.length) + tail;
  };

  it('accepts 65536 bytes and refuses 65537 by default', () => {
    expect(ruleIds(padded(65536))).toEqual([]);
    expect(validateXml(padded(65537)).diagnostics).toEqual([expect.objectContaining({ ruleId: 'xml.size', code: 11750, severity: 'error', path: '/' })]);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const head = '<Response><Say>';
    const tail = '</Say></Response>';
    const room = 65536 - head.length - tail.length;
    expect(ruleIds(head + 'é'.repeat(room / 2) + tail)).toEqual([]);
    expect(ruleIds(head + 'é'.repeat(room / 2) + 'x' + tail)).toEqual(['xml.size']);
  });

  it('takes another limit when asked', () => {
    expect(ruleIds(padded(101), 100)).toEqual(['xml.size']);
    expect(ruleIds(padded(100), 100)).toEqual([]);
    expect(ruleIds(padded(70000), 100000)).toEqual([]);
  });
});

describe('malformed XML is reported with a clear line and column', () => {
  const at = (xml: string): unknown => {
    const [diagnostic] = validateXml(xml).diagnostics;
    return { ruleId: diagnostic?.ruleId, line: diagnostic?.line, column: diagnostic?.column };
  };

  it.each([
    ['an unquoted attribute', '<Response>\n  <Dial timeout=10>1</Dial>\n</Response>', 2, 9],
    ['a mismatched closing tag', '<Response>\n<Dial>1</Dail>\n</Response>', 2, 8],
    ['an element never closed', '<Response>\n<Dial>\n  <Number>1</Number>', 2, 1],
    ['a raw "&"', '<Response>\n<Dial action="/a?x=1&y=2">1</Dial>\n</Response>', 2, 21],
    ['a second root element', '<Response/>\n<Response/>', 2, 1],
    ['text after the root', '<Response/>\ntail', 2, 1],
    ['a control character', '<Response>\n<Say>a\u0001</Say></Response>', 2, 7],
    ['leading white space before the declaration', ' <?xml version="1.0"?><Response/>', 1, 7],
    ['"]]>" in text (XML 1.0 §2.4)', '<Response>\n<Say voice="a]]>b">x]]>y</Say></Response>', 2, 21],
    ['a "<" inside an attribute value (XML 1.0 §3.1)', '<Response>\n<Pause length="<2"/><Dial>1</Dial></Response>', 2, 16],
    ['a tag after the root, past a comment', '<Response><Say>a b</Say></Response><!-- c -->\n<Extra/>', 2, 1],
    ['a "<" in a later attribute value, in single quotes', '<Response>\n<Say voice="a" language=\'b<c\'>x y</Say></Response>', 2, 27],
    ['a line ending in CR LF (counted once)', '<Response>\r\n<Dial>1</Dail>\r\n</Response>', 2, 8],
  ])('%s', (_name, xml, line, column) => {
    expect(at(xml)).toEqual({ ruleId: 'xml.malformed', line, column });
    const message = validateXml(xml).diagnostics[0]?.message ?? '';
    expect(message).toContain(`line ${line}, column ${column}`);
    expect(message.length).toBeLessThan(200);
  });

  it('reports a wrong root as response.root (12102), not as malformed', () => {
    expect(validateXml('<Foo/>').diagnostics).toEqual([expect.objectContaining({ ruleId: 'response.root', code: 12102, path: '/Foo' })]);
  });

  it('says which element is never closed in one short sentence, even thousands deep', () => {
    const [diagnostic] = validateXml(`<Response>${'<a>'.repeat(5000)}`).diagnostics;
    expect(diagnostic?.message).toMatch(/^element <a> is never closed at line 1, column \d+$/);
  });
});

describe('attribute value normalisation (XML 1.0 §3.3.3)', () => {
  const attribute = (xml: string): string | undefined => {
    const outcome = parseTwiml(xml);
    return outcome.ok ? outcome.document.attributes['a'] : undefined;
  };

  it('reads literal TAB, LF and CR (alone or in CR LF) as one space each', () => {
    expect(attribute('<Response a="x\ty"/>')).toBe('x y');
    expect(attribute('<Response a="x\ny"/>')).toBe('x y');
    expect(attribute('<Response a="x\r\ny"/>')).toBe('x y');
    expect(attribute('<Response a="x\ry"/>')).toBe('x y');
  });

  it('keeps the characters written as references', () => {
    expect(attribute('<Response a="x&#9;y&#xA;z&#13;w&#xD;&#xA;"/>')).toBe('x\ty\nz\rw\r\n');
  });

  it('reads CR LF and a lone CR in text as LF, and &#13; in text as CR', () => {
    const outcome = parseTwiml('<Response><Say>a\r\nb\rc&#13;d</Say></Response>');
    expect(outcome.ok && outcome.document.verbs[0]).toMatchObject({ children: [{ kind: 'text', text: 'a\nb\nc\rd' }] });
  });
});

describe('the serializer refuses what XML 1.0 cannot carry', () => {
  const withSay = (text: string, attributes: Record<string, string> = {}, name = 'Say'): TwimlDocument => ({
    root: 'Response',
    attributes: {},
    verbs: [{ kind: 'element', name, attributes, children: [{ kind: 'text', text }] }],
  });

  it.each([
    ['a C0 control character in text', withSay('a\u0001b'), '/Response/Say[1]'],
    ['a C0 control character in an attribute', withSay('ok', { loop: 'a\u0000' }), '/Response/Say[1]/@loop'],
    ['a lone surrogate', withSay('a\uD800'), '/Response/Say[1]'],
    ['U+FFFE', withSay('\uFFFE'), '/Response/Say[1]'],
    ['an element name that is not an XML name', withSay('x', {}, '1Say'), '/Response/1Say[1]'],
    ['an element name with a space', withSay('x', {}, 'Say now'), '/Response/Say now[1]'],
    ['an attribute name that is not an XML name', withSay('x', { 'bad name': '1' }), '/Response/Say[1]/@bad name'],
  ])('%s is a SerializeError naming the path', (_name, document, path) => {
    let thrown: unknown;
    try {
      serializeTwiml(document);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SerializeError);
    expect((thrown as SerializeError).path).toBe(path);
  });

  it('escapes what XML can carry so that it reads back the same', () => {
    const document = withSay(' <&>"\'\t\n\r]]> 😀 ', { a: ' <&>"\'\t\n\r ' });
    const xml = serializeTwiml(document);
    expect(xml).toContain('a=" &lt;&amp;&gt;&quot;\'&#x9;&#xA;&#xD; "');
    const outcome = parseTwiml(xml);
    expect(outcome.ok && outcome.document).toEqual(document);
  });

  it('keeps prefixed and non-ASCII names as the parser read them', () => {
    const xml = '<Response xmlns:t="urn:t"><t:Say xml:lang="fr">a</t:Say><Número>1</Número></Response>';
    const outcome = parseTwiml(xml);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(serializeTwiml(outcome.document, { declaration: false })).toBe(xml);
  });
});
