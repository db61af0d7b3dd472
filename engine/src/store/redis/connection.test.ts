import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redisTarget } from '../../config.ts';
import { parseClusterNodes } from './connection.ts';

describe('REDIS_CLUSTER_NODES', () => {
  it('parses host:port lists and redis URLs with shared credentials', () => {
    expect(parseClusterNodes('10.0.0.1:7000, redis-b:7001,')).toEqual({
      cluster: [
        { host: '10.0.0.1', port: 7000 },
        { host: 'redis-b', port: 7001 },
      ],
    });
    expect(parseClusterNodes('rediss://:s3cret@a:7000,rediss://:s3cret@[::1]:7001')).toEqual({
      cluster: [
        { host: 'a', port: 7000 },
        { host: '::1', port: 7001 },
      ],
      password: 's3cret',
      tls: true,
    });
  });

  it('refuses entries without a port, other schemes and mixed credentials', () => {
    expect(() => parseClusterNodes('a')).toThrow('"a" is not host:port');
    expect(() => parseClusterNodes('a:0')).toThrow('"a:0" is not host:port');
    expect(() => parseClusterNodes(' , ')).toThrow('needs at least one host:port');
    expect(() => parseClusterNodes('http://a:1')).toThrow('use redis:// or rediss://');
    expect(() => parseClusterNodes('redis://:x@a:1,b:2')).toThrow('same scheme and credentials');
  });

  it('is validated with the rest of the config and excludes REDIS_URL', () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7000,127.0.0.1:7001' });
    expect(redisTarget(config)).toEqual({
      cluster: [
        { host: '127.0.0.1', port: 7000 },
        { host: '127.0.0.1', port: 7001 },
      ],
    });
    expect(redisTarget(loadConfig({ REDIS_URL: 'redis://r:6379' }))).toEqual({
      url: 'redis://r:6379',
    });
    expect(redisTarget(loadConfig({}))).toBeUndefined();
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'nope' })).toThrow(
      /REDIS_CLUSTER_NODES: "nope" is not host:port/,
    );
    expect(() =>
      loadConfig({ REDIS_URL: 'redis://r:6379', REDIS_CLUSTER_NODES: 'a:7000' }),
    ).toThrow(ConfigError);
  });
});
