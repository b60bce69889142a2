import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MaintenanceWindowEntity } from './maintenance-window.entity';

export type NewMaintenanceWindow = Pick<MaintenanceWindowEntity, 'name' | 'siteIds' | 'tags' | 'startsAt' | 'endsAt'> & { managedBy?: string | null };

@Injectable()
export class MaintenanceWindowRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get windows() {
    return this.dataSource.getRepository(MaintenanceWindowEntity);
  }

  create(window: NewMaintenanceWindow): Promise<MaintenanceWindowEntity> {
    return this.windows.save(this.windows.create(window));
  }

  list(): Promise<MaintenanceWindowEntity[]> {
    return this.windows.find({ order: { startsAt: 'DESC' } });
  }

  async delete(id: string): Promise<boolean> {
    return ((await this.windows.delete({ id })).affected ?? 0) > 0;
  }
}
