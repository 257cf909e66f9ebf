"""Signs requests with botocore's own SigV4 signers, for SigV4BotocoreTest.

Reads a JSON list of request specs on stdin and prints a JSON list of signed requests, one per
spec, as they would go on the wire: method, url, headers (name/value pairs, repeats kept, in
order), body (base64). A spec has:

  id, method, url (scheme://host[:port] and an already percent-encoded path),
  query         [[name, value], ...] appended with botocore.utils.percent_encode_sequence, the way
                botocore's serializers build query strings (optional),
  raw_query     appended verbatim after that (optional),
  headers       [[name, value], ...] set before signing; a repeated name keeps every value,
  after         [[name, value], ...] added after signing, as an HTTP client would (optional),
  body_b64, access_key, secret_key, token (or null), region, service,
  timestamp     ISO 8601 instant the signer sees as "now",
  presign       SigV4QueryAuth instead of SigV4Auth, with expires seconds,
  date_header   sign with a Date header instead of X-Amz-Date,
  unsigned_payload  payload signing disabled (botocore then signs UNSIGNED-PAYLOAD on https).

Run with Debian's /usr/bin/python3 and its python3-botocore.
"""
import base64
import datetime
import json
import sys
import types

import botocore.auth
from botocore.auth import SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.utils import percent_encode_sequence


class FrozenDatetime(datetime.datetime):
    """datetime whose now() is the spec's timestamp; botocore.auth reads the time only through it."""

    frozen = None

    @classmethod
    def utcnow(cls):
        return cls.frozen.replace(tzinfo=None)

    @classmethod
    def now(cls, tz=None):
        return cls.frozen.astimezone(tz) if tz else cls.frozen.replace(tzinfo=None)


frozen_module = types.ModuleType('datetime')
frozen_module.__dict__.update(datetime.__dict__)
frozen_module.datetime = FrozenDatetime
botocore.auth.datetime = frozen_module


def sign(spec):
    url = spec['url']
    if spec.get('query'):
        url += '?' + percent_encode_sequence([(k, v) for k, v in spec['query']])
    if spec.get('raw_query'):
        url += ('&' if '?' in url else '?') + spec['raw_query']

    request = AWSRequest(method=spec['method'], url=url, data=base64.b64decode(spec['body_b64']))
    for name, value in spec['headers']:
        request.headers[name] = value
    if spec.get('date_header'):
        request.headers['Date'] = 'replaced by the signer'
    if spec.get('unsigned_payload'):
        request.context['payload_signing_enabled'] = False

    credentials = Credentials(spec['access_key'], spec['secret_key'], spec.get('token'))
    if spec.get('presign'):
        signer = SigV4QueryAuth(credentials, spec['service'], spec['region'], expires=spec['expires'])
    else:
        signer = SigV4Auth(credentials, spec['service'], spec['region'])
    FrozenDatetime.frozen = datetime.datetime.fromisoformat(spec['timestamp'].replace('Z', '+00:00'))
    signer.add_auth(request)

    prepared = request.prepare()
    headers = [[name, value] for name, value in request.headers.items()]
    names = {name.lower() for name, _ in headers}
    # What the HTTP client adds on the wire: Host (from the URL, as botocore signed it) and the
    # Content-Length that prepare() computed.
    if 'host' not in names:
        headers.insert(0, ['Host', botocore.auth._host_from_url(prepared.url)])
    if 'content-length' not in names and 'Content-Length' in prepared.headers:
        headers.append(['Content-Length', prepared.headers['Content-Length']])
    for name, value in spec.get('after') or []:
        headers.append([name, value])

    body = prepared.body or b''
    if isinstance(body, str):
        body = body.encode('utf-8')
    return {
        'id': spec['id'],
        'method': prepared.method,
        'url': prepared.url,
        'headers': headers,
        'body_b64': base64.b64encode(body).decode('ascii'),
    }


def main():
    specs = json.load(sys.stdin)
    json.dump([sign(spec) for spec in specs], sys.stdout)


if __name__ == '__main__':
    main()
