// The all-in-one composes api, scheduler and worker, each importing the infrastructure it uses: every
// import of one infrastructure module must land on the same instance (one pool, one Redis connection).
import { ModulesContainer } from '@nestjs/core';
import { DbModule } from '@hopwatch/db';
import { ConfigModule } from '@hopwatch/platform';
import { QueueModule } from '@hopwatch/queue';
import { DependencyMonitorModule, TargetPolicyModule } from '@hopwatch/runtime';
import { ApiModule } from '../../apps/api/src/api.module';
import { SchedulerModule } from '../../apps/scheduler/src/scheduler.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { BootedPipeline, bootPipeline } from '../support/boot-pipeline';

describe('one process, one infrastructure', () => {
  let pipeline: BootedPipeline;

  beforeAll(async () => {
    pipeline = await bootPipeline();
  });

  afterAll(async () => {
    await pipeline?.close();
  });

  const modules = () => [...pipeline.app.get(ModulesContainer).values()];
  const instancesOf = (type: object) => modules().filter((module) => module.metatype === type);

  it.each([
    { name: 'ConfigModule', type: ConfigModule },
    { name: 'DbModule', type: DbModule },
    { name: 'QueueModule', type: QueueModule },
    { name: 'TargetPolicyModule', type: TargetPolicyModule },
    { name: 'DependencyMonitorModule', type: DependencyMonitorModule },
  ])('builds $name once, however many roles import it', ({ type }) => {
    expect(instancesOf(type)).toHaveLength(1);
  });

  it.each([
    { role: 'ApiModule', type: ApiModule, uses: [ConfigModule, DbModule, QueueModule, TargetPolicyModule, DependencyMonitorModule] },
    { role: 'WorkerModule', type: WorkerModule, uses: [ConfigModule, DbModule, QueueModule, TargetPolicyModule, DependencyMonitorModule] },
    { role: 'SchedulerModule', type: SchedulerModule, uses: [ConfigModule, DbModule, QueueModule, DependencyMonitorModule] },
  ])('has $role import the infrastructure it uses, and no more', ({ type, uses }) => {
    const [role] = instancesOf(type);
    const infrastructure = new Set<object>([ConfigModule, DbModule, QueueModule, TargetPolicyModule, DependencyMonitorModule]);
    const imported = [...role.imports].map((module) => module.metatype).filter((metatype) => infrastructure.has(metatype));
    expect(new Set(imported)).toEqual(new Set(uses));
  });

  it('serves a request that goes through the database', async () => {
    await pipeline.http().get('/health/ready').expect(200);
    await pipeline.http().get('/api/v1/sites').set(pipeline.auth).expect(200);
  });
});
