import { parseServiceAddress, serviceTarget } from './service-target';

describe('service addresses (<SERVICE>_SERVICE_ADDR)', () => {
  it('reads one host:port, a list of them, and a dns:/// target', () => {
    expect(parseServiceAddress('message:50052')).toEqual({ kind: 'hosts', hosts: [{ host: 'message', port: 50052 }] });
    expect(parseServiceAddress('10.0.0.1:50052, message-2:50053,[::1]:50054')).toEqual({
      kind: 'hosts',
      hosts: [
        { host: '10.0.0.1', port: 50052 },
        { host: 'message-2', port: 50053 },
        { host: '::1', port: 50054 },
      ],
    });
    expect(parseServiceAddress('dns:///message:50052')).toEqual({ kind: 'dns', name: 'message', port: 50052 });
  });

  it('refuses what is not host:port, naming the part that is wrong', () => {
    expect(() => parseServiceAddress('message')).toThrow('"message" is not host:port');
    expect(() => parseServiceAddress('a:1,b')).toThrow('"b" is not host:port');
    expect(() => parseServiceAddress('a:0')).toThrow('"a:0" is not host:port');
    expect(() => parseServiceAddress('a:70000')).toThrow('"a:70000" is not host:port');
    expect(() => parseServiceAddress('dns:///message')).toThrow('"message" is not host:port');
    expect(() => parseServiceAddress(' , ')).toThrow('no address given');
  });

  it('hands grpc-js one address or a dns target as they are, and a list to the parley-hosts resolver', () => {
    expect(serviceTarget('127.0.0.1:50052')).toBe('127.0.0.1:50052');
    expect(serviceTarget('dns:///message:50052')).toBe('dns:///message:50052');
    expect(serviceTarget('127.0.0.1:1,localhost:2,[::1]:3')).toBe('parley-hosts:127.0.0.1:1,localhost:2,[::1]:3');
  });
});
