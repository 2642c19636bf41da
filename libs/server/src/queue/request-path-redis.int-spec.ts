import { PartitionProxy } from '../../../../test/support/partition-proxy';
import { RequestPathRedis } from './request-path-redis';

/** Polls until `probe` holds (the reconnection happens on its own schedule). */
async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * The request path's breaker against a real Redis behind a proxy that goes silent (a
 * partition): one command waits out its timeout, the connection is dropped, and the commands
 * after it fail at once instead of each waiting; when Redis answers again the connection comes
 * back by itself.
 */
describe('RequestPathRedis', () => {
  let proxy: PartitionProxy;
  let redis: RequestPathRedis;
  const key = `${process.env.REDIS_PREFIX ?? 'tandem_test'}:breaker:${process.pid}`;

  beforeAll(async () => {
    proxy = await PartitionProxy.start(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    redis = new RequestPathRedis(proxy.via(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'), { commandTimeout: 1000, connectTimeout: 2000 });
    await eventually('the connection to be ready', async () => redis.status === 'ready');
  });

  afterAll(async () => {
    proxy?.resume();
    await redis?.del(key).catch(() => undefined);
    redis?.disconnect();
    await proxy?.close();
  });

  it('fails fast after one timeout while Redis is silent, and uses Redis again once it answers', async () => {
    await redis.set(key, 'before');
    expect(await redis.get(key)).toBe('before');

    proxy.pause();
    // Three requests were waiting on it: they time out together and trip the breaker once.
    const waiting = await Promise.allSettled([redis.get(key), redis.get(key), redis.get(key)]);
    expect(waiting.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'answered'))).toEqual(['Command timed out', 'Command timed out', 'Command timed out']);
    expect(redis.trips).toBe(1);
    // Open: the next commands are refused without being sent, so nothing waits on the silent socket.
    const refused = await Promise.allSettled([redis.get(key), redis.mget(key, key), redis.incr(key)]);
    expect(refused.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'answered'))).toEqual([
      "Stream isn't writeable and enableOfflineQueue options is false",
      "Stream isn't writeable and enableOfflineQueue options is false",
      "Stream isn't writeable and enableOfflineQueue options is false",
    ]);
    expect(redis.trips).toBe(1);

    proxy.resume();
    await eventually('Redis to answer again', async () => (await redis.get(key)) === 'before');
    expect(redis.status).toBe('ready');
    expect(redis.trips).toBe(1);
    await redis.set(key, 'after');
    expect(await redis.get(key)).toBe('after');
  });
});
