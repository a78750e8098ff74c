#!/usr/bin/python3
"""A dial-kit stdio adapter for the twilio Python helper (Debian: apt-get install python3-twilio).

Run: dial-kit generator --stdio -- /usr/bin/python3 examples/python-builder/builder.py
Protocol: schemas/builder-protocol.schema.json -- one JSON request per line on stdin,
one JSON answer per line on stdout. Logs go to stderr only. It speaks version 2: every answer
says so, and version 2 requests carry typed attribute values (numbers, booleans, lists, None for
an unset option), passed to the helper as keyword arguments as they are, as Python users do.
"""
import json
import sys

from twilio.twiml.voice_response import Parameter, VoiceResponse

# The helper's Dial has methods for these nouns; the others go through add_child.
TEXT_NOUNS = {'Number': 'number', 'Conference': 'conference', 'Queue': 'queue', 'Sip': 'sip', 'Sim': 'sim'}


def add_element(parent, tag, value, attributes):
    """add_child(tag, value, **attributes); its own parameters are called name and value, so
    attributes with those names are set on the node instead of passed as keywords."""
    if 'name' in attributes or 'value' in attributes:
        node = parent.add_child(tag, value)
        node.attrs.update(attributes)
        return node
    return parent.add_child(tag, value, **attributes)


def add_generic(parent, node):
    if node['kind'] == 'text':
        parent.append(node['text'])
        return
    child = add_element(parent, node['name'], None, node['attributes'])
    for grandchild in node['children']:
        add_generic(child, grandchild)


def add_noun(dial, noun):
    kind = noun['kind']
    if kind in ('text', 'element'):
        add_generic(dial, noun)
        return
    attributes = noun['attributes']
    if kind in TEXT_NOUNS and hasattr(dial, TEXT_NOUNS[kind]):
        getattr(dial, TEXT_NOUNS[kind])(noun['text'], **attributes)
    elif kind == 'Client':
        client = dial.client(noun['text'] or None, **attributes)
        if 'identity' in noun:
            client.identity(noun['identity'])
        for parameter in noun['parameters']:
            client.parameter(**parameter['attributes'])
    elif kind == 'Application':
        # This helper version has no dial.application(); add_child writes the same elements.
        application = add_element(dial, 'Application', None, attributes)
        if 'applicationSid' in noun:
            application.add_child('ApplicationSid', noun['applicationSid'])
        for parameter in noun['parameters']:
            application.nest(Parameter(**parameter['attributes']))
    else:
        add_element(dial, kind, noun.get('text') or None, attributes)


def build(document):
    if document['root'] != 'Response' or document['attributes']:
        raise ValueError('the twilio helper always writes a bare <Response> root')
    response = VoiceResponse()
    for verb in document['verbs']:
        if verb['kind'] == 'Dial':
            children = verb['children']
            if len(children) == 1 and children[0]['kind'] == 'text':
                response.dial(children[0]['text'], **verb['attributes'])
            else:
                dial = response.dial(**verb['attributes'])
                for child in children:
                    add_noun(dial, child)
        else:
            add_generic(response, verb)
    return response.to_xml()


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        if request.get('version') not in (1, 2):
            sys.stderr.write('unsupported protocol version %r\n' % request.get('version'))
            return 1
        try:
            answer = {'id': request['id'], 'version': 2, 'xml': build(request['document'])}
        except Exception as error:  # the builder refused: a conforming answer for an invalid document
            answer = {'id': request['id'], 'version': 2, 'error': '%s: %s' % (type(error).__name__, error)}
        sys.stdout.write(json.dumps(answer) + '\n')
        sys.stdout.flush()
    return 0


if __name__ == '__main__':
    sys.exit(main())
