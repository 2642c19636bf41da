import { Injectable } from '@nestjs/common';
import { ClsService, type ClsStore } from 'nestjs-cls';
import type { Principal } from './principal';

export interface TandemCls extends ClsStore {
  principal?: Principal;
  requestId?: string;
}

/** The current request's principal and id, carried by AsyncLocalStorage (nestjs-cls). */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService<TandemCls>) {}

  get principal(): Principal | undefined {
    return this.cls.isActive() ? this.cls.get('principal') : undefined;
  }

  requirePrincipal(): Principal {
    const p = this.principal;
    if (!p) throw new Error('no principal in context: scoped data access outside an authenticated request');
    return p;
  }

  setPrincipal(p: Principal): void {
    this.cls.set('principal', p);
  }

  get requestId(): string | undefined {
    return this.cls.isActive() ? this.cls.getId() : undefined;
  }

  /** Run work (a job, a seed step) as a given principal outside an HTTP request. */
  runAs<T>(p: Principal, fn: () => Promise<T>): Promise<T> {
    return this.cls.run(() => {
      this.cls.set('principal', p);
      return fn();
    });
  }
}
