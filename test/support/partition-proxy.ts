import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL or Redis that can stop passing bytes without closing
 * anything: a network partition, or a dependency paused mid-request. Connections stay open
 * and silent, which is what hangs a client without deadlines (a clean stop would refuse the
 * connection and fail fast on its own).
 */
export class PartitionProxy {
  private readonly server: net.Server;
  private readonly pairs = new Set<{ client: net.Socket; upstream: net.Socket | null }>();
  private paused = false;
  private down = false;
  port = 0;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {
    this.server = net.createServer((client) => this.accept(client));
  }

  static async start(target: string): Promise<PartitionProxy> {
    const url = new URL(target);
    const proxy = new PartitionProxy(url.hostname, Number(url.port));
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    proxy.port = (proxy.server.address() as AddressInfo).port;
    return proxy;
  }

  /** `url` with its host and port replaced by the proxy's. */
  via(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    for (const p of this.pairs) {
      if (p.upstream) {
        p.client.unpipe(p.upstream);
        p.upstream.unpipe(p.client);
        p.upstream.pause();
      }
      p.client.pause();
    }
  }

  resume(): void {
    // Piping twice would pass every byte twice.
    if (!this.paused) return;
    this.paused = false;
    for (const p of this.pairs) {
      if (!p.upstream) this.connect(p);
      else this.flow(p.client, p.upstream);
    }
  }

  /**
   * The dependency goes down as a restarting server does: every open connection is cut
   * (its backend is gone, a transaction in it rolled back) and new ones are refused until
   * `up()`.
   */
  goDown(): void {
    this.down = true;
    for (const p of this.pairs) {
      p.client.destroy();
      p.upstream?.destroy();
    }
    this.pairs.clear();
  }

  up(): void {
    this.down = false;
  }

  async close(): Promise<void> {
    for (const p of this.pairs) {
      p.client.destroy();
      p.upstream?.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    if (this.down) {
      client.on('error', () => undefined);
      client.destroy();
      return;
    }
    const pair = { client, upstream: null as net.Socket | null };
    this.pairs.add(pair);
    client.on('error', () => undefined);
    client.on('close', () => {
      pair.upstream?.destroy();
      this.pairs.delete(pair);
    });
    // While partitioned a new connection is accepted (as the kernel would) and never answered.
    if (this.paused) client.pause();
    else this.connect(pair);
  }

  private connect(pair: { client: net.Socket; upstream: net.Socket | null }): void {
    const upstream = net.connect(this.targetPort, this.targetHost);
    pair.upstream = upstream;
    upstream.on('error', () => pair.client.destroy());
    upstream.on('close', () => pair.client.destroy());
    this.flow(pair.client, upstream);
  }

  private flow(client: net.Socket, upstream: net.Socket): void {
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
