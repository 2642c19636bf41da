import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { MEMBERSHIP_STATUSES, type DashboardCounts, type MembershipStatus } from '@tandem/contracts';
import { PrismaService, RequestContext } from '@tandem/server';
import { RequirePermission } from '../common/decorators';

class DashboardCountsDto {
  @ApiProperty() consortia: number;
  @ApiProperty() organisations: number;
  @ApiProperty({ example: { applicant: 2, active: 40, suspended: 1, exited: 1 } }) memberships: Record<string, number>;
  @ApiProperty() users: number;
  @ApiProperty() pendingOutbox: number;
}

/** Counts for the staff dashboard, computed by PostgreSQL within the caller's scope. */
@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @RequirePermission('dashboard.read', 'Counts for the dashboard')
  @ApiOkResponse({ type: DashboardCountsDto })
  async counts(): Promise<DashboardCounts> {
    const p = this.context.requirePrincipal();
    // A funder sees the consortium's membership counts: aggregates that describe no single firm.
    if (p.role === 'funder' && p.consortiumId) return this.consortiumAggregates(p.consortiumId);
    const db = this.prisma.read;
    const [consortia, organisations, byStatus, users, pendingOutbox] = await Promise.all([
      db.consortium.count(),
      db.organisation.count(),
      db.membership.groupBy({ by: ['status'], _count: { _all: true } }),
      db.user.count(),
      db.outboxMessage.count({ where: { status: 'pending' } }),
    ]);
    const memberships = Object.fromEntries(MEMBERSHIP_STATUSES.map((s) => [s, 0])) as Record<MembershipStatus, number>;
    for (const row of byStatus) memberships[row.status] = row._count._all;
    return { consortia, organisations, memberships, users, pendingOutbox };
  }

  private async consortiumAggregates(consortiumId: string): Promise<DashboardCounts> {
    // Cross-scope on purpose: the funder reads no membership itself, only these counts.
    const db = this.prisma.crossScope('funder-aggregates', { replica: true });
    const [byStatus, users] = await Promise.all([
      db.membership.groupBy({ by: ['status'], where: { consortiumId }, _count: { _all: true } }),
      db.user.count({ where: { roleAssignments: { some: { consortiumId } } } }),
    ]);
    const memberships = Object.fromEntries(MEMBERSHIP_STATUSES.map((s) => [s, 0])) as Record<MembershipStatus, number>;
    for (const row of byStatus) memberships[row.status] = row._count._all;
    const organisations = Object.values(memberships).reduce((a, b) => a + b, 0);
    return { consortia: 1, organisations, memberships, users, pendingOutbox: 0 };
  }
}
